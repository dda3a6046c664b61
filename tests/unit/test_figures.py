"""Stage `figures`: quantities with units, in base units, with evidence, metric, change and period."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.model import DateSpan, Document, Entity, Mention, Published, Sentence
from pantau.stages.figures import FigureExtractor

EXTRACT = FigureExtractor()


def _doc(text: str, *, published: str | None = None, sentences: bool = True) -> Document:
    doc = Document(id="t", raw=text, text=text)
    if sentences:
        spans = re.finditer(r"\S[^\n]*?(?:[.!?](?=\s|$)|$)", text)
        doc.sentences = [Sentence(m.start(), m.end()) for m in spans]
    if published:
        doc.published = Published(published, "input")
    return doc


def _figures(text: str, **kw) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in EXTRACT(_doc(text, **kw)).figures]


def _one(text: str, **kw):
    figures = EXTRACT(_doc(text, **kw)).figures
    assert len(figures) == 1, figures
    return figures[0]


# -- numbers and units -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nilai kontrak itu 7 miliar dolar AS.", (7e9, "USD")),
        ("Ekspor naik menjadi 2,75 miliar dolar AS.", (2.75e9, "USD")),
        ("Dana hibah sebesar Rp 3 triliun disalurkan.", (3e12, "IDR")),
        ("Biayanya Rp4,8 miliar saja.", (4.8e9, "IDR")),
        ("Tiket dijual Rp 150.000 per lembar.", (150000, "IDR")),
        ("The loan is worth US$2.4 billion.", (2.4e9, "USD")),
        ("Tokyo offered $450 million for the port.", (4.5e8, "USD")),
        ("Nilai impor mencapai 6,2 miliar USD.", (6.2e9, "USD")),
        ("Kontrak senilai USD 1,5 juta ditandatangani.", (1.5e6, "USD")),
        ("Proyek itu bernilai 900 juta baht.", (9e8, "THB")),
        ("Sewa lahan 20 juta riel per tahun.", (2e7, "KHR")),
        ("Paket senilai RM 60 juta disetujui.", (6e7, "MYR")),
        ("Harga naik 30 ribu dong.", (30000, "VND")),
        ("Pangsa pasarnya 17,5% tahun ini.", (17.5, "%")),
        ("Inflasi tercatat 4,25 persen.", (4.25, "%")),
        ("Turnout reached 61.8 percent.", (61.8, "%")),
        ("Jalan itu sepanjang 340 kilometer.", (340, "km")),
        ("The fence runs 48km along the river.", (48, "km")),
        ("Jalur patroli 96 km di hutan.", (96, "km")),
        ("Kawasan hutan seluas 1.250 hektare dilindungi.", (1250, "ha")),
        ("Bantuan beras 40 ton dikirim.", (40, "ton")),
        ("Zona itu seluas 85 km persegi.", (85, "km2")),
    ],
)
def test_money_percent_and_measures(text: str, expected: tuple[float, str]) -> None:
    (value, unit), = _figures(text)
    assert value == pytest.approx(expected[0])
    assert unit == expected[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sebanyak 35 WNI dipulangkan pekan ini.", (35, "WNI")),
        ("Polisi menangkap 64 orang di pelabuhan.", (64, "orang")),
        ("Sekitar 412.500 orang kehilangan rumah.", (412500, "orang")),
        ("Lebih dari 2,5 juta warga terdampak.", (2.5e6, "warga")),
        ("Hampir 150 ribu pengungsi tiba.", (150000, "pengungsi")),
        ("Tujuh orang hilang di laut.", (7, "orang")),
        ("Dua puluh tiga prajurit dilatih di sana.", (23, "prajurit")),
        ("Kedua pihak membangun 58 proyek baru.", (58, "proyek")),
        ("Mereka melakukan 140 patroli gabungan.", (140, "patroli")),
        ("Petugas memeriksa 2.030 kendaraan.", (2030, "kendaraan")),
        ("Sebanyak 12 pos baru dibuka.", (12, "pos")),
        ("More than 3,200 troops joined the drill.", (3200, "troops")),
        ("Officials said 26 Thai soldiers were wounded.", (26, "soldiers")),
        ("The ministry counted 19 new cases.", (19, "cases")),
    ],
)
def test_counts(text: str, expected: tuple[float, str]) -> None:
    assert _figures(text) == [expected]


def test_orang_before_a_people_noun_counts_that_noun() -> None:
    assert _figures("Bantuan diberikan kepada 6 orang WNI.") == [(6, "WNI")]


def test_partitive_counts_the_part_not_the_restated_total() -> None:
    text = "Sebanyak 40 warga dipulangkan. Dari jumlah itu, 31 dari 40 WNI sudah sehat."
    assert _figures(text) == [(40, "warga"), (31, "WNI")]


def test_scaled_number_without_unit_takes_the_currency_of_its_sentence() -> None:
    assert _figures("Nilainya naik dari 3 miliar menjadi 4 miliar dolar AS.") == [(3e9, "USD"), (4e9, "USD")]


def test_scaled_number_without_any_currency_is_dropped() -> None:
    assert _figures("Angkanya sekitar 3 miliar.") == []


def test_repeated_figure_is_kept_once() -> None:
    text = "Sebanyak 35 WNI tiba. Ke-35 WNI itu sehat. Kemlu memulangkan 35 WNI."
    assert _figures(text) == [(35, "WNI")]


# -- traps ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Perjanjian itu diteken pada 2019.",
        "Pada tahun 2031 kerja sama diperbarui.",
        "Pertemuan digelar 9 Maret di Hanoi.",
        "Menlu tiba pada Senin (21/4/2025) sore.",
        "Rombongan mendarat pukul 09.45 WIB.",
        "Diperbarui 11:32 WIB.",
        "Ini adalah pertemuan ke-9 kedua menteri.",
        "Pertemuan yang pertama digelar tahun lalu.",
        "It was the 5th round of talks.",
        "Untuk keenam kalinya mereka bertemu.",
        "Prayuth, 68, tidak hadir.",
        "Komandan Brigade 12 memberi arahan.",
        "Markas Batalyon Infanteri 303 dikunjungi.",
        "Tanda Batas 58 diperiksa ulang.",
        "Sidang ke-35 komite digelar.",
        "Main di Garuda777 sekarang juga.",
        "Pandemi COVID-19 menunda latihan.",
        "Hubungi 0813-2222-9090 untuk info.",
        "Mereka sepakat satu hal penting.",
        "Dua pemimpin negara hadir.",
        "Kedua negara sepakat berdamai.",
        "Ia hanya makan sebutir nasi.",
        "Seorang WNI dibebaskan.",
        "Tiga pemimpin bertemu di Vientiane.",
        "Latihan berlangsung selama empat hari.",
        "The two provinces signed a memorandum.",
        "Officials met three times in 48 hours.",
        "Mereka bertemu dalam 4 tahun terakhir.",
    ],
)
def test_not_figures(text: str) -> None:
    assert _figures(text) == []


# -- context -------------------------------------------------------------------------------------

def test_evidence_is_the_sentence_with_exact_offsets() -> None:
    text = "Pembukaan acara. Omzet perdagangan mencapai 3,1 miliar dolar AS. Penutup."
    doc = EXTRACT(_doc(text))
    ev = doc.figures[0].evidence
    assert ev.text == "Omzet perdagangan mencapai 3,1 miliar dolar AS."
    assert doc.text[ev.start : ev.end] == ev.text


def test_evidence_falls_back_to_the_line() -> None:
    text = "Judul\nPatroli gabungan menempuh 210 km di perbatasan\nPenutup"
    figure = EXTRACT(_doc(text, sentences=False)).figures[0]
    assert figure.evidence.text == "Patroli gabungan menempuh 210 km di perbatasan"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Omzet perdagangan kedua negara mencapai 2 miliar dolar AS.", "trade_turnover"),
        ("Total nilai ekspor dan impor mencapai 3,3 miliar USD.", "trade_turnover"),
        ("Two-way trade reached $800 million.", "trade_turnover"),
        ("Modal terdaftar mencapai 1,2 miliar dolar AS.", "investment"),
        ("Perbatasan kedua negara membentang 230 kilometer.", "border_length"),
        ("The two sides share a border line of 64km.", "border_length"),
        ("Sebanyak 17 orang tewas dalam serangan itu.", "casualties"),
        ("Sekitar 5.000 warga mengungsi ke kota.", "displaced"),
        ("Latihan itu melibatkan 650 tentara.", "participants"),
        ("Sebanyak 22 WNI dipulangkan dari Myanmar.", "repatriated"),
        ("Ekonomi tumbuh 5,1% tahun ini.", "growth"),
        ("Anggaran dipangkas, turun 8%.", "decline"),
        ("Laporan itu menyebut 12 kendaraan.", None),
    ],
)
def test_metric(text: str, metric: str | None) -> None:
    assert _one(text).metric == metric


def test_each_count_takes_the_verb_of_its_own_clause() -> None:
    doc = EXTRACT(_doc("Sedikitnya 9 orang tewas dan 2.400 orang mengungsi."))
    assert [f.metric for f in doc.figures] == ["casualties", "displaced"]


def test_change_pct_applies_to_the_money_figure() -> None:
    doc = EXTRACT(_doc("Nilai perdagangan mencapai 4 miliar dolar AS, meningkat 12,5% dibanding 2023."))
    money, pct = doc.figures
    assert (money.value, money.change_pct) == (4e9, 12.5)
    assert (pct.value, pct.unit, pct.metric, pct.change_pct) == (12.5, "%", "growth", None)


def test_change_pct_is_negative_for_a_decline_and_can_precede_the_amount() -> None:
    doc = EXTRACT(_doc("Ekspor turun 6% menjadi 900 juta dolar AS."))
    assert [(f.unit, f.change_pct) for f in doc.figures] == [("%", None), ("USD", -6.0)]


def test_english_decline() -> None:
    doc = EXTRACT(_doc("Exports fell to $1.1 billion, down 3% on the year."))
    assert doc.figures[0].change_pct == -3.0


def test_period_from_the_clause() -> None:
    text = "Omzet mencapai 5 miliar dolar AS dalam 6 bulan pertama tahun 2024."
    doc = EXTRACT(_doc(text, published="2024-08-01"))
    assert doc.figures[0].period == DateSpan("2024-01", "2024-06")


def test_period_year_and_comparison_base() -> None:
    doc = EXTRACT(_doc("Perdagangan 3 miliar dolar AS pada tahun 2021, naik 9% dibandingkan tahun 2020."))
    money, pct = doc.figures
    assert money.period == DateSpan("2021", "2021")
    assert pct.period == DateSpan("2021", "2021")  # the change's period, not its comparison base


def test_period_from_a_sentence_opening_adverbial() -> None:
    doc = EXTRACT(_doc("Dalam periode 2015-2019, nilai investasi mencapai 2 miliar USD."))
    assert doc.figures[0].period == DateSpan("2015", "2019")


def test_rate_is_not_a_period() -> None:
    assert _one("Perdagangan rata-rata 700 juta USD per tahun.").period is None


def test_parties_are_the_countries_mentioned_in_the_sentence() -> None:
    text = "Perdagangan Laos dan Thailand mencapai 2 miliar dolar AS. Myanmar tidak hadir."
    doc = _doc(text)
    doc.entities = [
        Entity("country:LAO", "COUNTRY", "Laos", country="LAO"),
        Entity("country:THA", "COUNTRY", "Thailand"),
        Entity("country:MMR", "COUNTRY", "Myanmar", country="MMR"),
        Entity("person:x", "PERSON", "Somchai", country="THA"),
    ]
    for name, eid in [("Laos", "country:LAO"), ("Thailand", "country:THA"), ("Myanmar", "country:MMR")]:
        start = text.index(name)
        doc.mentions.append(Mention(start, start + len(name), name, "COUNTRY", eid))
    assert EXTRACT(doc).figures[0].parties == ["LAO", "THA"]


def test_no_entities_no_parties() -> None:
    assert _one("Perdagangan mencapai 2 miliar dolar AS.").parties == []


# -- properties ----------------------------------------------------------------------------------

@given(st.integers(min_value=2, max_value=10**9), st.integers(min_value=1, max_value=10**6))
def test_larger_number_written_the_same_way_gives_larger_value(a: int, step: int) -> None:
    b = a + step
    for written in (lambda n: f"{n:,}".replace(",", ".") + " orang", lambda n: f"{n:,} people"):
        (va, _), = _figures(f"Tercatat {written(a)} hadir.")
        (vb, _), = _figures(f"Tercatat {written(b)} hadir.")
        assert vb > va
