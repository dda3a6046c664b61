"""`pantau ingest`: skip, replace, failures and exit codes, output modes, and --jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from pantau.model import Event
from pantau.pipeline import Pipeline
from pantau.store import schema
from pantau.store.db import open_store
from pantau.store.ingest import StoreWriter, content_hash

from .conftest import dump, handmade_docs, invoke

FIRST = ("Menteri Luar Negeri Arvenia, Mira Solen, bertemu Menteri Luar Negeri Borduria di Kota Timur pada "
         "Senin (3/2/2025).\n\nPanjang perbatasan kedua negara mencapai 500 kilometer.\n")
SECOND = "Delegasi militer Borduria mengunjungi markas besar angkatan laut Arvenia pada Rabu.\n"
CHANGED = "Menteri Luar Negeri Arvenia, Mira Solen, membatalkan kunjungan ke Kota Timur.\n"

pytestmark = pytest.mark.usefixtures("store_cli")


def _inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(FIRST, encoding="utf-8")
    (src / "b.txt").write_text(SECOND, encoding="utf-8")
    return src


def _rows(db: str, table, *cols) -> list[tuple]:
    engine = open_store(db)
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(select(*(table.c[c] for c in cols)).order_by(*cols))]
    engine.dispose()
    return rows


def test_rerun_skips_unchanged_and_replaces_changed(backend: str, tmp_path: Path) -> None:
    src = _inputs(tmp_path)
    first = invoke("ingest", str(src), "--db", backend)
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[-1] == "processed 2, skipped 0, replaced 0, failed 0"
    assert any(f[2] == "a" for f in _rows(backend, schema.figures, "unit", "value", "doc_id"))

    again = invoke("ingest", str(src), "--db", backend)
    assert again.stdout.splitlines()[-1] == "processed 2, skipped 2, replaced 0, failed 0"
    assert "skipped a (unchanged)" in again.stdout

    (src / "a.txt").write_text(CHANGED, encoding="utf-8")
    changed = invoke("ingest", str(src), "--db", backend)
    assert "replaced a (content changed)" in changed.stdout
    assert changed.stdout.splitlines()[-1] == "processed 2, skipped 1, replaced 1, failed 0"
    assert _rows(backend, schema.documents, "id", "text") == [("a", CHANGED.strip()), ("b", SECOND.strip())]
    assert not any(f[2] == "a" for f in _rows(backend, schema.figures, "unit", "value", "doc_id"))  # old rows gone


def test_failures_are_recorded_once_and_set_the_exit_code(backend: str, tmp_path: Path) -> None:
    src = _inputs(tmp_path)
    (src / "empty.txt").write_bytes(b"")
    (src / "lines.jsonl").write_text(json.dumps({"id": "j1", "text": SECOND}) + "\n{oops\n", encoding="utf-8")
    for _ in range(2):
        result = invoke("ingest", str(src), "--db", backend)
        assert result.exit_code == 1
        assert result.stdout.splitlines()[-1].endswith("failed 2")
        assert sum(line.startswith("error: ") for line in result.stderr.splitlines()) == 2
    failures = _rows(backend, schema.failures, "source", "stage", "error")
    assert [(Path(s).name, stage, err) for s, stage, err in failures] == [
        ("empty.txt", "input", "InputError"), ("lines.jsonl:2", "input", "InputError")]

    (src / "lines.jsonl").write_text(json.dumps({"id": "j1", "text": SECOND}) + "\n"
                                     + json.dumps({"id": "j2", "text": FIRST}) + "\n", encoding="utf-8")
    (src / "empty.txt").write_text(CHANGED, encoding="utf-8")
    fixed = invoke("ingest", str(src), "--db", backend)
    assert fixed.exit_code == 0 and _rows(backend, schema.failures, "source") == []  # fixed inputs clear their rows
    assert [r[0] for r in _rows(backend, schema.documents, "id")] == ["a", "b", "empty", "j1", "j2"]


def test_a_stage_failure_is_stored_with_the_document(backend: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline) -> None:
    import pantau.store_cli

    def broken(doc):
        if doc.id == "b":
            raise ValueError("no such thing")
        return doc

    stages = [(n, s) for n, s in pipeline.stages if n in ("clean", "sentences")] + [("broken", broken)]
    monkeypatch.setattr(pantau.store_cli, "build_pipeline", lambda **_: Pipeline(stages))
    result = invoke("ingest", str(_inputs(tmp_path)), "--db", backend)
    assert result.exit_code == 1 and "stage 'broken' failed on document 'b'" in result.stderr
    assert result.stdout.splitlines()[-1] == "processed 2, skipped 0, replaced 0, failed 1"
    assert [r[:2] for r in _rows(backend, schema.failures, "doc_id", "stage", "source")] == [("b", "broken")]
    (record,) = [r for i, r in _rows(backend, schema.documents, "id", "record") if i == "b"]
    assert json.loads(record)["failures"][0]["stage"] == "broken"


def test_a_document_the_database_refuses_is_a_failure_not_a_crash(backend: str) -> None:
    doc = handmade_docs()[0]
    doc.events.append(Event("e1", "AID", doc.events[0].evidence))  # two events with one id
    engine = open_store(backend)
    outcome = StoreWriter(engine).write(doc, content_hash(doc))
    engine.dispose()
    assert outcome.kind == "failed" and "could not be stored" in outcome.errors[0]
    assert _rows(backend, schema.documents, "id") == []
    assert _rows(backend, schema.failures, "doc_id", "stage") == [("kb-a", "store")]


def test_output_modes(tmp_path: Path) -> None:
    src = _inputs(tmp_path)
    quiet = invoke("ingest", str(src), "--db", str(tmp_path / "q.db"), "--quiet")
    assert quiet.exit_code == 0 and quiet.stdout == ""
    plain = invoke("ingest", str(src), "--db", str(tmp_path / "p.db"))
    assert plain.stdout.splitlines() == ["stored a", "stored b", "processed 2, skipped 0, replaced 0, failed 0"]


def test_an_unusable_store_is_an_error(tmp_path: Path) -> None:
    result = invoke("ingest", str(_inputs(tmp_path)), "--db", "mysql://u@h/db")
    assert result.exit_code == 1 and "unsupported store" in result.output


def test_two_jobs_give_the_same_store_as_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            pipeline: Pipeline) -> None:
    import pantau.store_cli

    monkeypatch.setattr(pantau.store_cli, "build_pipeline", lambda **_: pipeline)  # the workers run it in full
    src = _inputs(tmp_path)
    for n in range(6):
        (src / f"extra-{n}.txt").write_text(f"Kapal patroli ke-{n + 1} Arvenia berlabuh di Kota Timur.\n"
                                            f"Nilai bantuan mencapai {n + 2} juta dolar AS.\n", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    r1 = invoke("ingest", str(src), "--db", one, "--quiet")
    r2 = invoke("ingest", str(src), "--db", two, "--quiet", "--jobs", "2")
    assert (r1.exit_code, r2.exit_code) == (1, 1)
    a, b = dump(one), dump(two)
    assert len(a["documents"]) == 8 and a == b
