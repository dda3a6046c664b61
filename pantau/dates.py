"""Date expressions in Indonesian and English news text, resolved to ISO `DateSpan`s.

One compiled regular grammar (built once at import, no mutable module state) finds absolute dates
("17 Februari 2026", "October 26, 2025", "(14/10/2025)", "2023-10-05"), partial dates ("25-28 September",
"Dec 27", "akhir Oktober"), year forms ("pada tahun 2026", "periode 2018-2021"), period forms
("10 bulan pertama tahun 2025", "kuartal III 2025") and relative forms ("kemarin", "bulan depan",
"Senin lalu", "on Tuesday", "tahun lalu"). `find_dates` returns every expression in a text;
`parse_date` reads one whole expression; `to_anchor` turns a publication date into the anchor.

Decisions:
- Precision is never invented: a month-only expression gives `YYYY-MM`, a year-only one `YYYY`.
- Numeric dates are read day first ("13/9/2024" is 13 September), as Indonesian and most non-US
  English news write them. A bare `d/m` without a year is only read inside parentheses ("(23/3)"),
  because outside them it is usually a ratio or a score.
- Relative forms (kemarin, bulan depan, Senin lalu, tahun lalu, pekan lalu, "on Tuesday") are
  resolved against the anchor and are omitted when there is no anchor. A bare weekday ("pada hari
  Senin", "on Tuesday") is the nearest such day on or before the anchor: news mostly reports the
  recent past.
- A day or month without a year takes its year from the anchor: of the anchor's year and the years
  either side, the one putting the date nearest the anchor, where a day in the future counts double
  (news reports the recent past more often than it announces the near future). A direction word
  ("Juli lalu", "Desember mendatang", "26-28 Oktober mendatang") restricts the choice to the past or
  the future. Without an anchor such a date is written `--MM-DD` / `--MM`; these are not counted as
  relative because the text names the month.
- Week expressions ("pekan lalu", "next week") are the Monday-Sunday week, as a day-precision range.
- Month names need a capital when they are abbreviations or ordinary words ("May", "March", "Jan"),
  so "may" and "Jan Egeland" are not dates; Indonesian weekday abbreviations are not read at all,
  so "Hun Sen" is not a Monday. Numbers need a month, a year cue or a date shape around them, so
  "9,5 miliar", "13,5%", "pukul 16.20", "ke-13", "dalam 4 tahun" and "per tahun" are not dates.
"""

from __future__ import annotations

import datetime as _dt
import re
from calendar import monthrange
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, NamedTuple

from .model import DateSpan

Precision = Literal["day", "month", "year"]

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11, "desember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12,
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8,
    "agus": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12,
    "dec": 12,
}
"""Indonesian and English month names, full and abbreviated (lower case)."""

MONTHS_EN_ORDER: frozenset[str] = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
     "nov", "dec"]
)
"""Month names that may come before the day ("December 27"): the English ones only."""

MONTHS_NEED_CAPITAL: frozenset[str] = frozenset(
    name for name in MONTHS if len(name) <= 4 and name not in ("mei", "juni", "juli")
) | {"march", "may"}
"""Month tokens that are also ordinary words or names, read as months only when capitalised."""

MONTHS_FULL: frozenset[str] = frozenset(
    name for name in MONTHS if len(name) > 4 or name in ("mei", "juni", "juli", "june", "july", "may")
)
"""Full month names: the only ones read without a day or year ("Mei lalu", not "Jan")."""

WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6,
    "ahad": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
"""Full weekday names, Indonesian and English (lower case)."""

WEEKDAY_ABBREVIATIONS: tuple[str, ...] = (
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)
"""English weekday abbreviations: only read as a prefix of a full date ("Sat, Dec 27, 2025")."""

NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "a": 1,
}
"""Small counts in words, for "dua tahun lalu", "first ten months", "setahun lalu"."""

ORDINALS: dict[str, int] = {
    "pertama": 1, "kesatu": 1, "i": 1, "1": 1, "first": 1, "1st": 1, "kedua": 2, "ii": 2, "2": 2,
    "second": 2, "2nd": 2, "ketiga": 3, "iii": 3, "3": 3, "third": 3, "3rd": 3, "keempat": 4, "iv": 4,
    "4": 4, "fourth": 4, "4th": 4, "terakhir": 4, "last": 4,
}
"""Ordinals of quarters and halves (I-IV, pertama-keempat, first-fourth)."""

PAST_WORDS: frozenset[str] = frozenset(["lalu", "kemarin", "yang lalu", "sebelumnya", "last", "ago", "past"])
FUTURE_WORDS: frozenset[str] = frozenset(
    ["depan", "mendatang", "nanti", "yang akan datang", "next", "coming"]
)

_RELATIVE_DAYS: dict[str, int] = {
    "kemarin lusa": -2, "kemarin": -1, "yesterday": -1, "hari ini": 0, "today": 0, "besok": 1, "esok": 1,
    "tomorrow": 1, "lusa": 2,
}
_UNITS: dict[str, str] = {
    "hari": "day", "day": "day", "days": "day", "minggu": "week", "pekan": "week", "week": "week",
    "weeks": "week", "bulan": "month", "month": "month", "months": "month", "tahun": "year", "year": "year",
    "years": "year",
}


def _alternation(words: object) -> str:
    """A regex alternation of `words`, longest first so "Sept" is tried before "Sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_MON = rf"(?:{_alternation(MONTHS)})\.?(?![\w'])"
_MON_EN = rf"(?:{_alternation(MONTHS_EN_ORDER)})\.?(?![\w'])"
_WD = rf"(?:{_alternation(WEEKDAYS)})(?![\w'])"
_WD_PREFIX = rf"(?:(?:{_alternation(WEEKDAYS)}|(?:{_alternation(WEEKDAY_ABBREVIATIONS)})\.?)(?![\w']),?\s*)?"
_YEAR_DIGITS = r"(?:1[89]\d\d|20\d\d)"
_YEAR = rf"{_YEAR_DIGITS}(?![\d]|[.,]\d)"
_NOT_AFTER_NUMBER = r"(?<![\w.,/])(?<![A-Za-z]-)"
_DAY2 = r"(?:[012]?\d|3[01])(?:st|nd|rd|th)?(?![\d]|[.,:]\d)"
_RANGE = r"\s*(?:-|–|—|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?|to|until|till|through)\s*"
_DIRECTION = r"(?:\s+(?P<{0}>lalu|yang\s+lalu|kemarin|mendatang|depan|nanti|yang\s+akan\s+datang))?"
_EDGE = r"(?:(?:awal|akhir|pertengahan|medio|early|late|mid|end\s+of|beginning\s+of|bulan)\s+)?"
_COUNT = rf"(?:\d{{1,2}}|{_alternation(k for k in NUMBER_WORDS if len(k) > 2)})"
_ORD = rf"(?:{_alternation(ORDINALS)})"

_GRAMMAR = re.compile(
    "|".join([
        rf"(?P<iso>(?<![\d/.-])(?P<iso_y>{_YEAR_DIGITS})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?!\d))",
        rf"(?P<months_first>(?P<mf_n>{_COUNT})\s+bulan\s+pertama(?:\s+(?:tahun|of))?\s+(?P<mf_y>{_YEAR}))",
        rf"(?P<first_months>first\s+(?P<fm_n>{_COUNT})\s+months\s+of(?:\s+the\s+year)?\s+(?P<fm_y>{_YEAR}))",
        rf"(?P<part>(?P<p_kind>kuartal|triwulan|quarter|semester|paruh|half|Q)\s*(?P<p_ord>{_ORD})"
        rf"(?:\s+(?:tahun|of))?\s+(?P<p_y>{_YEAR}))",
        rf"(?P<part_en>(?P<pe_ord>{_ORD})\s+(?P<pe_kind>quarter|half)\s+of(?:\s+the\s+year)?\s+(?P<pe_y>{_YEAR}))",
        rf"(?P<paren>{_WD_PREFIX}\((?P<pa_d>[0-3]?\d)/(?P<pa_m>[01]?\d)(?:/(?P<pa_y>{_YEAR}))?\)"
        + _DIRECTION.format("pa_dir") + ")",
        rf"(?P<numeric>{_WD_PREFIX}(?<![\w.,/])(?P<nu_d>[0-3]?\d)(?P<nu_sep>[/.-])(?P<nu_m>[01]?\d)(?P=nu_sep)"
        rf"(?P<nu_y>{_YEAR}))",
        rf"(?P<dmy>{_WD_PREFIX}{_NOT_AFTER_NUMBER}(?P<dmy_d>{_DAY2})"
        rf"(?:{_RANGE}(?P<dmy_d2>{_DAY2}))?\s+(?:of\s+)?(?P<dmy_mon>{_MON})"
        rf"(?:,?\s*(?P<dmy_y>{_YEAR}))?" + _DIRECTION.format("dmy_dir") + ")",
        rf"(?P<mdy>{_WD_PREFIX}(?P<mdy_mon>{_MON_EN})\s+(?P<mdy_d>{_DAY2})(?:{_RANGE}(?P<mdy_d2>{_DAY2}))?"
        rf"(?:,?\s+(?P<mdy_y>{_YEAR}))?)",
        rf"(?P<my>{_EDGE}(?P<my_mon>{_MON}),?\s+(?:tahun\s+)?(?P<my_y>{_YEAR}))",
        rf"(?P<yrange>(?<![\d.,/-])(?P<yr_a>{_YEAR})\s*(?:-|–|—|/|s/d|hingga|sampai|to|until)\s*(?P<yr_b>{_YEAR}))",
        rf"(?P<year>(?:(?:awal|akhir|pertengahan|early|late|mid|end\s+of)\s+)?"
        rf"(?:tahun|year|since|sejak|by|in)\s+(?P<y_y>{_YEAR}))",
        r"(?P<relday>\b(?P<rd_w>kemarin\s+lusa|kemarin|yesterday|hari\s+ini|today|besok|esok|tomorrow|lusa)\b)",
        rf"(?P<relunit>\b(?:(?P<ru_n>\d{{1,2}}|{_alternation(k for k in NUMBER_WORDS if len(k) > 2)})\s+|"
        r"(?P<ru_se>se))?(?P<ru_u>hari|minggu|pekan|bulan|tahun)\s+(?P<ru_dir>depan|lalu|yang\s+lalu|ini|"
        r"mendatang|kemarin|sebelumnya)\b)",
        r"(?P<relunit_en>\b(?:(?P<re_dir>next|last|this|coming)\s+(?P<re_u>week|month|year)|"
        r"(?P<re_n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+"
        r"(?P<re_u2>days?|weeks?|months?|years?)\s+ago)\b)",
        rf"(?P<weekday>(?:(?P<wd_cue>pada\s+hari|pada|hari|on|last|next|this|coming)\s+)?(?P<wd_w>{_WD})"
        rf"(?!\s*,?\s*\(?\d)(?:\s+(?P<wd_dir>lalu|kemarin|depan|mendatang|ini))?)",
        rf"(?P<month>{_EDGE}(?P<mo_mon>{_MON})(?!\s*\d)"
        rf"(?:\s+(?P<mo_dir>lalu|yang\s+lalu|kemarin|mendatang|depan|nanti|tahun\s+lalu|tahun\s+ini|"
        rf"tahun\s+depan|last\s+year|this\s+year|next\s+year))?)",
    ]),
    re.IGNORECASE,
)
"""The whole grammar: one alternative per form, tried in order at each position."""

_JOIN = re.compile(rf"{_RANGE}\Z|\s*(?:dan|and)\s*\Z", re.IGNORECASE)
"""The text between two dates that makes them one range ("20 Maret hingga 8 April")."""
_JOIN_PREFIX = re.compile(r"(?:dari|from|antara|between|sejak)\s+\Z", re.IGNORECASE)
_FILLER = re.compile(
    r"[\s,.;:()\-–—]*(?:(?:pada|pd|on|in|at|di|dari|from|sejak|since|tanggal|tgl\.?|the|hari|periode|period|"
    r"selama|during|antara|between|date)[\s,.;:()\-–—]*)*",
    re.IGNORECASE,
)
"""Words and punctuation `parse_date` accepts around the one expression."""
_WORD = re.compile(r"\w+(?:'\w+)?")
_TRIGGERS: frozenset[str] = frozenset(
    [*MONTHS, *WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *_RELATIVE_DAYS, *_UNITS, "esok", "setahun", "sebulan",
     "seminggu", "sepekan", "sehari"]
)
"""Words at which an expression can be anchored (plus any word with a digit)."""
_PREFIXES: frozenset[str] = frozenset(
    ["pada", "hari", "on", "last", "next", "this", "coming", "awal", "akhir", "pertengahan", "medio", "early",
     "late", "mid", "end", "beginning", "of", "the", "bulan", "tahun", "year", "since", "sejak", "by", "in",
     "kuartal", "triwulan", "quarter", "semester", "paruh", "half", "q", *ORDINALS, *NUMBER_WORDS,
     *WEEKDAYS, *WEEKDAY_ABBREVIATIONS]
)
"""Words that may open an expression before its trigger word ("pada hari Senin", "kuartal III 2025")."""
_MAX_PREFIX_WORDS = 5
_EVERY = re.compile(r"(?:setiap|tiap|every|each)\s*\Z", re.IGNORECASE)
"""A weekday after these words is a recurrence ("setiap Senin"), not a date."""
_ISO_ANCHOR = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?\s*\Z")


class _Point(NamedTuple):
    """A calendar point as the text gives it; `None` parts are not stated."""

    year: int | None
    month: int | None
    day: int | None


class _Abs(NamedTuple):
    """An absolute expression before year resolution; `direction` is -1 past, +1 future, 0 either."""

    start: _Point
    end: _Point
    direction: int


class _Rel(NamedTuple):
    """A relative expression already resolved against the anchor."""

    span: DateSpan
    precision: Precision


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression: offsets into the searched text, its ISO span, precision and origin."""

    start: int
    end: int
    text: str
    span: DateSpan
    precision: Precision
    relative: bool


def to_anchor(published: str | _dt.date | None) -> _dt.date | None:
    """The anchor day for a publication date: an ISO day (a datetime's date part) or `None`.

    Decision: a month- or year-precision publication date gives no anchor, because resolving
    "kemarin" or "Senin lalu" needs the day; guessing one would invent precision.
    """
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date()
    if isinstance(published, _dt.date):
        return published
    m = _ISO_ANCHOR.match(published)
    if not m:
        return None
    return _valid_date(int(m[1]), int(m[2]), int(m[3]))


def find_dates(text: str, *, anchor: _dt.date | str | None = None) -> list[DateMatch]:
    """Every date expression in `text`, in order and non-overlapping; ranges joined into one match."""
    day = to_anchor(anchor)
    raw: list[tuple[int, int, _Abs | _Rel]] = []
    for m in _grammar_matches(text):
        parsed = _HANDLERS[m.lastgroup or ""](m, day)
        if parsed is not None:
            raw.append((m.start(), m.end(), parsed))
    out: list[DateMatch] = []
    for start, end, parsed in _join_ranges(text, raw):
        match = _resolve(text, start, end, parsed, day)
        if match is not None:
            out.append(match)
    return out


def _grammar_matches(text: str) -> Iterator[re.Match[str]]:
    """Grammar matches, tried only where a trigger word (a number, month, weekday, unit or relative
    word) is, starting at the earliest of the prefix words just before it ("pada hari", "akhir").

    Decision: scanning the full grammar at every character costs about 10 ms per 2 KB; anchoring it
    on trigger words makes it about 20 times faster with the same matches."""
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    last_end = 0
    for i, (w_start, w_end, word) in enumerate(words):
        if w_start < last_end or not (word in _TRIGGERS or word[0].isdigit() or word[-1].isdigit()):
            continue
        first = i
        while first > 0 and i - first < _MAX_PREFIX_WORDS and words[first - 1][2] in _PREFIXES \
                and words[first - 1][0] >= last_end:
            first -= 1
        starts = [words[k][0] for k in range(first, i + 1)]
        if w_start > last_end and text[w_start - 1] == "(":
            starts.append(w_start - 1)
        for start in starts:
            m = _GRAMMAR.match(text, start)
            if m is not None and m.end() >= w_end:
                last_end = m.end()
                yield m
                break


def parse_date(expr: str, *, anchor: _dt.date | str | None = None) -> DateSpan | None:
    """`expr` read as one date expression (prepositions like "pada", "on", "periode" allowed around it)."""
    found = find_dates(expr, anchor=anchor)
    if len(found) != 1:
        return None
    match = found[0]
    before, after = expr[: match.start], expr[match.end :]
    if _FILLER.fullmatch(before) and _FILLER.fullmatch(after):
        return match.span
    return None


# ---- joining and resolution -------------------------------------------------------------------


def _join_ranges(text: str, raw: list[tuple[int, int, _Abs | _Rel]]) -> list[tuple[int, int, _Abs | _Rel]]:
    """Merge two absolute expressions joined by a range word ("20 Maret hingga 8 April",
    "Januari-Maret 2025"); "dan"/"and" joins only after "antara"/"between"."""
    out: list[tuple[int, int, _Abs | _Rel]] = []
    for item in raw:
        if out and isinstance(item[2], _Abs) and isinstance(out[-1][2], _Abs):
            p_start, p_end, prev = out[-1]
            between = text[p_end : item[0]]
            joiner = _JOIN.match(between)
            is_and = joiner is not None and between.strip().lower() in ("dan", "and")
            if joiner and (not is_and or _JOIN_PREFIX.search(text, max(0, p_start - 12), p_start)):
                merged = _merge(prev, item[2])
                if merged is not None:
                    out[-1] = (p_start, item[1], merged)
                    continue
        out.append(item)
    return out


def _merge(a: _Abs, b: _Abs) -> _Abs | None:
    """One range from a start and an end expression of the same precision; the start borrows the
    end's year (the year before when it would otherwise come after the end)."""
    s, e = a.start, b.end
    if (s.day is None) != (e.day is None) or (s.month is None) != (e.month is None):
        return None
    if s.year is None and e.year is not None:
        later = (s.month or 0, s.day or 0) > (e.month or 0, e.day or 0)
        s = s._replace(year=e.year - 1 if later else e.year)
    return _Abs(s, e, b.direction or a.direction)


def _resolve(
    text: str, start: int, end: int, parsed: _Abs | _Rel, anchor: _dt.date | None
) -> DateMatch | None:
    """A `DateMatch` for one parsed expression, filling missing years from the anchor."""
    if isinstance(parsed, _Rel):
        return DateMatch(start, end, text[start:end], parsed.span, parsed.precision, True)
    s, e = parsed.start, parsed.end
    if s.year is None and anchor is not None:
        s = s._replace(year=_nearest_year(s, anchor, parsed.direction))
    if e.year is None and s.year is not None:
        after = (e.month or 0, e.day or 0) < (s.month or 0, s.day or 0)
        e = e._replace(year=s.year + 1 if after else s.year)
    if not (_valid_point(s) and _valid_point(e)) or (e.year is not None and _iso(e) < _iso(s)):
        return None
    precision: Precision = "day" if s.day is not None else "month" if s.month is not None else "year"
    return DateMatch(start, end, text[start:end], DateSpan(_iso(s), _iso(e)), precision, False)


def _nearest_year(p: _Point, anchor: _dt.date, direction: int) -> int:
    """The year putting `p` nearest the anchor; future distance counts double; `direction` forbids a side."""
    best, best_cost = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        delta = _months_or_days(p._replace(year=year), anchor)
        if delta is None or (direction < 0 and delta > 0) or (direction > 0 and delta < 0):
            continue
        cost = -delta if delta <= 0 else 2 * delta
        if best_cost is None or cost < best_cost:
            best, best_cost = year, cost
    return best


def _months_or_days(p: _Point, anchor: _dt.date) -> int | None:
    """Signed distance from the anchor to `p` in days (month precision: in months x 30)."""
    if p.day is None:
        return ((p.year or 0) * 12 + (p.month or 1) - anchor.year * 12 - anchor.month) * 30
    d = _valid_date(p.year or 0, p.month or 1, p.day)
    return None if d is None else (d - anchor).days


def _valid_date(year: int, month: int, day: int) -> _dt.date | None:
    """`datetime.date` or `None` for an impossible date."""
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _valid_point(p: _Point) -> bool:
    """True when the stated parts can be a real date (29 February without a year is allowed)."""
    if p.month is not None and not 1 <= p.month <= 12:
        return False
    if p.day is None or p.month is None:
        return True
    last = monthrange(p.year if p.year is not None else 2000, p.month)[1]
    return 1 <= p.day <= last


def _iso(p: _Point) -> str:
    """ISO text of a point at its precision: YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or --MM."""
    head = f"{p.year:04d}" if p.year is not None else "-"
    if p.month is None:
        return head
    if p.day is None:
        return f"{head}-{p.month:02d}"
    return f"{head}-{p.month:02d}-{p.day:02d}"


# ---- handlers: one per grammar alternative -------------------------------------------------------


def _direction(word: str | None) -> int:
    """-1 for a past word ("lalu"), +1 for a future word ("mendatang"), 0 otherwise."""
    if not word:
        return 0
    w = " ".join(word.lower().split())
    return -1 if w in PAST_WORDS else 1 if w in FUTURE_WORDS else 0


def _month(token: str) -> int | None:
    """Month number of a matched month token, `None` for a lower-case ambiguous one ("may", "jan")."""
    key = token.rstrip(".").lower()
    if key in MONTHS_NEED_CAPITAL and not token[0].isupper():
        return None
    return MONTHS.get(key)


def _day(token: str) -> int:
    """Day number of "27" or "27th"."""
    return int(token.rstrip("stndrhSTNDRH"))


def _single(year: str | None, month: int, day: int | None, day2: str | None, direction: int = 0) -> _Abs:
    """An `_Abs` for a day (or day range within one month)."""
    y = int(year) if year else None
    start = _Point(y, month, day)
    end = _Point(y, month, _day(day2)) if day2 else start
    return _Abs(start, end, direction)


def _h_iso(m: re.Match[str], _: _dt.date | None) -> _Abs:
    return _single(m["iso_y"], int(m["iso_m"]), int(m["iso_d"]), None)


def _h_months_first(m: re.Match[str], _: _dt.date | None) -> _Abs | None:
    """"10 bulan pertama tahun 2025" -> 2025-01..2025-10."""
    n = _count(m["mf_n"] or m["fm_n"])
    y = int(m["mf_y"] or m["fm_y"])
    return _Abs(_Point(y, 1, None), _Point(y, n, None), 0) if 1 <= n <= 12 else None


def _h_part(m: re.Match[str], _: _dt.date | None) -> _Abs | None:
    """Quarters and halves: "kuartal III 2025", "Q1 2024", "semester pertama 2025", "first half of 2024"."""
    kind = (m["p_kind"] or m["pe_kind"]).lower()
    n = ORDINALS[(m["p_ord"] or m["pe_ord"]).lower()]
    y = int(m["p_y"] or m["pe_y"])
    size = 6 if kind in ("semester", "paruh", "half") else 3
    if n * size > 12:
        return None
    return _Abs(_Point(y, (n - 1) * size + 1, None), _Point(y, n * size, None), 0)


def _h_paren(m: re.Match[str], _: _dt.date | None) -> _Abs:
    """"(14/10/2025)", "Kamis (23/3)", "(4/10) lalu"."""
    return _single(m["pa_y"], int(m["pa_m"]), int(m["pa_d"]), None, _direction(m["pa_dir"]))


def _h_numeric(m: re.Match[str], _: _dt.date | None) -> _Abs:
    """"29/09/2025", "14.10.2025", "14-10-2025" (day first)."""
    return _single(m["nu_y"], int(m["nu_m"]), int(m["nu_d"]), None)


def _h_dmy(m: re.Match[str], _: _dt.date | None) -> _Abs | None:
    """"17 Februari 2026", "25-28 September", "26 October 2025", "from 24 to 25 November"."""
    month = _month(m["dmy_mon"])
    if month is None:
        return None
    return _single(m["dmy_y"], month, _day(m["dmy_d"]), m["dmy_d2"], _direction(m["dmy_dir"]))


def _h_mdy(m: re.Match[str], _: _dt.date | None) -> _Abs | None:
    """"December 27", "Dec 27", "November 11-12", "October 26, 2025"."""
    month = _month(m["mdy_mon"])
    if month is None:
        return None
    return _single(m["mdy_y"], month, _day(m["mdy_d"]), m["mdy_d2"])


def _h_my(m: re.Match[str], _: _dt.date | None) -> _Abs | None:
    """"Oktober 2025", "akhir Desember 2025", "Dec 2025"."""
    month = _month(m["my_mon"])
    return None if month is None else _single(m["my_y"], month, None, None)


def _h_yrange(m: re.Match[str], _: _dt.date | None) -> _Abs | None:
    """"2018-2021", "2018 hingga 2021"."""
    a, b = int(m["yr_a"]), int(m["yr_b"])
    return _Abs(_Point(a, None, None), _Point(b, None, None), 0) if a < b <= a + 60 else None


def _h_year(m: re.Match[str], _: _dt.date | None) -> _Abs:
    """"pada tahun 2026", "akhir tahun 2025", "since 2020"."""
    y = int(m["y_y"])
    return _Abs(_Point(y, None, None), _Point(y, None, None), 0)


def _h_month(m: re.Match[str], anchor: _dt.date | None) -> _Abs | _Rel | None:
    """A month without a day or year: "Desember mendatang", "akhir Oktober", "Juli lalu", "Maret tahun lalu".

    Full names only and capitalised ("Jan" alone is a name, "may" a verb)."""
    token = m["mo_mon"]
    month = _month(token)
    if month is None or not token[0].isupper() or token.rstrip(".").lower() not in MONTHS_FULL:
        return None
    suffix = " ".join((m["mo_dir"] or "").lower().split())
    year_shift = {"tahun lalu": -1, "last year": -1, "tahun ini": 0, "this year": 0, "tahun depan": 1,
                  "next year": 1}.get(suffix)
    if year_shift is None:
        return _Abs(_Point(None, month, None), _Point(None, month, None), _direction(suffix))
    if anchor is None:
        return None
    iso = f"{anchor.year + year_shift:04d}-{month:02d}"
    return _Rel(DateSpan(iso, iso), "month")


def _h_relday(m: re.Match[str], anchor: _dt.date | None) -> _Rel | None:
    """"kemarin", "hari ini", "besok", "yesterday"."""
    if anchor is None:
        return None
    offset = _RELATIVE_DAYS[" ".join(m["rd_w"].lower().split())]
    return _day_rel(anchor + _dt.timedelta(days=offset))


def _h_relunit(m: re.Match[str], anchor: _dt.date | None) -> _Rel | None:
    """"bulan depan", "tahun lalu", "pekan lalu", "minggu ini", "dua tahun lalu", "sebulan lalu"."""
    if anchor is None:
        return None
    direction = " ".join(m["ru_dir"].lower().split())
    sign = 0 if direction == "ini" else 1 if direction in ("depan", "mendatang") else -1
    n = _count(m["ru_n"]) if m["ru_n"] else 1
    if sign == 0 and (m["ru_n"] or m["ru_se"]):
        return None
    return _shift(anchor, _UNITS[m["ru_u"].lower()], sign * n)


def _h_relunit_en(m: re.Match[str], anchor: _dt.date | None) -> _Rel | None:
    """"next week", "last month", "this year", "two years ago"."""
    if anchor is None:
        return None
    if m["re_dir"]:
        sign = {"next": 1, "coming": 1, "last": -1, "this": 0}[m["re_dir"].lower()]
        return _shift(anchor, _UNITS[m["re_u"].lower()], sign)
    return _shift(anchor, _UNITS[m["re_u2"].lower()], -_count(m["re_n"]))


def _h_weekday(m: re.Match[str], anchor: _dt.date | None) -> _Rel | None:
    """"Senin lalu", "pada hari Senin", "on Tuesday", "Kamis depan", "next Friday".

    A bare weekday is the nearest such day on or before the anchor; "lalu"/"last" the nearest one
    strictly before it; "depan"/"mendatang"/"next" the nearest one strictly after it.
    "Minggu" (also "week") counts only with a cue or a direction word; "setiap Senin" is not a date."""
    word, cue, direction = m["wd_w"], (m["wd_cue"] or "").lower(), (m["wd_dir"] or "").lower()
    if anchor is None or not word[0].isupper():
        return None
    if word.lower() == "minggu" and not (cue or direction):
        return None
    if _EVERY.search(m.string, max(0, m.start() - 8), m.start()):
        return None
    target = WEEKDAYS[word.lower()]
    back = (anchor.weekday() - target) % 7
    if direction in ("depan", "mendatang") or cue in ("next", "coming"):
        return _day_rel(anchor + _dt.timedelta(days=(target - anchor.weekday()) % 7 or 7))
    if direction in ("lalu", "kemarin") or cue == "last":
        back = back or 7
    return _day_rel(anchor - _dt.timedelta(days=back))


def _count(token: str) -> int:
    """A small count given as digits or a word."""
    return int(token) if token.isdigit() else NUMBER_WORDS.get(token.lower(), 0)


def _day_rel(d: _dt.date) -> _Rel:
    return _Rel(DateSpan(d.isoformat(), d.isoformat()), "day")


def _shift(anchor: _dt.date, unit: str, n: int) -> _Rel:
    """The day, Monday-Sunday week, month or year `n` units from the anchor's."""
    if unit == "day":
        return _day_rel(anchor + _dt.timedelta(days=n))
    if unit == "week":
        monday = anchor - _dt.timedelta(days=anchor.weekday()) + _dt.timedelta(weeks=n)
        sunday = monday + _dt.timedelta(days=6)
        return _Rel(DateSpan(monday.isoformat(), sunday.isoformat()), "day")
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + n
        iso = f"{index // 12:04d}-{index % 12 + 1:02d}"
        return _Rel(DateSpan(iso, iso), "month")
    iso = f"{anchor.year + n:04d}"
    return _Rel(DateSpan(iso, iso), "year")


_HANDLERS = {
    "iso": _h_iso, "months_first": _h_months_first, "first_months": _h_months_first, "part": _h_part,
    "part_en": _h_part, "paren": _h_paren, "numeric": _h_numeric, "dmy": _h_dmy, "mdy": _h_mdy, "my": _h_my,
    "yrange": _h_yrange, "year": _h_year, "relday": _h_relday, "relunit": _h_relunit,
    "relunit_en": _h_relunit_en, "weekday": _h_weekday, "month": _h_month,
}
"""Grammar alternative name -> handler turning its match into `_Abs`, `_Rel` or `None` (rejected)."""
