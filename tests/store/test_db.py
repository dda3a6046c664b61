"""Opening a store: `--db` forms, schema version and migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from pantau.errors import ConfigError
from pantau.store import schema
from pantau.store.db import open_store, safe_url, store_url


def test_paths_become_absolute_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert store_url("kb.db") == f"sqlite:///{tmp_path / 'kb.db'}"
    assert store_url("sqlite:////data/x.db") == "sqlite:////data/x.db"


@pytest.mark.parametrize("given", ["postgresql://u:p@127.0.0.1:5432/kb", "postgres://u:p@127.0.0.1:5432/kb",
                                   "postgresql+psycopg://u:p@127.0.0.1:5432/kb"])
def test_postgres_urls_use_psycopg(given: str) -> None:
    assert store_url(given) == "postgresql+psycopg://u:p@127.0.0.1:5432/kb"


def test_other_databases_are_refused_with_the_accepted_forms() -> None:
    with pytest.raises(ConfigError, match="postgresql://USER"):
        store_url("mysql://u:p@host/db")


def test_passwords_are_hidden_in_messages() -> None:
    assert "secret" not in safe_url("postgresql+psycopg://u:secret@127.0.0.1/kb")


def test_a_new_store_gets_every_migration_once(backend: str) -> None:
    for _ in range(2):
        engine = open_store(backend)
        with engine.connect() as conn:
            versions = list(conn.execute(select(schema.schema_version.c.version)).scalars())
            assert versions == [m.version for m in schema.MIGRATIONS]
            assert conn.execute(select(func.count()).select_from(schema.documents)).scalar_one() == 0
        engine.dispose()


def test_a_store_from_a_newer_pantau_is_refused(backend: str) -> None:
    engine = open_store(backend)
    with engine.begin() as conn:
        conn.execute(insert(schema.schema_version).values(version=schema.SCHEMA_VERSION + 1, description="future",
                                                          applied_at="2099-01-01T00:00:00+00:00"))
    engine.dispose()
    with pytest.raises(ConfigError, match="newer than this pantau"):
        open_store(backend)


def test_an_unreachable_store_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot open store"):
        open_store(str(tmp_path / "no" / "such" / "dir" / "kb.db"))


def test_a_version_3_store_gets_event_dates_in_its_country_rows(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:  # a store as pantau wrote it before migration 4
        schema.schema_version.create(conn)
        conn.execute(text("CREATE TABLE documents (id TEXT PRIMARY KEY)"))
        conn.execute(text("CREATE TABLE events (doc_id TEXT, event_id TEXT, date_start TEXT)"))
        conn.execute(text("CREATE TABLE event_countries (doc_id TEXT, event_id TEXT, role TEXT, country TEXT, "
                          "position INTEGER)"))
        conn.execute(text("INSERT INTO events VALUES ('d1', 'e1', '2025-07-28'), ('d1', 'e2', NULL)"))
        conn.execute(text("INSERT INTO event_countries VALUES ('d1', 'e1', 'actor', 'BRD', 0), "
                          "('d1', 'e2', 'actor', 'SYL', 0)"))
        conn.execute(insert(schema.schema_version), [
            {"version": v, "description": "old", "applied_at": "2025-01-01"} for v in (1, 2, 3)])
    engine.dispose()
    upgraded = open_store(str(tmp_path / "old.db"))
    with upgraded.connect() as conn:
        rows = sorted(conn.execute(text("SELECT event_id, date_start FROM event_countries")))
        version = conn.execute(select(func.max(schema.schema_version.c.version))).scalar_one()
        indexes = {r[1] for r in conn.execute(text("PRAGMA index_list(event_countries)"))}
    upgraded.dispose()
    assert rows == [("e1", "2025-07-28"), ("e2", None)]
    assert version == schema.SCHEMA_VERSION == 4
    assert "ix_event_countries_country_date" in indexes
