"""Recurring cooperation mechanisms: conference series with ordinals, named exercises with editions, hotlines,
joint patrol arrangements — gathered from the knowledge base's events and commitments.

A mechanism is known by its name with the edition stripped ("Konferensi ... ke-13" and "the 14th Conference ..."
name one series once ordinals, years and filler words are dropped). Names that share most content words and whose
countries agree are one mechanism (union-find, so the grouping is order-free); its id is a slug of its shortest
name. Instances are the events of the series (held) and the commitments that announce one (planned), each with
its ordinal and date when known.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .cluster import UnionFind
from .same_event import countries_agree, fold

_EDITION = re.compile(
    r"\b(?:ke\s*\d+|ke\s+\w+|\d+(?:st|nd|rd|th)|\d{4}|pertama|kedua|ketiga|keempat|kelima|first|second|third|"
    r"fourth|fifth|yang|the|of|and|dan|antara|between|ke|tahun|annual|tahunan)\b"
)


@dataclass(slots=True, frozen=True)
class Instance:
    """One edition: a held event (`kind="event"`) or a planned one (`kind="commitment"`)."""

    ref: str
    kind: str
    ordinal: int | None
    date: str | None


@dataclass(slots=True)
class Mechanism:
    id: str
    name: str
    countries: list[str]
    instances: list[Instance] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class SeriesItem:
    """What the knowledge base knows of one event or commitment that belongs to a named series."""

    ref: str
    kind: str
    name: str
    countries: frozenset[str]
    ordinal: int | None
    date: str | None


def series_key(name: str) -> frozenset[str]:
    """Content words of a mechanism name without its edition: 'the 13th Border Conference' → {border, conference}."""
    return frozenset(w for w in _EDITION.sub(" ", fold(name)).split() if len(w) > 1)


def same_series(a: SeriesItem, b: SeriesItem) -> bool:
    ka, kb = series_key(a.name), series_key(b.name)
    if not ka or not kb:
        return False
    return len(ka & kb) * 3 >= 2 * min(len(ka), len(kb)) and countries_agree(a.countries, b.countries)


def gather(items: Iterable[SeriesItem]) -> list[Mechanism]:
    """Group items into mechanisms: names compared pairwise within a shared-word block (names are short, blocks
    small), and the items of one knowledge-base event always together."""
    items = sorted(items, key=lambda i: (i.kind, i.ref))
    uf = UnionFind()
    blocks: dict[str, list[int]] = defaultdict(list)
    by_ref: dict[str, int] = {}
    for n, item in enumerate(items):
        uf.add(("", str(n)))
        if item.ref in by_ref:  # one event reported under two names (Indonesian and English) is one series
            uf.union(("", str(n)), ("", str(by_ref[item.ref])))
        by_ref.setdefault(item.ref, n)
        for word in series_key(item.name):
            for m in blocks[word]:
                if same_series(item, items[m]):
                    uf.union(("", str(n)), ("", str(m)))
            blocks[word].append(n)
    out: list[Mechanism] = []
    for members in uf.components():
        group = [items[int(k[1])] for k in members]
        name = display_name(max(group, key=lambda i: (i.kind == "event", len(series_key(i.name)), i.name)).name)
        countries = sorted(set().union(*(i.countries for i in group)))
        instances = sorted(
            {Instance(i.ref, i.kind, i.ordinal, i.date) for i in {i.ref: i for i in group}.values()},
            key=lambda x: (x.ordinal is None, x.ordinal or 0, x.date or "", x.ref),
        )
        out.append(Mechanism(f"mechanism:{slug(name)}", name, countries, instances))
    return sorted(out, key=lambda m: m.id)


_ORDINAL_TEXT = re.compile(r"\s*\b(?:ke-?\s*\d+|the\s+\d+(?:st|nd|rd|th)|\d+(?:st|nd|rd|th)|(?:19|20)\d{2})\b",
                           re.IGNORECASE)


_CAP = r"(?:[A-Z][\w()'’/-]*)"
_LINK = r"(?:dan|and|of|the|antara|between)"
_SERIES_IN_TEXT = re.compile(
    rf"(?P<pre>(?:{_CAP}\s+(?:{_LINK}\s+)?){{0,10}}){_CAP}?\s*\b[Kk]e-?\s?(?P<id>\d{{1,3}})\b"
    rf"(?P<post>(?:,?\s+(?:{_LINK}\s+)?{_CAP}){{0,10}})"
    rf"|\b(?:the\s+)?(?P<en>\d{{1,3}})(?:st|nd|rd|th)\s+(?P<ename>(?:{_CAP}\s*){{1,10}})"
    rf"|\b(?P<first>pertama|first)\b"
)


def series_in(text: str) -> tuple[str | None, int | None]:
    """The numbered series a text names, e.g. 'Konferensi Perbatasan ke-14' → ('Konferensi Perbatasan', 14),
    'Konferensi Ke-11 Komandan Penjaga Perbatasan' → ('Konferensi Komandan Penjaga Perbatasan', 11),
    'the 4th Border Talks' → ('Border Talks', 4), 'pertukaran yang pertama' → (None, 1)."""
    m = _SERIES_IN_TEXT.search(text)
    if m is None:
        return None, None
    if m.group("id"):
        whole = text[m.start():m.end()]
        name = re.sub(r"\s*\b[Kk]e-?\s?\d{1,3}\b", "", whole)
        name = re.sub(rf"^(?:[A-Z]{{2,}}\s*-\s*)|(?:[\s,]+{_LINK})+$", "", name.strip()).strip(" ,")
        return (name or None), int(m.group("id"))
    if m.group("en"):
        return m.group("ename").strip(), int(m.group("en"))
    return None, 1


def display_name(name: str) -> str:
    """The series name as written, without the edition: 'Golden Dragon 2023' → 'Golden Dragon'."""
    return " ".join(_ORDINAL_TEXT.sub(" ", name).split()) or name


def slug(name: str) -> str:
    return "-".join(sorted(series_key(name), key=fold(name).find))[:80] or "unnamed"
