"""Are two event reports from different documents the same real-world event?

The test is symmetric and uses only what both reports say:
- same PLOVER `type`; the same `mode` when both give one, up to `MODE_FAMILIES` (a visit and the talks during it
  stay apart; a committee's 'meeting' and its 'conference' do not);
- countries: when both name countries, one set contains the other or they share at least half of the union
  (reports list the sides partially: "Thailand and Cambodia" vs "Thailand, Cambodia and the Malaysian host");
- the same `ordinal` when both give one, and compatible `mechanism` names (the 12th and the 13th conference are
  two events);
- dates that overlap (see `pantau.crossdoc.when`); an undated report counts as "shortly before its page";
- no two places in different countries.
When neither report carries a date nor a publication date, only reports that agree on the place, the mechanism
or the edition number are joined: too little is known otherwise. Two reports of one document are never the same event
(the document stage has already merged its own repetitions).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .when import Interval, When, compatible, iso_date, resolve


@dataclass(slots=True, frozen=True)
class EventReport:
    """One event of one document, reduced to what clustering compares."""

    doc: str
    event: str
    type: str
    mode: str | None
    countries: frozenset[str]
    when: When | None
    place: str | None
    place_country: str | None
    mechanism: str | None
    ordinal: int | None

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc, self.event)

    @classmethod
    def of(cls, doc_id: str, event: dict[str, Any], published: str | None) -> EventReport:
        loc = event.get("location") or {}
        return cls(
            doc=doc_id,
            event=str(event["id"]),
            type=str(event["type"]),
            mode=event.get("mode") or None,
            countries=frozenset(event.get("actors") or []) | frozenset(event.get("targets") or []),
            when=resolve(event.get("date"), iso_date(published)),
            place=fold(loc.get("name")) or None,
            place_country=loc.get("country") or None,
            mechanism=fold(event.get("mechanism")) or None,
            ordinal=event.get("ordinal"),
        )


def fold(text: str | None) -> str:
    """Lower case, accents and punctuation dropped, spaces collapsed: 'Tây Ninh' → 'tay ninh'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")
    return " ".join(re.sub(r"[^\w\s]", " ", plain.lower()).split())


def countries_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return True
    if a <= b or b <= a:
        return True
    return len(a & b) * 2 >= len(a | b)


def mechanisms_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) * 2 >= min(len(wa), len(wb))


MODE_FAMILIES: dict[str, str] = {
    "meeting": "talks", "conference": "talks", "talks": "talks", "summit": "talks", "dialogue": "talks",
    "consultation": "talks", "session": "talks",
}
"""Modes that name one happening in different words (a 'meeting' of the border committee is its 'conference');
other modes (visit, call, signing...) stand for themselves."""


def modes_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return MODE_FAMILIES.get(a, a) == MODE_FAMILIES.get(b, b)


def same_event(a: EventReport, b: EventReport) -> bool:
    if a.doc == b.doc or a.type != b.type:
        return False
    if not modes_agree(a.mode, b.mode):
        return False
    if a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal:
        return False
    if not mechanisms_agree(a.mechanism, b.mechanism) and (a.ordinal is None or a.ordinal != b.ordinal):
        return False  # one edition number: the names may be in two languages
    if not countries_agree(a.countries, b.countries):
        return False
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    dates = compatible(a.when, b.when)
    if dates is False:
        return False
    if dates is None or _both_guessed(a.when, b.when):
        # too little known in time: ask for positive agreement on the place or the series
        return bool((a.place and a.place == b.place) or (a.mechanism and b.mechanism)
                    or (a.ordinal is not None and a.ordinal == b.ordinal))
    return bool(a.countries & b.countries) or not (a.countries and b.countries)


def _both_guessed(a: When | None, b: When | None) -> bool:
    return isinstance(a, Interval) and isinstance(b, Interval) and not a.exact and not b.exact


def months_of(when: When | None) -> list[str]:
    """Month buckets an interval touches ('2025-07'), at most 16; none for year-less or unknown dates."""
    if not isinstance(when, Interval):
        return []
    out: list[str] = []
    d = when.start.replace(day=1)
    while d <= when.end and len(out) < 16:
        out.append(d.strftime("%Y-%m"))
        d = (d + dt.timedelta(days=32)).replace(day=1)
    return out
