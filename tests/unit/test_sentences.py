"""The Indonesian-aware sentence splitter: abbreviations, numbers, quotes, line breaks."""

from __future__ import annotations

import pytest

from pantau.model import Document
from pantau.stages.sentences import split_sentences, split_sentences_stage


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_plain_sentences() -> None:
    assert sentences("Menteri tiba di Hanoi. Ia disambut wakil menteri. Kunjungan berlangsung dua hari.") == [
        "Menteri tiba di Hanoi.",
        "Ia disambut wakil menteri.",
        "Kunjungan berlangsung dua hari.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Rombongan dipimpin Letjen. Andi Wirawan dari Mabes TNI.",
        "Ia bertemu Mayjen. Budi, Brigjen. Candra dan Kol. Dedi di markas.",
        "Upacara dihadiri Jend. Eko serta Dr. Fitri dan Prof. Dr. Gani.",
        "Surat No. 12 dikirim ke Jl. Merdeka pada tgl. 5 Maret.",
        "Harga naik menjadi Rp. 15.000 per kilogram.",
        "Delegasi disambut H.E. Tran Van Hoa a.n. pemerintah Vietnam.",
        "Mr. Smith flew from Washington, D.C. to the U.S. base in Guam.",
        "Tn. Harun dan Ny. Sari tinggal di St. Louis bersama Sdr. Iwan.",
        "Lihat hlm. 4 untuk tabel senjata, amunisi, dll. yang diserahkan.",
        "Pernyataan itu dibacakan A. Brao di depan wartawan.",
    ],
)
def test_abbreviations_do_not_end_sentences(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Korban tercatat 681.332 orang hingga pukul 16.20 WIB kemarin.",
        "Anggaran naik 2,5 persen menjadi Rp 2.000 triliun tahun ini.",
    ],
)
def test_numbers_with_dots_and_commas(text: str) -> None:
    assert sentences(text) == [text]


def test_closing_quote_belongs_to_its_sentence() -> None:
    text = "Ia menyebut hubungan kedua negara sebagai prioritas.” Hun Sen lalu berpamitan."
    assert sentences(text) == [
        "Ia menyebut hubungan kedua negara sebagai prioritas.”",
        "Hun Sen lalu berpamitan.",
    ]


def test_opening_quote_starts_next_sentence() -> None:
    text = 'Menteri itu tersenyum. "Kami siap bekerja sama," katanya.'
    assert sentences(text) == ["Menteri itu tersenyum.", '"Kami siap bekerja sama," katanya.']


def test_quotation_with_attribution_stays_one_sentence() -> None:
    text = "“Perbatasan harus damai. Tidak ada ruang untuk konflik,” ujar jenderal itu. Rapat ditutup."
    assert sentences(text) == [
        "“Perbatasan harus damai. Tidak ada ruang untuk konflik,” ujar jenderal itu.",
        "Rapat ditutup.",
    ]


def test_question_exclamation_and_ellipsis() -> None:
    text = "Apakah latihan ditunda? Tidak! Persiapan berlanjut... Semua siap... dan menunggu."
    assert sentences(text) == [
        "Apakah latihan ditunda?",
        "Tidak!",
        "Persiapan berlanjut...",
        "Semua siap... dan menunggu.",
    ]


def test_question_inside_quote_before_lowercase_attribution() -> None:
    text = '"Kapan patroli dimulai?" tanya wartawan. Juru bicara menjawab singkat.'
    assert sentences(text) == ['"Kapan patroli dimulai?" tanya wartawan.', "Juru bicara menjawab singkat."]


def test_line_breaks_and_blank_lines_are_hard_boundaries() -> None:
    text = "Judul Berita Tanpa Titik\n\nParagraf pertama di sini. Kalimat kedua.\nBaca Juga: Berita Lain\n"
    assert sentences(text) == [
        "Judul Berita Tanpa Titik",
        "Paragraf pertama di sini.",
        "Kalimat kedua.",
        "Baca Juga: Berita Lain",
    ]


def test_postpositive_abbreviation_before_a_capital_ends_the_sentence() -> None:
    text = "Bantuan berupa tenda, selimut, dll. Semuanya tiba kemarin."
    assert sentences(text) == ["Bantuan berupa tenda, selimut, dll.", "Semuanya tiba kemarin."]


def test_company_names_stay_whole() -> None:
    text = "Kontrak diteken PT Pindad Tbk. (PNDD) dan Sarawak Energy Sdn. Bhd. pekan lalu."
    assert sentences(text) == [text]


def test_numbered_list_items() -> None:
    assert sentences("1. Patroli bersama di laut.\n2. Latihan gabungan.") == [
        "1. Patroli bersama di laut.",
        "2. Latihan gabungan.",
    ]


def test_glued_sentence_from_scraping() -> None:
    text = "Pertemuan selesai.Kemudian delegasi pulang."
    assert sentences(text) == ["Pertemuan selesai.", "Kemudian delegasi pulang."]


def test_spans_are_trimmed_offsets() -> None:
    text = "  Satu kalimat.   Dua kalimat.  \n"
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(2, 15), (18, 30)]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


def test_stage_fills_doc_sentences() -> None:
    doc = Document(id="t", raw="", text="Satu. Dua.")
    assert split_sentences_stage(doc) is doc
    assert [doc.text[s.start : s.end] for s in doc.sentences] == ["Satu.", "Dua."]
