"""Reading one sentence for commitments: its tokens, its cues, and for each cue the subject before it
and the action items after it.

Decisions:
- A cue is a phrase of `commitment-cues.tsv`; a negator right before it ("tidak akan", "will not")
  or a hedge just before it ("diharapkan akan", "berharap") cancels it. Cues that follow each other
  ("dijadwalkan akan", "sepakat akan") are one cue: the first one's role, the last one's end.
- The subject runs from the last clause boundary before the cue (`boundary` words of
  `commitment-grammar.tsv`, or the previous cue's action) to the cue; a subject that is only a
  relative pronoun ("yang", "which") stands for the noun phrase before it.
- The action region runs from the cue to the next cue's subject or the sentence end. It is split into
  items at a semicolon, or at a coordinator ("dan", "serta", "and", a comma) followed by a concrete
  action verb, so "sepakat mengaktifkan kembali hotline dan mengadakan pertemuan bulanan" gives two
  items. A coordinator followed by another verb that is not a concrete action ends the region
  ("akan mulai berlaku ... dan dicapai dalam pertemuan ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import CommitmentLexicons

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_COORDINATORS = frozenset({"dan", "serta", "and", ","})
ID_VERB = re.compile(r"^(?:me[mnr]?|meng|meny|di|ber|ter)[a-z]{3,}$")
"""An Indonesian verb form (meN-, di-, ber-, ter- prefix): a coordinator before one starts a new predicate."""
_EN_NOUN = re.compile(r"(?:s|ing|tion|ment)$")


@dataclass(slots=True, frozen=True)
class Token:
    start: int
    end: int
    text: str
    low: str


@dataclass(slots=True, frozen=True)
class Cue:
    """Cue tokens [i, j) of a sentence and the cue's role (agree, pledge, plan, schedule, future, ready)."""

    i: int
    j: int
    role: str


@dataclass(slots=True, frozen=True)
class Clause:
    """One cue with its subject tokens [subject_start, cue.i) and its action items (token ranges)."""

    cue: Cue
    subject_start: int
    relative: bool
    items: tuple[tuple[int, int], ...]


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Word and punctuation tokens of text[start:end], with offsets into `text`."""
    return [Token(m.start(), m.end(), m.group(), _fold(m.group())) for m in _TOKEN.finditer(text, start, end)]


def _fold(word: str) -> str:
    """Lower case, with Indonesian full reduplication read as the base ("aktivitas-aktivitas")."""
    low = word.lower()
    left, dash, right = low.partition("-")
    return left if dash and left and left == right else low


class SentenceReader:
    """Finds the cue clauses of one sentence; built once with the lexicons."""

    def __init__(self, lex: CommitmentLexicons) -> None:
        self.lex = lex
        firsts = {phrase[0] for phrase, roles in lex.cues.phrases.items() if roles - {"negation", "hedge"}}
        self._trigger = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(firsts, key=len, reverse=True)) + r")(?!\w)",
            re.IGNORECASE,
        )

    def may_have_cue(self, text: str, start: int, end: int) -> bool:
        """A cheap test before tokenising: does text[start:end] contain a cue's first word?"""
        return self._trigger.search(text, start, end) is not None

    def cues(self, words: list[str]) -> list[Cue]:
        out: list[Cue] = []
        i = 0
        while i < len(words):
            found = self.lex.cues.match(words, i)
            if found is None or not (found[1] - {"negation", "hedge"}):
                i += 1
                continue
            n, roles = found
            role = _strongest(roles)
            j = i + n
            while j < len(words):  # "dijadwalkan akan", "sepakat untuk akan": one cue
                nxt = self.lex.cues.match(words, j)
                if nxt is None or not (nxt[1] - {"negation", "hedge"}):
                    break
                j += nxt[0]
            if not self._cancelled(words, i) and not (role != "future" and self._before_that(words, j)):
                out.append(Cue(i, j, role))
            i = j
        return out

    def _before_that(self, words: list[str], j: int) -> bool:
        """"sepakat bahwa ...", "agreed that ...": the agreement is about a clause, whose own cues count."""
        return j < len(words) and self.lex.grammar.has(words, j, "boundary") > 0

    def _cancelled(self, words: list[str], i: int) -> bool:
        """A negator right before the cue, or a hedge within the three words before it."""
        for k in range(max(0, i - 3), i):
            found = self.lex.cues.match(words, k)
            if found is None:
                continue
            if "hedge" in found[1] or ("negation" in found[1] and k + found[0] >= i - 1):
                return True
        return False

    def clauses(self, words: list[str], cues: list[Cue], *, english: bool) -> list[Clause]:
        starts: list[int] = []
        floor = 0
        for cue in cues:
            start = self._subject_start(words, floor, cue.i)
            if starts and start == floor:  # "agreed to reopen X and will exchange Y": a shared subject
                start = next((k + 1 for k in range(cue.i - 1, floor - 1, -1) if words[k] in _COORDINATORS), start)
            starts.append(start)
            floor = cue.j
        out: list[Clause] = []
        for n, cue in enumerate(cues):
            relative = cue.i > 0 and self.lex.grammar.has(words, cue.i - 1, "relative") > 0
            stop = starts[n + 1] if n + 1 < len(cues) else len(words)
            out.append(Clause(cue, starts[n], relative, tuple(self._items(words, cue.j, stop, english))))
        return out

    def _subject_start(self, words: list[str], floor: int, cue_i: int) -> int:
        """After the last boundary or reporting word (or a comma + "dan") between `floor` and the cue
        that leaves some words before the cue ("kedua negara menyatakan sepakat" keeps its subject)."""
        start = reported = floor
        for k in range(floor, cue_i):
            n = self.lex.grammar.has(words, k, "boundary")
            said = self.lex.grammar.has(words, k, "report")
            if n and k + n <= cue_i:
                start = reported = k + n
            elif said and k + said <= cue_i:
                reported = k + said
            elif words[k] in ("dan", "and") and k > floor and words[k - 1] == ",":
                start = reported = k + 1
        return reported if any(w[0].isalnum() for w in words[reported:cue_i]) else start

    def _items(self, words: list[str], start: int, stop: int, english: bool) -> list[tuple[int, int]]:
        items: list[tuple[int, int]] = []
        head = start
        k = start
        while k < stop:
            w = words[k]
            if w == "”" or (self.lex.grammar.has(words, k, "report") and k > start and words[k - 1] in (",", "”")):
                break
            if w == ";" or (w in _COORDINATORS and w != "," and self._acts(words, head, k)):
                nxt = k + 1
                while nxt < stop and words[nxt] in _COORDINATORS:
                    nxt += 1
                if nxt >= stop:
                    break
                if self._new_action(words, nxt, after_semicolon=w == ";", english=english):
                    items.append((head, k))
                    head = k = nxt
                    continue
                if w == ";" or self._is_verb(words, nxt):
                    break
            k += 1
        items.append((head, k))
        return [(a, _trim(words, a, b)) for a, b in items if _trim(words, a, b) > a]

    def _acts(self, words: list[str], head: int, stop: int) -> bool:
        """The item [head, stop) opens with an action word (after fillers): only then can a
        coordinator join a second action to it ("mengaktifkan ... dan mengadakan ..."); inside the
        complement of another verb ("mendorong otoritas agar bertemu dan bertukar pikiran") it cannot."""
        k = head
        while k < stop and (self.lex.vague.has(words, k, "filler") or not words[k][0].isalnum()):
            k += self.lex.vague.has(words, k, "filler") or 1
        return k < stop and self.lex.actions.match(words, k) is not None

    def _new_action(self, words: list[str], k: int, *, after_semicolon: bool, english: bool) -> bool:
        """A concrete action verb at `k` (after a semicolon, any concrete action word): Indonesian
        verbs carry a verb prefix, English ones must not look like a plural or a verbal noun."""
        found = self.lex.actions.match(words, k)
        if found is None or not found[1] - {"happen", "cessation"}:
            return False
        w = words[k]
        return after_semicolon or (not _EN_NOUN.search(w) if english else bool(ID_VERB.match(w)))

    def _is_verb(self, words: list[str], k: int) -> bool:
        return bool(ID_VERB.match(words[k])) or self.lex.vague.has(words, k, "vague-verb") > 0


def _trim(words: list[str], a: int, b: int) -> int:
    """The end of item [a, b) without trailing coordinators ("reopen the checkpoint and")."""
    while b > a and words[b - 1] in _COORDINATORS:
        b -= 1
    return b


_ROLE_ORDER = ("agree", "pledge", "schedule", "plan", "ready", "future")


def _strongest(roles: frozenset[str]) -> str:
    return next(r for r in _ROLE_ORDER if r in roles)
