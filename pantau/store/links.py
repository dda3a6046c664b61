"""Cross-document knowledge in the store: near-duplicate pages, reports of one event, one promise reported
twice, promises kept, and mechanisms (the logic is `pantau.crossdoc`; this module keeps its links in tables).

Decisions:

- Linking is incremental and happens when a document is written, in the same transaction: its pages'
  LSH bands, its events and its commitments are filed under slots (`kb_slots`), only the reports that
  share a slot are compared, and every positive comparison is stored as a symmetric link (`kb_links`).
  The expensive part (comparisons) therefore grows with the number of candidates, not with the store.
- Groups are the connected components of the links, recomputed by `refresh` at the end of every ingest run
  (union-find over the links: linear in their number). The knowledge-base id of a group is the id its
  smallest report would have alone, so a lone report keeps its id and the ids do not depend on the order
  documents arrived in. A run killed before `refresh` leaves the links in place; the next run refreshes.
- Near-duplicate pages (`doc_duplicates`): a copy points at the oldest page of its group (publication date,
  then id). The events of two near-duplicate pages are linked when they have the same type and nearly the
  same evidence, so a syndicated copy adds reports to the original's events, never events of its own.
- Fulfilment (`kb_fulfilment`): links between a commitment report and an event report that keeps it; a
  commitment group is kept by the earliest event group linked to any of its reports.
- Replacing a document removes everything it contributed before its new version is indexed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, insert, or_, select, update

from ..crossdoc.cluster import UnionFind, filing_slots, probe_slots
from ..crossdoc.dedup import Fingerprint, fingerprint
from ..crossdoc.mechanisms import SeriesItem, gather, series_in
from ..crossdoc.promises import (
    EARLY_SLACK,
    OPEN_WINDOW,
    ActionKind,
    ActionLexicon,
    CommitmentReport,
    fulfils,
    same_commitment,
)
from ..crossdoc.same_event import EventReport, fold, months_of, same_event
from ..crossdoc.when import Interval, iso_date, resolve
from ..model import Document
from . import schema
from .kb import commitment_kb_id, event_kb_id

SAME_EVENT, SAME_COMMITMENT, FULFILS, SAME_PAGE = "same_event", "same_commitment", "fulfils", "same_page"
EVIDENCE_OVERLAP = 0.6
"""Share of evidence words two events of near-duplicate pages must have in common to be one report pair."""

Key = tuple[str, str]
Link = tuple[str, Key, Key]


def _slot(*parts: str) -> str:
    return "|".join(parts)


class Linker:
    """Indexes documents as they are written and refreshes the groups; one per writer."""

    def __init__(self) -> None:
        self.lexicon = ActionLexicon.load()

    # --- indexing one document (inside the writer's transaction) -------------------------------------------

    def unindex(self, conn: Connection, doc_id: str) -> None:
        for table in (schema.kb_reports, schema.kb_slots, schema.doc_bands, schema.doc_fingerprints):
            conn.execute(delete(table).where(table.c.doc_id == doc_id))
        lk = schema.kb_links
        conn.execute(delete(lk).where(or_(lk.c.a_doc == doc_id, lk.c.b_doc == doc_id)))

    def index(self, conn: Connection, doc: Document) -> None:
        published = doc.published.date if doc.published else None
        events = [_event_payload(doc, i) for i in range(len(doc.events))]
        ev_reports = [EventReport.of(doc.id, p, published) for p in events]
        promises = [_commitment_payload(doc, i) for i in range(len(doc.commitments))]
        links: set[Link] = set()
        self._index_page(conn, doc, ev_reports, links)
        for payload, r in zip(events, ev_reports, strict=True):
            self._link_event(conn, r, links)
            self._put(conn, "event", r.key, payload, [_slot("E", *s) for s in filing_slots(r)])
        for payload in promises:
            r = CommitmentReport.of(doc.id, payload, payload["published"], self.lexicon, payload["ordinal"])
            payload |= {"kind": None if r.kind is None else [r.kind.type, r.kind.mode], "words": sorted(r.words)}
            self._link_commitment(conn, r, links)
            self._put(conn, "commitment", r.key, payload, _commitment_slots(r))
        if links:
            conn.execute(insert(schema.kb_links), [
                {"relation": rel, "a_doc": a[0], "a_item": a[1], "b_doc": b[0], "b_item": b[1]}
                for rel, a, b in sorted(links)])

    def _put(self, conn: Connection, kind: str, key: Key, payload: dict[str, Any], slots: list[str]) -> None:
        conn.execute(insert(schema.kb_reports).values(kind=kind, doc_id=key[0], item_id=key[1],
                                                      payload=json.dumps(payload, ensure_ascii=False)))
        rows = [{"slot": s, "kind": kind, "doc_id": key[0], "item_id": key[1]} for s in dict.fromkeys(slots)]
        if rows:
            conn.execute(insert(schema.kb_slots), rows)

    @staticmethod
    def _link(links: set[Link], relation: str, a: Key, b: Key) -> None:
        """Collect a link (symmetric relations in key order; `fulfils` is commitment → event)."""
        if relation != FULFILS:
            a, b = min(a, b), max(a, b)
        links.add((relation, a, b))

    def _reports(self, conn: Connection, kind: str, slots: Iterable[str]) -> list[tuple[Key, dict[str, Any]]]:
        s, r = schema.kb_slots, schema.kb_reports
        slots = list(dict.fromkeys(slots))
        if not slots:
            return []
        keys = select(s.c.doc_id, s.c.item_id).where(s.c.kind == kind, s.c.slot.in_(slots)).distinct().subquery()
        q = select(r.c.doc_id, r.c.item_id, r.c.payload).join(
            keys, and_(r.c.doc_id == keys.c.doc_id, r.c.item_id == keys.c.item_id)).where(r.c.kind == kind)
        return [((row.doc_id, row.item_id), json.loads(row.payload)) for row in conn.execute(q)]

    def _link_event(self, conn: Connection, r: EventReport, links: set[Link]) -> None:
        for key, payload in self._reports(conn, "event", [_slot("E", *s) for s in probe_slots(r)]):
            if same_event(r, _event_report(key, payload)):
                self._link(links, SAME_EVENT, r.key, key)
        for key, payload in self._reports(conn, "commitment", _commitment_probes(r)):
            if fulfils(self._commitment_report(key, payload), r):
                self._link(links, FULFILS, key, r.key)

    def _link_commitment(self, conn: Connection, r: CommitmentReport, links: set[Link]) -> None:
        for key, payload in self._reports(conn, "commitment", _commitment_slots(r)):
            if same_commitment(r, self._commitment_report(key, payload)):
                self._link(links, SAME_COMMITMENT, r.key, key)
        if r.kind is None:
            return
        for key, payload in self._reports(conn, "event", _event_probes(r)):
            if fulfils(r, _event_report(key, payload)):
                self._link(links, FULFILS, r.key, key)

    @staticmethod
    def _commitment_report(key: Key, payload: dict[str, Any]) -> CommitmentReport:
        """A stored promise as compared (its action kind and words were worked out when it was indexed)."""
        published = iso_date(payload.get("published"))
        kind = payload.get("kind")
        return CommitmentReport(
            doc=key[0], commitment=key[1], parties=frozenset(payload.get("parties") or []),
            kind=None if kind is None else ActionKind(kind[0], kind[1]), words=frozenset(payload.get("words") or []),
            due=resolve(payload["due"], published) if payload.get("due") else None, published=published,
            ordinal=payload.get("ordinal"))

    def _index_page(self, conn: Connection, doc: Document, reports: list[EventReport], links: set[Link]) -> None:
        fp = fingerprint(doc.text)
        conn.execute(insert(schema.doc_fingerprints).values(doc_id=doc.id, words=fp.words,
                                                            hashvalues=json.dumps(fp.hashvalues)))
        bands = list(dict.fromkeys(fp.bands))
        b, f = schema.doc_bands, schema.doc_fingerprints
        near = select(f.c.doc_id, f.c.words, f.c.hashvalues).where(
            f.c.doc_id.in_(select(b.c.doc_id).where(b.c.band_hash.in_(bands)).distinct()), f.c.doc_id != doc.id)
        for row in list(conn.execute(near)):
            other = Fingerprint(tuple(json.loads(row.hashvalues)), (), row.words)
            if fp.is_near_duplicate(other):
                self._link(links, SAME_PAGE, (doc.id, ""), (row.doc_id, ""))
                self._link_copied_events(conn, reports, doc, row.doc_id, links)
        conn.execute(insert(b), [{"band_hash": h, "doc_id": doc.id} for h in bands])

    def _link_copied_events(self, conn: Connection, reports: list[EventReport], doc: Document, other: str,
                            links: set[Link]) -> None:
        r = schema.kb_reports
        theirs = [(row.item_id, json.loads(row.payload)) for row in conn.execute(
            select(r.c.item_id, r.c.payload).where(r.c.kind == "event", r.c.doc_id == other))]
        for mine, ev in zip(reports, doc.events, strict=True):
            words = set(fold(ev.evidence.text).split())
            for item_id, payload in theirs:
                other_words = set(fold(payload.get("evidence", "")).split())
                if payload["type"] == mine.type and _overlap(words, other_words) >= EVIDENCE_OVERLAP:
                    self._link(links, SAME_EVENT, mine.key, (other, item_id))

    # --- groups (end of every ingest run) -------------------------------------------------------------------

    def refresh(self, conn: Connection) -> None:
        """Recompute every group from the links and write knowledge-base ids, duplicates, fulfilment and
        mechanisms."""
        links: dict[str, list[tuple[Key, Key]]] = defaultdict(list)
        lk = schema.kb_links
        for row in conn.execute(select(lk)):
            links[row.relation].append(((row.a_doc, row.a_item), (row.b_doc, row.b_item)))
        e, c = schema.events, schema.commitments
        ev_groups = _rewrite_ids(conn, e, e.c.event_id, links[SAME_EVENT], event_kb_id)
        cm_groups = _rewrite_ids(conn, c, c.c.commitment_id, links[SAME_COMMITMENT], commitment_kb_id)
        self._write_fulfilment(conn, links[FULFILS], ev_groups, cm_groups)
        _write_duplicates(conn, links[SAME_PAGE])
        self._write_mechanisms(conn, ev_groups, cm_groups)

    def _write_fulfilment(self, conn: Connection, pairs: list[tuple[Key, Key]], ev_groups: dict[Key, str],
                          cm_groups: dict[Key, str]) -> None:
        starts = {(r.doc_id, r.event_id): r.date_start or "~" for r in conn.execute(
            select(schema.events.c.doc_id, schema.events.c.event_id, schema.events.c.date_start))}
        best: dict[str, tuple[str, str]] = {}
        for ckey, ekey in pairs:
            if ckey not in cm_groups or ekey not in ev_groups:
                continue
            cand = (starts.get(ekey, "~"), ev_groups[ekey])
            cid = cm_groups[ckey]
            if cid not in best or cand < best[cid]:
                best[cid] = cand
        conn.execute(delete(schema.kb_fulfilment))
        if best:
            conn.execute(insert(schema.kb_fulfilment), [
                {"commitment_kb_id": cid, "event_kb_id": ev} for cid, (_, ev) in sorted(best.items())])

    def _write_mechanisms(self, conn: Connection, ev_groups: dict[Key, str], cm_groups: dict[Key, str]) -> None:
        r = schema.kb_reports
        items: list[SeriesItem] = []
        for row in conn.execute(select(r.c.kind, r.c.doc_id, r.c.item_id, r.c.payload)):
            p = json.loads(row.payload)
            name = p.get("mechanism")
            if not name:
                continue
            key = (row.doc_id, row.item_id)
            ref = (ev_groups if row.kind == "event" else cm_groups).get(key)
            if ref is None:
                continue
            countries = frozenset(p.get("actors") or []) | frozenset(p.get("targets") or []) | \
                frozenset(p.get("parties") or [])
            date = p.get("date") or p.get("due") or {}
            items.append(SeriesItem(ref, row.kind, name, countries, p.get("ordinal"), date.get("start")))
        conn.execute(delete(schema.mechanism_instances))
        conn.execute(delete(schema.mechanisms))
        for m in gather(items):
            conn.execute(insert(schema.mechanisms).values(id=m.id, name=m.name, countries=json.dumps(m.countries)))
            rows = [{"mechanism_id": m.id, "ref": i.ref, "kind": i.kind, "ordinal": i.ordinal, "date": i.date}
                    for i in m.instances]
            conn.execute(insert(schema.mechanism_instances), rows)


def _rewrite_ids(conn: Connection, table: Any, item_col: Any, pairs: list[tuple[Key, Key]],
                 kb_id: Any) -> dict[Key, str]:
    """Union-find over the links; update `kb_id` where it changed; returns report key → group id."""
    uf = UnionFind()
    current: dict[Key, str] = {}
    for row in conn.execute(select(table.c.doc_id, item_col, table.c.kb_id)):
        current[(row[0], row[1])] = row[2]
        uf.add((row[0], row[1]))
    for a, b in pairs:
        if a in current and b in current:
            uf.union(a, b)
    ids: dict[Key, str] = {}
    for members in uf.components():
        gid = kb_id(*members[0])
        for k in members:
            ids[k] = gid
    changed = [{"d": k[0], "i": k[1], "kb": v} for k, v in ids.items() if current[k] != v]
    if changed:
        conn.execute(update(table).where(table.c.doc_id == bindparam("d"), item_col == bindparam("i"))
                     .values(kb_id=bindparam("kb")), changed)
    return ids


def _write_duplicates(conn: Connection, pairs: list[tuple[Key, Key]]) -> None:
    d = schema.documents
    published = {r.id: r.published or "~" for r in conn.execute(select(d.c.id, d.c.published))}
    uf = UnionFind()
    for a, b in pairs:
        if a[0] in published and b[0] in published:
            uf.add(a)
            uf.add(b)
            uf.union(a, b)
    rows = []
    for members in uf.components():
        docs = sorted((published[k[0]], k[0]) for k in members)
        rows += [{"doc_id": doc, "duplicate_of": docs[0][1]} for _, doc in docs[1:]]
    conn.execute(delete(schema.doc_duplicates))
    if rows:
        conn.execute(insert(schema.doc_duplicates), rows)


def _event_payload(doc: Document, i: int) -> dict[str, Any]:
    ev = doc.events[i]
    return {
        "id": ev.id, "type": ev.type, "mode": ev.mode, "actors": list(ev.actors), "targets": list(ev.targets),
        "date": None if ev.date is None else {"start": ev.date.start, "end": ev.date.end},
        "location": None if ev.location is None else {"name": ev.location.name, "country": ev.location.country},
        "mechanism": ev.mechanism or _series_name(ev.evidence.text, ev.ordinal), "ordinal": ev.ordinal,
        "evidence": ev.evidence.text,
        "published": doc.published.date if doc.published else None,
    }


def _series_name(evidence: str, ordinal: int | None) -> str | None:
    """The series an event of a numbered edition belongs to, read from its sentence when the events stage gave
    the edition but no name ("Konferensi Ke-11 Komandan Penjaga Perbatasan ..." → the conference's name)."""
    if ordinal is None:
        return None
    name, found = series_in(evidence)
    return name if found == ordinal else None


def _commitment_payload(doc: Document, i: int) -> dict[str, Any]:
    c = doc.commitments[i]
    mechanism, ordinal = series_in(c.evidence.text)
    return {
        "id": c.id, "parties": list(c.parties), "action": c.action,
        "due": None if c.due is None else {"start": c.due.start, "end": c.due.end},
        "evidence": {"text": c.evidence.text}, "published": doc.published.date if doc.published else None,
        "ordinal": ordinal, "mechanism": mechanism,
    }


def _event_report(key: Key, payload: dict[str, Any]) -> EventReport:
    return EventReport.of(key[0], payload, payload.get("published"))


def _commitment_years(r: CommitmentReport) -> list[str]:
    """Years a promise is filed under: those of its due window, else the year it was reported and the next
    (it can be kept within `OPEN_WINDOW`), else '?' (nothing known about its time)."""
    if isinstance(r.due, Interval):
        return [str(y) for y in range(r.due.start.year, r.due.end.year + 1)][:3]
    if r.published is not None:
        return [str(r.published.year), str(r.published.year + 1)]
    return ["?"]


def _commitment_slots(r: CommitmentReport) -> list[str]:
    """Filing (and same-promise probing): action type × party × year."""
    kind = r.kind.type if r.kind else "?"
    return [_slot("C", kind, p, y) for p in (sorted(r.parties) or ["-"]) for y in _commitment_years(r)]


def _commitment_probes(r: EventReport) -> list[str]:
    """Promise slots an event may keep: its type × its countries (and party-less promises) × the years of its
    date, and the promises of unknown time."""
    years = [str(y) for y in range(r.when.start.year, r.when.end.year + 1)][:3] if isinstance(r.when, Interval) \
        else []
    return [_slot("C", r.type, c, y) for c in [*sorted(r.countries), "-"] for y in [*years, "?"]]


def _event_probes(r: CommitmentReport) -> list[str]:
    """Event slots a promise's keeping event is filed under: its type and parties, in the due months, or in the
    months from the report to `OPEN_WINDOW` after it; every month when the promise's time is unknown."""
    if r.kind is None:
        return []
    countries = sorted(r.parties) or ["*"]
    if isinstance(r.due, Interval):
        months = months_of(r.due)
    elif r.published is not None and r.due is None:
        months = months_of(Interval(r.published - EARLY_SLACK, r.published + OPEN_WINDOW))
    else:
        months = []
    if not months:
        return [_slot("E", r.kind.type, c, "") for c in countries]
    return [_slot("E", r.kind.type, c, m) for c in countries for m in [*months, "?"]]


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))
