"""Store fixtures: `backend` (an empty store URL on SQLite and on PostgreSQL), a quick CLI, and hand-made documents.

PostgreSQL comes from PANTAU_TEST_POSTGRES_URL (`.ci/run` starts a server and sets it). Each test gets its own
PostgreSQL schema (`search_path` in the URL), dropped afterwards, so runs never see each other's rows. Without
the variable the PostgreSQL cases are skipped, except under CI (env CI set), where they fail: CI must test both.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import SQLAlchemyError

from pantau.cli import main
from pantau.model import (
    Commitment,
    DateSpan,
    Document,
    Entity,
    Event,
    Figure,
    Mention,
    Noise,
    Place,
    Published,
)
from pantau.pipeline import Pipeline
from pantau.store import schema
from pantau.store.db import open_store, safe_url, store_url
from pantau.store.ingest import StoreWriter, content_hash

POSTGRES_ENV = "PANTAU_TEST_POSTGRES_URL"
BASE_STAGES = ("clean", "published", "language", "sentences", "entities", "figures")
"""The stages the ingest behaviour tests run: the settled ones, so a stage under construction cannot change
what skip / replace / failure tests see (the end-to-end test runs the full pipeline)."""


def _postgres_url() -> str:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        reason = (f"PostgreSQL store tests need {POSTGRES_ENV}=postgresql+psycopg://USER:PW@127.0.0.1:5432/DB "
                  "(.ci/run installs and starts a server and sets it)")
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {reason}")
        pytest.skip(reason)
    return base


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A `--db` value naming an empty store."""
    if request.param == "sqlite":
        yield str(tmp_path / "kb.db")
        return
    base = _postgres_url()
    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(store_url(base))
    try:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
    except SQLAlchemyError as exc:
        engine.dispose()
        pytest.fail(f"PostgreSQL at {safe_url(store_url(base))} is unreachable: {exc}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{name}"
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
    engine.dispose()


@pytest.fixture
def store_cli(monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline) -> None:
    """`pantau ingest` in CliRunner reuses the session pipeline's settled stages instead of building one."""
    import pantau.store_cli

    stages = [(name, stage) for name, stage in pipeline.stages if name in BASE_STAGES]
    monkeypatch.setattr(pantau.store_cli, "build_pipeline", lambda **_: Pipeline(stages))


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def dump(db: str, *, skip: tuple[str, ...] = ("ingested_at", "recorded_at")) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted, without the timestamp columns."""
    engine = open_store(db)
    out = {}
    with engine.connect() as conn:
        for table in (schema.documents, *schema.CHILD_TABLES, schema.failures):
            cols = [c for c in table.c if c.name not in skip]
            out[table.name] = sorted(tuple(r) for r in conn.execute(select(*cols)))
    engine.dispose()
    return out


def _doc(doc_id: str, text_: str, published: str | None) -> Document:
    return Document(id=doc_id, raw=text_, text=text_, language="id",
                    published=None if published is None else Published(published, "input"))


def _sentence(doc: Document, start_words: str) -> Any:
    start = doc.text.index(start_words)
    end = doc.text.index(".", start) + 1
    return doc.span(start, end)


def _mention(doc: Document, entity: Entity, surface: str) -> None:
    start = doc.text.index(surface)
    doc.mentions.append(Mention(start, start + len(surface), surface, entity.type, entity_id=entity.id))


def handmade_docs() -> list[Document]:
    """Three documents with every part of the record filled, written for these tests (fictional people)."""
    a = _doc("kb-a", "Menteri Pertahanan Laos, Jenderal Tomas Vell, tiba di Kota Selatan pada 12 November 2025 "
                     "untuk bertemu Menteri Pertahanan Kamboja.\n\nKedua pihak sepakat menggelar patroli bersama "
                     "sebelum Maret 2026.\n\nNilai perdagangan kedua negara mencapai 2,5 miliar dolar AS pada 2024.",
             "2025-11-20")
    vell = Entity("person:tomas-vell", "PERSON", "Tomas Vell", "LAO", ["Menteri Pertahanan Laos"], ["Vell"])
    lao = Entity("country:LAO", "COUNTRY", "Laos", "LAO")
    khm = Entity("country:KHM", "COUNTRY", "Kamboja", "KHM")
    a.entities = [vell, lao, khm]
    for ent, surface in ((lao, "Laos"), (vell, "Tomas Vell"), (khm, "Kamboja")):
        _mention(a, ent, surface)
    a.events = [Event("e1", "CONSULT", _sentence(a, "Menteri Pertahanan Laos"), mode="visit", contexts=["military"],
                      actors=["LAO"], targets=["KHM"], participants=["person:tomas-vell"],
                      date=DateSpan("2025-11-12", "2025-11-12"), location=Place("Kota Selatan", "KHM"))]
    a.commitments = [Commitment("c1", ["LAO", "KHM"], "menggelar patroli bersama", _sentence(a, "Kedua pihak"),
                                due=DateSpan("2026-03", "2026-03"), made_at="e1")]
    a.figures = [Figure(2.5e9, "USD", _sentence(a, "Nilai perdagangan"), "trade_turnover", ["LAO", "KHM"],
                        DateSpan("2024", "2024"))]
    a.noise = [Noise("Baca juga: berita lainnya", "navigation")]

    b = _doc("kb-b", "Pasukan Thailand dan Kamboja bentrok di dekat pos perbatasan pada April 2026.\n\n"
                     "Pemerintah kedua negara berjanji membuka kembali pos lintas batas pada Desember 2026.\n\n"
                     "Perdagangan lintas batas turun 13,5 persen.", "2026-05-01")
    tha = Entity("country:THA", "COUNTRY", "Thailand", "THA")
    khm_b = Entity("country:KHM", "COUNTRY", "Kamboja", "KHM")
    b.entities = [tha, khm_b]
    _mention(b, tha, "Thailand")
    _mention(b, khm_b, "Kamboja")
    b.events = [Event("e1", "ASSAULT", _sentence(b, "Pasukan"), mode="clash", contexts=["border"],
                      actors=["THA", "KHM"], date=DateSpan("2026-04", "2026-04"))]
    b.commitments = [Commitment("c1", ["THA", "KHM"], "membuka kembali pos lintas batas", _sentence(b, "Pemerintah"),
                                due=DateSpan("2026-12", "2026-12"))]
    b.figures = [Figure(13.5, "%", _sentence(b, "Perdagangan"), "trade_growth", ["THA", "KHM"])]

    c = _doc("kb-c", "Vietnam dan Laos menandatangani nota kesepahaman tentang pelatihan perwira.\n\n"
                     "Keduanya akan membentuk kelompok kerja bersama.", None)
    c.events = [Event("e1", "AGREE", _sentence(c, "Vietnam"), mode="signing", actors=["VNM", "LAO"])]
    c.commitments = [Commitment("c1", ["VNM", "LAO"], "membentuk kelompok kerja bersama", _sentence(c, "Keduanya"))]
    return [a, b, c]


def write_docs(db: str, docs: list[Document]) -> None:
    engine = open_store(db)
    writer = StoreWriter(engine)
    for doc in docs:
        assert writer.write(doc, content_hash(doc)).kind == "stored"
    engine.dispose()


@pytest.fixture
def kb(backend: str) -> str:
    """A store holding `handmade_docs()`."""
    write_docs(backend, handmade_docs())
    return backend
