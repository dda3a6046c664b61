"""Groups of reports that are the same real-world event, found incrementally without comparing all pairs.

Reports are filed by (type, country, month). A new report is compared only with the reports that share one of
its slots; every pair that passes `same_event` becomes a link, and the groups are the connected components of
the links (union-find). Links are symmetric facts about two reports, so the groups do not depend on the order in
which documents arrive; a group's id is derived from its smallest report key, also order-free.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .same_event import EventReport, months_of, same_event

ANY = "*"
"""Country slot holding every report of a type (searched by reports that name no country)."""
NONE = "-"
"""Country slot of the reports that name no country (searched by every report of the type)."""
UNDATED = "?"
"""Month slot of the reports without a usable interval (searched by every report of the country)."""
ALL = ""
"""Month slot holding every report of a country (searched by reports without a usable interval)."""

Key = tuple[str, str]
Slot = tuple[str, str, str]


@dataclass(slots=True)
class UnionFind:
    """Connected components over hashable keys; the root of a component is its smallest key."""

    parent: dict[Key, Key] = field(default_factory=dict)

    def add(self, k: Key) -> None:
        self.parent.setdefault(k, k)

    def find(self, k: Key) -> Key:
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def union(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo

    def components(self) -> list[list[Key]]:
        out: dict[Key, list[Key]] = defaultdict(list)
        for k in self.parent:
            out[self.find(k)].append(k)
        return sorted(sorted(members) for members in out.values())


def filing_slots(r: EventReport) -> list[Slot]:
    """Where a report is filed: under each of its countries (or NONE) and under ANY, by month (or UNDATED) and
    under ALL months."""
    countries = [*sorted(r.countries), ANY] if r.countries else [NONE, ANY]
    months = months_of(r.when) or [UNDATED]
    return [(r.type, c, m) for c in countries for m in [*months, ALL]]


def probe_slots(r: EventReport) -> list[Slot]:
    """Where to look for earlier reports of the same event: the report's countries (and the country-less ones) in
    its months and among the undated; every month when its own date is unusable; every country when it names
    none."""
    countries = [*sorted(r.countries), NONE] if r.countries else [ANY]
    months = months_of(r.when)
    if not months:
        return [(r.type, c, ALL) for c in countries]
    return [(r.type, c, m) for c in countries for m in [*months, UNDATED]]


@dataclass(slots=True)
class EventClusterer:
    """In-memory clustering of event reports (a store keeps the same slots and links in tables)."""

    reports: dict[Key, EventReport] = field(default_factory=dict)
    index: dict[Slot, set[Key]] = field(default_factory=lambda: defaultdict(set))
    links: UnionFind = field(default_factory=UnionFind)

    def add(self, report: EventReport) -> list[Key]:
        """File one report and link it to the earlier reports of the same event; returns the linked keys."""
        linked = [k for k in sorted(self.candidates(report)) if same_event(report, self.reports[k])]
        self.reports[report.key] = report
        self.links.add(report.key)
        for k in linked:
            self.links.union(report.key, k)
        for slot in filing_slots(report):
            self.index[slot].add(report.key)
        return linked

    def add_all(self, reports: Iterable[EventReport]) -> None:
        for r in reports:
            self.add(r)

    def candidates(self, r: EventReport) -> set[Key]:
        found: set[Key] = set()
        for slot in probe_slots(r):
            found |= self.index.get(slot, set())
        found.discard(r.key)
        return found

    def groups(self) -> list[list[Key]]:
        return self.links.components()


def group_id(members: Iterable[Key], prefix: str = "ev") -> str:
    """A stable id for a group: a short hash of its smallest member key."""
    first = min(members)
    return f"{prefix}-{hashlib.sha1(f'{first[0]}/{first[1]}'.encode()).hexdigest()[:10]}"
