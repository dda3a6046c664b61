"""Which countries a stretch of text speaks for: the shared resolver of event actors and targets,
commitment parties and figure parties.

A country is in a span when the span mentions it (a COUNTRY mention), mentions a person or an
organisation whose `country` is known, or refers to the countries in play as a group ("kedua
negara", "ketiga negara", "both countries", "the two sides"). The countries in play are the
document's most-mentioned countries; a group of N takes the first N of them.

Everything here reads `doc.entities` and `doc.mentions` as the `entities` stage left them and
returns ISO 3166-1 alpha-3 codes in order of first appearance in the span.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import Document

_GROUP_SIZES = {
    "kedua": 2, "dua": 2, "ketiga": 3, "tiga": 3, "keempat": 4, "empat": 4,
    "both": 2, "two": 2, "three": 3, "four": 4,
}
_GROUP = re.compile(
    r"\b(?:(?P<id>kedua|ketiga|keempat|dua|tiga|empat)\s+(?:negara|pihak|pemerintah|belah\s+pihak|bangsa|pemimpin"
    r"|menteri|delegasi|kepala\s+negara|kepala\s+pemerintahan|perdana\s+menteri|militer|angkatan\s+bersenjata"
    r"|tentara)"
    r"|(?:the\s+)?(?P<en>both|two|three|four)\s+(?:countries|sides|nations|governments|neighbou?rs|parties"
    r"|leaders|ministers|delegations|militaries|armies|prime\s+ministers))\b",
    re.IGNORECASE,
)
"""'kedua negara', 'ketiga pihak', 'kedua pemimpin', 'both countries', 'the two leaders': the countries in play
as a group (countries, sides and governments, and the leaders, ministers, delegations and armies that speak for
them)."""


@dataclass(slots=True, frozen=True)
class CountryRef:
    """One way a span names a country: the code, where, and how ("country", "person", "org",
    "location", "group")."""

    code: str
    start: int
    end: int
    via: str


@dataclass(slots=True)
class ActorIndex:
    """Country references of one document, built once and queried per span."""

    refs: list[CountryRef]
    in_play: list[str]

    @classmethod
    def of(cls, doc: Document) -> ActorIndex:
        by_id = {e.id: e for e in doc.entities}
        refs: list[CountryRef] = []
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for m in doc.mentions:
            entity = by_id.get(m.entity_id or "")
            if entity is None:
                continue
            code = _code_of(entity.type, entity.id, entity.country)
            if not code:
                continue
            refs.append(CountryRef(code, m.start, m.end, entity.type.lower()))
            if entity.type == "COUNTRY":
                counts[code] += 1
                first.setdefault(code, m.start)
        in_play = sorted(counts, key=lambda c: (-counts[c], first[c]))
        for g in _GROUP.finditer(doc.text):
            size = _GROUP_SIZES[(g.group("id") or g.group("en")).lower()]
            for code in in_play[:size]:
                refs.append(CountryRef(code, g.start(), g.end(), "group"))
        refs.sort(key=lambda r: (r.start, r.end))
        return cls(refs, in_play)

    def countries_in(self, start: int, end: int, *, via: frozenset[str] | None = None) -> list[str]:
        """Codes referred to inside [start, end), first appearance first; `via` limits the kinds
        of reference (default: all but locations, whose country is a venue, not a party)."""
        kinds = via if via is not None else frozenset({"country", "person", "org", "group"})
        out: list[str] = []
        for r in self.refs:
            if r.start >= end:
                break
            if r.start >= start and r.end <= end and r.via in kinds and r.code not in out:
                out.append(r.code)
        return out

    def refs_in(self, start: int, end: int) -> list[CountryRef]:
        """Every reference inside [start, end), in text order (for direction rules)."""
        return [r for r in self.refs if r.start >= start and r.end <= end]


def _code_of(etype: str, entity_id: str, country: str | None) -> str | None:
    if etype == "COUNTRY":
        return country or entity_id.partition(":")[2].upper() or None
    return country
