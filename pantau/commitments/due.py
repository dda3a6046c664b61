"""When a commitment is due: the date its own clause points to, from `pantau.dates.find_dates`.

Decisions:
- Only dates inside the action item count ("sepakat menyelenggarakan Konferensi ke-14 pada tahun 2026"),
  plus dates inside an event-noun subject ("Kunjungan ... 11-12 Desember akan berlangsung"): the date
  of the meeting where the commitment was made sits before the cue and is never the due date.
- A date that dates a past act inside the action ("Perjanjian ... yang ditandatangani pada 16 Oktober
  2018") is skipped, and so is a date that ends before the publication date.
- "tengah malam ini", "hari ini", "tonight" in the action's first clause: the day the sentence
  reports (its own day-precision date before the cue), else the publication day.
"""

from __future__ import annotations

import datetime as _dt

from ..dates import DateMatch
from ..model import DateSpan
from .clauses import Token
from .lexicon import CommitmentLexicons

_PAST_REACH = 4


class DueFinder:
    def __init__(self, lex: CommitmentLexicons) -> None:
        self.lex = lex

    def due(self, dates: list[DateMatch], tokens: list[Token], spans: list[tuple[int, int]], head: int,
            cue: int, anchor: _dt.date | None) -> DateSpan | None:
        """The first future date inside token ranges `spans` (the action item, maybe the subject);
        `head` is the action's first token, `cue` the cue's first token."""
        words = [t.low for t in tokens]
        for lo, hi in spans:
            if hi <= lo:
                continue
            start, end = tokens[lo].start, tokens[hi - 1].end
            for d in dates:
                if d.start < start or d.end > end:
                    continue
                if self._after_past_participle(words, tokens, d, head, lo) or _before(d.span, anchor):
                    continue
                return d.span
        item_lo, item_hi = spans[0]
        first_clause = next((k for k in range(head, item_hi) if words[k] == ","), item_hi)
        if any(self.lex.grammar.has(words, k, "immediate") for k in range(item_lo, first_clause)):
            return self._today(dates, tokens, cue, anchor)
        return None

    def _after_past_participle(self, words: list[str], tokens: list[Token], d: DateMatch, head: int,
                               lo: int) -> bool:
        k = next((i for i, t in enumerate(tokens) if t.start >= d.start), len(tokens))
        return any(self.lex.grammar.has(words, j, "past") for j in range(max(lo, head + 1, k - _PAST_REACH), k))

    @staticmethod
    def _today(dates: list[DateMatch], tokens: list[Token], cue: int, anchor: _dt.date | None) -> DateSpan | None:
        before = [d for d in dates if d.end <= tokens[cue].start and d.precision == "day"]
        if before:
            return before[-1].span
        if anchor is not None:
            day = anchor.isoformat()
            return DateSpan(day, day)
        return None


def _before(span: DateSpan, anchor: _dt.date | None) -> bool:
    """True when `span` ends before the anchor day, compared at the span's own precision."""
    if anchor is None or span.end.startswith("--"):
        return False
    return span.end < anchor.isoformat()[:len(span.end)]
