"""The library API: extract, extract_many and the public names."""

from __future__ import annotations

import pantau
from pantau.model import Document


def test_public_names_are_exported() -> None:
    for name in pantau.__all__:
        assert hasattr(pantau, name), name


def test_extract_plain_text(pipeline) -> None:
    doc = pantau.extract("Delegasi Laos tiba di Phnom Penh untuk pembicaraan pertahanan.", pipeline=pipeline)
    assert isinstance(doc, Document) and doc.raw_kind == "text"
    assert "Phnom Penh" in doc.text and doc.failures == []


def test_extract_html_page(pipeline) -> None:
    html = ("<html><head><title>Kunjungan</title></head><body><article><p>"
            + "Delegasi Laos tiba di Phnom Penh untuk pembicaraan pertahanan dengan pejabat Kamboja. " * 3
            + "</p></article></body></html>")
    doc = pantau.extract(html, url="https://example.org/2025/10/14/kunjungan", pipeline=pipeline)
    assert doc.raw_kind == "html" and "Phnom Penh" in doc.text and "<p>" not in doc.text


def test_extract_with_published_hint(pipeline) -> None:
    doc = pantau.extract("Kedua menteri bertemu kemarin di Hanoi.", published="2025-10-14", pipeline=pipeline)
    assert doc.published is not None and doc.published.date == "2025-10-14" and doc.published.source == "input"


def test_extract_many_keeps_going_past_a_bad_record(pipeline) -> None:
    docs = list(pantau.extract_many([{"id": "a", "text": "Menteri bertemu di Hanoi."}, {"id": "b"}, "Teks polos."],
                                    pipeline=pipeline))
    assert [d.id for d in docs] == ["a", "b", "doc-3"]
    assert docs[0].failures == [] and docs[2].failures == []
    assert docs[1].failures[0].stage == "input" and "neither 'text' nor 'html'" in docs[1].failures[0].message
