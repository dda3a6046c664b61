"""Properties of the `clean` stage: idempotence, and content sentences always survive."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.model import Document
from pantau.stages.clean import Cleaner

CLEANER = Cleaner()

WORDS = ("kerja", "sama", "pertahanan", "perbatasan", "menteri", "negara", "latihan", "gabungan",
         "patroli", "bersama", "delegasi", "bertemu", "membahas", "keamanan", "wilayah", "provinsi",
         "sepakat", "meningkatkan", "hubungan", "kedua", "pihak", "the", "ministers", "agreed", "border",
         "talks", "on", "komentar", "sumber", "foto", "slot", "baca", "2025", "5", "Vietnam", "Laos")
FURNITURE = ("Baca juga: Berita lain", "Komentar (0)", "[iklan_2]", "ADVERTISEMENT", "Sumber",
             "Lebih baru Lebih lama", "Daftar Garuda777 mudah", "16 November 2024 15:25 WIB",
             "Kabarasia24", "Berita Lainnya", "Foto: AFP", "Jakarta -", "(ant)", "|", "Bagikan")


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=6, max_size=18))
    return " ".join(words).capitalize() + "."  # a short "?"/"!" line under "Berita Lainnya" is a headline


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, list[str]]:
    content = draw(st.lists(sentences(), min_size=1, max_size=6))
    lines: list[str] = []
    for sentence in content:
        lines.extend(draw(st.lists(st.sampled_from(FURNITURE), max_size=2)))
        lines.append(sentence)
    lines.extend(draw(st.lists(st.sampled_from(FURNITURE), max_size=3)))
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
    return separator.join(lines), content


def run(raw: str) -> Document:
    return CLEANER(Document(id="p", raw=raw))


@settings(max_examples=200, deadline=None)
@given(pages())
def test_cleaning_the_clean_text_changes_nothing(page: tuple[str, list[str]]) -> None:
    first = run(page[0])
    again = run(first.text)
    assert again.text == first.text
    assert again.noise == []


@settings(max_examples=200, deadline=None)
@given(pages())
def test_every_content_sentence_survives(page: tuple[str, list[str]]) -> None:
    text = " ".join(run(page[0]).text.split())
    for sentence in page[1]:
        assert sentence in text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_cleaned_idempotently(raw: str) -> None:
    first = run(raw)
    assert run(first.text).text == first.text
