"""The knowledge-base commands: `pantau ingest`, the queries (`events`, `entities`, `commitments`, `figures`,
`show`) and `pantau export`. The store itself lives in `pantau.store`.

Decisions:

- `--db` defaults to the SQLite file `pantau.db` in the current folder (or `$PANTAU_DB`).
- `ingest` reports progress on stdout (it writes no data): a rich progress bar with documents/s on a
  terminal, one plain line per document otherwise, nothing with `--quiet`. Errors and warnings go to stderr
  in every mode. The closing line counts `processed` (documents read from the inputs, skipped ones
  included), `skipped` (unchanged), `replaced` (changed content) and `failed` (unreadable inputs, and
  documents a stage or the database failed on); the exit code is 1 when anything failed.
- Query commands print a table on a terminal and JSONL otherwise, unless `--format` says.
- Parquet is binary, so `export --format parquet` needs `-o FILE`.
- `demo` takes a file path, not `$PANTAU_DB`: it replaces its target, so it never reads where the real store is.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine

from .errors import PantauError
from .inputs import read_inputs
from .model import EventType
from .pipeline import build_pipeline
from .store.batch import ingest_items
from .store.db import DEFAULT_DB, open_store
from .store.demo import DEMO_DB, datasette_installed, render, run_demo
from .store.export import kb_commitments, kb_events, write_csv, write_jsonl, write_parquet
from .store.ingest import Outcome, StoreWriter
from .store.kb import STATUSES
from .store.query import (
    COMMITMENT_FIELDS,
    DOCUMENT_FIELDS,
    ENTITY_FIELDS,
    EVENT_FIELDS,
    FIGURE_FIELDS,
    MECHANISM_FIELDS,
    EventFilter,
    Field,
    Row,
    find_commitments,
    find_documents,
    find_entities,
    find_events,
    find_figures,
    find_mechanisms,
    stored_records,
)
from .store.show import SHOW_FIELDS
from .store.show import show as show_rows

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
ENTITY_TYPES = ("PERSON", "ORG", "COUNTRY", "LOCATION")
_PIPE_WIDTH = 160
"""Width of a table written to a pipe or file (`--format table` when stdout is not a terminal)."""

db_option = click.option("--db", default=DEFAULT_DB, envvar="PANTAU_DB", show_default=True, metavar="URL",
                         help="Store: a SQLite file path, sqlite:///FILE, or postgresql://USER:PW@HOST/DB.")
format_option = click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default=None,
                             help="Output format [default: table on a terminal, jsonl otherwise].")


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _DATE_RE.match(value):
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return value


def _iso3(value: str) -> str:
    code = value.upper()
    if not _ISO3_RE.match(code):
        raise click.BadParameter(f"{value!r} is not an ISO 3166-1 alpha-3 country code (e.g. KHM, IDN)")
    return code


def _country(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    return None if value is None else _iso3(value)


def _countries(_ctx: click.Context, _param: click.Parameter, value: Sequence[str]) -> tuple[str, ...]:
    return tuple(_iso3(v) for v in value)


def _open(db: str) -> Engine:
    try:
        return open_store(db)
    except PantauError as exc:
        raise click.ClickException(str(exc)) from exc


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _emit(rows: Sequence[Row], fields: Sequence[Field], table_columns: Sequence[str], fmt: str | None) -> None:
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        write_jsonl(({f.name: r.get(f.name) for f in fields} for r in rows), sys.stdout)
    elif fmt == "csv":
        write_csv(rows, fields, sys.stdout)
    else:
        table = Table()
        for name in table_columns:  # the last column (evidence, summary) wraps; the others keep their width
            table.add_column(name, ratio=1 if name == table_columns[-1] else None, no_wrap=name != table_columns[-1])
        for r in rows:
            table.add_row(*(Text(_cell(r.get(c))) for c in table_columns))
        Console(file=sys.stdout, width=None if sys.stdout.isatty() else _PIPE_WIDTH).print(table)
        click.echo(f"{len(rows)} rows", err=True)


class _RateColumn(ProgressColumn):
    """Documents per second since the start."""

    def render(self, task: Task) -> Text:
        rate = task.completed / task.elapsed if task.elapsed else 0.0
        return Text(f"{rate:.1f} docs/s")


class _Report:
    """Counts outcomes and prints them in the chosen mode: `rich`, `plain` or `quiet`."""

    def __init__(self, mode: str, stack: ExitStack) -> None:
        self.mode = mode
        self.counts = {"processed": 0, "skipped": 0, "replaced": 0, "failed": 0}
        self.progress: Progress | None = None
        if mode == "rich":
            self.progress = stack.enter_context(Progress(
                SpinnerColumn(), TextColumn("ingesting"), BarColumn(), TextColumn("{task.completed} docs"),
                _RateColumn(), TimeElapsedColumn(), console=Console(file=sys.stdout)))
            self.task = self.progress.add_task("ingest", total=None)

    def say(self, line: str) -> None:
        if self.progress is not None:
            self.progress.console.print(Text(line))
        elif self.mode == "plain":
            click.echo(line)

    def add(self, o: Outcome) -> None:
        if o.doc_id is not None:
            self.counts["processed"] += 1
        if o.kind in ("skipped", "replaced"):
            self.counts[o.kind] += 1
        if o.errors:
            self.counts["failed"] += 1
        for e in o.errors:
            click.echo(f"error: {e}", err=True)
        if o.kind != "skipped":
            for w in o.warnings:
                click.echo(f"warning: {o.source}: {w}", err=True)
        if o.kind == "replaced":
            self.say(f"replaced {o.doc_id} (content changed)")
        elif self.mode == "plain" and o.doc_id is not None:
            self.say(f"{'skipped' if o.kind == 'skipped' else o.kind} {o.doc_id}"
                     + (" (unchanged)" if o.kind == "skipped" else ""))
        if self.progress is not None:
            self.progress.advance(self.task)

    def summary(self) -> str:
        return ", ".join(f"{k} {v}" for k, v in self.counts.items())


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extract in this many processes (one process writes).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary (errors are still printed).")
def ingest(inputs: tuple[Path, ...], db: str, jobs: int, quiet: bool) -> None:
    """Extract documents and store every record in the knowledge base.

    INPUT is anything `pantau extract` reads. A document already stored with the same content is skipped;
    one whose content changed is replaced. Safe to rerun after an interruption.

    Example: pantau ingest ../shared/corpus/seeds --db pantau.db
    """
    engine = _open(db)
    try:
        extract = build_pipeline() if jobs == 1 else None
    except PantauError as exc:
        raise click.ClickException(str(exc)) from exc
    mode = "quiet" if quiet else "rich" if sys.stdout.isatty() else "plain"
    with ExitStack() as stack:
        report = _Report(mode, stack)
        for outcome in ingest_items(read_inputs(inputs), StoreWriter(engine), extract=extract, jobs=jobs):
            report.add(outcome)
    engine.dispose()
    if not quiet:
        click.echo(report.summary())
    if report.counts["failed"]:
        sys.exit(1)


def _query(db: str, find: Callable[[Any], list[Row]]) -> list[Row]:
    engine = _open(db)
    try:
        with engine.connect() as conn:
            return find(conn)
    finally:
        engine.dispose()


@click.command()
@db_option
@click.option("--country", "countries", multiple=True, callback=_countries, metavar="ISO3",
              help="Events involving this country (as actor or target); repeat to require several.")
@click.option("--type", "etype", type=click.Choice(EVENT_TYPES, case_sensitive=False), default=None,
              help="PLOVER event type.")
@click.option("--since", callback=_date, default=None, metavar="DATE", help="Events dated on or after DATE.")
@click.option("--until", callback=_date, default=None, metavar="DATE", help="Events dated on or before DATE.")
@click.option("--text", default=None, metavar="WORDS", help="Every word occurs in the evidence sentence.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many events.")
@format_option
def events(db: str, countries: tuple[str, ...], etype: str | None, since: str | None, until: str | None,
           text: str | None, limit: int | None, fmt: str | None) -> None:
    """List stored events, newest first.

    Example: pantau events --country KHM --country THA --since 2025-07 --type CONSULT
    """
    f = EventFilter(countries=countries, type=etype.upper() if etype else None, since=since, until=until,
                    text=tuple(text.split()) if text else (), limit=limit)
    rows = _query(db, lambda conn: find_events(conn, f))
    _emit(rows, EVENT_FIELDS, ("doc", "event", "type", "mode", "date_start", "actors", "targets", "location",
                               "evidence"), fmt)


@click.command()
@db_option
@click.option("--type", "etype", type=click.Choice(ENTITY_TYPES, case_sensitive=False), default=None)
@click.option("--country", callback=_country, default=None, metavar="ISO3", help="Entities of this country.")
@format_option
def entities(db: str, etype: str | None, country: str | None, fmt: str | None) -> None:
    """List entities over all documents, the most widely reported first.

    Example: pantau entities --type PERSON --country KHM
    """
    rows = _query(db, lambda conn: find_entities(conn, type=etype.upper() if etype else None, country=country))
    _emit(rows, ENTITY_FIELDS, ("id", "type", "name", "country", "roles", "mentions"), fmt)


@click.command()
@db_option
@click.option("--status", type=click.Choice(STATUSES), default=None,
              help="Status against the newest publication date in the store.")
@format_option
def commitments(db: str, status: str | None, fmt: str | None) -> None:
    """List commitments with their status, soonest due first.

    Example: pantau commitments --status overdue
    """
    rows = _query(db, lambda conn: find_commitments(conn, status=status))
    _emit(rows, COMMITMENT_FIELDS, ("doc", "commitment", "status", "parties", "action", "due_end", "evidence"), fmt)


@click.command()
@db_option
@click.option("--metric", default=None, help="Only this metric (e.g. trade_turnover).")
@format_option
def figures(db: str, metric: str | None, fmt: str | None) -> None:
    """List figures (money, percentages, quantities) with their evidence.

    Example: pantau figures --metric trade_turnover
    """
    rows = _query(db, lambda conn: find_figures(conn, metric=metric))
    _emit(rows, FIGURE_FIELDS, ("doc", "metric", "value", "unit", "parties", "period_start", "evidence"), fmt)


@click.command()
@db_option
@click.option("--country", callback=_country, default=None, metavar="ISO3", help="Mechanisms this country is in.")
@format_option
def mechanisms(db: str, country: str | None, fmt: str | None) -> None:
    """Recurring cooperation mechanisms (numbered conferences, named exercises, committees) with their editions.

    Example: pantau mechanisms --country VNM; then pantau show mechanism:ID
    """
    rows = _query(db, lambda conn: find_mechanisms(conn, country=country))
    _emit(rows, MECHANISM_FIELDS, ("id", "countries", "held", "planned", "last_ordinal", "last_date", "name"), fmt)


@click.command()
@click.argument("item_id", metavar="ID")
@db_option
@format_option
def show(item_id: str, db: str, fmt: str | None) -> None:
    """Everything known about a document, an event (DOC/EVENT or ev-...), a commitment (cm-...), a mechanism
    (mechanism:...) or an entity, with evidence sentences.

    Example: pantau show person:hun-sen
    """
    rows = _query(db, lambda conn: show_rows(conn, item_id))
    if not rows:
        raise click.ClickException(f"no document, event (DOC/EVENT or ev-...), commitment (cm-...), mechanism or "
                                   f"entity {item_id!r} in the store")
    _emit(rows, SHOW_FIELDS, ("kind", "id", "summary", "evidence"), fmt)


_EXPORTS: dict[str, tuple[Sequence[Field], Callable[[Any], list[Row]]]] = {
    "documents": (DOCUMENT_FIELDS, lambda conn: find_documents(conn)),
    "events": (EVENT_FIELDS, lambda conn: find_events(conn)),
    "commitments": (COMMITMENT_FIELDS, lambda conn: find_commitments(conn)),
    "entities": (ENTITY_FIELDS, lambda conn: find_entities(conn)),
    "figures": (FIGURE_FIELDS, lambda conn: find_figures(conn)),
}


@click.command()
@click.argument("kind", type=click.Choice(list(_EXPORTS)))
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here instead of stdout (required for parquet).")
def export(kind: str, db: str, fmt: str, output: Path | None) -> None:
    """Export documents, events, commitments, entities or figures.

    JSONL documents are `pantau.document/1` records; JSONL events and commitments are the knowledge-base
    objects `pantau.event/1` and `pantau.commitment/1`. CSV and Parquet are flat, one row per report.

    Example: pantau export events --db pantau.db --format jsonl -o events.jsonl
    """
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet writes a binary file: give it with -o FILE")
    fields, find = _EXPORTS[kind]
    engine = _open(db)
    try:
        with engine.connect() as conn:
            if fmt == "jsonl" and kind == "documents":
                data: Any = list(stored_records(conn))
            else:
                data = find(conn)
    finally:
        engine.dispose()
    if fmt == "parquet" and output is not None:
        n = write_parquet(data, fields, str(output))
    else:
        with ExitStack() as stack:
            out = stack.enter_context(output.open("w", encoding="utf-8", newline="")) if output else sys.stdout
            if fmt == "csv":
                n = write_csv(data, fields, out)
            elif kind in ("events", "commitments"):
                n = write_jsonl(kb_events(data) if kind == "events" else kb_commitments(data), out)
            else:
                n = write_jsonl(data, out)
    click.echo(f"exported {n} {kind}", err=True)


@click.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=DEMO_DB, show_default=True,
              metavar="PATH", help="The demo store (SQLite file); an existing demo store here is replaced.")
@click.option("--keep", is_flag=True, help="Keep an existing demo store (unchanged articles are skipped).")
def demo(db: Path, keep: bool) -> None:
    """Ingest the bundled demo articles into a fresh store and show what pantau found in them.

    Refuses to touch a file that is not a pantau demo store.

    Example: pantau demo && pantau events --db pantau-demo.db --country KHM
    """
    try:
        run = run_demo(db, extract=build_pipeline(), keep=keep)
    except PantauError as exc:
        raise click.ClickException(str(exc)) from exc
    for outcome in run.outcomes:
        for e in outcome.errors:
            click.echo(f"error: {e}", err=True)
    click.echo("\n".join(render(run, db=str(db), datasette=datasette_installed())))
    if run.failed:
        sys.exit(1)
