"""The date of an event: a date in its own clause, else in its sentence, else in the paragraph before it.

Dates come from `pantau.dates.find_dates`, run lazily per sentence (only sentences that hold a trigger,
and the sentences an undated event looks back to, are ever read) with the publication date as anchor
(relative forms resolved; `--MM-DD` when no year can be fixed). Decisions:
- A date in the trigger's own clause (no comma or semicolon between) is the event's date, the
  nearest one first; else the nearest date of the sentence that is not after the publication date
  and does not sit in the own clause of a trigger of another type in the sentence ("agreed to a
  ceasefire, ..., to halt the conflict that reignited on December 7": December 7 dates the conflict,
  not the ceasefire).
- A date after the publication date in the trigger's own clause marks a planned happening
  (`DateIndex.future_in_clause`), which the gate drops.
- Some dates never date a happening: a person's tenure or title ("PM periode 2001–2006", "masa
  jabatan 2019-2024", "sejak ia menjabat pada bulan Agustus", "Ketua ASEAN tahun 2025") and a date in a
  clause that announces a future ("..., which will take effect on December 27", "yang akan digelar 5
  Mei"): the happening reported in the sentence did not take place then.
- A happening that takes effect at a time of day without a date ("effective at 12pm", "mulai berlaku
  tengah malam") has no date of its own: it takes none from the rest of its sentence or from before it.
- Year-only dates ("sejak 2016", "pada tahun 2020") are used only when nothing more precise is there.
- The date a plan gives in its own clause (`DateIndex.scheduled`) may date the happening that a report
  of it taking place leaves undated; the stage decides when.
- A sentence without a date may take the date of an earlier sentence; which one is the stage's
  decision (`pantau.stages.events`), reading `DateIndex.of_span`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import DateMatch, find_dates
from ..model import DateSpan

_CLAUSE_BREAK = re.compile(r"[,;]")
_TENURE_BEFORE = re.compile(
    r"(?i:\b(?:periode|masa\s+jabatan|masa\s+bakti|menjabat|dilantik|term|in\s+office|took\s+office|taking\s+office))"
    r"\s+(?i:sejak\s+|pada\s+|since\s+|from\s+|in\s+)?$"
    r"|(?i:\b(?:ketua|keketuaan|presidensi|chair|chairman|chairmanship|presidency))\s+(?:[A-Z][\w-]*\s+){1,3}$"
)
"""A date right after a tenure or title word is a person's term, not an event date."""
_TENURE_TEXT = re.compile(r"^(?:periode|masa\s+jabatan)\b", re.IGNORECASE)
_FUTURE_CLAUSE = re.compile(
    r"\b(?:akan|bakal|will|shall|dijadwalkan|direncanakan|scheduled|planned|is\s+to|are\s+to)\b", re.IGNORECASE
)
_TIME_ONLY = re.compile(
    r"\b(?:effective|efektif|berlaku|takes?\s+effect|took\s+effect)\s+(?:mulai\s+|sejak\s+|from\s+|as\s+of\s+)?"
    r"(?:at\s+|pada\s+)?(?:pukul\s+\d|jam\s+\d|\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|wib|wita|wit)\b|"
    r"tengah\s+malam|midnight|noon|tengah\s+hari)",
    re.IGNORECASE,
)
"""A happening that starts at a time of day, with no date given for it."""
_REACH = 40


@dataclass(slots=True)
class DateIndex:
    """The dates of one document's sentences, found on demand and kept, with the anchor they were resolved
    against. `usable` dates are those that may date a happening (see the module docstring)."""

    text: str
    anchor: str | None
    _found: dict[tuple[int, int], tuple[list[DateMatch], list[DateMatch]]] = field(default_factory=dict)
    _time_only: dict[tuple[int, int], bool] = field(default_factory=dict)

    def within(self, start: int, end: int) -> list[DateMatch]:
        """Every date of [start, end)."""
        return self._read(start, end)[0]

    def usable(self, start: int, end: int) -> list[DateMatch]:
        """The dates of [start, end) that may date a happening."""
        return self._read(start, end)[1]

    def _read(self, start: int, end: int) -> tuple[list[DateMatch], list[DateMatch]]:
        found = self._found.get((start, end))
        if found is None:
            matches = [
                DateMatch(m.start + start, m.end + start, m.text, m.span, m.precision, m.relative)
                for m in find_dates(self.text[start:end], anchor=self.anchor)
            ]
            found = (matches, [m for m in matches if not self._never_event(m, start)])
            self._found[(start, end)] = found
        return found

    def _never_event(self, m: DateMatch, start: int) -> bool:
        """A tenure or title date, or a date in a clause that announces a future."""
        if self._tenure(m, start):
            return True
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(self.text, start, m.start)]
        return _FUTURE_CLAUSE.search(self.text, breaks[-1] if breaks else start, m.start) is not None

    def _tenure(self, m: DateMatch, start: int) -> bool:
        before = _TENURE_BEFORE.search(self.text, max(start, m.start - _REACH), m.start)
        return bool(_TENURE_TEXT.match(m.text) or before)

    def scheduled(self, sentence: tuple[int, int], trigger: tuple[int, int]) -> DateSpan | None:
        """The date in the own clause of a planned happening's trigger ("akan melakukan kunjungan ke
        Vietnam pada 11-12 Desember"), if it is not after the anchor: the day the plan was for."""
        dates = [m for m in self.within(*sentence) if not self._tenure(m, sentence[0]) and not self.is_future(m)]
        clause = self._clause_dates(dates, *trigger)
        return self._complete(_best(clause, trigger[0]).span, *sentence) if clause else None

    def is_future(self, m: DateMatch) -> bool:
        """True when the date starts after the anchor at the date's own precision."""
        if self.anchor is None or m.span.start.startswith("-"):
            return False
        return m.span.start > self.anchor[: len(m.span.start)]

    def future_in_clause(self, start: int, end: int, trig_start: int, trig_end: int) -> bool:
        """A date after the anchor in the trigger's own clause."""
        return any(self.is_future(m) for m in self._clause_dates(self.within(start, end), trig_start, trig_end))

    def has_past(self, start: int, end: int) -> bool:
        """The sentence states a date that may date a happening and is not after the anchor."""
        return any(not self.is_future(m) for m in self.usable(start, end))

    def time_only(self, start: int, end: int) -> bool:
        """The sentence says the happening takes effect at a time of day ("effective at 12pm")."""
        found = self._time_only.get((start, end))
        if found is None:
            found = self._time_only[(start, end)] = _TIME_ONLY.search(self.text, start, end) is not None
        return found

    def in_sentence(
        self, sentence: tuple[int, int], trigger: tuple[int, int], others: list[tuple[int, int]]
    ) -> DateSpan | None:
        """The date of the trigger's own clause, else the sentence's nearest one outside the own clauses
        of the `others` triggers (never a future one, never one that cannot date a happening)."""
        usable = [m for m in self.usable(*sentence) if not self.is_future(m)]
        clause = self._clause_dates(usable, *trigger)
        if clause:
            return self._complete(_best(clause, trigger[0]).span, *sentence)
        if self.time_only(*sentence):
            return None
        taken = {id(m) for o in others for m in self._clause_dates(usable, *o)}
        free = [m for m in usable if id(m) not in taken]
        return self._complete(_best(free, trigger[0]).span, *sentence) if free else None

    def of_span(self, start: int, end: int, *, near: int) -> DateSpan | None:
        """The best date of the sentence [start, end) that is not after the anchor, or `None`."""
        found = [m for m in self.usable(start, end) if not self.is_future(m)]
        return self._complete(_best(found, near).span, start, end) if found else None

    def _complete(self, span: DateSpan, start: int, end: int) -> DateSpan:
        """A day or month without a year takes the year the same sentence states ("Perundingan Tahunan
        2023 ..., pada tanggal 24 Oktober"): the sentence fixes it, as the annotation guide asks."""
        if not span.start.startswith("--"):
            return span
        years = {m.span.start for m in self.usable(start, end) if m.precision == "year" and m.span.start == m.span.end}
        return _with_year(span, years.pop()) if len(years) == 1 else span

    def _clause_dates(self, matches: list[DateMatch], trig_start: int, trig_end: int) -> list[DateMatch]:
        """The `matches` with no comma or semicolon between them and the trigger."""
        out = []
        for m in matches:
            lo, hi = (m.end, trig_start) if m.end <= trig_start else (trig_end, m.start)
            if lo >= hi or not _CLAUSE_BREAK.search(self.text, lo, hi):
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
