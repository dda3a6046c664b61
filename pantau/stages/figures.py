"""Stage `figures` (placeholder being replaced): writes doc.figures."""

from __future__ import annotations

from ..model import Document


class FigureExtractor:
    def __call__(self, doc: Document) -> Document:
        return doc
