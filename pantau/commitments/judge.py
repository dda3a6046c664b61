"""Deciding whether one action item after a cue is a concrete commitment, and of which kind.

Decisions (the general rule behind "vague intentions are not commitments"):
- The head is the first word after fillers ("juga", "segera", "untuk", "to"). A continuation adverb
  ("terus", "senantiasa", "tetap", "continue to") is skipped but remembered: a continued action is a
  commitment only when its head is itself a concrete action ("terus bertemu setahun sekali").
- A concrete head (`commitment-actions.tsv`) gives the kind. A light verb ("melakukan", "menyaksikan",
  "conduct") or a strengthening verb ("memperkuat", "strengthen") counts only when a concrete action
  noun follows within three words before any abstract object ("memperkuat pertukaran informasi" yes,
  "memperkuat kerja sama" no).
- Strong cues (agree, pledge, plan, schedule) accept any other verb head unless it is vague (a
  strengthening verb with an abstract object, a copula, or a continuation). The weak future cue ("akan", "will")
  accepts only concrete heads: "ekonomi akan mengikuti" and "akan tetap punya manfaat" are not
  commitments.
- An event noun as subject ("Kunjungan ... akan berlangsung", "the summit will be held") makes a
  scheduled event when its predicate schedules it or its subject carries a date; otherwise the
  sentence describes the event ("Pertemuan itu akan membahas kerja sama") and is not a commitment.
- "siap (untuk)" / "ready for" counts only before an event noun ("siap untuk latihan gabungan").
"""

from __future__ import annotations

from dataclasses import dataclass

from .clauses import ID_VERB, Clause
from .lexicon import CommitmentLexicons

STRONG_ROLES = frozenset({"agree", "pledge", "plan", "schedule"})
EVENT_KINDS = frozenset({"meet", "talk", "visit", "sign", "conference", "exercise", "exchange", "activity"})
_STRUCTURAL = frozenset({"light", "happen", "cessation"})
_DETERMINERS = frozenset({"the", "a", "an", "sebuah", "suatu", "para", "its", "their", "official", "resmi",
                          "state", "kenegaraan", "first", "pertama", "next"})
_WINDOW = 3


@dataclass(slots=True, frozen=True)
class Verdict:
    """An accepted item: its kind (None when only a strong cue vouches for it), the token where the
    action text starts, and the rule name written by `--explain`."""

    kind: str | None
    start: int
    rule: str


class Judge:
    def __init__(self, lex: CommitmentLexicons) -> None:
        self.lex = lex

    def event_noun(self, words: list[str], start: int, stop: int) -> tuple[str, int] | None:
        """An event noun among the first words of [start, stop), skipping punctuation and determiners."""
        seen = 0
        for k in range(start, stop):
            w = words[k]
            if not w[0].isalnum() or w in _DETERMINERS:
                continue
            found = self.lex.actions.match(words, k)
            if found is not None and not ID_VERB.match(w):
                kinds = found[1] & EVENT_KINDS
                if kinds:
                    return min(kinds), k
            seen += 1
            if seen >= _WINDOW:
                return None
        return None

    def item(self, words: list[str], clause: Clause, item: tuple[int, int], *, subject_event: str | None,
             subject_dated: bool) -> Verdict | None:
        role = clause.cue.role
        a, b = item
        k = self._skip(words, a, b, "filler")
        continued = self.lex.vague.has(words, k, "continuation") if k < b else 0
        if continued:
            k = self._skip(words, k + continued, b, "filler")
        if k < b and self.lex.vague.has(words, k, "copula") and k + 1 < b and self._kinds(words, k + 1):
            k += 1  # "will be returned", "akan menjadi tuan rumah" stays a copula
        kinds = self._kinds(words, k) if k < b else frozenset()
        if role == "ready":
            event = self.event_noun(words, k, b)
            return Verdict(event[0], event[1], "ready-event") if event and event[1] == k else None
        if "happen" in kinds and subject_event:
            return Verdict(subject_event, a, "event-scheduled")
        concrete = kinds - _STRUCTURAL
        if concrete:
            return Verdict(min(concrete), k, f"{role}-concrete")
        if subject_event and (subject_dated or role == "schedule"):
            return Verdict(subject_event, a, "event-scheduled")
        if "cessation" in kinds:
            return Verdict("cessation", k, f"{role}-cessation")
        if continued:
            return None
        if kinds & {"light"} or (k < b and self.lex.vague.has(words, k, "vague-verb")):
            found = self._object(words, k + 1, b)
            if found is not None:
                return Verdict(found, k, f"{role}-object")
            if role in STRONG_ROLES and not self._abstract_next(words, k + 1, b):
                return Verdict(None, k, f"{role}-clause")
            return None
        if role in STRONG_ROLES and k < b and self._verb_follows(words, clause, k) \
                and not self.lex.vague.has(words, k, "copula") and not self.lex.vague.has(words, k, "abstract"):
            if any("cessation" in self._kinds(words, j) for j in range(k, min(b, k + _WINDOW))):
                return Verdict("cessation", k, f"{role}-cessation")
            return Verdict(None, k, f"{role}-clause")
        return None

    @staticmethod
    def _verb_follows(words: list[str], clause: Clause, k: int) -> bool:
        """A strong cue vouches for an action only when a verb follows it: an Indonesian verb form,
        or anything after an English cue ending in "to" ("agreed to utilise"). "menyepakati sesuatu",
        "direncanakan sudah empat minggu", "dijadwalkan Sabtu" are not actions."""
        return bool(ID_VERB.match(words[k])) or words[clause.cue.j - 1] == "to"

    def _kinds(self, words: list[str], k: int) -> frozenset[str]:
        found = self.lex.actions.match(words, k)
        return found[1] if found is not None else frozenset()

    def _skip(self, words: list[str], k: int, stop: int, cls: str) -> int:
        while k < stop:
            n = self.lex.vague.has(words, k, cls)
            if not n and not (words[k] in _DETERMINERS or not words[k][0].isalnum()):
                break
            k += n or 1
        return k

    def _object(self, words: list[str], k: int, stop: int) -> str | None:
        """The kind of a concrete action noun within the window after a light or strengthening verb,
        unless an abstract object comes first; "kegiatan" (activities) alone is not concrete
        ("melakukan sejumlah kegiatan lainnya"), "kegiatan bantuan" is."""
        end = min(stop, k + _WINDOW)
        while k < end:
            if self.lex.vague.has(words, k, "abstract"):
                return None
            kinds = self._kinds(words, k) - {"light", "happen", "activity"}
            if kinds:
                return min(kinds)
            k += 1
        return None

    def _abstract_next(self, words: list[str], k: int, stop: int) -> bool:
        return any(self.lex.vague.has(words, j, "abstract") for j in range(k, min(stop, k + _WINDOW)))
