"""Records go into the store and come back unchanged, on both backends; the flat tables index them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pantau.record import from_record, to_record
from pantau.store.db import open_store
from pantau.store.ingest import StoreWriter, content_hash
from pantau.store.query import EventFilter, find_commitments, find_events
from tests.conftest import shared_path

from .conftest import dump, handmade_docs, invoke

REPO = Path(__file__).resolve().parents[2]


def test_documents_export_is_exactly_the_record(kb: str) -> None:
    result = invoke("export", "documents", "--db", kb)
    assert result.exit_code == 0, result.output
    exported = [json.loads(line) for line in result.stdout.splitlines()]
    expected = {doc.id: to_record(doc) for doc in handmade_docs()}
    assert {r["id"]: r for r in exported} == expected
    for rec in exported:
        assert to_record(from_record(rec)) == rec


def test_flat_tables_carry_what_the_record_says(kb: str) -> None:
    engine = open_store(kb)
    with engine.connect() as conn:
        (visit,) = find_events(conn, EventFilter(doc="kb-a"))
        (promise,) = find_commitments(conn, doc="kb-a")
    engine.dispose()
    assert (visit["actors"], visit["targets"], visit["participants"]) == (["LAO"], ["KHM"], ["person:tomas-vell"])
    assert (visit["date_start"], visit["location"], visit["location_country"]) == ("2025-11-12", "Kota Selatan", "KHM")
    assert visit["evidence"].startswith("Menteri Pertahanan Laos") and visit["id"].startswith("ev-")
    assert (promise["parties"], promise["due_end"], promise["made_at"]) == (["LAO", "KHM"], "2026-03", "e1")


def test_backends_hold_the_same_rows(kb: str, tmp_path: Path) -> None:
    reference = str(tmp_path / "reference.db")
    engine = open_store(reference)
    writer = StoreWriter(engine)
    for doc in handmade_docs():
        writer.write(doc, content_hash(doc))
    engine.dispose()
    assert dump(kb) == dump(reference)


@pytest.mark.usefixtures("fast_cli")
def test_real_files_end_to_end_match_extract(backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             pipeline) -> None:
    import pantau.store_cli

    monkeypatch.setattr(pantau.store_cli, "build_pipeline", lambda **_: pipeline)
    inputs = [str(REPO / "samples"), str(shared_path("corpus", "seeds"))]
    extracted = invoke("extract", *inputs)
    ingested = invoke("ingest", *inputs, "--db", backend, "--quiet")
    assert ingested.exit_code == extracted.exit_code, ingested.output
    exported = invoke("export", "documents", "--db", backend)
    want = {r["id"]: r for r in map(json.loads, extracted.stdout.splitlines())}
    got = {r["id"]: r for r in map(json.loads, exported.stdout.splitlines())}
    assert got == want and len(got) >= 5
