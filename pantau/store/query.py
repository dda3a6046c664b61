"""Read the store: events, entities, commitments, figures and documents as flat rows with named fields.

Every finder returns plain dicts whose keys are the `Field` names of its kind, in that order; the query
commands and the CSV/Parquet exports print these rows as they are. Decisions:

- Several `--country` filters must all hold: `--country THA --country KHM` lists events that involve both
  (as actor or target), which is what "events between Thailand and Cambodia" means.
- `--since` / `--until` keep the events whose date overlaps the range, at the precision each side gives:
  an event dated `2025-10` matches `--since 2025-10-15`. Undated events never match a date filter.
- `--text` words must all occur in the evidence sentence, case-insensitively.
- Events are listed newest first (undated last), then by document and event id, so output is stable.
- An entity is one row over all documents (grouped by its id): the first document's type, name and country,
  and the union of roles and aliases in the order they were first seen.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, Table, and_, exists, func, select
from sqlalchemy.sql.elements import ColumnElement

from . import schema
from .kb import END_OF, commitment_status

FieldKind = Literal["str", "int", "float", "list"]
Row = dict[str, Any]
_CHUNK = 500


@dataclass(slots=True, frozen=True)
class Field:
    """A column of a flat row: its name and value kind (lists are lists of strings)."""

    name: str
    kind: FieldKind = "str"


def parse_fields(spec: str) -> tuple[Field, ...]:
    out = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        out.append(Field(name, kind or "str"))  # type: ignore[arg-type]
    return tuple(out)


_EVIDENCE = "evidence evidence_start:int evidence_end:int"
EVENT_FIELDS = parse_fields("id doc event type mode contexts:list date_start date_end actors:list targets:list "
                       f"participants:list location location_country mechanism ordinal:int {_EVIDENCE}")
COMMITMENT_FIELDS = parse_fields("id doc commitment status fulfilled_by parties:list action due_start due_end made_at "
                                 + _EVIDENCE)
FIGURE_FIELDS = parse_fields("doc n:int metric value:float unit parties:list period_start period_end change_pct:float "
                        + _EVIDENCE)
ENTITY_FIELDS = parse_fields("id type name country roles:list aliases:list documents:list mentions:int")
DOCUMENT_FIELDS = parse_fields("id url title language published published_from content_hash ingested_at text")


@dataclass(slots=True, frozen=True)
class EventFilter:
    countries: tuple[str, ...] = ()
    type: str | None = None
    since: str | None = None
    until: str | None = None
    text: tuple[str, ...] = ()
    doc: str | None = None
    event: str | None = None
    participant: str | None = None
    kb_id: str | None = None
    limit: int | None = None


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i:i + _CHUNK]


def _lists(conn: Connection, table: Table, keys: Sequence[str], value: str,
           doc_ids: Iterable[str]) -> dict[tuple[Any, ...], list[str]]:
    """Values of `table.value` grouped by `keys`, for the given documents, in list order (`position`)."""
    out: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    cols = [table.c[k] for k in keys]
    for chunk in _chunks(sorted(set(doc_ids))):
        q = select(*cols, table.c[value]).where(table.c.doc_id.in_(chunk)).order_by(*cols, table.c.position)
        for row in conn.execute(q):
            out[tuple(row[:-1])].append(row[-1])
    return out


def _evidence(r: Any) -> Row:
    return {"evidence": r.evidence_text, "evidence_start": r.evidence_start, "evidence_end": r.evidence_end}


def find_events(conn: Connection, f: EventFilter = EventFilter()) -> list[Row]:
    e, ec = schema.events, schema.event_countries
    where: list[ColumnElement[bool]] = []
    if len(f.countries) == 1:
        # newest events first, each checked: an index probe per event, few events read for a common country
        where.append(exists().where(ec.c.doc_id == e.c.doc_id, ec.c.event_id == e.c.event_id,
                                    ec.c.country == f.countries[0]))
    base = None
    if len(f.countries) > 1:
        # several countries: the first one's rows newest first on (country, date_start), the others probed,
        # so the scan stops at the limit instead of reading every event of two common countries
        base = ec.alias("base")
        where.append(base.c.country == f.countries[0])
        where.extend(exists().where(ec.c.doc_id == base.c.doc_id, ec.c.event_id == base.c.event_id,
                                    ec.c.country == c) for c in f.countries[1:])
    if f.participant:
        p = schema.event_participants
        where.append(exists().where(p.c.doc_id == e.c.doc_id, p.c.event_id == e.c.event_id,
                                    p.c.entity_id == f.participant))
    if f.type:
        where.append(e.c.type == f.type)
    if f.since:
        where.append(e.c.date_end + END_OF >= f.since)
    if f.until:
        where.append(e.c.date_start <= f.until + END_OF)
    where.extend(e.c.evidence_text.icontains(word, autoescape=True) for word in f.text)
    if f.doc is not None:
        where.append(e.c.doc_id == f.doc)
    if f.event is not None:
        where.append(e.c.event_id == f.event)
    if f.kb_id is not None:
        where.append(e.c.kb_id == f.kb_id)
    if base is None:
        q = select(e).where(*where).order_by(e.c.date_start.desc().nulls_last(), e.c.doc_id, e.c.event_id)
        found = list(conn.execute(q if f.limit is None else q.limit(f.limit)))
    else:
        found = _by_country_rows(conn, e, base, where, f.limit)
    docs = [r.doc_id for r in found]
    countries = _lists(conn, ec, ("doc_id", "event_id", "role"), "country", docs)
    people = _lists(conn, schema.event_participants, ("doc_id", "event_id"), "entity_id", docs)
    return [{
        "id": r.kb_id, "doc": r.doc_id, "event": r.event_id, "type": r.type, "mode": r.mode,
        "contexts": json.loads(r.contexts), "date_start": r.date_start, "date_end": r.date_end,
        "actors": countries.get((r.doc_id, r.event_id, "actor"), []),
        "targets": countries.get((r.doc_id, r.event_id, "target"), []),
        "participants": people.get((r.doc_id, r.event_id), []),
        "location": r.location_name, "location_country": r.location_country, "mechanism": r.mechanism,
        "ordinal": r.ordinal, **_evidence(r),
    } for r in found]


def _by_country_rows(conn: Connection, e: Table, base: Any, where: list[ColumnElement[bool]],
                     limit: int | None) -> list[Any]:
    """Events read through one country's rows, newest first, each event once (a country can be both actor and
    target of one event, so up to twice the limit is read, and everything when that was not enough)."""
    newest = base.c.date_start.desc()
    if conn.dialect.name != "sqlite":  # SQLite puts NULL last in DESC by itself, and then reads the index in order
        newest = newest.nulls_last()
    q = select(e).join(base, and_(base.c.doc_id == e.c.doc_id, base.c.event_id == e.c.event_id)) \
        .where(*where).order_by(newest, base.c.doc_id, base.c.event_id)
    rows = list(conn.execute(q if limit is None else q.limit(2 * limit)))
    first: dict[tuple[str, str], Any] = {}
    for r in rows:
        first.setdefault((r.doc_id, r.event_id), r)  # keeps the scan's order
    unique = list(first.values())
    if limit is not None and len(unique) < limit and len(rows) == 2 * limit:
        return _by_country_rows(conn, e, base, where, None)[:limit]
    return unique if limit is None else unique[:limit]


def newest_published(conn: Connection) -> str | None:
    """The newest publication date in the store: "now" for commitment status."""
    return conn.execute(select(func.max(schema.documents.c.published))).scalar_one_or_none()


def find_commitments(conn: Connection, *, status: str | None = None, doc: str | None = None,
                     kb_id: str | None = None, fulfilled_by: str | None = None) -> list[Row]:
    c, kf = schema.commitments, schema.kb_fulfilment
    q = select(c, kf.c.event_kb_id).outerjoin(kf, kf.c.commitment_kb_id == c.c.kb_id) \
        .order_by(c.c.due_end.asc().nulls_last(), c.c.doc_id, c.c.commitment_id)
    if doc is not None:
        q = q.where(c.c.doc_id == doc)
    if kb_id is not None:
        q = q.where(c.c.kb_id == kb_id)
    if fulfilled_by is not None:
        q = q.where(kf.c.event_kb_id == fulfilled_by)
    found = list(conn.execute(q))
    newest = newest_published(conn)
    parties = _lists(conn, schema.commitment_parties, ("doc_id", "commitment_id"), "country",
                     [r.doc_id for r in found])
    rows = [{
        "id": r.kb_id, "doc": r.doc_id, "commitment": r.commitment_id, "fulfilled_by": r.event_kb_id,
        "status": "fulfilled" if r.event_kb_id else commitment_status(r.due_end, newest),
        "parties": parties.get((r.doc_id, r.commitment_id), []), "action": r.action, "due_start": r.due_start,
        "due_end": r.due_end, "made_at": r.made_at, **_evidence(r),
    } for r in found]
    return [r for r in rows if status is None or r["status"] == status]


def find_figures(conn: Connection, *, metric: str | None = None, doc: str | None = None) -> list[Row]:
    f = schema.figures
    q = select(f).order_by(f.c.doc_id, f.c.n)
    if metric is not None:
        q = q.where(f.c.metric == metric)
    if doc is not None:
        q = q.where(f.c.doc_id == doc)
    return [{
        "doc": r.doc_id, "n": r.n, "metric": r.metric, "value": r.value, "unit": r.unit,
        "parties": json.loads(r.parties), "period_start": r.period_start, "period_end": r.period_end,
        "change_pct": r.change_pct, **_evidence(r),
    } for r in conn.execute(q)]


def find_entities(conn: Connection, *, type: str | None = None, country: str | None = None,
                  entity: str | None = None, doc: str | None = None) -> list[Row]:
    e, m = schema.entities, schema.mentions
    q = select(e).order_by(e.c.entity_id, e.c.doc_id)
    for col, value in ((e.c.type, type), (e.c.country, country), (e.c.entity_id, entity), (e.c.doc_id, doc)):
        if value is not None:
            q = q.where(col == value)
    grouped: dict[str, Row] = {}
    for r in conn.execute(q):
        row = grouped.setdefault(r.entity_id, {
            "id": r.entity_id, "type": r.type, "name": r.name, "country": r.country, "roles": [], "aliases": [],
            "documents": [], "mentions": 0})
        row["roles"] = list(dict.fromkeys([*row["roles"], *json.loads(r.roles)]))
        row["aliases"] = list(dict.fromkeys([*row["aliases"], *json.loads(r.aliases)]))
        row["documents"].append(r.doc_id)
    counts = select(m.c.entity_id, m.c.doc_id, func.count().label("n")).group_by(m.c.entity_id, m.c.doc_id)
    for r in conn.execute(counts):
        row = grouped.get(r.entity_id)
        if row is not None and r.doc_id in row["documents"]:
            row["mentions"] += r.n
    return sorted(grouped.values(), key=lambda row: (-len(row["documents"]), -row["mentions"], row["id"]))


def find_documents(conn: Connection, *, doc: str | None = None) -> list[Row]:
    d = schema.documents
    q = select(*(d.c[f.name] for f in DOCUMENT_FIELDS)).order_by(d.c.id)
    if doc is not None:
        q = q.where(d.c.id == doc)
    return [dict(r._mapping) for r in conn.execute(q)]


def stored_records(conn: Connection) -> Iterable[str]:
    """The stored `pantau.document/1` records as JSON text, by document id."""
    d = schema.documents
    for r in conn.execute(select(d.c.record).order_by(d.c.id)):
        yield r.record


def mentions_of(conn: Connection, entity_id: str) -> list[Row]:
    """Every mention of an entity: document, offsets and the document text (to cut the sentence from)."""
    m, d = schema.mentions, schema.documents
    q = (select(m.c.doc_id, m.c.start_char, m.c.end_char, d.c.text).join(d, d.c.id == m.c.doc_id)
         .where(m.c.entity_id == entity_id).order_by(m.c.doc_id, m.c.n))
    return [dict(r._mapping) for r in conn.execute(q)]


MECHANISM_FIELDS = parse_fields("id name countries:list held:int planned:int last_ordinal:int last_date")
INSTANCE_FIELDS = parse_fields("mechanism ref kind ordinal:int date")


def find_mechanisms(conn: Connection, *, country: str | None = None, mechanism: str | None = None) -> list[Row]:
    """Recurring mechanisms (`pantau.store.links` gathers them) with counts of held and planned instances."""
    m, i = schema.mechanisms, schema.mechanism_instances
    q = select(m).order_by(m.c.id)
    if mechanism is not None:
        q = q.where(m.c.id == mechanism)
    instances: dict[str, list[Any]] = {}
    for r in conn.execute(select(i).order_by(i.c.mechanism_id, i.c.ordinal, i.c.date, i.c.ref)):
        instances.setdefault(r.mechanism_id, []).append(r)
    out = []
    for r in conn.execute(q):
        countries = json.loads(r.countries)
        if country is not None and country not in countries:
            continue
        mine = instances.get(r.id, [])
        held = [x for x in mine if x.kind == "event"]
        last = max(held, key=lambda x: (x.ordinal or 0, x.date or ""), default=None)
        out.append({"id": r.id, "name": r.name, "countries": countries, "held": len(held),
                    "planned": len(mine) - len(held), "last_ordinal": None if last is None else last.ordinal,
                    "last_date": None if last is None else last.date,
                    "instances": [{"mechanism": r.id, "ref": x.ref, "kind": x.kind, "ordinal": x.ordinal,
                                   "date": x.date} for x in mine]})
    return out
