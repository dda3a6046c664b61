"""`pantau export`: knowledge-base JSONL contracts, and CSV / Parquet read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pantau.store.kb import commitment_kb_id, event_kb_id
from pantau.store.query import (
    COMMITMENT_FIELDS,
    DOCUMENT_FIELDS,
    ENTITY_FIELDS,
    EVENT_FIELDS,
    FIGURE_FIELDS,
)

from .conftest import invoke

KINDS = {"documents": (DOCUMENT_FIELDS, 3), "events": (EVENT_FIELDS, 3), "commitments": (COMMITMENT_FIELDS, 3),
         "entities": (ENTITY_FIELDS, 4), "figures": (FIGURE_FIELDS, 2)}


def _export(db: str, kind: str) -> list[dict]:
    result = invoke("export", kind, "--db", db)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_events_follow_the_knowledge_base_contract(kb: str) -> None:
    events = {e["id"]: e for e in _export(kb, "events")}
    visit = events[event_kb_id("kb-a", "e1")]
    assert visit["schema"] == "pantau.event/1"
    assert (visit["type"], visit["mode"], visit["actors"], visit["targets"]) == ("CONSULT", "visit", ["LAO"], ["KHM"])
    assert visit["date"] == {"start": "2025-11-12", "end": "2025-11-12"}
    assert visit["location"] == {"name": "Kota Selatan", "country": "KHM"}
    (report,) = visit["reports"]
    assert (report["doc"], report["event"], report["evidence"]["start"]) == ("kb-a", "e1", 0)
    assert events[event_kb_id("kb-c", "e1")]["date"] is None and len(events) == 3


def test_commitments_follow_the_knowledge_base_contract(kb: str) -> None:
    items = {c["id"]: c for c in _export(kb, "commitments")}
    patrol = items[commitment_kb_id("kb-a", "c1")]
    assert patrol["schema"] == "pantau.commitment/1"
    assert (patrol["status"], patrol["fulfilled_by"], patrol["due"]) == ("overdue", None,
                                                                        {"start": "2026-03", "end": "2026-03"})
    assert patrol["reports"][0]["commitment"] == "c1" and patrol["reports"][0]["doc"] == "kb-a"
    assert items[commitment_kb_id("kb-c", "c1")]["due"] is None


def test_ids_are_stable_across_stores(kb: str, tmp_path: Path) -> None:
    from .conftest import handmade_docs, write_docs

    other = str(tmp_path / "other.db")
    write_docs(other, handmade_docs()[::-1])
    assert sorted(e["id"] for e in _export(kb, "events")) == sorted(e["id"] for e in _export(other, "events"))


@pytest.mark.parametrize("kind", list(KINDS))
def test_csv_reads_back(kb: str, kind: str, tmp_path: Path) -> None:
    fields, count = KINDS[kind]
    out = tmp_path / f"{kind}.csv"
    assert invoke("export", kind, "--db", kb, "--format", "csv", "-o", str(out)).exit_code == 0
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == count and list(rows[0]) == [f.name for f in fields]


@pytest.mark.parametrize("kind", list(KINDS))
def test_parquet_reads_back(kb: str, kind: str, tmp_path: Path) -> None:
    fields, count = KINDS[kind]
    out = tmp_path / f"{kind}.parquet"
    assert invoke("export", kind, "--db", kb, "--format", "parquet", "-o", str(out)).exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == count and table.column_names == [f.name for f in fields]
    if kind == "events":
        rows = {(r["doc"], r["event"]): r for r in table.to_pylist()}
        assert rows[("kb-b", "e1")]["actors"] == ["THA", "KHM"] and rows[("kb-c", "e1")]["date_start"] is None


def test_empty_store_exports_headers(backend: str, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert invoke("export", "events", "--db", backend, "--format", "parquet", "-o", str(out)).exit_code == 0
    assert pq.read_table(out).column_names == [f.name for f in EVENT_FIELDS]
    result = invoke("export", "figures", "--db", backend, "--format", "csv")
    assert result.stdout.splitlines() == [",".join(f.name for f in FIGURE_FIELDS)]


def test_parquet_needs_an_output_file(kb: str) -> None:
    result = invoke("export", "events", "--db", kb, "--format", "parquet")
    assert result.exit_code == 2 and "-o FILE" in result.output
