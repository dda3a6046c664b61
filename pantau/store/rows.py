"""One extracted Document -> the rows of every store table (no I/O).

Decisions:

- The record column is `pantau.record.to_record(doc)` serialised as JSON; the flat rows are built from the
  same Document, so they cannot disagree with it.
- Only the mentions linked to an entity are stored, as in the record.
- Lists whose order means something (actors, targets, participants, parties) keep it in `position`;
  repeated values are stored once (a list table has one row per value).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table

from ..model import DateSpan, Document, Evidence
from ..record import to_record
from . import schema
from .kb import commitment_kb_id, event_kb_id

Rows = dict[Table, list[dict[str, Any]]]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {"evidence_text": ev.text, "evidence_start": ev.start, "evidence_end": ev.end}


def _span(prefix: str, d: DateSpan | None) -> dict[str, str | None]:
    return {f"{prefix}_start": None if d is None else d.start, f"{prefix}_end": None if d is None else d.end}


def _positions(values: Iterable[str]) -> list[tuple[int, str]]:
    return list(enumerate(dict.fromkeys(values)))


def document_rows(doc: Document, content_hash: str, ingested_at: str) -> Rows:
    """Every row the store keeps for `doc`, by table."""
    rows: Rows = {table: [] for table in (schema.documents, *schema.CHILD_TABLES)}
    rows[schema.documents].append({
        "id": doc.id, "url": doc.url, "title": doc.title, "language": doc.language,
        "published": None if doc.published is None else doc.published.date,
        "published_from": None if doc.published is None else doc.published.source,
        "text": doc.text, "content_hash": content_hash, "record": _json(to_record(doc)), "ingested_at": ingested_at,
    })
    key = {"doc_id": doc.id}
    known = {e.id for e in doc.entities}
    for e in doc.entities:
        rows[schema.entities].append({**key, "entity_id": e.id, "type": e.type, "name": e.name, "country": e.country,
                                      "roles": _json(list(e.roles)), "aliases": _json(list(e.aliases))})
    linked = [m for m in doc.mentions if m.entity_id in known]
    for n, m in enumerate(linked):
        rows[schema.mentions].append({**key, "n": n, "entity_id": m.entity_id, "start_char": m.start,
                                      "end_char": m.end, "text": doc.text[m.start:m.end]})
    for ev in doc.events:
        ekey = {**key, "event_id": ev.id}
        rows[schema.events].append({
            **ekey, "kb_id": event_kb_id(doc.id, ev.id), "type": ev.type, "mode": ev.mode,
            "contexts": _json(list(ev.contexts)), **_span("date", ev.date),
            "location_name": None if ev.location is None else ev.location.name,
            "location_country": None if ev.location is None else ev.location.country,
            "mechanism": ev.mechanism, "ordinal": ev.ordinal, **_evidence(ev.evidence),
        })
        for role, countries in (("actor", ev.actors), ("target", ev.targets)):
            rows[schema.event_countries].extend({**ekey, "role": role, "country": c, "position": i,
                                                 "date_start": None if ev.date is None else ev.date.start}
                                                for i, c in _positions(countries))
        rows[schema.event_participants].extend({**ekey, "entity_id": p, "position": i}
                                               for i, p in _positions(ev.participants))
    for c in doc.commitments:
        ckey = {**key, "commitment_id": c.id}
        rows[schema.commitments].append({**ckey, "kb_id": commitment_kb_id(doc.id, c.id), "action": c.action,
                                         **_span("due", c.due), "made_at": c.made_at, **_evidence(c.evidence)})
        rows[schema.commitment_parties].extend({**ckey, "country": p, "position": i}
                                               for i, p in _positions(c.parties))
    for n, f in enumerate(doc.figures):
        rows[schema.figures].append({**key, "n": n, "metric": f.metric, "value": float(f.value), "unit": f.unit,
                                     "parties": _json(list(f.parties)), **_span("period", f.period),
                                     "change_pct": f.change_pct, **_evidence(f.evidence)})
    for n, nz in enumerate(doc.noise):
        rows[schema.noise].append({**key, "n": n, "kind": nz.kind, "text": nz.text})
    return rows
