"""`pantau demo`: the bundled demo corpus ingested into a fresh SQLite store, and a short plain-text tour of it.

Decisions:

- The corpus is `pantau/data/demo-articles.jsonl`, found with `importlib.resources` (so it works from an
  installed package) and stored through the store's own path: `batch.ingest_items` into a `StoreWriter`,
  exactly what `pantau ingest FILE --db DB` does. There is no second way into the store.
- The demo only ever replaces its own store. A file at the target counts as a demo store when it is a SQLite
  database with pantau's `schema_version` and `documents` tables and every stored document id is an id of the
  bundled corpus (an empty pantau store, left by an interrupted demo, qualifies). Anything else (a store with
  other documents, another database, any other file, a folder) is refused with a ConfigError; the file is only
  read, never migrated. Replacing deletes the file and its SQLite `-wal` / `-shm` companions.
- `keep=True` (`--keep`) keeps an existing demo store: the ingest skips the articles whose content is
  unchanged, so a rerun is quick and prints the same tour.
- The tour is read back from the store with the query functions the commands use (`find_events`,
  `find_commitments`), so it shows what `pantau events` and `pantau commitments` will list. Country pairs are
  the unordered pairs of distinct countries among an event's actors and targets, counted once per event.
  Commitments are shown overdue first (the most recently due), then pending (the soonest due).
- The suggested commands are built from what the store holds (its busiest country, pair and document), so
  each of them prints something.
"""

from __future__ import annotations

import shlex
import shutil
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from importlib.util import find_spec
from itertools import combinations
from pathlib import Path

from sqlalchemy import Connection, func, select

from ..errors import ConfigError
from ..inputs import read_inputs
from ..model import Document
from . import schema
from .batch import Extract, ingest_items
from .db import open_store
from .ingest import Outcome, StoreWriter
from .kb import STATUSES
from .query import Row, find_commitments, find_events, newest_published

DEMO_DB = "pantau-demo.db"
CORPUS_NAME = "demo-articles.jsonl"
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
TOP_TYPES = 8
TOP_PAIRS = 5
SHOWN_COMMITMENTS = 3
EVIDENCE_CHARS = 110


@dataclass(slots=True, frozen=True)
class DemoCommitment:
    status: str
    doc: str
    parties: tuple[str, ...]
    action: str
    due: str | None
    evidence: str


@dataclass(slots=True, frozen=True)
class DemoSummary:
    """What the demo store holds, as the tour prints it."""

    documents: int
    failures: int
    events: int
    events_by_type: tuple[tuple[str, int], ...]
    country_pairs: tuple[tuple[str, str, int], ...]
    commitment_status: tuple[tuple[str, int], ...]
    newest: str | None
    commitments: tuple[DemoCommitment, ...]
    busiest_country: str | None
    busiest_doc: str | None


@dataclass(slots=True, frozen=True)
class DemoRun:
    """One `pantau demo`: the outcome of every article, the time it took, and the summary of the store."""

    outcomes: tuple[Outcome, ...]
    seconds: float
    summary: DemoSummary

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if o.errors)

    @property
    def skipped(self) -> int:
        return sum(1 for o in self.outcomes if o.kind == "skipped")


@contextmanager
def corpus_path() -> Iterator[Path]:
    """A file-system path to the bundled demo corpus (extracted to a temporary file if pantau is zipped)."""
    with resources.as_file(resources.files("pantau").joinpath("data", CORPUS_NAME)) as path:
        yield path


def corpus_ids(path: Path) -> frozenset[str]:
    """The document ids of the demo corpus, as the input reader assigns them."""
    return frozenset(item.id for item in read_inputs([path]) if isinstance(item, Document))


def _stored_ids(path: Path) -> list[str] | None:
    """The document ids of the pantau store at `path`, read-only; None when it is not a pantau SQLite store.

    Without a `-wal` file beside it the database file is complete, and it is opened `immutable` so that SQLite
    creates no `-wal` / `-shm` files next to something that may not be ours."""
    mode = "mode=ro" if path.with_name(path.name + "-wal").exists() else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {schema.schema_version.name, schema.documents.name} <= tables:
            return None
        return [r[0] for r in conn.execute(f"SELECT id FROM {schema.documents.name}")]
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def prepare_target(db: Path, ids: frozenset[str], *, keep: bool) -> None:
    """Make room for the demo store at `db`: nothing to do when it is absent (or kept with `keep`), delete it
    when it is a demo store; ConfigError when something else is there."""
    if not db.exists():
        return
    what = "a folder" if db.is_dir() else None
    if what is None:
        stored = _stored_ids(db)
        if stored is None:
            what = "not a pantau store"
        elif not set(stored) <= ids:
            what = "a pantau store with documents that are not demo articles"
    if what is not None:
        raise ConfigError(f"{db} exists and is {what}; `pantau demo` only replaces its own demo store: "
                          f"pass another --db PATH, or move {db} away")
    if keep:
        return
    db.unlink()
    for suffix in SQLITE_COMPANIONS:
        db.with_name(db.name + suffix).unlink(missing_ok=True)


def _shorten(text: str, limit: int = EVIDENCE_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " ..."


def _demo_commitment(row: Row) -> DemoCommitment:
    due = row["due_start"] if row["due_end"] in (None, row["due_start"]) else f"{row['due_start']}..{row['due_end']}"
    return DemoCommitment(row["status"], row["doc"], tuple(row["parties"]), row["action"], due,
                          _shorten(row["evidence"]))


def summarize(conn: Connection) -> DemoSummary:
    """The tour's numbers, read from the store."""
    events = find_events(conn)
    types = Counter(e["type"] for e in events)
    pairs: Counter[tuple[str, str]] = Counter()
    countries: Counter[str] = Counter()
    for e in events:
        involved = sorted(set(e["actors"]) | set(e["targets"]))
        countries.update(involved)
        pairs.update(combinations(involved, 2))
    docs = Counter(e["doc"] for e in events)
    commitments = find_commitments(conn)
    overdue = [c for c in commitments if c["status"] == "overdue"]
    pending = [c for c in commitments if c["status"] == "pending"]
    shown = [*reversed(overdue[-SHOWN_COMMITMENTS:]), *pending[:SHOWN_COMMITMENTS]]
    count = select(func.count())
    return DemoSummary(
        documents=conn.execute(count.select_from(schema.documents)).scalar_one(),
        failures=conn.execute(count.select_from(schema.failures)).scalar_one(),
        events=len(events),
        events_by_type=tuple(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        country_pairs=tuple((a, b, n) for (a, b), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))),
        commitment_status=tuple((st, n) for st in STATUSES if (n := sum(c["status"] == st for c in commitments))),
        newest=newest_published(conn),
        commitments=tuple(_demo_commitment(c) for c in shown),
        busiest_country=min(countries, key=lambda c: (-countries[c], c)) if countries else None,
        busiest_doc=min(docs, key=lambda d: (-docs[d], d)) if docs else None,
    )


def run_demo(db: Path, *, extract: Extract, keep: bool = False) -> DemoRun:
    """Ingest the bundled corpus into the demo store at `db` (fresh unless `keep`) and summarise it."""
    started = time.perf_counter()
    with corpus_path() as path:
        prepare_target(db, corpus_ids(path), keep=keep)
        engine = open_store(str(db))
        try:
            outcomes = tuple(ingest_items(read_inputs([path]), StoreWriter(engine), extract=extract))
            with engine.connect() as conn:
                summary = summarize(conn)
        finally:
            engine.dispose()
    return DemoRun(outcomes, time.perf_counter() - started, summary)


def datasette_installed() -> bool:
    """True when `datasette` can be run: on PATH, or importable in the environment pantau runs in."""
    return shutil.which("datasette") is not None or find_spec("datasette") is not None


def _counts(items: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"{name} {n}" for name, n in items)


def _next_commands(s: DemoSummary, db: str, datasette: bool) -> list[str]:
    at = f"--db {shlex.quote(db)}"
    lines = []
    if s.busiest_country:
        lines.append(f"pantau events {at} --country {s.busiest_country}")
    if s.country_pairs:
        a, b, _ = s.country_pairs[0]
        lines.append(f"pantau events {at} --country {a} --country {b} --format csv")
    if s.busiest_doc:
        lines.append(f"pantau show {shlex.quote(s.busiest_doc)} {at}")
    lines += [f"pantau commitments {at} --status overdue", f"pantau mechanisms {at}",
              f"pantau entities {at} --type PERSON",
              f"pantau export events {at} -o demo-events.jsonl"]
    browse = f"datasette {shlex.quote(db)}"
    lines.append(f"{browse}    (browse every table)" if datasette
                 else f"pip install datasette && {browse}    (browse every table in a web page)")
    return lines


def render(run: DemoRun, *, db: str, datasette: bool) -> list[str]:
    """The tour as plain-text lines; `db` is the store as the user named it (for the suggested commands)."""
    s = run.summary
    kept = f", {run.skipped} unchanged" if run.skipped else ""
    lines = [f"pantau demo: {len(run.outcomes)} bundled articles ingested into {db} in {run.seconds:.1f} s{kept}",
             "",
             f"Documents      {s.documents} stored, {s.failures} failed",
             f"Events         {s.events}: {_counts(s.events_by_type[:TOP_TYPES])}"
             + (", ..." if len(s.events_by_type) > TOP_TYPES else "")]
    if s.country_pairs:
        lines.append("Country pairs  (events involving both, as actor or target)")
        lines += [f"  {a}-{b}  {n}" for a, b, n in s.country_pairs[:TOP_PAIRS]]
    as_of = f"as of {s.newest}, the newest article" if s.newest else "no publication dates"
    statuses = ", ".join(f"{n} {st}" for st, n in s.commitment_status) or "none"
    lines.append(f"Commitments    {statuses} ({as_of})")
    for c in s.commitments:
        lines.append(f"  {c.status:8s} {c.doc}  {', '.join(c.parties) or '-'}: {c.action} (due {c.due or '-'})")
        lines.append(f"           \"{c.evidence}\"")
    lines += ["", "Try next", *(f"  {cmd}" for cmd in _next_commands(s, db, datasette))]
    return lines
