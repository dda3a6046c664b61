"""Stage `published`: the publication date of a document.

Reads `doc.hints.published`, the HTML (`doc.raw` when `doc.raw_kind == "html"`, else `doc.hints.html`),
the URL (`doc.url`, else `doc.hints.url`) and source URLs written in the text ("Sumber: https://..."),
and the header of the page (`doc.raw` for text input: the clean stage may have dropped the byline as
noise; `doc.text` for HTML input). Writes `doc.published = Published(date, source)` and, for a
malformed input date, a `doc.warnings` entry.

Sources, first usable one wins: `input` (the record's own date), `metadata` (HTML meta/time tags via
htmldate, never its body search, never a URL string), `url` (/2025/10/14/, /2025/12/, ?date=2025-10-14,
-20251128212435449.htm, /20251014/), `text` (a dateline "JAKARTA, Kamis (14/10/2025) -", "BANGKOK,
Dec 27 -", or a byline line "Selasa, 14 Okt 2025 15:57 WIB", "Name • 26 October 2025 14:36",
" date 2023-10-05 Title"). Only the first lines are read, so an event date in the body ("Pada 28 Juni
2023, para WNI ...") is never taken for the publication date.

Decisions:
- A URL that gives only the month (/2025/12/) is completed by a dateline or byline day of that month;
  the result is reported as `text`, the source of its finest part.
- A dateline without a year ("23 Maret (Xinhua)") takes the year of the URL, else the latest year
  among the full dates (with a year) written in the page, else the latest plain year mentioned,
  never a year after `max_year`.
- Dates before 1990 or after `max_year` (default: next year) are impossible publication dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..dates import DateMatch, find_dates, to_anchor
from ..model import Document, Published

_ISO_INPUT = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.,+\-Z]*)?\s*\Z")
_URL_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[?&](?:date|tanggal|tgl|published|d)=(\d{4})-?(\d{2})-?(\d{2})(?!\d)", re.I), "day"),
    (re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?=[/?#._-]|$)"), "day"),
    (re.compile(r"[/_-](\d{4})-(\d{2})-(\d{2})(?=[/?#._-]|$)"), "day"),
    (re.compile(r"(?<=[/_-])(\d{4})(\d{2})(\d{2})(?:\d{6}|\d{9})?(?=[/?#._-]|$)"), "day"),
    (re.compile(r"/(\d{4})/(\d{1,2})(?=/|$)"), "month"),
)
"""URL date shapes, most precise first; a run of 8 digits may carry a time (6 digits) and milliseconds."""
_SOURCE_URL = re.compile(r"^\s*(?:sumber|source|artikel asli|original)\s*:?\s*(https?://\S+)", re.I | re.M)
_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*\([A-Za-z]+\))?,(?:\s*[A-Z][\w .'’-]{1,30},)?"
    r"\s*(?P<date>[^\n]{3,60}?)"
    r"\s*(?:\([A-Za-z]+\)\s*)?[-–—]"
)
"""A place (up to four capitalised words), an optional country, then the date before the dash:
"KAMPONG CHHNANG, Kamboja, 23 Maret (Xinhua) —"."""
_BYLINE_BEFORE = re.compile(
    r"(?:^|[•|·—–-]\s*|^\s*(?:date|tanggal|published|diterbitkan|dipublikasikan|diposting|posted|"
    r"updated|diperbarui|terbit)\s*:?\s*)\Z",
    re.I,
)
"""What may stand before the date of a byline: nothing, a name and a separator, or a label."""
_BYLINE_AFTER = re.compile(
    r"\s*(?:[-–—|•·,]\s*)?(?:(?:pukul|at|jam)\s*)?(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AP]\.?M\.?)?)?"
    r"\s*(?:WIB|WITA|WIT|GMT|UTC|ICT|[+-]\d{1,2}(?::?\d{2})?)?\s*[|•·]?\s*\Z",
    re.I,
)
"""What may follow the date of a byline: a time and a time zone."""
_LABELLED = re.compile(r"^\s*(?:date|tanggal|published|diterbitkan|terbit)\s*:?\s*\Z", re.I)
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d]|[.,]\d)")
_HEADER_LINES = 10
_HEADER_CHARS = 1500
_BYLINE_MAX_CHARS = 120


class PublicationDater:
    """Finds the publication date; build once (it imports htmldate), call on each Document."""

    def __init__(self, *, max_year: int | None = None, metadata: bool = True):
        self.max_year = max_year if max_year is not None else dt.date.today().year + 1
        self._find_date = _htmldate_finder() if metadata else None

    def __call__(self, doc: Document) -> Document:
        found = self.from_input(doc) or self.from_metadata(doc)
        if found is None:
            url = self.from_urls(doc)
            text = self.from_text(doc, url)
            found = _combine(url, text)
        if found is not None:
            doc.published = found
        return doc

    def from_input(self, doc: Document) -> Published | None:
        """The record's own `published`, if it is an ISO date; a malformed one is warned about."""
        given = doc.hints.published
        if not given:
            return None
        iso = self._iso(given)
        if iso is None:
            doc.warnings.append(f"published: ignored the input date {given!r}, which is not an ISO date")
            return None
        return Published(iso, "input")

    def from_metadata(self, doc: Document) -> Published | None:
        """The date in the HTML's metadata (meta and time tags), never a date from its body."""
        html = doc.raw if doc.raw_kind == "html" else doc.hints.html
        if self._find_date is None or not html or "<" not in html:
            return None
        try:
            found = self._find_date(html)
        except (ValueError, TypeError):
            return None
        iso = self._iso(found) if found else None
        return Published(iso, "metadata") if iso else None

    def from_urls(self, doc: Document) -> Published | None:
        """A date in the document's URL, else in a source URL the text names ("Sumber: https://...")."""
        urls = [u for u in (doc.url or doc.hints.url,) if u]
        urls += _SOURCE_URL.findall(doc.raw if doc.raw_kind == "text" else doc.text)
        for url in urls:
            iso = self.url_date(url)
            if iso:
                return Published(iso, "url")
        return None

    def url_date(self, url: str) -> str | None:
        """`YYYY-MM-DD` or `YYYY-MM` from a URL's path or query, `None` if it has no possible date."""
        path = url.split("://", 1)[-1]
        path = path[path.find("/") :] if "/" in path else ""
        for pattern, precision in _URL_PATTERNS:
            for m in pattern.finditer(path):
                day = int(m[3]) if precision == "day" else None
                iso = self._checked(int(m[1]), int(m[2]), day)
                if iso:
                    return iso
        return None

    def from_text(self, doc: Document, url: Published | None) -> Published | None:
        """A dateline or byline date in the first lines of the page; a missing year comes from the URL
        or from the years the page mentions."""
        page = doc.raw if doc.raw_kind == "text" else doc.text
        for line in _header_lines(page):
            match = _dateline_date(line) or _byline_date(line)
            if match is None:
                continue
            if match.span.start.startswith("--"):
                year = _year_of(url) or self._page_year(page)
                if year is None:
                    return None
                iso = self._checked(year, int(match.span.start[2:4]), int(match.span.start[5:7]))
            else:
                iso = self._iso(match.span.start)
            return Published(iso, "text") if iso else None
        return None

    def _page_year(self, page: str) -> int | None:
        """The latest possible year of the full dates in the page, else of its plain years."""
        full = [
            int(m.span.end[:4]) for m in find_dates(page) if m.precision != "year" and m.span.end[:1] != "-"
        ]
        years = [y for y in full if y <= self.max_year] or [
            y for y in map(int, _YEAR.findall(page)) if y <= self.max_year
        ]
        return max(years) if years else None

    def _iso(self, value: str) -> str | None:
        """The ISO date (any precision) `value` starts with, if it is a possible publication date."""
        m = _ISO_INPUT.match(value)
        if not m:
            return None
        return self._checked(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)

    def _checked(self, year: int, month: int | None, day: int | None) -> str | None:
        """ISO text for a date that exists and lies between 1990 and `max_year`, else `None`."""
        if not 1990 <= year <= self.max_year or (month is None and day is not None):
            return None
        if month is None:
            return f"{year:04d}"
        if day is None:
            return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
        anchor = to_anchor(f"{year:04d}-{month:02d}-{day:02d}")
        return anchor.isoformat() if anchor else None


def _htmldate_finder() -> Callable[[str], str | None]:
    """htmldate's `find_date` restricted to metadata: no extensive body search, HTML strings only."""
    from htmldate import find_date

    def find(html: str) -> str | None:
        return find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")

    return find


def _header_lines(page: str) -> list[str]:
    """The first non-empty lines of the page, within the first `_HEADER_CHARS` characters."""
    lines = [line for line in page[:_HEADER_CHARS].splitlines() if line.strip()]
    return lines[:_HEADER_LINES]


def _dateline_date(line: str) -> DateMatch | None:
    """The day-precision date of a dateline ("BANGKOK, Dec 27 —", "Hanoi, March 23 (VNA) -"): the date
    must open the text between the place and the dash."""
    m = _DATELINE.match(line)
    if m is None:
        return None
    found = find_dates(m["date"])
    if found and found[0].start == 0 and found[0].precision == "day" and not found[0].relative:
        return found[0]
    return None


def _byline_date(line: str) -> DateMatch | None:
    """The day-precision date of a byline line: the date stands alone, after a name and a separator or
    after a label, followed by nothing but a time ("Selasa, 14 Okt 2025 15:57 WIB")."""
    for d in find_dates(line):
        if d.precision != "day" or d.span.start != d.span.end:
            continue
        before, after = line[: d.start], line[d.end :]
        if not _BYLINE_BEFORE.search(before):
            continue
        if _LABELLED.match(before) or (len(line) <= _BYLINE_MAX_CHARS and _BYLINE_AFTER.match(after)):
            return d
    return None


def _year_of(published: Published | None) -> int | None:
    """The year of a URL date, if there is one."""
    return int(published.date[:4]) if published else None


def _combine(url: Published | None, text: Published | None) -> Published | None:
    """The URL date, refined by the text's day when the URL gives only that day's month."""
    if url is None:
        return text
    if text is not None and len(url.date) == 7 and text.date.startswith(url.date):
        return text
    return url
