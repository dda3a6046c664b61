"""A SIGKILL in the middle of `pantau ingest`, then a rerun: nothing lost, nothing doubled, nothing half-written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from pantau.record import from_record
from pantau.store import schema
from pantau.store.db import open_store, store_url

N = 500
PLACES = ("Kota Timur", "Pelabuhan Barat", "Desa Utara", "Pos Selatan")


def _stored(db: str) -> int:
    """Documents committed so far, read without touching the schema (the ingest may still be creating it)."""
    engine = create_engine(store_url(db))
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()
    except SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


def test_sigkill_then_rerun_loses_and_doubles_nothing(backend: str, tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(N):
            text = (f"Kapal patroli ke-{i + 1} Arvenia berlabuh di {PLACES[i % 4]} pada Senin (3/2/2025). "
                    f"Bantuan senilai {i + 1} juta dolar AS diserahkan kepada Borduria.")
            fh.write(json.dumps({"id": f"n{i:04d}", "text": text, "published": "2025-02-04"}) + "\n")
    cmd = [sys.executable, "-m", "pantau", "ingest", str(src), "--db", backend]
    proc = subprocess.Popen([*cmd, "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while proc.poll() is None and _stored(backend) < 20:
            time.sleep(0.02)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    partial = _stored(backend)
    assert 0 < partial < N

    rerun = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert rerun.stdout.splitlines()[-1].startswith(f"processed {N}, skipped {partial}, replaced 0,")

    engine = open_store(backend)
    with engine.connect() as conn:
        ids = list(conn.execute(select(schema.documents.c.id)).scalars())
        assert sorted(ids) == [f"n{i:04d}" for i in range(N)]
        for table, count_of in ((schema.figures, lambda d: len(d.figures)),
                                (schema.entities, lambda d: len(d.entities)),
                                (schema.events, lambda d: len(d.events))):
            per_doc = dict(conn.execute(select(table.c.doc_id, func.count()).group_by(table.c.doc_id)).all())
            for rec in conn.execute(select(schema.documents.c.record)).scalars():
                doc = from_record(json.loads(rec))
                assert per_doc.get(doc.id, 0) == count_of(doc), (table.name, doc.id)
    engine.dispose()
