"""The commitment lexicons (`data/commitment-*.tsv`), loaded once into frozen lookup tables.

Every table maps a phrase of one or more lower-case words to its classes; `Lexicon.match` finds the
longest phrase starting at a token. Decision: phrases are matched on tokens, not on raw text, so the
clause logic and the lexicons agree on word boundaries ("akan" never matches inside "kesepakatan").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType

from ..errors import ConfigError

CUE_ROLES = frozenset({"agree", "pledge", "plan", "schedule", "future", "ready", "negation", "hedge"})
ACTION_KINDS = frozenset({
    "meet", "talk", "visit", "attend", "sign", "hold", "conference", "exercise", "exchange", "activate",
    "open", "establish", "deploy", "release", "return", "monitor", "submit", "effect", "aid",
    "activity", "light", "happen", "cessation",
})
VAGUE_CLASSES = frozenset({"continuation", "vague-verb", "abstract", "copula", "filler"})
GRAMMAR_CLASSES = frozenset({"boundary", "relative", "pronoun", "immediate", "past", "report"})


@dataclass(slots=True, frozen=True)
class Lexicon:
    """Phrases (tuples of lower-case words) to their classes, with the longest phrase length."""

    name: str
    phrases: Mapping[tuple[str, ...], frozenset[str]]
    longest: int

    def match(self, words: Sequence[str], i: int) -> tuple[int, frozenset[str]] | None:
        """The longest phrase starting at `words[i]`: (number of words, classes), or None."""
        for n in range(min(self.longest, len(words) - i), 0, -1):
            found = self.phrases.get(tuple(words[i:i + n]))
            if found is not None:
                return n, found
        return None

    def has(self, words: Sequence[str], i: int, cls: str) -> int:
        """Length of the longest phrase of class `cls` at `words[i]`, 0 when there is none."""
        for n in range(min(self.longest, len(words) - i), 0, -1):
            found = self.phrases.get(tuple(words[i:i + n]))
            if found is not None and cls in found:
                return n
        return 0


@dataclass(slots=True, frozen=True)
class CommitmentLexicons:
    cues: Lexicon
    actions: Lexicon
    vague: Lexicon
    grammar: Lexicon

    @classmethod
    def load(cls) -> CommitmentLexicons:
        return cls(
            cues=_load("commitment-cues.tsv", CUE_ROLES),
            actions=_load("commitment-actions.tsv", ACTION_KINDS),
            vague=_load("commitment-vague.tsv", VAGUE_CLASSES),
            grammar=_load("commitment-grammar.tsv", GRAMMAR_CLASSES),
        )


def _rows(name: str) -> Iterator[tuple[int, list[str]]]:
    text = files("pantau").joinpath("data", name).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield n, line.split("\t")


def _load(name: str, classes: frozenset[str]) -> Lexicon:
    table: dict[tuple[str, ...], set[str]] = {}
    for n, row in _rows(name):
        if len(row) != 2 or row[1] not in classes:
            raise ConfigError(f"data/{name}:{n}: expected 'form<TAB>class' with a class among {sorted(classes)}")
        table.setdefault(tuple(row[0].split()), set()).add(row[1])
    frozen = MappingProxyType({k: frozenset(v) for k, v in table.items()})
    return Lexicon(name, frozen, max(len(k) for k in frozen))
