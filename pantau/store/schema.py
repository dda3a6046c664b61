"""The store's tables (SQLAlchemy Core, one schema for SQLite and PostgreSQL) and their migrations.

Decisions:

- Flat and indexed, so that `datasette pantau.db` is a usable browser: every list of the record becomes a
  child table keyed by `(doc_id, item id)` with a foreign key to `documents`, and the columns the query
  commands filter on are indexed (`event_countries(country, doc_id, event_id)` answers "events involving Cambodia"
  without reading JSON). Lists that nothing filters on (event contexts, entity roles, figure parties)
  stay JSON text in one column.
- Ids, codes and dates are `Str` (compared byte-wise on both backends), prose is `Text`. Every date is an
  ISO string at the precision the text gave (`2025-10`, `--10-26`): dates of several precisions do not fit
  a SQL `DATE`, and ISO strings compare in time order.
- `documents.record` keeps the whole `pantau.document/1` record as written by `pantau.record.to_record`:
  the flat tables are an index of it, the record is the truth (`export documents` writes it back verbatim).
- `events.kb_id` / `commitments.kb_id` name the knowledge-base item a report belongs to. Today every
  report is its own item; cross-document grouping only has to rewrite these columns.
- `failures` holds the inputs that currently fail, keyed by where they came from and the stage: a rerun
  replaces a row instead of adding one, and a document that later ingests cleanly removes its rows.
- Migrations run in order on open, each in its own transaction, and `schema_version` records each one;
  a store written by a newer pantau is refused rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    func,
    inspect,
    select,
    text,
)

from ..errors import ConfigError

metadata = MetaData()

Str = Text().with_variant(Text(collation="C"), "postgresql")
"""Text compared byte-wise on both backends: PostgreSQL's locale collations ignore punctuation, which would
misorder ISO dates of mixed precision (`2025-10~` vs `2025-10-15`) and make ids sort differently than in SQLite."""


def _doc_fk() -> Column:
    return Column("doc_id", Str, ForeignKey("documents.id"), primary_key=True)


def _evidence() -> list[Column]:
    return [Column("evidence_text", Text, nullable=False), Column("evidence_start", Integer, nullable=False),
            Column("evidence_end", Integer, nullable=False)]


schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Str, nullable=False),
    Column("applied_at", Str, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Str, primary_key=True),
    Column("url", Str),
    Column("title", Text),
    Column("language", Str),
    Column("published", Str),
    Column("published_from", Str),
    Column("text", Text, nullable=False),
    Column("content_hash", Str, nullable=False),
    Column("record", Text, nullable=False),
    Column("ingested_at", Str, nullable=False),
    Index("ix_documents_published", "published"),
    Index("ix_documents_language", "language"),
)

entities = Table(
    "entities", metadata,
    _doc_fk(),
    Column("entity_id", Str, primary_key=True),
    Column("type", Str, nullable=False),
    Column("name", Text, nullable=False),
    Column("country", Str),
    Column("roles", Str, nullable=False),
    Column("aliases", Str, nullable=False),
    Index("ix_entities_entity_id", "entity_id"),
    Index("ix_entities_type", "type"),
    Index("ix_entities_country", "country"),
)

mentions = Table(
    "mentions", metadata,
    _doc_fk(),
    Column("n", Integer, primary_key=True, autoincrement=False),
    Column("entity_id", Str, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_entity_id", "entity_id"),
)

events = Table(
    "events", metadata,
    _doc_fk(),
    Column("event_id", Str, primary_key=True),
    Column("kb_id", Str, nullable=False),
    Column("type", Str, nullable=False),
    Column("mode", Str),
    Column("contexts", Str, nullable=False),
    Column("date_start", Str),
    Column("date_end", Str),
    Column("location_name", Str),
    Column("location_country", Str),
    Column("mechanism", Str),
    Column("ordinal", Integer),
    *_evidence(),
    Index("ix_events_kb_id", "kb_id"),
    Index("ix_events_type_date_start", "type", "date_start"),
    Index("ix_events_date_start", "date_start"),
)

event_countries = Table(
    "event_countries", metadata,
    _doc_fk(),
    Column("event_id", Str, primary_key=True),
    Column("role", Str, primary_key=True),  # "actor" or "target"
    Column("country", Str, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("date_start", Str),  # the event's date_start, copied: several-country filters scan newest first
    Index("ix_event_countries_country_event", "country", "doc_id", "event_id"),
    Index("ix_event_countries_country_date", "country", "date_start"),
)

event_participants = Table(
    "event_participants", metadata,
    _doc_fk(),
    Column("event_id", Str, primary_key=True),
    Column("entity_id", Str, primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_event_participants_entity_id", "entity_id"),
)

commitments = Table(
    "commitments", metadata,
    _doc_fk(),
    Column("commitment_id", Str, primary_key=True),
    Column("kb_id", Str, nullable=False),
    Column("action", Text, nullable=False),
    Column("due_start", Str),
    Column("due_end", Str),
    Column("made_at", Str),
    *_evidence(),
    Index("ix_commitments_kb_id", "kb_id"),
    Index("ix_commitments_due_end", "due_end"),
)

commitment_parties = Table(
    "commitment_parties", metadata,
    _doc_fk(),
    Column("commitment_id", Str, primary_key=True),
    Column("country", Str, primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_commitment_parties_country", "country"),
)

figures = Table(
    "figures", metadata,
    _doc_fk(),
    Column("n", Integer, primary_key=True, autoincrement=False),
    Column("metric", Str),
    Column("value", Float, nullable=False),
    Column("unit", Str, nullable=False),
    Column("parties", Str, nullable=False),
    Column("period_start", Str),
    Column("period_end", Str),
    Column("change_pct", Float),
    *_evidence(),
    Index("ix_figures_metric", "metric"),
)

noise = Table(
    "noise", metadata,
    _doc_fk(),
    Column("n", Integer, primary_key=True, autoincrement=False),
    Column("kind", Str, nullable=False),
    Column("text", Text, nullable=False),
)

failures = Table(
    "failures", metadata,
    Column("source", Str, primary_key=True),
    Column("stage", Str, primary_key=True),
    Column("doc_id", Str),
    Column("error", Str, nullable=False),
    Column("message", Text, nullable=False),
    Column("recorded_at", Str, nullable=False),
    Index("ix_failures_doc_id", "doc_id"),
)

CHILD_TABLES: tuple[Table, ...] = (mentions, entities, event_countries, event_participants, events,
                                   commitment_parties, commitments, figures, noise)
"""Every table keyed by `doc_id`, children of a document (deleted before it is rewritten)."""


# --- cross-document knowledge (pantau.store.links; logic in pantau.crossdoc) --------------------------------

kb_reports = Table(
    "kb_reports", metadata,
    Column("kind", Str, primary_key=True),  # "event" or "commitment"
    Column("doc_id", Str, primary_key=True),
    Column("item_id", Str, primary_key=True),
    Column("payload", Text, nullable=False),  # what linking compares, as JSON
    Index("ix_kb_reports_doc_id", "doc_id"),
)

kb_slots = Table(
    "kb_slots", metadata,
    Column("slot", Str, primary_key=True),  # "E|TYPE|ISO3|YYYY-MM" or "C|TYPE|ISO3": where candidates are found
    Column("kind", Str, primary_key=True),
    Column("doc_id", Str, primary_key=True),
    Column("item_id", Str, primary_key=True),
    Index("ix_kb_slots_doc_id", "doc_id"),
)

kb_links = Table(
    "kb_links", metadata,
    Column("relation", Str, primary_key=True),  # same_event, same_commitment, fulfils, same_page
    Column("a_doc", Str, primary_key=True),
    Column("a_item", Str, primary_key=True),
    Column("b_doc", Str, primary_key=True),
    Column("b_item", Str, primary_key=True),
    Index("ix_kb_links_a_doc", "a_doc"),
    Index("ix_kb_links_b_doc", "b_doc"),
)

doc_fingerprints = Table(
    "doc_fingerprints", metadata,
    Column("doc_id", Str, primary_key=True),
    Column("words", Integer, nullable=False),
    Column("hashvalues", Text, nullable=False),  # the MinHash signature, JSON list of integers
)

doc_bands = Table(
    "doc_bands", metadata,
    Column("band_hash", BigInteger, primary_key=True, autoincrement=False),
    Column("doc_id", Str, primary_key=True),
    Index("ix_doc_bands_doc_id", "doc_id"),
)

doc_duplicates = Table(
    "doc_duplicates", metadata,
    Column("doc_id", Str, primary_key=True),
    Column("duplicate_of", Str, nullable=False),
    Index("ix_doc_duplicates_duplicate_of", "duplicate_of"),
)

kb_fulfilment = Table(
    "kb_fulfilment", metadata,
    Column("commitment_kb_id", Str, primary_key=True),
    Column("event_kb_id", Str, nullable=False),
)

mechanisms = Table(
    "mechanisms", metadata,
    Column("id", Str, primary_key=True),
    Column("name", Text, nullable=False),
    Column("countries", Str, nullable=False),  # JSON list of ISO3
)

mechanism_instances = Table(
    "mechanism_instances", metadata,
    Column("mechanism_id", Str, primary_key=True),
    Column("ref", Str, primary_key=True),  # a knowledge-base event or commitment id
    Column("kind", Str, nullable=False),  # "event" (held) or "commitment" (planned)
    Column("ordinal", Integer),
    Column("date", Str),
    Index("ix_mechanism_instances_ref", "ref"),
)

CROSSDOC_TABLES: tuple[Table, ...] = (kb_reports, kb_slots, kb_links, doc_fingerprints, doc_bands, doc_duplicates,
                                      kb_fulfilment, mechanisms, mechanism_instances)
"""Written by `pantau.store.links`: per-document index rows (reports, slots, fingerprints, bands, links) and
the groups recomputed from them at the end of each ingest run."""


@dataclass(slots=True, frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _create_v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[documents, *CHILD_TABLES, failures])


def _create_crossdoc(conn: Connection) -> None:
    metadata.create_all(conn, tables=list(CROSSDOC_TABLES))


def _event_query_indexes(conn: Connection) -> None:
    """The indexes `query.find_events` needs on a million events, in place of the two they supersede.

    `event_countries(country, doc_id, event_id)` makes the per-event country test one index probe (on
    `(country, role)` SQLite read every row of the country for each event: seconds on 100,000 events), and
    `events(type, date_start)` reads one type newest first instead of sorting every event of that type.
    Stores created at version 1 already have them (the tables declare them); this step upgrades older ones.
    """
    for old in ("ix_events_type", "ix_event_countries_country_role"):
        conn.execute(text(f"DROP INDEX IF EXISTS {old}"))
    for index in (*events.indexes, *event_countries.indexes):
        index.create(conn, checkfirst=True)


def _event_country_dates(conn: Connection) -> None:
    """Copy each event's `date_start` into its country rows and index `(country, date_start)`: a filter on
    several countries then reads one country's events newest first and stops at the limit, instead of
    intersecting two large country ranges. Stores created since declare the column; older ones get it here."""
    if "date_start" not in {c["name"] for c in inspect(conn).get_columns("event_countries")}:
        collate = ' COLLATE "C"' if conn.dialect.name == "postgresql" else ""
        conn.execute(text(f"ALTER TABLE event_countries ADD COLUMN date_start TEXT{collate}"))
        conn.execute(text("UPDATE event_countries SET date_start = (SELECT e.date_start FROM events e "
                          "WHERE e.doc_id = event_countries.doc_id AND e.event_id = event_countries.event_id)"))
    for index in event_countries.indexes:
        index.create(conn, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, entities, mentions, events, commitments, figures, noise, failures", _create_v1),
    Migration(2, "cross-document links: reports, slots, links, page fingerprints, duplicates, fulfilment, "
                 "mechanisms", _create_crossdoc),
    Migration(3, "indexes for filtered event queries: events(type, date_start), "
                 "event_countries(country, doc_id, event_id)", _event_query_indexes),
    Migration(4, "event_countries.date_start and its (country, date_start) index", _event_country_dates),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    """The newest migration applied to this store (0 for an empty database)."""
    schema_version.create(conn, checkfirst=True)
    return conn.execute(select(func.coalesce(func.max(schema_version.c.version), 0))).scalar_one()


def migrate(engine: Engine) -> int:
    """Apply the pending migrations in order, each in its own transaction; returns the schema version."""
    with engine.begin() as conn:
        version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise ConfigError(f"this store has schema version {version}, newer than this pantau understands "
                          f"({SCHEMA_VERSION}); upgrade pantau to read it")
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        with engine.begin() as conn:
            migration.apply(conn)
            conn.execute(schema_version.insert().values(
                version=migration.version, description=migration.description,
                applied_at=datetime.now(UTC).isoformat(timespec="seconds")))
    return SCHEMA_VERSION
