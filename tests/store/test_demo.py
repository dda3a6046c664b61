"""`pantau demo`: a fresh demo store from the bundled corpus, replaced on rerun, never over anything else."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result
from sqlalchemy import insert, select

from pantau.model import EventType
from pantau.pipeline import Pipeline
from pantau.store import schema
from pantau.store.db import open_store
from pantau.store.demo import DEMO_DB, corpus_ids, corpus_path, summarize

from .conftest import handmade_docs, invoke, write_docs

EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]


@pytest.fixture
def demo_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pipeline: Pipeline) -> Path:
    """A fresh working folder, with `pantau demo` reusing the session pipeline (every stage)."""
    import pantau.store_cli

    monkeypatch.setattr(pantau.store_cli, "build_pipeline", lambda **_: pipeline)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _ids() -> frozenset[str]:
    with corpus_path() as path:
        return corpus_ids(path)


def _stored_ids(db: Path) -> set[str]:
    engine = open_store(str(db))
    with engine.connect() as conn:
        ids = {r[0] for r in conn.execute(select(schema.documents.c.id))}
    engine.dispose()
    return ids


def _failure_sources(db: Path) -> list[str]:
    engine = open_store(str(db))
    with engine.connect() as conn:
        sources = [r[0] for r in conn.execute(select(schema.failures.c.source))]
    engine.dispose()
    return sources


def _demo(*args: str) -> Result:
    result = invoke("demo", *args)
    assert result.exit_code == 0, result.output
    return result


def test_demo_ingests_the_bundled_corpus_and_tells_what_it_found(demo_dir: Path) -> None:
    ids = _ids()
    out = _demo().stdout
    db = demo_dir / DEMO_DB
    assert _stored_ids(db) == set(ids) and len(ids) >= 20
    assert f"{len(ids)} bundled articles ingested into {DEMO_DB}" in out
    assert f"Documents      {len(ids)} stored, 0 failed" in out
    events_line = next(line for line in out.splitlines() if line.startswith("Events"))
    assert sum(t in events_line for t in EVENT_TYPES) >= 3
    assert "Country pairs" in out and "Commitments" in out
    assert f"pantau events --db {DEMO_DB} --country " in out
    assert f"pantau export events --db {DEMO_DB}" in out
    assert "datasette" in out


def test_a_rerun_replaces_the_demo_store_and_keep_reuses_it(demo_dir: Path) -> None:
    db = demo_dir / "out" / "demo.db"
    db.parent.mkdir()
    _demo("--db", str(db))
    engine = open_store(str(db))
    with engine.begin() as conn:  # a row only this copy of the store has
        conn.execute(insert(schema.failures).values(source="marker", stage="input", error="E", message="m",
                                                    recorded_at="2026-01-01"))
    engine.dispose()

    kept = _demo("--db", str(db), "--keep")
    assert f"{len(_ids())} unchanged" in kept.stdout.splitlines()[0]
    assert _failure_sources(db) == ["marker"]

    again = _demo("--db", str(db))
    assert "unchanged" not in again.stdout.splitlines()[0]  # started fresh: every article ingested again
    assert _failure_sources(db) == []
    assert _stored_ids(db) == set(_ids())
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith("demo.db-")) == []


def _not_text(path: Path) -> None:
    path.write_text("my notes, not a database\n", encoding="utf-8")


def _other_store(path: Path) -> None:
    write_docs(str(path), handmade_docs())


@pytest.mark.parametrize("make", [_not_text, _other_store], ids=["text-file", "store-with-other-documents"])
def test_anything_but_a_demo_store_is_left_alone(demo_dir: Path, make) -> None:
    target = demo_dir / DEMO_DB
    make(target)
    before = target.read_bytes()
    result = invoke("demo")
    assert result.exit_code == 1
    assert "is not a pantau store" in result.stderr or "not demo articles" in result.stderr
    assert "pass another --db PATH" in result.stderr
    assert target.read_bytes() == before
    assert not (demo_dir / f"{DEMO_DB}-wal").exists()


def test_summary_counts_types_country_pairs_and_commitment_status(kb: str) -> None:
    engine = open_store(kb)
    with engine.connect() as conn:
        s = summarize(conn)
    engine.dispose()
    assert s.documents == 3 and s.events == 3 and s.failures == 0
    assert s.events_by_type == (("AGREE", 1), ("ASSAULT", 1), ("CONSULT", 1))
    assert s.country_pairs == (("KHM", "LAO", 1), ("KHM", "THA", 1), ("LAO", "VNM", 1))
    assert s.busiest_country in ("KHM", "LAO") and s.newest == "2026-05-01"
    assert dict(s.commitment_status) == {"overdue": 1, "pending": 2}
    assert [c.status for c in s.commitments] == ["overdue", "pending", "pending"]
