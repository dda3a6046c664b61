"""Stage `sentences` (placeholder being replaced): writes doc.sentences."""

from __future__ import annotations

import re

from ..model import Document, Sentence


def split_sentences(text: str) -> list[Sentence]:
    return [Sentence(m.start(), m.end()) for m in re.finditer(r"[^\n.!?]+[.!?]*", text) if m.group().strip()]


def split_sentences_stage(doc: Document) -> Document:
    doc.sentences = split_sentences(doc.text)
    return doc
