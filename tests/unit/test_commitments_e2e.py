"""Commitments through the whole pipeline (`pantau.api.extract`), on our own short texts."""

from __future__ import annotations

from pantau.api import extract
from pantau.model import DateSpan
from pantau.pipeline import Pipeline

ID_TEXT = (
    "Menteri Pertahanan Indonesia dan Menteri Pertahanan Malaysia bertemu di Kuala Lumpur pada Selasa (9/8/2022).\n\n"
    "Dalam pertemuan itu, kedua negara sepakat untuk membentuk satuan tugas bersama dan menggelar patroli "
    "terkoordinasi di Selat Malaka.\n\n"
    "Kedua negara juga akan terus mempererat hubungan bilateral.\n\n"
    "Pertemuan berikutnya dijadwalkan akan diadakan di Jakarta pada Maret 2023."
)


def test_indonesian_agreement_and_schedule(pipeline: Pipeline) -> None:
    doc = extract(ID_TEXT, published="2022-08-10", pipeline=pipeline)
    actions = [c.action for c in doc.commitments]
    assert actions[:2] == ["membentuk satuan tugas bersama", "menggelar patroli terkoordinasi di Selat Malaka"]
    assert all(set(c.parties) == {"IDN", "MYS"} for c in doc.commitments[:2])
    assert not any("mempererat" in c.action for c in doc.commitments)
    assert doc.commitments[-1].due == DateSpan("2023-03", "2023-03")
    assert [c.id for c in doc.commitments] == [f"c{i}" for i in range(1, len(doc.commitments) + 1)]
    for c in doc.commitments:
        assert doc.text[c.evidence.start:c.evidence.end] == c.evidence.text


def test_english_commitments_and_vague_intentions(pipeline: Pipeline) -> None:
    text = ("Thailand and Cambodia held talks in Bangkok on Monday.\n\n"
            "The two sides agreed to reopen the border checkpoint and will exchange liaison officers next month.\n\n"
            "Both countries will continue to strengthen their friendship.")
    doc = extract(text, published="2025-03-03", pipeline=pipeline)
    assert [c.action for c in doc.commitments] == ["reopen the border checkpoint",
                                                   "exchange liaison officers next month"]
    assert all(set(c.parties) == {"THA", "KHM"} for c in doc.commitments)
    assert doc.commitments[1].due == DateSpan("2025-04", "2025-04")
