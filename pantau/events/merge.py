"""One event per real-world happening in a document.

A document often reports one happening several times (the headline, the lead, the body, a quote).
Two reports are the same happening when they have the same type and mode and nothing tells them
apart: their dates agree (or one is missing), their places agree (or one is missing), their ordinals
agree, their countries overlap, when both name targets they share one, and when both name the body
that met ("meeting of the National Security Council") it is the same body. A back-reference
("pertemuan tersebut", "perundingan ini", "the meeting") joins the latest earlier happening of its
type and mode (else of its type) whatever its arguments, and does not constrain later reports.

Of the reports of one happening the most specific one is kept as the event (a date in its own
sentence, a place, an ordinal: the sentence that a reader would quote), the earliest among equals;
a photo caption only when no narrative sentence reports it (captions are dense but secondary);
the others only fill what it lacks (date, place, series, participants, contexts). Events are
returned in the text order of their kept evidence (then of their triggers).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import DateSpan, Event, Place


@dataclass(slots=True)
class Report:
    """One report of a happening: the event it makes, how specific its own sentence is, and
    whether it only refers back to a happening named before."""

    event: Event
    specificity: int
    back_reference: bool = False
    trigger_start: int = 0
    own_date: DateSpan | None = None
    """The date its own sentence gives (a date borrowed from an earlier sentence does not tell
    two happenings apart)."""
    caption: bool = False
    """Its sentence is a photo caption: a narrative report of the same happening is kept instead."""
    body: str | None = None
    """The entity id of the organisation named right after the trigger ("meeting of the National
    Security Council"): meetings of two different bodies are two happenings."""


@dataclass(slots=True)
class _Group:
    reports: list[Report] = field(default_factory=list)

    @property
    def head(self) -> Event:
        return self.reports[0].event


def merge_reports(reports: list[Report]) -> list[Event]:
    """One event per happening, in the text order of each happening's first report."""
    groups: list[_Group] = []
    for rep in reports:
        ev = rep.event
        if rep.back_reference:
            group = next((g for g in reversed(groups) if _same_kind(g.head, ev)), None) or next(
                (g for g in reversed(groups) if g.head.type == ev.type), None
            )
        else:
            group = next(
                (g for g in groups
                 if _same_kind(g.head, ev) and all(_same(r, rep) for r in g.reports if not r.back_reference)),
                None,
            )
        if group is None:
            groups.append(_Group([rep]))
        else:
            group.reports.append(rep)
    kept = [_fold(g) for g in groups]
    kept.sort(key=lambda pair: (pair[0].evidence.start, pair[1]))
    return [ev for ev, _ in kept]


def _fold(group: _Group) -> tuple[Event, int]:
    """The kept event of a group and its trigger offset."""
    best = max(
        group.reports, key=lambda r: (not r.caption, r.specificity, not r.back_reference, -r.event.evidence.start)
    )
    kept = best.event
    for rep in group.reports:
        ev = rep.event
        if ev is kept:
            continue
        kept.date = kept.date or ev.date
        kept.location = kept.location or ev.location
        kept.mechanism = kept.mechanism or ev.mechanism
        kept.ordinal = kept.ordinal if kept.ordinal is not None else ev.ordinal
        kept.participants.extend(p for p in ev.participants if p not in kept.participants)
        kept.contexts.extend(c for c in ev.contexts if c not in kept.contexts)
    return kept, best.trigger_start


def _same_kind(a: Event, b: Event) -> bool:
    return (a.type, a.mode) == (b.type, b.mode)


def _same(ra: Report, rb: Report) -> bool:
    a, b = ra.event, rb.event
    if not _same_kind(a, b):
        return False
    if a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal:
        return False
    ca, cb = set(a.actors) | set(a.targets), set(b.actors) | set(b.targets)
    if ca and cb and not ca & cb:
        return False
    if a.targets and b.targets and not set(a.targets) & set(b.targets):
        return False
    if ra.body is not None and rb.body is not None and ra.body != rb.body:
        return False
    return _dates_agree(ra.own_date, rb.own_date) and _places_agree(a.location, b.location)


def _dates_agree(a: DateSpan | None, b: DateSpan | None) -> bool:
    if a is None or b is None:
        return True
    x, y = a.start, b.start
    if x.startswith("--") or y.startswith("--"):  # no year on one side: compare month and day
        x, y = _month_day(x), _month_day(y)
    return x.startswith(y) or y.startswith(x)


def _month_day(iso: str) -> str:
    return iso[2:] if iso.startswith("--") else iso[5:]


def _places_agree(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    return a.name == b.name or (a.country is not None and a.country == b.country)
