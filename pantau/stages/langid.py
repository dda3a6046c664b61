"""Stage `language` (placeholder being replaced): writes doc.language."""

from __future__ import annotations

from ..model import Document


class LanguageDetector:
    def __call__(self, doc: Document) -> Document:
        doc.language = doc.hints.language
        return doc
