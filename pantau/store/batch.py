"""Feed inputs through extraction into the single writer, in order, optionally extracting in N processes.

Decisions:

- Inputs are taken in batches: input errors are recorded at once, documents whose stored content hash
  matches are skipped without being extracted, and the rest are extracted (in this process, or spread over
  a process pool with `jobs > 1`) and written back in input order. The order of writes, and so the store,
  does not depend on `jobs`.
- Workers only extract; the parent process is the one writer (SQLite allows one, and one writer keeps
  the skip/replace decision free of races). Each worker builds the pipeline once
  (`pantau.api.default_pipeline`).
- Workers are spawned, not forked: a fork copies the parent's threads' locks (the language detector
  runs a thread pool once loaded) and a child can deadlock on one.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from itertools import islice

from ..errors import InputError
from ..model import Document
from .ingest import Outcome, StoreWriter, content_hash

BATCH = 64
Extract = Callable[[Document], Document]


def _extract_in_worker(doc: Document) -> Document:
    from ..api import default_pipeline

    doc = default_pipeline()(doc)
    doc.raw = ""  # the writer needs the result only; do not ship the page back
    return doc


def ingest_items(items: Iterable[Document | InputError], writer: StoreWriter, *, extract: Extract | None = None,
                 jobs: int = 1) -> Iterator[Outcome]:
    """Store every item; yields one Outcome per input, in input order within each batch. With `jobs == 1`
    documents go through `extract` (default: the standard pipeline) in this process. When every input is
    done, the cross-document groups are refreshed (`StoreWriter.finish`)."""
    it = iter(items)
    run = extract or _extract_in_worker
    with ExitStack() as stack:
        pool = stack.enter_context(multiprocessing.get_context("spawn").Pool(jobs)) if jobs > 1 else None
        while batch := list(islice(it, BATCH)):
            todo: list[tuple[Document, str]] = []
            for item in batch:
                if isinstance(item, InputError):
                    yield writer.record_input_error(item)
                    continue
                digest = content_hash(item)
                if writer.stored_hash(item.id) == digest:
                    yield Outcome("skipped", item.id, item.origin or item.id, warnings=tuple(item.warnings))
                else:
                    todo.append((item, digest))
            docs = [doc for doc, _ in todo]
            done = pool.map(_extract_in_worker, docs, chunksize=max(1, len(docs) // (4 * jobs))) if pool \
                else map(run, docs)
            for doc, (_, digest) in zip(done, todo, strict=True):
                yield writer.write(doc, digest)
    writer.finish()
