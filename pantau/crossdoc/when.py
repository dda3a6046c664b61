"""Event and due dates as comparable day intervals.

Dates in records come at several precisions: `2025-07-28`, `2025-07`, `2025`, and without a year (`--07-28`,
`--07`). A dated item becomes a closed day interval; a year-less date takes the year that puts it closest to the
document's publication date, and stays year-less only when the document has no publication date either. An
undated event is taken to have happened in the `UNDATED_LOOKBACK` days before its document was published.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

UNDATED_LOOKBACK = dt.timedelta(days=90)
"""An undated event reported in a page happened at most this long before the page (a report of a July ceasefire
in an October page is still 'the July ceasefire'; one in a late-December page is another one)."""


@dataclass(slots=True, frozen=True)
class Interval:
    """Closed interval of days; `exact` is False when it stands for an undated event's likely window."""

    start: dt.date
    end: dt.date
    exact: bool = True

    def overlaps(self, other: Interval, slack: dt.timedelta = dt.timedelta(0)) -> bool:
        return self.start - slack <= other.end and other.start - slack <= self.end


@dataclass(slots=True, frozen=True)
class Yearless:
    """Month (and day) known, the year not: `--07-28` in a page without a publication date."""

    month: int
    day: int | None

    def agrees(self, other: Interval | Yearless) -> bool:
        if isinstance(other, Yearless):
            return self.month == other.month and (self.day is None or other.day is None or self.day == other.day)
        if (other.end - other.start).days >= 365:
            return True  # a year or more holds every month and day
        d = other.start
        while d <= other.end:
            if d.month == self.month and (self.day is None or d.day == self.day):
                return True
            d += dt.timedelta(days=1)
        return False


When = Interval | Yearless


def parse_point(value: str) -> tuple[int | None, int | None, int | None] | None:
    """'2025-07-28' → (2025, 7, 28); '--07' → (None, 7, None); '2025' → (2025, None, None); junk → None."""
    value = value.strip()
    try:
        if value.startswith("--"):
            parts = value[2:].split("-")
            return None, int(parts[0]), int(parts[1]) if len(parts) > 1 and parts[1] else None
        parts = value.split("-")
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = int(parts[2]) if len(parts) > 2 else None
        return year, month, day
    except (ValueError, IndexError):
        return None


def _bounds(year: int, month: int | None, day: int | None) -> tuple[dt.date, dt.date]:
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day), dt.date(year, month, day)


def _year_for(month: int, day: int | None, published: dt.date) -> int:
    """The year that puts `--MM(-DD)` nearest to the publication date."""
    def distance(year: int) -> int:
        return abs((_bounds(year, month, min(day or 1, 28))[0] - published).days)

    return min((published.year - 1, published.year, published.year + 1), key=distance)


def resolve(span: dict | None, published: dt.date | None) -> When | None:
    """The interval a record date (`{"start", "end"}`) stands for; None when there is none or it is unreadable.
    Without a date, the undated window before `published` (not exact); without either, None."""
    if not span:
        if published is None:
            return None
        return Interval(published - UNDATED_LOOKBACK, published, exact=False)
    start, end = parse_point(str(span.get("start") or "")), parse_point(str(span.get("end") or span.get("start")))
    if start is None or end is None or start[1] is None and start[0] is None:
        return None
    try:
        if start[0] is None or end[0] is None:
            if published is None:
                return Yearless(start[1], start[2])  # type: ignore[arg-type]
            y0 = _year_for(start[1], start[2], published)  # type: ignore[arg-type]
            y1 = y0 if end[1] is None or end[1] >= (start[1] or 0) else y0 + 1
            lo, _ = _bounds(y0, start[1], start[2])
            _, hi = _bounds(y1, end[1] or start[1], end[2] if end[1] else start[2])
            return Interval(lo, max(lo, hi))
        lo, _ = _bounds(*start)  # type: ignore[arg-type]
        _, hi = _bounds(*end)  # type: ignore[arg-type]
        return Interval(lo, max(lo, hi))
    except ValueError:
        return None


def compatible(a: When | None, b: When | None, *, slack_days: int = 1) -> bool | None:
    """True/False when both sides are known; None when either is unknown (the caller decides)."""
    if a is None or b is None:
        return None
    if isinstance(a, Yearless):
        return a.agrees(b)
    if isinstance(b, Yearless):
        return b.agrees(a)
    slack = dt.timedelta(days=slack_days if a.exact and b.exact else 0)
    return a.overlaps(b, slack)


def iso_date(value: str | None) -> dt.date | None:
    """A full ISO day, else None (a publication date at lower precision does not anchor anything)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
