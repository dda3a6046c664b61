"""The date of an event: a date in its own clause, else in its sentence, else in the paragraph before it.

Dates come from `pantau.dates.find_dates` run once over the whole text with the publication date as
anchor (relative forms resolved; `--MM-DD` when no year can be fixed). Decisions:
- A date in the trigger's own clause (no comma or semicolon between) is the event's date, the
  nearest one first; else the nearest date of the sentence that is not after the publication date.
- A date after the publication date in the trigger's own clause marks a planned happening
  (`DateIndex.future_in_clause`), which the gate drops.
- A sentence without a date takes the date of the nearest preceding dated sentence in the same
  paragraph: news states the date once and goes on reporting the same day ("Pada 17 November, ...
  Delegasi itu juga ...").
- Year-only dates ("sejak 2016", "pada tahun 2020") are used only when nothing more precise is there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..dates import DateMatch, find_dates
from ..model import DateSpan

_CLAUSE_BREAK = re.compile(r"[,;]")


@dataclass(slots=True)
class DateIndex:
    """The dates of one document, in text order, with the anchor they were resolved against."""

    matches: list[DateMatch]
    anchor: str | None

    @classmethod
    def of(cls, text: str, anchor: str | None) -> DateIndex:
        return cls(find_dates(text, anchor=anchor), anchor)

    def within(self, start: int, end: int) -> list[DateMatch]:
        i = bisect_left(self.matches, start, key=lambda m: m.start)
        out: list[DateMatch] = []
        for m in self.matches[i:]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def is_future(self, m: DateMatch) -> bool:
        """True when the date starts after the anchor at the date's own precision."""
        if self.anchor is None or m.span.start.startswith("-"):
            return False
        return m.span.start > self.anchor[: len(m.span.start)]

    def future_in_clause(self, text: str, start: int, end: int, trig_start: int, trig_end: int) -> bool:
        """A date after the anchor in the trigger's own clause."""
        return any(self.is_future(m) for m in self._clause_dates(text, start, end, trig_start, trig_end))

    def has_past(self, start: int, end: int) -> bool:
        return any(not self.is_future(m) for m in self.within(start, end))

    def in_sentence(self, text: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> DateSpan | None:
        """The date of the trigger's own clause, else the sentence's nearest one (never a future one)."""
        clause = [m for m in self._clause_dates(text, *sentence, *trigger) if not self.is_future(m)]
        if clause:
            return self._complete(_best(clause, trigger[0]).span, *sentence)
        return self.of_span(*sentence, near=trigger[0])

    def of_span(self, start: int, end: int, *, near: int) -> DateSpan | None:
        """The best date in [start, end) that is not after the anchor, or `None`."""
        found = [m for m in self.within(start, end) if not self.is_future(m)]
        return self._complete(_best(found, near).span, start, end) if found else None

    def _complete(self, span: DateSpan, start: int, end: int) -> DateSpan:
        """A day or month without a year takes the year the same sentence states ("Perundingan Tahunan
        2023 ..., pada tanggal 24 Oktober"): the sentence fixes it, as the annotation guide asks."""
        if not span.start.startswith("--"):
            return span
        years = {m.span.start for m in self.within(start, end) if m.precision == "year" and m.span.start == m.span.end}
        return _with_year(span, years.pop()) if len(years) == 1 else span

    def _clause_dates(self, text: str, start: int, end: int, trig_start: int, trig_end: int) -> list[DateMatch]:
        """Dates of [start, end) with no comma or semicolon between them and the trigger."""
        out = []
        for m in self.within(start, end):
            lo, hi = (m.end, trig_start) if m.end <= trig_start else (trig_end, m.start)
            if lo >= hi or not _CLAUSE_BREAK.search(text, lo, hi):
                out.append(m)
        return out


def _best(matches: list[DateMatch], near: int) -> DateMatch:
    """The most precise date, the nearest to `near` among equals."""
    rank = {"day": 0, "month": 1, "year": 2}
    return min(matches, key=lambda m: (rank[m.precision], max(m.start - near, near - m.end, 0)))


def _with_year(span: DateSpan, year: str) -> DateSpan:
    """`--MM-DD` spans completed with a year the sentence states."""
    return DateSpan(
        year + span.start[1:] if span.start.startswith("--") else span.start,
        year + span.end[1:] if span.end.startswith("--") else span.end,
    )
