"""Stage `published` (placeholder being replaced): writes doc.published."""

from __future__ import annotations

from ..model import Document, Published


class PublicationDater:
    def __call__(self, doc: Document) -> Document:
        if doc.hints.published:
            doc.published = Published(doc.hints.published, "input")
        return doc
