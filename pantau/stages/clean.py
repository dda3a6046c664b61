"""Stage `clean`: the main text of a page, with page furniture and spam moved into `noise`.

Reads `doc.raw`, `doc.raw_kind` and `doc.hints`; writes `doc.text`, `doc.noise`, `doc.title`,
`doc.url`. Decisions:

- HTML (`raw_kind == "html"`): trafilatura extracts the main text, precision first
  (`favor_precision`, no comments, no tables, de-duplication within the page only: a fresh cache
  per document, so no state is shared between documents). Its output then goes through the same
  text-level pass as plain text, because spam sits inside body paragraphs. What trafilatura drops
  (navigation, sidebars, footers) is not listed in `noise`: only text-level removals are.
  Broken pages, or pages where trafilatura finds nothing, fall back to the visible text of the page
  (lxml, without scripts, styles, navigation, asides, footers, forms and comment/share/ad boxes).
- Plain text: `pantau.cleaning.lines.LineCleaner` removes furniture line by line and spam phrase
  by phrase; see that module for the rules and `pantau/data/noise-*.txt` for the lexicons.
- The pass is repeated until the text no longer changes, so `doc.text` is final: cleaning it again
  changes nothing and lists no noise (later stages keep offsets into it). A pass that removed
  nothing and joined no lines only normalised spaces, so it is already final.
- `doc.title`: `hints.title`, else the page's metadata title (the HTML itself, or the HTML given
  alongside a text record), else the first line of the text when it looks like a headline
  (3-20 words, no sentence inside, no final `.`/`,`/`;`/`:`).
- `doc.url`: `hints.url`, else the canonical URL from the HTML metadata.
- Nothing here touches the network: trafilatura only ever receives an HTML string, never a URL.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml.etree import ParserError
from trafilatura.deduplication import LRUCache

from ..cleaning.lexicon import load_lexicon
from ..cleaning.lines import LineCleaner
from ..model import Document, Noise

MAX_PASSES = 4
_DEDUP_CACHE_SIZE = 1024
_BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
               "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "figcaption", "header", "main")
_DROP_XPATH = ("//script|//style|//noscript|//template|//svg|//iframe|//nav|//aside|//footer|//form"
               "|//*[contains(concat(' ', normalize-space(@class), ' ', @id, ' '), 'comment')"
               " or contains(@class, 'share') or contains(@class, 'sidebar') or contains(@class, 'related')"
               " or contains(@class, 'advert') or contains(@class, 'iklan') or contains(@id, 'sidebar')]")


@dataclass(slots=True, frozen=True)
class PageMeta:
    """What the HTML metadata says about the page."""

    title: str | None = None
    url: str | None = None


def _clean_str(value: object) -> str | None:
    """A stripped non-empty string, or None."""
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def page_metadata(html: str) -> PageMeta:
    """Title and canonical URL from HTML metadata (trafilatura, else `<title>` / `link rel=canonical`)."""
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - untrusted HTML: metadata is optional, never fatal
        meta = None
    title = _clean_str(getattr(meta, "title", None))
    url = _clean_str(getattr(meta, "url", None))
    if title and url:
        return PageMeta(title, url)
    root = _parse(html)
    if root is not None:
        title = title or _clean_str(" ".join(root.xpath("//title//text()")))
        hrefs = root.xpath("//link[@rel='canonical']/@href|//meta[@property='og:url']/@content")
        url = url or (_clean_str(hrefs[0]) if hrefs else None)
    return PageMeta(title, url)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """Parse HTML leniently; None when there is nothing to parse."""
    try:
        return lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return None


def visible_text(html: str) -> str:
    """The visible text of a page, one block element a line, without scripts and page chrome."""
    root = _parse(html)
    if root is None:
        return ""
    for head in root.xpath("//head"):
        head.drop_tree()
    for el in root.xpath(_DROP_XPATH):
        if el.getparent() is not None:
            el.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    return root.text_content()


def main_text(html: str) -> tuple[str, PageMeta]:
    """trafilatura's precision-oriented main text and metadata; visible text when it finds nothing."""
    try:
        result = trafilatura.bare_extraction(
            html, favor_precision=True, include_comments=False, include_tables=False,
            deduplicate=LRUCache(maxsize=_DEDUP_CACHE_SIZE), with_metadata=True)
    except Exception:  # noqa: BLE001 - trafilatura on broken markup: fall back, never fail the document
        result = None
    text = _clean_str(getattr(result, "text", None))
    meta = PageMeta(_clean_str(getattr(result, "title", None)), _clean_str(getattr(result, "url", None)))
    if text:
        return getattr(result, "text", ""), meta
    fallback = page_metadata(html)
    return visible_text(html), PageMeta(meta.title or fallback.title, meta.url or fallback.url)


class Cleaner:
    """The `clean` stage; lexicons and patterns are loaded once, in the constructor."""

    def __init__(self) -> None:
        self._lines = LineCleaner(load_lexicon())

    def clean_text(self, text: str) -> tuple[str, list[Noise], str | None]:
        """Repeat the text pass until stable: (clean text, every removal, headline-like first line)."""
        noise: list[Noise] = []
        headline: str | None = None
        for n in range(MAX_PASSES):
            result = self._lines.clean(text)
            noise.extend(result.noise)
            if n == 0:
                headline = result.title
            if result.text == text or not (result.noise or result.joined):
                text = result.text
                break
            text = result.text
        return text, noise, headline

    def __call__(self, doc: Document) -> Document:
        meta = PageMeta()
        if doc.raw_kind == "html":
            source, meta = main_text(doc.raw)
        else:
            source = doc.raw
            if doc.hints.html:
                meta = page_metadata(doc.hints.html)
        doc.text, doc.noise, headline = self.clean_text(source)
        doc.title = _clean_str(doc.hints.title) or meta.title or headline
        doc.url = _clean_str(doc.hints.url) or meta.url
        return doc
