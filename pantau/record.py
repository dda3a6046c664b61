"""Document <-> the output contract `pantau.document/1` (../shared/spec/output-format.md).

The only module that knows the JSON field names of the document record.
"""

from __future__ import annotations

from typing import Any

from .errors import RecordError
from .model import (
    Commitment,
    DateSpan,
    Document,
    Entity,
    Event,
    Evidence,
    Explain,
    Figure,
    Mention,
    Noise,
    Place,
    Published,
    StageFailure,
)

SCHEMA = "pantau.document/1"


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {"text": ev.text, "start": ev.start, "end": ev.end}


def _date(d: DateSpan | None) -> dict[str, str] | None:
    return None if d is None else {"start": d.start, "end": d.end}


def _entity(ent: Entity, mentions: list[Mention]) -> dict[str, Any]:
    return {
        "id": ent.id,
        "type": ent.type,
        "name": ent.name,
        "country": ent.country,
        "roles": list(ent.roles),
        "aliases": list(ent.aliases),
        "mentions": [[m.start, m.end] for m in mentions if m.entity_id == ent.id],
    }


def _explain(ex: Explain | None) -> dict[str, str] | None:
    return None if ex is None else {"trigger": ex.trigger, "rule": ex.rule}


def _explain_from(d: dict[str, Any] | None) -> Explain | None:
    return None if d is None else Explain(d["trigger"], d["rule"])


def _event(ev: Event, explain: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": ev.id,
        "type": ev.type,
        "mode": ev.mode,
        "contexts": list(ev.contexts),
        "actors": list(ev.actors),
        "targets": list(ev.targets),
        "participants": list(ev.participants),
        "date": _date(ev.date),
        "location": None if ev.location is None else {"name": ev.location.name, "country": ev.location.country},
        "mechanism": ev.mechanism,
        "ordinal": ev.ordinal,
        "evidence": _evidence(ev.evidence),
    }
    if explain:
        out["explain"] = _explain(ev.explain)
    return out


def _commitment(c: Commitment, explain: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": c.id,
        "parties": list(c.parties),
        "action": c.action,
        "due": _date(c.due),
        "made_at": c.made_at,
        "evidence": _evidence(c.evidence),
    }
    if explain:
        out["explain"] = _explain(c.explain)
    return out


def _figure(f: Figure) -> dict[str, Any]:
    value: float | int = int(f.value) if float(f.value).is_integer() else f.value
    return {
        "metric": f.metric,
        "value": value,
        "unit": f.unit,
        "parties": list(f.parties),
        "period": _date(f.period),
        "change_pct": f.change_pct,
        "evidence": _evidence(f.evidence),
    }


def to_record(doc: Document, *, explain: bool = False) -> dict[str, Any]:
    """The output-contract dict for one document; `warnings` and `failures` appear only when non-empty.
    With `explain`, each event and commitment carries `explain: {"trigger", "rule"}` (a debugging
    field added to the contract, never needed to read it)."""
    rec: dict[str, Any] = {
        "schema": SCHEMA,
        "id": doc.id,
        "url": doc.url,
        "title": doc.title,
        "language": doc.language,
        "published": None if doc.published is None else {"date": doc.published.date, "from": doc.published.source},
        "text": doc.text,
        "noise": [{"text": n.text, "kind": n.kind} for n in doc.noise],
        "entities": [_entity(e, doc.mentions) for e in doc.entities],
        "events": [_event(e, explain) for e in doc.events],
        "commitments": [_commitment(c, explain) for c in doc.commitments],
        "figures": [_figure(f) for f in doc.figures],
    }
    if doc.warnings:
        rec["warnings"] = list(doc.warnings)
    if doc.failures:
        rec["failures"] = [{"stage": f.stage, "error": f.error, "message": f.message} for f in doc.failures]
    return rec


def _ev_from(d: dict[str, Any]) -> Evidence:
    return Evidence(int(d["start"]), int(d["end"]), d["text"])


def _date_from(d: dict[str, Any] | None) -> DateSpan | None:
    return None if d is None else DateSpan(d["start"], d["end"])


def from_record(rec: dict[str, Any]) -> Document:
    """Rebuild a Document from an output record (the inverse of `to_record`, minus the raw input)."""
    if rec.get("schema") != SCHEMA:
        raise RecordError(
            f"not a {SCHEMA} record (schema is {rec.get('schema')!r}); was it written by `pantau extract`?"
        )
    try:
        pub = rec.get("published")
        doc = Document(
            id=rec["id"],
            raw="",
            text=rec["text"],
            url=rec.get("url"),
            title=rec.get("title"),
            language=rec.get("language"),
            published=None if pub is None else Published(pub["date"], pub["from"]),
            noise=[Noise(n["text"], n["kind"]) for n in rec.get("noise", [])],
        )
        for e in rec.get("entities", []):
            doc.entities.append(
                Entity(e["id"], e["type"], e["name"], e.get("country"), list(e.get("roles", [])),
                       list(e.get("aliases", [])))
            )
            for start, end in e.get("mentions", []):
                doc.mentions.append(Mention(start, end, doc.text[start:end], e["type"], entity_id=e["id"]))
        doc.mentions.sort(key=lambda m: (m.start, m.end))
        for e in rec.get("events", []):
            loc = e.get("location")
            doc.events.append(
                Event(
                    id=e["id"], type=e["type"], evidence=_ev_from(e["evidence"]), mode=e.get("mode"),
                    contexts=list(e.get("contexts", [])), actors=list(e.get("actors", [])),
                    targets=list(e.get("targets", [])), participants=list(e.get("participants", [])),
                    date=_date_from(e.get("date")),
                    location=None if loc is None else Place(loc["name"], loc.get("country")),
                    mechanism=e.get("mechanism"), ordinal=e.get("ordinal"),
                    explain=_explain_from(e.get("explain")),
                )
            )
        for c in rec.get("commitments", []):
            doc.commitments.append(
                Commitment(c["id"], list(c["parties"]), c["action"], _ev_from(c["evidence"]),
                           _date_from(c.get("due")), c.get("made_at"), _explain_from(c.get("explain")))
            )
        for f in rec.get("figures", []):
            doc.figures.append(
                Figure(f["value"], f["unit"], _ev_from(f["evidence"]), f.get("metric"), list(f.get("parties", [])),
                       _date_from(f.get("period")), f.get("change_pct"))
            )
        doc.warnings = list(rec.get("warnings", []))
        doc.failures = [StageFailure(f["stage"], f["error"], f["message"]) for f in rec.get("failures", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise RecordError(f"record {rec.get('id')!r} does not follow {SCHEMA}: {type(exc).__name__}: {exc}") from exc
    return doc
