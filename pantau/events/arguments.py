"""Who took part in an event and where: actors and targets (ISO3), participants, location.

Decisions:
- Countries come from `ActorIndex` (country mentions, people's and organisations' countries, "kedua
  negara"), within the evidence sentence; for a verb, not from a purpose clause after it ("bertolak
  ke Vientiane untuk menghadiri KTT Kamboja, Laos dan Vietnam" is a visit to Laos). A country after
  "di"/"in" is a venue, and one inside a border's name ("perbatasan Thailand-Kamboja") a place; neither
  is a side. A sentence that names no country takes those of its paragraph, else the document's two
  countries in play: news names the sides once and then writes "the delegation", "the minister".
  A two-sided happening (consultation, agreement, cooperation, ceasefire, clash; not a visit, whose
  destination may be at home) naming one country is completed from the countries in play; one that
  names only a third country (a host or a mediator: "pertemuan bilateral yang dipimpin oleh PM
  Malaysia") takes both countries most in play as its sides besides it.
- Direction: for joint happenings of equals (conferences, exercises, patrols, exchanges, signings,
  clashes, ceasefires) every side is an actor. Otherwise the countries named before the trigger
  (its subject) act and those after it are acted towards ("Thailand mendesak Kamboja"); a host verb
  ("menerima", "hosted") reverses this, because its subject is the host and its object the visitor.
  A noun trigger has no subject: its sides are actors, except a visit's destination ("kunjungan
  PM Laos ke Kamboja"), which is the target. A visit noun that sets the scene for a meeting verb
  ("Dalam kunjungan resmi ke X, A bertemu dengan B") has the visitor as the meeting's subject (actor)
  and the destination and the countries met after the verb as hosts (targets). A visit to a place
  ("bertolak ke Vientiane") whose country is not named has that place's country as target.
- Participants: the people and organisations named in the evidence, first mention first.
- Location, among the places (LOCATION mentions) of the evidence: a visit's destination right after
  its verb, else a place after the trigger that follows a locative preposition ("di", "ke", "in",
  "at"), else such a place before it, else the first place after it, else any (a dateline), else a
  country given as a venue ("di Kamboja").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..actors import ActorIndex
from ..model import Document, Entity, Mention, Place
from .triggers import Trigger

SYMMETRIC_MODES: frozenset[str] = frozenset(
    ["conference", "exercise", "patrol", "exchange", "inspection", "operation", "coordination", "signing",
     "clash", "ceasefire"]
)
"""Modes of joint happenings: every side is an actor."""
TWO_SIDED_TYPES: frozenset[str] = frozenset(["CONSULT", "AGREE", "COOPERATE", "RETREAT", "ASSAULT"])
"""Types that take two sides: a sentence naming one country is completed from the countries in play."""
_PARTIES = frozenset({"country", "person", "org", "group"})
_PURPOSE = re.compile(
    r"\b(?:untuk|guna|demi|in\s+order\s+to|to\s+(?:attend|meet|discuss|hold|sign|join|take\s+part))\b",
    re.IGNORECASE,
)
_VENUE = re.compile(r"\b(?:di|in)\s+$", re.IGNORECASE)
_BORDER_BEFORE = re.compile(r"\b(?:perbatasan|border)\s+(?:antara\s+)?(?:[\w-]+\s*[-–]\s*)?$", re.IGNORECASE)
_BORDER_AFTER = re.compile(r"^(?:\s*[-–]\s*[\w-]+)?\s+border\b", re.IGNORECASE)
_HYPHEN_PAIR = re.compile(r"[-–]\s*$|^\s*[-–]")
_LOCATIVE = re.compile(r"\b(?:di|ke|menuju|in|at|to)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_DESTINATION = re.compile(r"\b(?:ke|to|menuju)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@dataclass(slots=True)
class Sides:
    actors: list[str]
    targets: list[str]


@dataclass(slots=True)
class ArgumentFinder:
    """Argument resolution for one document (built once per document)."""

    doc: Document
    actors: ActorIndex
    by_id: dict[str, Entity]

    @classmethod
    def of(cls, doc: Document) -> ArgumentFinder:
        return cls(doc, ActorIndex.of(doc), {e.id: e for e in doc.entities})

    def sides(
        self, trigger: Trigger, sentence: tuple[int, int], paragraph: tuple[int, int], others: Iterable[Trigger] = ()
    ) -> Sides:
        """The sides of the happening `trigger` names; `others` are the other triggers of its sentence."""
        text = self.doc.text
        start, end = sentence
        form = trigger.form
        if form.kind != "noun":
            purpose = _PURPOSE.search(text, trigger.end, end)
            end = purpose.start() if purpose else end
        refs = [r for r in self.actors.refs_in(start, end) if r.via in _PARTIES and not _is_venue(text, r.start)]
        refs = [r for r in refs if not _is_border_name(text, r.start, r.end)] or refs
        if not refs:
            fallback = self.actors.countries_in(*paragraph) or self.actors.in_play[:2]
            return Sides(list(fallback), [])
        if form.mode in SYMMETRIC_MODES:
            sides = Sides(_unique(r.code for r in refs), [])
        elif form.kind == "noun":
            dest = [r.code for r in refs if r.start >= trigger.end and _DESTINATION.search(text, start, r.start)]
            meets = next((t.start for t in others if t.start >= trigger.end and t.form.mode == "meeting"
                          and t.form.kind == "verb"), None) if form.mode == "visit" else None
            if meets is not None:
                hosts = _unique([*dest[:1], *(r.code for r in refs if r.start >= meets)])
                sides = Sides([c for c in _unique(r.code for r in refs) if c not in hosts], hosts)
            elif form.mode == "visit" and dest:
                sides = Sides(_unique(r.code for r in refs if r.code != dest[0]), dest[:1])
            else:
                sides = Sides(_unique(r.code for r in refs), [])
        else:
            before = _unique(r.code for r in refs if r.end <= trigger.start)
            after = _unique(r.code for r in refs if r.start >= trigger.end)
            if form.kind == "host":
                before, after = after, before
            sides = Sides(before, [c for c in after if c not in before]) if before else Sides(after, [])
        if form.mode == "visit" and not sides.targets:
            place = next((r.code for r in self.actors.refs_in(trigger.end, end) if r.via == "location"), None)
            if place is not None and place not in sides.actors:
                sides.targets.append(place)
        if form.type in TWO_SIDED_TYPES and form.mode != "visit":
            named = {*sides.actors, *sides.targets}
            wanted = 3 if len(named) == 1 and not named & set(self.actors.in_play[:2]) else 2
            for code in self.actors.in_play:
                if len(sides.actors) + len(sides.targets) >= wanted:
                    break
                if code not in sides.actors and code not in sides.targets:
                    sides.actors.append(code)
        return sides

    def participants(self, start: int, end: int) -> list[str]:
        out: list[str] = []
        for m in self._mentions(start, end):
            if m.type in ("PERSON", "ORG") and m.entity_id and m.entity_id not in out:
                out.append(m.entity_id)
        return out

    def location(self, trigger: Trigger, start: int, end: int) -> Place | None:
        """The most specific place of the event in [start, end) (see the module docstring)."""
        text = self.doc.text
        places = [m for m in self._mentions(start, end) if m.type == "LOCATION"]
        after = [m for m in places if m.start >= trigger.end]
        before = [m for m in places if m.end <= trigger.start]

        def locative(m: Mention) -> bool:
            return _LOCATIVE.search(text, max(start, m.start - 40), m.start) is not None

        destination = [m for m in after if m.start - trigger.end <= 60] if trigger.form.mode == "visit" else []
        chosen = next(
            iter(destination + [m for m in after if locative(m)] + [m for m in before if locative(m)] + after + places),
            None,
        )
        if chosen is None:
            chosen = next(
                (m for m in self._mentions(start, end) if m.type == "COUNTRY" and locative(m)),
                None,
            )
        if chosen is None:
            return None
        entity = self.by_id.get(chosen.entity_id or "")
        if entity is None:
            return Place(chosen.text)
        country = entity.country or (entity.id.partition(":")[2].upper() if entity.type == "COUNTRY" else None)
        return Place(entity.name, country)

    def _mentions(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.doc.mentions if m.start >= start and m.end <= end]


def _is_venue(text: str, start: int) -> bool:
    """A country after "di"/"in" is where something happened, not a side ("diusulkan ... di Malaysia")."""
    return _VENUE.search(text, max(0, start - 5), start) is not None


def _is_border_name(text: str, start: int, end: int) -> bool:
    """A country inside a border's name ("perbatasan Thailand-Kamboja", "Thai-Cambodian border")
    describes a place, not a side."""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    paired = _HYPHEN_PAIR.search(before) is not None or _HYPHEN_PAIR.match(after) is not None
    return paired and (_BORDER_BEFORE.search(before) is not None or _BORDER_AFTER.match(after) is not None)


def _unique(codes: Iterable[str]) -> list[str]:
    out: list[str] = []
    for c in codes:
        if c not in out:
            out.append(c)
    return out
