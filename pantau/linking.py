"""Entity ids and the merging of mentions into entities.

Decisions:
- Ids are the type prefix plus a slug of the name: lower case, accents folded, every run of other
  characters one hyphen (`person:hun-sen`, `org:partai-rakyat-kamboja`); countries use the ISO3
  code (`country:KHM`). The same name always gives the same id.
- A person mention whose words are all words of a longer person name in the same document
  ("Prabowo", "Jenderal Nattaphon" → "Nattaphon") joins that person when exactly one longer name
  fits; the longest form is the entity name.
- Organisation names are merged by their folded form and by acronym: an acronym defined in brackets
  ("Partai Rakyat Kamboja (CPP)") is an alias, and standalone uses of it are the same entity.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import fold_key

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
OFFICIAL = ("Kerajaan ", "Republik ", "Kingdom of ", "Republic of ", "Negara ", "RDR ")


def slug(name: str) -> str:
    return _NON_ALNUM.sub("-", fold_key(name).replace("'", "")).strip("-")


def entity_id(kind: str, name: str) -> str:
    return f"{kind.lower()}:{slug(name)}"


@dataclass(slots=True)
class Cluster:
    """Mentions that name one entity: surface forms counted in text order."""

    type: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, source)
    surfaces: Counter[str] = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    key: str = ""

    def add(self, start: int, end: int, surface: str, source: str) -> None:
        self.spans.append((start, end, source))
        self.surfaces[surface] += 1

    def name(self, longest: bool = False) -> str:
        """The longest form (persons, organisations) or the most frequent, first-seen form."""
        if longest:
            return max(self.surfaces, key=lambda s: (len(s.split()), len(s)))
        return max(self.surfaces, key=lambda s: (not s.isupper(), not s.startswith(OFFICIAL), self.surfaces[s]))


def person_key(name: str) -> tuple[str, ...]:
    return tuple(fold_key(name).split())


def attach_short(names: list[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Map every person key to the key of the entity it belongs to (itself, or the single longer
    name containing all its words)."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in names:
        longer = [other for other in names if len(other) > len(key) and set(key) <= set(other)]
        maximal = [o for o in longer if not any(len(x) > len(o) and set(o) <= set(x) for x in longer)]
        out[key] = maximal[0] if len(maximal) == 1 else key
    return out
