"""Stage `clean` (placeholder being replaced): reads doc.raw, writes doc.text, doc.title, doc.noise."""

from __future__ import annotations

from ..model import Document


class Cleaner:
    def __call__(self, doc: Document) -> Document:
        doc.text = doc.raw.strip()
        doc.url = doc.hints.url
        doc.title = doc.hints.title
        return doc
