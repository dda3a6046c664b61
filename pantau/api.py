"""The library API: `extract` for one text or page, `extract_many` for a batch of input records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from .errors import InputError
from .inputs import looks_like_html, record_to_document
from .model import Document, InputHints, StageFailure
from .pipeline import Pipeline, build_pipeline


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The standard pipeline, built once per process: its models and lexicons are read-only."""
    return build_pipeline()


def extract(text_or_html: str, url: str | None = None, published: str | None = None, *,
            doc_id: str = "doc", pipeline: Pipeline | None = None) -> Document:
    """Extract one document from plain text or an HTML page.

    Example:
        >>> doc = pantau.extract("JAKARTA, Kamis (14/10/2025) - Menteri Luar Negeri ...")
        >>> doc.published.date, doc.language
    """
    kind = "html" if looks_like_html(text_or_html) else "text"
    doc = Document(id=doc_id, raw=text_or_html, raw_kind=kind, hints=InputHints(url=url, published=published))
    return (pipeline or default_pipeline())(doc)


def extract_many(records: Iterable[Mapping[str, Any] | str], *, pipeline: Pipeline | None = None) -> Iterator[Document]:
    """Extract input records (dicts as in the output contract's input section, or plain strings).

    A record that cannot be read is yielded as a Document whose `failures` says why, so a batch
    never stops on one bad record.
    """
    pipe = pipeline or default_pipeline()
    for n, rec in enumerate(records, start=1):
        if isinstance(rec, str):
            rec = {"text": rec} if not looks_like_html(rec) else {"html": rec}
        try:
            doc = record_to_document(dict(rec) if isinstance(rec, Mapping) else rec, default_id=f"doc-{n}",
                                     origin=f"record {n}", where=f"record {n}")
        except InputError as err:
            rid = rec.get("id") if isinstance(rec, Mapping) else None
            failed = Document(id=str(rid if rid is not None else f"doc-{n}"), raw="")
            failed.failures.append(StageFailure("input", "InputError", str(err)))
            yield failed
            continue
        yield pipe(doc)
