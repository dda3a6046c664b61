"""Entity stage, organisations: where names end, generic units, nested and merged names, English
extensions (own sentences, fictional bodies)."""

from __future__ import annotations

import pytest

from pantau.model import Document
from pantau.stages.entities import EntityRecognizer


@pytest.fixture(scope="module")
def stage() -> EntityRecognizer:
    return EntityRecognizer()


def orgs(stage: EntityRecognizer, text: str) -> dict[str, object]:
    doc = stage(Document(id="t", raw=text, text=text))
    return {e.name: e for e in doc.entities if e.type == "ORG"}


def test_dan_before_a_title_ends_the_name(stage):
    found = orgs(stage, "Ia pernah menjabat Panglima Angkatan Darat dan Wakil Panglima Tertinggi Angkatan "
                        "Bersenjata Kerajaan Kamboja.")
    assert "Angkatan Bersenjata Kerajaan Kamboja" in found
    assert not any(" dan Wakil" in name for name in found)


def test_a_country_ends_the_name(stage):
    found = orgs(stage, "Hadir Direktur Kementerian Luar Negeri Vietnam Tran Vo Linh dan pasukan Tentara "
                        "Kerajaan Kamboja Kamboja.")
    assert {"Kementerian Luar Negeri Vietnam", "Tentara Kerajaan Kamboja"} <= set(found)
    assert found["Kementerian Luar Negeri Vietnam"].country == "VNM"


def test_dan_after_a_country_or_a_province_starts_a_new_phrase(stage):
    found = orgs(stage, "Latihan Angkatan Darat Vietnam dan Laos diikuti Komando Penjaga Perbatasan provinsi "
                        "Lamo dan Veth.")
    assert "Angkatan Darat Vietnam" in found
    assert not any(name.endswith("dan Laos") or name.endswith("dan Veth") for name in found)


def test_generic_units_are_not_entities(stage):
    assert orgs(stage, "Para Penjaga Perbatasan dan Komando Umum siaga.") == {}


def test_unit_and_inner_name_are_one_organisation(stage):
    found = orgs(stage, "Kompi Penjaga Perbatasan 417 berpatroli. Penjaga Perbatasan 417 melapor.")
    assert list(found) == ["Kompi Penjaga Perbatasan 417"]
    assert found["Kompi Penjaga Perbatasan 417"].aliases == ["Penjaga Perbatasan 417"]


def test_kantor_prefix_names_the_inner_organisation(stage):
    assert list(orgs(stage, "Mereka dibawa ke Kantor Departemen Anti Penyelundupan Zembla.")) == [
        "Departemen Anti Penyelundupan Zembla"]


@pytest.mark.parametrize(("text", "name"), [
    ("A statement by the Ministry of Foreign Affairs and International Cooperation said so.",
     "Ministry of Foreign Affairs and International Cooperation"),
    ("Officers of the Royal Gendarmerie of Cambodia joined the patrol.", "Royal Gendarmerie of Cambodia"),
    ("According to an article on Cambodia's Lamo News website, the talks went well.", "Lamo News"),
])
def test_english_names_extend_over_of_country_and_and(stage, text, name):
    assert name in orgs(stage, text)


def test_known_abbreviation_joins_its_expansion(stage):
    found = orgs(stage, "Kementerian Luar Negeri (Kemlu) RI menyatakan 20 WNI selamat. Kemlu terus memantau.")
    assert list(found) == ["Kementerian Luar Negeri"]


def test_stop_word_does_not_open_an_english_name(stage):
    text = "Kerja sama itu dibahas dalam Pertemuan General Border Committee di Lamo."
    doc = stage(Document(id="t", raw=text, text=text))
    assert [e.name for e in doc.entities if e.type == "ORG"] == ["General Border Committee"]
    assert not [e for e in doc.entities if e.type == "PERSON"]


def test_demonym_prefixed_english_name_is_the_same_organisation(stage):
    found = orgs(stage, "The Cambodian Ministry of Foreign Affairs and International Cooperation said the "
                        "Ministry of Foreign Affairs and International Cooperation would host the talks.")
    assert list(found) == ["Cambodian Ministry of Foreign Affairs and International Cooperation"]
