"""Everything the store knows about one id, each fact with the sentence that says it (`pantau show ID`).

Decisions:

- The id is tried as a knowledge-base event (`ev-…`: every report of it, and the promises it kept), a
  knowledge-base commitment (`cm-…`: every report, and the event that kept it), a mechanism
  (`mechanism:…`: its held and planned instances), an event report (`DOC/EVENT`, split at the last "/"), a
  document id, then an entity id (`person:hun-sen`); document ids may contain "/" or ":", so each reading is
  checked against the store.
- The answer is a list of flat rows `kind, id, doc, summary, evidence, start, end`: one for the item itself,
  then one per related fact (an entity's mentions and events; a document's entities, events, commitments
  and figures), so a table, CSV and JSONL all print the same thing.
- The evidence of a mention is the sentence around it, cut from the stored text with the sentence splitter.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from ..stages.sentences import split_sentences
from . import schema
from .query import (
    EventFilter,
    Row,
    find_commitments,
    find_documents,
    find_entities,
    find_events,
    find_figures,
    find_mechanisms,
    mentions_of,
    parse_fields,
)

SHOW_FIELDS = parse_fields("kind id doc summary evidence start:int end:int")


def _row(kind: str, item_id: str, doc: str | None, summary: str, evidence: str | None = None,
         start: int | None = None, end: int | None = None) -> Row:
    return {"kind": kind, "id": item_id, "doc": doc, "summary": summary, "evidence": evidence, "start": start,
            "end": end}


def _join(values: Iterable[Any]) -> str:
    return ", ".join(str(v) for v in values)


def _period(start: str | None, end: str | None) -> str:
    if start is None:
        return ""
    return start if end in (None, start) else f"{start}..{end}"


def _event_rows(events: list[Row]) -> list[Row]:
    out = []
    for e in events:
        parts = [e["type"], e["mode"] or "", f"{_join(e['actors'])} -> {_join(e['targets'])}",
                 _period(e["date_start"], e["date_end"]), e["location"] or "",
                 f"with {_join(e['participants'])}" if e["participants"] else "", f"[{e['id']}]"]
        out.append(_row("event", f"{e['doc']}/{e['event']}", e["doc"], " ".join(p for p in parts if p),
                        e["evidence"], e["evidence_start"], e["evidence_end"]))
    return out


def _commitment_rows(commitments: list[Row]) -> list[Row]:
    return [_row("commitment", f"{c['doc']}/{c['commitment']}", c["doc"],
                 f"{c['status']}: {_join(c['parties'])} {c['action']} "
                 f"due {_period(c['due_start'], c['due_end']) or '-'}",
                 c["evidence"], c["evidence_start"], c["evidence_end"]) for c in commitments]


def _figure_rows(figures: list[Row]) -> list[Row]:
    return [_row("figure", f"{f['doc']}#{f['n']}", f["doc"],
                 f"{f['metric'] or 'figure'} = {f['value']:g} {f['unit']} {_join(f['parties'])} "
                 f"{_period(f['period_start'], f['period_end'])}".strip(),
                 f["evidence"], f["evidence_start"], f["evidence_end"]) for f in figures]


def _entity_summary(e: Row) -> str:
    roles = f"; roles: {_join(e['roles'])}" if e["roles"] else ""
    return (f"{e['type']} {e['name']} ({e['country'] or '-'}){roles}; "
            f"{e['mentions']} mentions in {len(e['documents'])} documents")


def _mention_rows(conn: Connection, entity_id: str) -> list[Row]:
    out = []
    cache: dict[str, list[Any]] = {}
    for m in mentions_of(conn, entity_id):
        sentences = cache.setdefault(m["doc_id"], split_sentences(m["text"]))
        s = next((s for s in sentences if s.start <= m["start_char"] < s.end), None)
        start, end = (s.start, s.end) if s else (m["start_char"], m["end_char"])
        out.append(_row("mention", entity_id, m["doc_id"], m["text"][m["start_char"]:m["end_char"]],
                        m["text"][start:end], start, end))
    return out


def _knowledge_rows(conn: Connection, item_id: str) -> list[Row]:
    """A knowledge-base event, commitment or mechanism with what is linked to it; empty when none matches."""
    if item_id.startswith("ev-"):
        reports = find_events(conn, EventFilter(kb_id=item_id))
        if reports:
            return [*_event_rows(reports), *_commitment_rows(find_commitments(conn, fulfilled_by=item_id))]
    if item_id.startswith("cm-"):
        reports = find_commitments(conn, kb_id=item_id)
        if reports:
            kept = reports[0]["fulfilled_by"]
            return [*_commitment_rows(reports), *(_event_rows(find_events(conn, EventFilter(kb_id=kept))) if kept
                                                  else [])]
    if item_id.startswith("mechanism:"):
        found = find_mechanisms(conn, mechanism=item_id)
        if found:
            m = found[0]
            rows = [_row("mechanism", m["id"], None, f"{m['name']} ({_join(m['countries'])}): {m['held']} held, "
                                                     f"{m['planned']} planned")]
            for inst in m["instances"]:
                edition = f"#{inst['ordinal']} " if inst["ordinal"] is not None else ""
                rows.append(_row("instance", inst["ref"], None, f"{edition}{inst['kind']} {inst['date'] or ''}"))
                rows += _knowledge_rows(conn, inst["ref"])[:1]
            return rows
    return []


def show(conn: Connection, item_id: str) -> list[Row]:
    """The rows for `item_id`; empty when the store has no such item."""
    known = _knowledge_rows(conn, item_id)
    if known:
        return known
    doc_id, _, event_id = item_id.rpartition("/")
    if doc_id:
        events = find_events(conn, EventFilter(doc=doc_id, event=event_id))
        if events:
            return _event_rows(events)
    docs = find_documents(conn, doc=item_id)
    if docs:
        d = docs[0]
        copy_of = conn.execute(select(schema.doc_duplicates.c.duplicate_of)
                               .where(schema.doc_duplicates.c.doc_id == d["id"])).scalar_one_or_none()
        head = _row("document", d["id"], d["id"], f"{d['title'] or ''} | {d['published'] or 'undated'} | "
                                                  f"{d['language'] or '?'} | {d['url'] or ''}"
                                                  + (f" | near-duplicate of {copy_of}" if copy_of else ""))
        entities = [_row("entity", e["id"], d["id"], _entity_summary(e))
                    for e in find_entities(conn, doc=d["id"])]
        return [head, *entities, *_event_rows(find_events(conn, EventFilter(doc=d["id"]))),
                *_commitment_rows(find_commitments(conn, doc=d["id"])), *_figure_rows(find_figures(conn, doc=d["id"]))]
    entities = find_entities(conn, entity=item_id)
    if not entities:
        return []
    return [_row("entity", item_id, None, _entity_summary(entities[0])), *_mention_rows(conn, item_id),
            *_event_rows(find_events(conn, EventFilter(participant=item_id)))]
