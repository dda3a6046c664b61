"""Gazetteer: country aliases, place matching, common-word stoplist, resolution, and the build script.

All sentences are written for these tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pantau.gazetteer import Gazetteer, fold_text

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Kamboja", "KHM"),
        ("Kerajaan Kamboja", "KHM"),
        ("Cambodia", "KHM"),
        ("Kingdom of Cambodia", "KHM"),
        ("Tiongkok", "CHN"),
        ("China", "CHN"),
        ("Cina", "CHN"),
        ("RRT", "CHN"),
        ("Republik Rakyat Tiongkok", "CHN"),
        ("Amerika Serikat", "USA"),
        ("AS", "USA"),
        ("United States", "USA"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("Filipina", "PHL"),
        ("Philippines", "PHL"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Laos", "LAO"),
        ("RDR Laos", "LAO"),
        ("Republik Demokratik Rakyat Laos", "LAO"),
        ("Lao PDR", "LAO"),
        ("Myanmar", "MMR"),
        ("Burma", "MMR"),
        ("Timor Leste", "TLS"),
        ("Timor-Leste", "TLS"),
        ("Inggris", "GBR"),
        ("Britania Raya", "GBR"),
        ("Korea Selatan", "KOR"),
        ("Rusia", "RUS"),
        ("RI", "IDN"),
        ("Republic of Korea", "KOR"),
    ],
)
def test_country_forms_map_to_iso3(gaz: Gazetteer, name: str, iso3: str) -> None:
    assert gaz.country_code(name) == iso3


def test_country_code_unknown_and_case_sensitive_abbreviation(gaz: Gazetteer) -> None:
    assert gaz.country_code("Atlantis") is None
    assert gaz.country_code("as") is None
    assert gaz.country_code("KHM") == "KHM"


def test_demonyms_are_marked_as_demonyms(gaz: Gazetteer) -> None:
    found = gaz.find_countries(
        "The Vietnamese and Cambodian envoys met Thai officers; tentara Thailand hadir."
    )
    assert [(m.text, m.kind, m.iso3) for m in found] == [
        ("Vietnamese", "demonym", "VNM"),
        ("Cambodian", "demonym", "KHM"),
        ("Thai", "demonym", "THA"),
        ("Thailand", "name", "THA"),
    ]


def test_as_only_as_capitalised_token(gaz: Gazetteer) -> None:
    text = "Roda berputar pada as yang patah, sementara kapal AS merapat dan AS-nya menolak."
    found = [(m.text, m.start) for m in gaz.find_countries(text)]
    assert found == [("AS", text.index("AS ")), ("AS", text.index("AS-nya"))]


def test_offsets_point_into_original_text(gaz: Gazetteer) -> None:
    text = "Delegasi dari Republik Demokratik Rakyat Laos tiba."
    (match,) = gaz.find_countries(text)
    assert text[match.start : match.end] == match.text == "Republik Demokratik Rakyat Laos"


def test_fold_is_length_preserving() -> None:
    text = "Tây Ninh, Đà Nẵng – Timor-Leste"
    assert len(fold_text(text)) == len(text)
    assert fold_text(text) == "tay ninh, da nang   timor leste"


def test_diacritic_folding_and_province_prefix(gaz: Gazetteer) -> None:
    for text in (
        "Latihan digelar di Tay Ninh.",
        "Latihan digelar di Tây Ninh.",
        "Latihan di Provinsi Tây Ninh.",
    ):
        (match,) = gaz.find_places(text)
        assert match.place is not None and match.place.country == "VNM" and "Ninh" in match.text
    (match,) = gaz.find_places("Patroli di Provinsi Tây Ninh berlanjut.")
    assert match.text == "Provinsi Tây Ninh" and match.place.type == "province"


def test_indonesian_regency_forms(gaz: Gazetteer) -> None:
    (match,) = gaz.find_places("Banjir melanda Kabupaten Aceh Selatan pekan lalu.")
    assert match.text == "Kabupaten Aceh Selatan"
    assert match.place.type == "regency" and match.place.country == "IDN"
    (match,) = gaz.find_places("Floods hit West Java again.")
    assert match.place.name == "Jawa Barat"


def test_transliteration_variant_from_data(gaz: Gazetteer) -> None:
    (match,) = gaz.find_places("Pertemuan berlangsung di Champassak.")
    assert match.iso3 == "LAO"


def test_capital_is_flagged_and_preferred(gaz: Gazetteer) -> None:
    place = gaz.resolve("Vientiane", set())
    assert place is not None and place.capital and place.type == "city" and place.country == "LAO"


def test_ambiguity_resolved_by_document_countries(gaz: Gazetteer) -> None:
    ambiguous = [
        k
        for k in ("Kampong Cham", "Bandung", "San Jose", "Victoria", "Georgia")
        if len({p.country for p in _candidates(gaz, k)}) > 1
    ]
    assert ambiguous, "expected at least one place name shared across countries"
    name = ambiguous[0]
    countries = sorted({p.country for p in _candidates(gaz, name)})
    for iso3 in countries[:2]:
        assert gaz.resolve(name, {iso3}).country == iso3


def test_find_places_uses_countries_in_text(gaz: Gazetteer) -> None:
    countries = sorted({p.country for p in _candidates(gaz, "Victoria")})
    assert len(countries) > 1
    for iso3 in countries[:2]:
        (match,) = gaz.find_places("Kapal patroli Kamboja berlabuh di Victoria.", countries_in_doc={iso3})
        assert match.place.country == iso3 and match.ambiguous


def test_common_words_give_no_place(gaz: Gazetteer) -> None:
    text = "Tidak ada alasan agar bulan depan Anda menunda rapat, kata dia, yang juga tinggi hati."
    assert gaz.find_places(text) == []


def test_proper_mode_word_needs_capital_mid_sentence(gaz: Gazetteer) -> None:
    assert gaz.find_places("Rumah itu di medan yang sulit.") == []
    (match,) = gaz.find_places("Pesawat mendarat di Medan kemarin.")
    assert match.text == "Medan" and match.iso3 == "IDN"


def test_word_boundaries(gaz: Gazetteer) -> None:
    assert gaz.find_countries("Penerbangan Laosian dan Irania tidak ada.") == []
    assert gaz.find_places("Kata Vientianeku bukan nama.") == []


def test_leftmost_longest(gaz: Gazetteer) -> None:
    (match,) = gaz.find_countries("Republik Rakyat Tiongkok menolak.")
    assert match.text == "Republik Rakyat Tiongkok"


def _candidates(gaz: Gazetteer, name: str) -> tuple:
    found = gaz.find_places(f"Di {name} ramai.", countries_in_doc=set())
    return found[0].candidates if found else ()


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data (source data for the build) is missing")
def test_build_script_on_real_data(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "build_gazetteer.py"),
            "--shared",
            str(SHARED_DATA),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert "place aliases" in result.stdout
    built = Gazetteer.load(tmp_path)
    assert built.country_code("Kamboja") == "KHM"
    for name in ("countries.tsv", "places.tsv.gz", "place-aliases.tsv.gz", "GAZETTEER-ATTRIBUTION.md"):
        assert (tmp_path / name).read_bytes() == (REPO / "pantau" / "data" / name).read_bytes(), name
