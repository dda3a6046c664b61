"""Text-level cleaning of scraped news text: one pass over the lines of a page.

Reads a plain text (a scraped page, or trafilatura's output for an HTML page) and returns the clean
main text, paragraphs separated by one blank line, plus every removal as `Noise(text, kind)` with
the exact removed text. Decisions:

- A non-empty line is a paragraph. Inner runs of spaces collapse to one; zero-width characters go.
- Whole lines are removed by their shape first and by lexicon second (`pantau/data/noise-*.txt`):
  "read also" leads and labelled lines (`Sumber:`, `Penulis:`), widget labels (ads, comments,
  pagers, share bars), timestamps alone, bylines ("Name - siteNews", "Name • 26 October 2025"),
  stand-alone site names (a domain, a brand token with digits, an all-caps word), photo captions
  (a line ending in a credit such as "(Foto: X)", "Foto: X", "AGENCY/Name" or a table-caption "|"),
  image-alt lines ("... - ảnh 1"), and related-headline blocks after a heading such as "Berita
  Lainnya" (until a line that reads like prose again: it ends in a full stop, or is long and ends
  a sentence; a short "?"/"!" line there is taken for a headline).
- Inside a line, only spans are removed: a leading "date 2025-01-01" stamp, ad placeholders
  ("[iklan_2]"), gambling spam phrases (an anchor word such as "gacor", or a brand-shaped token
  "Abc303" next to a cue word such as "daftar"/"mudah"), sentences of site self-promotion, and
  reporter initials closing a paragraph ("... damai. (gin)"). The sentence around a spam phrase stays.
- Short capitalised lines (at most 3 words, no comma, no sentence punctuation) at the very end of
  the page are site furniture ("Vietnamplus"); a truncated sentence there is not.
- Repeated paragraphs (the title printed twice) keep their first occurrence; repeats are `duplicate`.
- A short dateline alone on a line ("Kuala Lumpur -") is joined to the next paragraph; a line broken
  mid-sentence (ending in a comma, or a long line ending in a bare word followed directly by the
  next line) is joined to its continuation.
- Title: the first remaining line when it looks like a headline: 3 to 20 words, at most 200
  characters, no sentence inside it, and not ending in `.`, `,`, `;` or `:`.

One call is one pass; `pantau.stages.clean.Cleaner` repeats passes until the text is stable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Noise, NoiseKind
from .lexicon import Lexicon

MAX_LABEL_WORDS = 60  # a labelled line ("Penulis: ...") longer than this is prose, not a blurb
MAX_LEAD_WORDS = 40  # "Baca juga ..." lines longer than this are left alone
MAX_CAPTION_WORDS = 60
PROSE_MIN_WORDS = 20  # a related-headlines block ends at a line this long that ends a sentence
TAIL_MAX_WORDS = 3
HEADLINE_WORDS = (3, 20)
HEADLINE_MAX_CHARS = 200
HARD_WRAP_MIN_CHARS = 100
SPAM_EXPAND_WORDS = 4
CREDIT_TAIL_CHARS = 100  # a photo credit closes its caption line: only the line's end is searched

_ZERO_WIDTH_RE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_NON_WORD_RE = re.compile(r"[\W_]+")
_DIGITS_RE = re.compile(r"\b\d+\b")
_DATE_PREFIX_RE = re.compile(
    r"^(?:date|published|updated|posted|diterbitkan|tanggal)\s*:?\s*"
    r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s+(?=\S)", re.I)
_AD_PLACEHOLDER_RE = re.compile(r"\s*\[(?:iklan|ads?|advert\w*|adsense)[_\-\s]?\d*\]\s*", re.I)
_DOMAIN_RE = re.compile(
    r"\b[\w-]+\.(?:com|net|org|id|vn|co|my|sg|th|kh|la|ph|info|news|tv|asia|io)\b\.?", re.I)
_BRAND_TOKEN_RE = re.compile(r"^(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z]{2,}\d{1,4}$|^[A-Z]{4,}$")
_CAMEL_BRAND_RE = re.compile(r"^[a-z]+[A-Z][A-Za-z]*$|(?:news|tv|online|post|times|daily|media)$", re.I)
_BYLINE_SPLIT_RE = re.compile(r"\s+[-–—|]\s+|\s*[•·|]\s*")
_CAPTION_CREDIT_RE = re.compile(
    r"(?:\(\s*|\b)(?:foto|photo|ảnh|dok|dokumentasi|image|gambar|sumber foto)\s*[.:/]\s*[^()]{1,80}\)?"
    r"\s*\|?\s*$", re.I)
_AGENCY_CREDIT_RE = re.compile(r"\b[A-Z][A-Za-z]{1,15}(?: [A-Z][A-Za-z]+)?/[A-Z][\w.' -]{2,40}$")
_STANDALONE_CREDIT_RE = re.compile(r"^\(?\s*(?:foto|photo|ảnh|dok|dokumentasi)\s*[.:/][^()]{1,80}\)?$", re.I)
_IMAGE_ALT_RE = re.compile(r"^(?P<alt>.*?)\s*-\s*ảnh\s*\d+$", re.I)
_INITIALS_LINE_RE = re.compile(r"^\((?:[A-Za-z]{1,5}(?:/[A-Za-z]{1,5})*|\*+)\)$")
_INITIALS_END_RE = re.compile(r"(?<=[.!?\"”’])\s*\((?:[A-Za-z]{2,5}(?:/[A-Za-z]{2,5})*|\*+)\)$")
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", ")", "…")
_DIGIT_BRAND_RE = re.compile(r"\b[A-Za-z]{3,}\d{2,4}\b")
_LETTER_DIGITS_RE = re.compile(r"[A-Za-z]\d\d")  # cheap pre-check for _DIGIT_BRAND_RE
_TOKEN_RE = re.compile(r"\S+")
_DASH_DATELINE_RE = re.compile(r"^\S.{0,60}?\s?[-–—]$")
_WORD_RE = re.compile(r"\w+")
_CREDIT_WORDS = ("foto", "photo", "ảnh", "dok", "gambar", "image")


@dataclass(slots=True)
class Line:
    """One source line on its way through the pass."""

    text: str
    index: int
    gap_before: bool
    key: str = ""
    removed: bool = False


@dataclass(slots=True, frozen=True)
class Scan:
    """Whether a document holds spam anchors, brand-shaped tokens or self-promotion cues at all."""

    anchors: bool = True
    brands: bool = True
    promo: bool = True


@dataclass(slots=True)
class PassResult:
    """The output of one cleaning pass."""

    text: str
    noise: list[Noise] = field(default_factory=list)
    title: str | None = None
    joined: bool = False  # lines were joined: the next pass sees different lines


def line_key(text: str) -> str:
    """Case-, punctuation- and emoji-insensitive form of a line, for lexicon and duplicate look-ups."""
    return " ".join(_NON_WORD_RE.sub(" ", text.casefold()).split())


def short_key(text: str) -> str:
    """`line_key` for lines short enough for whole-line rules; long prose is its own key (faster)."""
    return line_key(text) if text.count(" ") < MAX_LABEL_WORDS else "\0" + text


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def looks_like_headline(text: str) -> bool:
    """Short line, no sentence inside, no sentence-final `.`/`,`/`;`/`:` (the title rule)."""
    n = word_count(text)
    return (HEADLINE_WORDS[0] <= n <= HEADLINE_WORDS[1] and len(text) <= HEADLINE_MAX_CHARS
            and not text.endswith((".", ",", ";", ":")) and ". " not in text and text[:1].isalnum())


def _phrase_pattern(entries: tuple[str, ...], *, colon: bool) -> re.Pattern[str] | None:
    """A pattern for lines that start with one of `entries` (then `:` when `colon`)."""
    if not entries:
        return None
    alts = "|".join(r"\s*".join(map(re.escape, e.split())) for e in sorted(entries, key=len, reverse=True))
    tail = r"\s*[:：]" if colon else r"(?:\b|(?=\W))"
    return re.compile(rf"^[\W_]*(?:{alts}){tail}", re.I)


class LineCleaner:
    """One text-level cleaning pass; patterns are compiled once from the lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lead = {k: _phrase_pattern(v, colon=False) for k, v in lexicon.prefixed("lead").items()}
        self._label = {k: _phrase_pattern(v, colon=True) for k, v in lexicon.prefixed("label").items()}
        self._label_alone = {e: k for k, v in lexicon.prefixed("label").items() for e in v}
        self._exact: dict[str, NoiseKind] = {}
        for kind, entries in lexicon.prefixed("line").items():
            for entry in entries:
                self._exact[line_key(entry)] = kind  # type: ignore[assignment]
        self._blocks = frozenset(line_key(e) for e in lexicon.section("block"))
        self._share = frozenset(lexicon.section("share"))
        self._date = frozenset(lexicon.section("date"))
        promo = lexicon.section("promo")
        anchors = sorted(lexicon.spam.get("anchor", ()), key=len, reverse=True)
        self._spam_anchor = re.compile(
            r"\b(?:" + "|".join(r"\s+".join(map(re.escape, a.split())) for a in anchors) + r")\b", re.I)
        self._anchor_phrases = tuple(anchors)
        self._promo_phrases = promo
        self._spam_before = frozenset(lexicon.spam.get("before", ()))
        self._spam_after = frozenset(lexicon.spam.get("after", ()))
        self._spam_words = self._spam_before | self._spam_after | frozenset(
            w for a in anchors for w in a.split())

    # ---- whole-line rules -------------------------------------------------------------------

    def is_timestamp(self, key: str) -> bool:
        """A line made only of date/time words and numbers, with at least one number."""
        tokens = key.split()
        return (0 < len(tokens) <= 12 and any(t.isdigit() for t in tokens)
                and all(t.isdigit() or t in self._date for t in tokens))

    def _is_byline(self, text: str) -> bool:
        """"Name - siteNews" or "Name • 26 October 2025 14:36": a name next to a brand or a time."""
        if word_count(text) > 10 or text.endswith((".", "!", "?")):
            return False
        parts = [p for p in _BYLINE_SPLIT_RE.split(text) if p]
        if not 2 <= len(parts) <= 3:
            return False
        marked = [p for p in parts if self.is_timestamp(line_key(p)) or _CAMEL_BRAND_RE.search(p)
                  or _DOMAIN_RE.search(p)]
        names = [p for p in parts if p not in marked]
        return bool(marked) and bool(names) and all(
            w[:1].isupper() for p in names for w in p.replace(",", " ").split())

    def _is_site_name(self, text: str) -> bool:
        """A domain ("Vnexpress.net", "E-Magazine | Nhandan.vn") or a brand token alone ("ABCNEWS33")."""
        words = text.split()
        if len(words) <= 5 and _DOMAIN_RE.search(text) and not text.endswith((".", "!", "?")):
            return True
        return len(words) == 1 and bool(_BRAND_TOKEN_RE.match(words[0].strip("*•|")))

    def _is_caption(self, text: str, key: str) -> bool:
        """A photo caption: ends in a photo credit or an AGENCY/Name credit, or in a table-caption bar."""
        if text.endswith("|"):
            return True
        tail = text[-CREDIT_TAIL_CHARS:]
        if any(w in key for w in _CREDIT_WORDS) and _CAPTION_CREDIT_RE.search(tail):
            return True
        return "/" in tail and not text.endswith(".") and bool(_AGENCY_CREDIT_RE.search(tail))

    def line_kind(self, text: str, key: str) -> NoiseKind | None:
        """The noise kind of a whole line, or None when the line is content."""
        n = word_count(text)
        if n > MAX_LABEL_WORDS:
            return None  # long prose: no whole-line rule applies
        if n <= 12:
            exact = self._exact.get(key) or self._label_alone.get(key)
            if exact is None and _DIGITS_RE.search(key):
                exact = self._exact.get(" ".join(_DIGITS_RE.sub(" ", key).split()))
            if exact:
                return exact  # type: ignore[return-value]
        for kind, pattern in self._lead.items():
            if pattern is not None and n <= MAX_LEAD_WORDS and pattern.match(text):
                return kind  # type: ignore[return-value]
        for kind, pattern in self._label.items():
            if pattern is not None and pattern.match(text):
                return kind  # type: ignore[return-value]
        if not key:
            return "boilerplate"  # punctuation, emoji or a bar alone
        if n <= 12:
            if self.is_timestamp(key) or _INITIALS_LINE_RE.match(text) or self._is_site_name(text) \
                    or self._is_byline(text):
                return "boilerplate"
            if all(t in self._share for t in key.split()):
                return "navigation"
            if self._is_spam_line(text, key):
                return "spam"
        return "boilerplate" if self._is_caption(text, key) else None

    def _is_spam_line(self, text: str, key: str) -> bool:
        """A short line made mostly of gambling-spam vocabulary ("Slot gacor hari ini maxwin")."""
        if not self._has_anchor_word(key) or not self._spam_anchor.search(text):
            return False
        words = key.split()
        spammy = sum(w in self._spam_words or bool(_DIGIT_BRAND_RE.fullmatch(w)) for w in words)
        return spammy * 2 >= len(words)

    # ---- in-line rules ----------------------------------------------------------------------

    def _has_anchor_word(self, low: str) -> bool:
        """Cheap pre-check: does the lower-cased text hold any spam anchor as a substring?"""
        return any(a in low for a in self._anchor_phrases)

    def spam_spans(self, text: str, scan: Scan = Scan()) -> list[tuple[int, int]]:
        """Spans of gambling-spam phrases inside a line, each grown over its cue words."""
        seeds = [(m.start(), m.end(), True) for m in _DIGIT_BRAND_RE.finditer(text)] if scan.brands else []
        if scan.anchors and self._has_anchor_word(text.casefold()):
            seeds += [(m.start(), m.end(), False) for m in self._spam_anchor.finditer(text)]
        if not seeds:
            return []
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
        bare = [t[2].strip(".,;:!?()\"'“”").casefold() for t in tokens]
        spans: list[tuple[int, int]] = []
        for start, end, needs_cue in seeds:
            first = next((i for i, t in enumerate(tokens) if t[1] > start), None)
            last = next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i][0] < end), None)
            if first is None or last is None:
                continue
            lo, hi = first, last
            while lo > 0 and first - lo < SPAM_EXPAND_WORDS and bare[lo - 1] in self._spam_before \
                    and tokens[lo - 1][2].isalnum():
                lo -= 1
            while hi + 1 < len(tokens) and hi - last < SPAM_EXPAND_WORDS and bare[hi + 1] in self._spam_after:
                hi += 1
                if not tokens[hi][2].isalnum():
                    break
            if needs_cue and lo == first and hi == last:
                continue
            s = tokens[lo][0]
            e = tokens[hi][0] + len(tokens[hi][2].rstrip(".,;:!?)\"'”")) if hi != last else tokens[hi][1]
            spans.append((s, max(e, end)))
        return _merge(spans)

    def _has_promo_word(self, low: str) -> bool:
        """Cheap pre-check: does the lower-cased text hold any self-promotion phrase as a substring?"""
        return any(p in low for p in self._promo_phrases)

    def _strip_spans(self, text: str, spans: list[tuple[int, int]], kind: NoiseKind,
                     noise: list[Noise]) -> str:
        """Remove `spans` from `text`, listing each as noise, and re-join the remainder with one space."""
        out, pos = [], 0
        for s, e in spans:
            out.append(text[pos:s])
            noise.append(Noise(text[s:e].strip(), kind))
            pos = e
        out.append(text[pos:])
        return " ".join(" ".join(out).split())

    def scan(self, raw: str) -> Scan:
        """Which in-line rules can fire anywhere in this document (one cheap look at the whole text)."""
        low = raw.casefold()
        return Scan(anchors=self._has_anchor_word(low), brands=bool(_LETTER_DIGITS_RE.search(raw)),
                    promo=self._has_promo_word(low))

    def _strip_inline(self, text: str, noise: list[Noise], scan: Scan) -> str:
        """Date stamp prefix, ad placeholders, spam phrases, self-promotion sentences, closing initials."""
        m = _DATE_PREFIX_RE.match(text)
        if m:
            noise.append(Noise(m.group().strip(), "boilerplate"))
            text = text[m.end():]
        if "[" in text:
            ads = [(m.start(), m.end()) for m in _AD_PLACEHOLDER_RE.finditer(text)]
            if ads:
                text = self._strip_spans(text, ads, "ad", noise)
        spam = self.spam_spans(text, scan) if scan.anchors or scan.brands else []
        if spam:
            text = self._strip_spans(text, spam, "spam", noise)
        if scan.promo and self._has_promo_word(text.casefold()):
            kept = []
            for sentence in _SENTENCE_SPLIT_RE.split(text):
                if self._has_promo_word(sentence.casefold()):
                    noise.append(Noise(sentence, "boilerplate"))
                else:
                    kept.append(sentence)
            text = " ".join(kept)
        m = _INITIALS_END_RE.search(text) if text.endswith(")") else None
        if m and m.start() > 0:
            noise.append(Noise(m.group().strip(), "boilerplate"))
            text = text[:m.start()].rstrip()
        return text

    # ---- the pass ---------------------------------------------------------------------------

    def clean(self, raw: str) -> PassResult:
        """One pass over `raw`: the clean text, the removals, and the headline-like first line."""
        noise: list[Noise] = []
        lines = split_lines(raw)
        self._remove_lines(lines, noise)
        self._remove_blocks(lines, noise)
        kept = [ln for ln in lines if not ln.removed]
        scan = self.scan(raw)
        for ln in kept:
            new = self._strip_inline(ln.text, noise, scan)
            if new != ln.text:
                ln.removed = not _WORD_RE.search(new)
                ln.text, ln.key = new, short_key(new)
        kept = [ln for ln in kept if not ln.removed]
        title = kept[0].text if kept and looks_like_headline(kept[0].text) else None
        kept = self._dedupe(kept, noise)
        kept = self._drop_tail(kept, noise)
        paragraphs = join_broken_lines(kept)
        return PassResult("\n\n".join(paragraphs), noise, title, joined=len(paragraphs) != len(kept))

    def _remove_lines(self, lines: list[Line], noise: list[Noise]) -> None:
        """Mark whole-line furniture, and captions standing right above a stand-alone photo credit."""
        for i, ln in enumerate(lines):
            kind = self.line_kind(ln.text, ln.key)
            if kind is None:
                continue
            if _STANDALONE_CREDIT_RE.match(ln.text) and i > 0:
                prev = lines[i - 1]
                if not prev.removed and word_count(prev.text) <= MAX_CAPTION_WORDS \
                        and not prev.text.endswith((".", "!", "?")) and i - 1 > 0:
                    prev.removed = True
                    noise.append(Noise(prev.text, "boilerplate"))
            ln.removed = True
            noise.append(Noise(ln.text, kind))

    def _remove_blocks(self, lines: list[Line], noise: list[Noise]) -> None:
        """Remove a related-headlines heading and the list under it, up to the next prose paragraph."""
        in_block = False
        for ln in lines:
            if ln.key in self._blocks:
                in_block = True
                if not ln.removed:
                    ln.removed = True
                    noise.append(Noise(ln.text, "navigation"))
                continue
            if not in_block:
                continue
            if _ends_prose(ln.text):
                in_block = False
            elif not ln.removed:
                ln.removed = True
                noise.append(Noise(ln.text, "navigation"))

    def _dedupe(self, kept: list[Line], noise: list[Noise]) -> list[Line]:
        """Keep the first of repeated paragraphs; an image-alt line repeating one is a duplicate too."""
        seen: set[str] = set()
        out = []
        for ln in kept:
            alt = _IMAGE_ALT_RE.match(ln.text)
            key = line_key(alt.group("alt")) if alt else ln.key
            if key in seen:
                noise.append(Noise(ln.text, "duplicate"))
                continue
            if alt:
                noise.append(Noise(ln.text, "boilerplate"))
                continue
            seen.add(key)
            out.append(ln)
        return out

    def _drop_tail(self, kept: list[Line], noise: list[Noise]) -> list[Line]:
        """Short lines without sentence punctuation after the last paragraph are site furniture."""
        end = len(kept)
        while end > 1 and _is_tail_name(kept[end - 1].text):
            end -= 1
        for ln in kept[end:]:
            noise.append(Noise(ln.text, "boilerplate"))
        return kept[:end]


def _ends_prose(text: str) -> bool:
    """A line that reads like prose again: ends in a full stop, or is long and ends a sentence.
    Headlines in related lists end in a bare word, "!" or "?", never in a single full stop."""
    if text.endswith(".") and not text.endswith(".."):
        return True
    return word_count(text) >= PROSE_MIN_WORDS and text.endswith(_SENTENCE_END)


def _is_tail_name(text: str) -> bool:
    """A short capitalised name without sentence punctuation ("Vietnamplus", "Tuoi Tre")."""
    words = text.split()
    return (len(words) <= TAIL_MAX_WORDS and not text.endswith(_SENTENCE_END) and "," not in text
            and all(w[:1].isupper() or w[:1].isdigit() for w in words))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def split_lines(raw: str) -> list[Line]:
    """Non-empty, space-normalised lines, each knowing whether a blank line preceded it."""
    raw = _ZERO_WIDTH_RE.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines: list[Line] = []
    gap = False
    for i, source in enumerate(raw.split("\n")):
        text = " ".join(source.split())
        if not text:
            gap = True
            continue
        lines.append(Line(text, i, gap, short_key(text)))
        gap = False
    return lines


def _continues(prev: Line, nxt: Line, prev_is_title: bool) -> bool:
    """True when `nxt` continues the sentence that `prev` breaks off (hard-wrapped source)."""
    if prev_is_title or nxt.gap_before or nxt.index != prev.index + 1 or not nxt.text[:1].isalnum():
        return False
    return prev.text.endswith(",") or (len(prev.text) >= HARD_WRAP_MIN_CHARS and prev.text[-1].isalnum())


def join_broken_lines(kept: list[Line]) -> list[str]:
    """Join dateline-only lines ("Kuala Lumpur -") and hard-wrapped lines to what follows them."""
    paragraphs: list[str] = []
    carry = ""
    prev: Line | None = None
    for ln in kept:
        text = f"{carry} {ln.text}" if carry else ln.text
        carry = ""
        prev_is_title = prev is kept[0] and looks_like_headline(kept[0].text)
        if prev is not None and paragraphs and _continues(prev, ln, prev_is_title):
            paragraphs[-1] = f"{paragraphs[-1]} {text}"
        elif word_count(ln.text) <= 5 and _DASH_DATELINE_RE.match(ln.text) and ln is not kept[-1]:
            carry = text
            prev = None
            continue
        else:
            paragraphs.append(text)
        prev = ln
    if carry:
        paragraphs.append(carry)
    return paragraphs
