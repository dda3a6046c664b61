"""Open a store: turn the `--db` argument into a SQLAlchemy URL, connect, and bring the schema up to date.

Decisions:

- `--db` is a file path (`pantau.db`, `data/kb.db`: SQLite), a `sqlite:///…` URL, or a PostgreSQL URL.
  `postgresql://` and `postgres://` are normalised to the psycopg 3 driver (`postgresql+psycopg://`), the
  only PostgreSQL driver pantau installs; other drivers and databases are refused with the accepted forms.
- SQLite runs in WAL mode with `synchronous=NORMAL`: each document is its own transaction, a killed
  process loses at most the document it was writing, and readers (datasette, the query commands) are not
  blocked by a running ingest. A busy timeout lets a query wait for the writer instead of failing.
- Passwords never appear in messages (`hide_password`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import ConfigError
from .schema import migrate

DEFAULT_DB = "pantau.db"
_POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def store_url(db: str) -> str:
    """The SQLAlchemy URL for a `--db` argument (a path, a sqlite URL or a PostgreSQL URL)."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    scheme, rest = db.split("://", 1)
    if scheme in _POSTGRES_SCHEMES:
        return f"postgresql+psycopg://{rest}"
    if scheme == "sqlite":
        return db
    raise ConfigError(f"unsupported store {scheme}://…; use a file path or sqlite:///FILE for SQLite, "
                      "or postgresql://USER:PASSWORD@HOST:PORT/DATABASE for PostgreSQL")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def safe_url(url: str) -> str:
    """The URL as it may be printed (password hidden)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def open_store(db: str) -> Engine:
    """An engine on the store named by `db`, with every migration applied; ConfigError when it cannot open."""
    url = store_url(db)
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise ConfigError(f"cannot use store {safe_url(url)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(exc.orig if getattr(exc, "orig", None) is not None else exc).strip().splitlines()[0]
        raise ConfigError(f"cannot open store {safe_url(url)}: {reason}") from exc
    return engine
