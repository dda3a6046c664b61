"""The event trigger lexicon and its matcher.

`data/event-triggers.tsv` lists forms with their PLOVER type, conventional mode and kind (see its
header). `TriggerLexicon.find` scans a text once with one compiled alternation (longest form first,
so "latihan militer gabungan" wins over "latihan militer") and yields non-overlapping matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from typing import Literal, cast

from ..errors import ConfigError
from ..model import EventType
from ..patterns import initials_class, trie_pattern

Kind = Literal["verb", "noun", "agreed", "host"]
KINDS: tuple[str, ...] = ("verb", "noun", "agreed", "host")
EVENT_TYPES: frozenset[str] = frozenset(
    ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
     "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
)


@dataclass(slots=True, frozen=True)
class TriggerForm:
    """One lexicon row."""

    form: str
    type: EventType
    mode: str
    kind: Kind


@dataclass(slots=True, frozen=True)
class Trigger:
    """One trigger occurrence: offsets into the scanned text and its lexicon row."""

    start: int
    end: int
    text: str
    form: TriggerForm


def load_forms(name: str = "event-triggers.tsv") -> list[TriggerForm]:
    """Rows of a trigger lexicon in `pantau/data`; a malformed row is a `ConfigError` naming the line."""
    text = files("pantau").joinpath("data", name).read_text(encoding="utf-8")
    out: list[TriggerForm] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4 or cols[1] not in EVENT_TYPES or cols[3] not in KINDS:
            raise ConfigError(f"{name}:{number}: expected form, PLOVER type, mode, kind; got {line!r}")
        out.append(TriggerForm(cols[0], cast(EventType, cols[1]), cols[2], cast(Kind, cols[3])))
    return out


class TriggerLexicon:
    """The compiled lexicon: `find(text)` yields every trigger, longest form first at a position."""

    def __init__(self, forms: list[TriggerForm]) -> None:
        self._by_key: dict[str, TriggerForm] = {}
        for f in forms:
            self._by_key.setdefault(_key(f.form), f)
        initials = initials_class([*self._by_key, *(k.upper() for k in self._by_key)])
        # An Indonesian noun may carry the possessive "-nya" ("pemulangannya", "kunjungannya").
        self._pattern = re.compile(
            rf"(?<![\w-])(?=[{initials}])(?P<form>{trie_pattern(self._by_key)})(?:nya)?(?![\w-])", re.IGNORECASE
        )

    def find(self, text: str) -> Iterator[Trigger]:
        for m in self._pattern.finditer(text):
            form = self._by_key[_key(m.group("form"))]
            yield Trigger(m.start(), m.end(), m.group(), form)


def _key(form: str) -> str:
    return " ".join(form.lower().split())
