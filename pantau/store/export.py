"""Write store contents: flat rows as JSONL, CSV or Parquet, and the knowledge-base JSONL contracts.

Decisions:

- `documents` JSONL is the stored record of each document, verbatim: exactly `pantau.document/1`.
- `events` / `commitments` JSONL follow the knowledge-base contracts (`pantau.event/1`,
  `pantau.commitment/1`): one line per knowledge-base item (`kb_id`) with every report of it. The item's
  own fields come from its most precise report and its countries from all reports (`pantau.store.links`
  groups reports under one `kb_id`).
- CSV and Parquet are flat: one row per report (events, commitments), figure, entity or document, with the
  columns of `pantau.store.query`. Parquet keeps list columns as lists of strings; CSV joins them with "; ".
  Both get their header (schema) even when there are no rows.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

from .query import Field, Row

EVENT_SCHEMA = "pantau.event/1"
COMMITMENT_SCHEMA = "pantau.commitment/1"
LIST_SEPARATOR = "; "


def _evidence(row: Row) -> dict[str, Any]:
    return {"text": row["evidence"], "start": row["evidence_start"], "end": row["evidence_end"]}


def _span(start: str | None, end: str | None) -> dict[str, str] | None:
    return None if start is None else {"start": start, "end": end or start}


def _grouped(rows: Iterable[Row]) -> list[list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row["id"], []).append(row)
    return list(groups.values())


def _precision(row: Row) -> tuple[int, int]:
    """How much a report says: a dated one with a year and a day beats a month, a year-less or an undated one;
    then one with a place."""
    start = row["date_start"] or ""
    return (0 if not start else 1 if start.startswith("--") else len(start), row["location"] is not None)


def kb_events(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """`pantau.event/1` objects from event rows (`query.find_events`), one per knowledge-base id: the item's
    fields from its most precise report (date, then place), its countries from all of them."""
    out = []
    for reports in _grouped(rows):
        first = max(reports, key=_precision)
        actors = list(dict.fromkeys(c for r in reports for c in r["actors"]))
        targets = [c for c in dict.fromkeys(c for r in reports for c in r["targets"]) if c not in actors]
        out.append({
            "schema": EVENT_SCHEMA, "id": first["id"], "type": first["type"], "mode": first["mode"],
            "actors": actors, "targets": targets,
            "date": _span(first["date_start"], first["date_end"]),
            "location": None if first["location"] is None else {"name": first["location"],
                                                                "country": first["location_country"]},
            "mechanism": first["mechanism"], "ordinal": first["ordinal"],
            "reports": [{"doc": r["doc"], "event": r["event"], "evidence": _evidence(r)} for r in reports],
        })
    return out


def kb_commitments(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """`pantau.commitment/1` objects from commitment rows (`query.find_commitments`)."""
    out = []
    for reports in _grouped(rows):
        first = reports[0]
        out.append({
            "schema": COMMITMENT_SCHEMA, "id": first["id"], "parties": first["parties"], "action": first["action"],
            "due": _span(first["due_start"], first["due_end"]), "status": first["status"],
            "fulfilled_by": first["fulfilled_by"],
            "reports": [{"doc": r["doc"], "commitment": r["commitment"], "evidence": _evidence(r)} for r in reports],
        })
    return out


def write_jsonl(objects: Iterable[dict[str, Any] | str], out: IO[str]) -> int:
    """One JSON object a line (strings are written as they are: already JSON); returns the count."""
    n = 0
    for obj in objects:
        out.write((obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False)) + "\n")
        n += 1
    return n


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return "" if value is None else value


def write_csv(rows: Iterable[Row], fields: Sequence[Field], out: IO[str]) -> int:
    """CSV with a header of `fields`; list cells joined with "; ", missing values empty."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f.name for f in fields])
    n = 0
    for row in rows:
        writer.writerow([_cell(row.get(f.name)) for f in fields])
        n += 1
    return n


def write_parquet(rows: Sequence[Row], fields: Sequence[Field], path: str) -> int:
    """A Parquet file with one typed column per field (strings, int64, float64, list<string>)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "list": pa.list_(pa.string())}
    schema = pa.schema([(f.name, types[f.kind]) for f in fields])
    table = pa.Table.from_pylist([{f.name: row.get(f.name) for f in fields} for row in rows], schema=schema)
    pq.write_table(table, path)
    return len(rows)
