"""Who committed: the ISO3 parties of one commitment, through the shared `pantau.actors.ActorIndex`.

Decisions, in order of trust:
1. The subject of the cue, destinations left out ("kunjungan ke Vietnam"; the stage adds them back,
   after the visitor, for a promised visit). When the subject has
   several comma-separated parts ("Pada Senin, 28 Juli 2025, kedua negara sepakat"), the last part
   speaks first; the whole subject is read when that part names nobody. A relative subject ("KTT
   ..., yang dijadwalkan Senin") reads from the event noun it refers to. A person named by surname
   only ("Trump akan ...") counts with the country of the person of that surname. Group nouns
   ("kedua negara", "kedua pemimpin", "both leaders") are references of `ActorIndex`: the countries in play.
2. A pronoun or empty subject ("mereka akan ...", "..., dan akan ...") takes the parties of the
   previous commitment (within the sentence, or of the sentence before).
3. The countries the action names, except venues ("ke Vietnam", "in Thailand"): "siap untuk latihan
   gabungan antara tentara Vietnam, Laos dan Kamboja".
4. The countries of the event the commitment was made at, else the two countries most in play.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..actors import ActorIndex
from ..model import Document, Event
from .clauses import Token
from .lexicon import CommitmentLexicons

_VENUE = frozenset({"di", "ke", "dari", "menuju", "in", "at", "to", "from"})
_DESTINATION = frozenset({"ke", "menuju", "to", "into"})


class PartyResolver:
    def __init__(self, lex: CommitmentLexicons) -> None:
        self.lex = lex

    def subject(self, ix: ActorIndex, tokens: list[Token], start: int, stop: int,
                surnames: Mapping[str, str]) -> list[str] | None:
        """Parties named by subject tokens [start, stop); None when the subject is empty or a pronoun."""
        words = [t.low for t in tokens]
        parts = [k + 1 for k in range(start, stop) if words[k] == ","]
        tail = max(parts, default=start)
        for lo in ([tail, start] if tail > start else [start]):
            if not any(w[0].isalnum() for w in words[lo:stop]):
                continue
            found = self._named(ix, tokens, lo, stop) or _by_surname(tokens, lo, stop, surnames)
            if found:
                return found
        content = [k for k in range(tail, stop) if words[k][0].isalnum()] or \
            [k for k in range(start, stop) if words[k][0].isalnum()]
        if not content or self.lex.grammar.has(words, content[0], "pronoun"):
            return None
        return []

    def action(self, ix: ActorIndex, tokens: list[Token], start: int, stop: int) -> list[str]:
        """Countries the action tokens [start, stop) name, venues left out."""
        return _countries_except_after(ix, tokens, start, stop, _VENUE)

    def destinations(self, ix: ActorIndex, tokens: list[Token], start: int, stop: int) -> list[str]:
        """Countries named right after "ke"/"to"/"menuju" in tokens [start, stop): the hosts of a visit."""
        goals = {tokens[k + 1].start for k in range(start, stop - 1) if tokens[k].low in _DESTINATION}
        if not goals or stop <= start:
            return []
        refs = ix.refs_in(tokens[start].start, tokens[stop - 1].end)
        return list(dict.fromkeys(r.code for r in refs if r.start in goals and r.via != "location"))

    def _named(self, ix: ActorIndex, tokens: list[Token], start: int, stop: int) -> list[str]:
        """Countries the subject names, destinations left out ("kunjungan ke Vietnam", "visit to Vietnam")."""
        return _countries_except_after(ix, tokens, start, stop, _DESTINATION)


def _countries_except_after(ix: ActorIndex, tokens: list[Token], start: int, stop: int,
                            markers: frozenset[str]) -> list[str]:
    """Countries referred to in tokens [start, stop) (places' countries aside), except those right after one of
    `markers` ("di", "ke", "to": a venue or a destination is not a party)."""
    after = {tokens[k + 1].start for k in range(start, stop - 1) if tokens[k].low in markers}
    out: list[str] = []
    for ref in ix.refs_in(tokens[start].start, tokens[stop - 1].end):
        if ref.via != "location" and ref.start not in after and ref.code not in out:
            out.append(ref.code)
    return out


def surnames(doc: Document) -> dict[str, str]:
    """The last word of each person's name with a known country ("Trump" -> USA), when no two
    people of different countries share it."""
    seen: dict[str, set[str]] = {}
    for e in doc.entities:
        if e.type == "PERSON" and e.country and len(e.name.split()) > 1:
            seen.setdefault(e.name.split()[-1].lower(), set()).add(e.country)
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1}


def _by_surname(tokens: list[Token], start: int, stop: int, known: Mapping[str, str]) -> list[str]:
    """A person named by surname only that the entity stage left unlinked ("Trump akan ...")."""
    out: list[str] = []
    for t in tokens[start:stop]:
        code = known.get(t.low) if t.text[:1].isupper() else None
        if code and code not in out:
            out.append(code)
    return out


def fallback(ix: ActorIndex, event: Event | None) -> list[str]:
    """The parties of the event the commitment was made at, else the two countries most in play."""
    if event is not None:
        codes = list(dict.fromkeys([*event.actors, *event.targets]))
        if codes:
            return codes
    return ix.in_play[:2]
