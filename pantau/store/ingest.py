"""The single writer: stores one extracted Document (or one input failure) per transaction.

Decisions:

- Identity is the document id; "same content" is the SHA-256 of what the input gave (raw text or HTML,
  its kind and the input hints), not of the extraction result. An unchanged input is therefore skipped
  before it is extracted again, and a rerun after a crash redoes only what was not committed.
- Same id with another content replaces the stored document: its child rows are deleted and rewritten in
  the same transaction as the new document row, so a reader never sees half of either.
- The skip/replace decision is taken inside the writing transaction (not only in the early check), so two
  inputs with the same id in one run resolve exactly as they would in two runs.
- A document is stored even when a stage failed on it (its record carries `failures`, like `extract`
  output), and its failures are written to `failures`. Storing a document clears the failure rows of its
  id and of its input location, so `failures` lists what fails now, not every past attempt.
- Cross-document links (`pantau.store.links`) are indexed in the document's own transaction, and the groups
  are refreshed by `finish()` at the end of a run (a killed run leaves links that the next run's `finish`
  turns into groups).
- A document the database refuses (an integrity error: two events with one id, say) is not stored; that is
  recorded as a failure of the `store` stage, and the run goes on.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Connection, Engine, delete, insert, or_, select
from sqlalchemy.exc import DataError, IntegrityError

from ..errors import InputError
from ..model import Document
from . import schema
from .links import Linker
from .rows import document_rows

OutcomeKind = Literal["stored", "replaced", "skipped", "failed"]


@dataclass(slots=True, frozen=True)
class Outcome:
    """What happened to one input: `errors` is non-empty when the input or a stage failed."""

    kind: OutcomeKind
    doc_id: str | None
    source: str
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def content_hash(doc: Document) -> str:
    """SHA-256 of the input as given: raw content, its kind and every input hint."""
    h = doc.hints
    payload = [doc.raw_kind, doc.raw, h.url, h.title, h.published, h.language, h.html]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _source(doc: Document) -> str:
    return doc.origin or doc.id


class StoreWriter:
    """Writes documents and failures; one instance per run, used from one process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.linker = Linker()

    def finish(self) -> None:
        """Recompute the cross-document groups from the links (end of a run)."""
        with self.engine.begin() as conn:
            self.linker.refresh(conn)

    def stored_hash(self, doc_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(schema.documents.c.content_hash)
                                .where(schema.documents.c.id == doc_id)).scalar_one_or_none()

    def write(self, doc: Document, digest: str) -> Outcome:
        """Store `doc` (extracted) unless the same content is already stored under its id."""
        warnings = tuple(doc.warnings)
        errors = tuple(f.message for f in doc.failures)
        try:
            with self.engine.begin() as conn:
                old = conn.execute(select(schema.documents.c.content_hash)
                                   .where(schema.documents.c.id == doc.id)).scalar_one_or_none()
                if old == digest:
                    return Outcome("skipped", doc.id, _source(doc), warnings=warnings)
                if old is not None:
                    self.linker.unindex(conn, doc.id)
                    for table in (*schema.CHILD_TABLES, schema.documents):
                        key = table.c.id if table is schema.documents else table.c.doc_id
                        conn.execute(delete(table).where(key == doc.id))
                now = _now()
                for table, rows in document_rows(doc, digest, now).items():
                    if rows:
                        conn.execute(insert(table), rows)
                self.linker.index(conn, doc)
                conn.execute(delete(schema.failures).where(
                    or_(schema.failures.c.doc_id == doc.id, schema.failures.c.source == _source(doc))))
                for f in doc.failures:
                    self._put_failure(conn, _source(doc), f.stage, doc.id, f.error, f.message)
        except (IntegrityError, DataError) as exc:
            message = f"{_source(doc)}: document {doc.id!r} could not be stored: {exc.orig}"
            self.record_failure(_source(doc), "store", doc.id, type(exc.orig).__name__, message)
            return Outcome("failed", doc.id, _source(doc), (*errors, message), warnings)
        return Outcome("stored" if old is None else "replaced", doc.id, _source(doc), errors, warnings)

    def record_input_error(self, err: InputError) -> Outcome:
        source = err.path if err.line is None else f"{err.path}:{err.line}"
        self.record_failure(source, "input", None, "InputError", str(err))
        return Outcome("failed", None, source, (str(err),))

    def record_failure(self, source: str, stage: str, doc_id: str | None, error: str, message: str) -> None:
        with self.engine.begin() as conn:
            self._put_failure(conn, source, stage, doc_id, error, message)

    @staticmethod
    def _put_failure(conn: Connection, source: str, stage: str, doc_id: str | None, error: str,
                     message: str) -> None:
        f = schema.failures
        conn.execute(delete(f).where(f.c.source == source, f.c.stage == stage))
        conn.execute(insert(f).values(source=source, stage=stage, doc_id=doc_id, error=error, message=message,
                                      recorded_at=_now()))
