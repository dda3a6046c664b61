"""Entity stage on own sentences: merging, acronyms, country attribution, places, ids."""

from __future__ import annotations

import pytest

from pantau.linking import attach_short, entity_id, person_key, slug
from pantau.model import Document
from pantau.stages.entities import EntityRecognizer


@pytest.fixture(scope="module")
def stage() -> EntityRecognizer:
    return EntityRecognizer()


def run(stage: EntityRecognizer, text: str) -> Document:
    return stage(Document(id="t", raw=text, text=text))


def by_type(doc: Document, kind: str) -> dict[str, object]:
    return {e.name: e for e in doc.entities if e.type == kind}


def test_ids_are_stable_slugs():
    assert slug("Tây Ninh") == "tay-ninh"
    assert entity_id("PERSON", "Orvak Tamsiri") == "person:orvak-tamsiri"


def test_short_mentions_join_the_single_longer_name():
    keys = [person_key("Orvak Tamsiri"), person_key("Tamsiri"), person_key("Lemo")]
    owner = attach_short(keys)
    assert owner[person_key("Tamsiri")] == person_key("Orvak Tamsiri")
    assert owner[person_key("Lemo")] == person_key("Lemo")


def test_person_merged_with_roles_and_country_from_role(stage):
    doc = run(stage, "Perdana Menteri Kamboja Orvak Tamsiri tiba di Hanoi pada Senin.\n\n"
                     "Dalam kunjungan itu, Jenderal Orvak menyampaikan pidato.")
    people = by_type(doc, "PERSON")
    assert list(people) == ["Orvak Tamsiri"]
    person = people["Orvak Tamsiri"]
    assert person.country == "KHM"
    assert "Perdana Menteri Kamboja" in person.roles
    assert person.id == "person:orvak-tamsiri"
    assert len([m for m in doc.mentions if m.entity_id == person.id]) == 2


def test_menhan_ri_gives_indonesia(stage):
    doc = run(stage, "Menhan RI Baskoro Wiratmaja menerima delegasi dari Laos.")
    assert by_type(doc, "PERSON")["Baskoro Wiratmaja"].country == "IDN"


def test_acronym_in_brackets_is_an_alias(stage):
    doc = run(stage, "Wakil dari Partai Rakyat Kamboja (PRKX) hadir. Juru bicara PRKX menolak berkomentar.")
    orgs = by_type(doc, "ORG")
    org = orgs["Partai Rakyat Kamboja"]
    assert org.aliases == ["PRKX"]
    assert org.country == "KHM"
    assert "PRKX" not in orgs
    assert len([m for m in doc.mentions if m.entity_id == org.id]) == 3  # long form, bracket, later use


def test_generic_ministry_is_not_an_entity(stage):
    doc = run(stage, "Kedua kementerian sepakat memperkuat kerja sama.")
    assert by_type(doc, "ORG") == {}


def test_countries_in_both_languages_and_never_locations(stage):
    doc = run(stage, "Tiongkok dan Amerika Serikat bertemu. China and the United States met in Viet Nam.")
    countries = {e.country for e in doc.entities if e.type == "COUNTRY"}
    assert countries == {"CHN", "USA", "VNM"}
    assert not by_type(doc, "LOCATION")
    assert by_type(doc, "COUNTRY")["Tiongkok"].id == "country:CHN"


def test_province_form_and_place_country(stage):
    doc = run(stage, "Latihan digelar di Provinsi Kampong Chhnang, Kamboja.")
    place = by_type(doc, "LOCATION")["Kampong Chhnang"]
    assert place.country == "KHM"


def test_mentions_point_into_text(stage):
    doc = run(stage, "Presiden Zembla Arnok Trevas tiba di Phnom Penh.")
    assert doc.mentions
    assert all(doc.text[m.start : m.end] == m.text and m.entity_id for m in doc.mentions)


def test_headline_lines_are_found_and_prose_is_not() -> None:
    from pantau.stages.entities import headline_spans

    text = ("Menhan Zembla Kunjungi Orvak, Sepakati Patroli Bersama\n\n"
            "Menteri Pertahanan Zembla tiba di Orvak pada Senin.\n"
            "Kerja Sama Lintas Sektor\n")
    spans = [text[s:e] for s, e in headline_spans(text)]
    assert spans == ["Menhan Zembla Kunjungi Orvak, Sepakati Patroli Bersama", "Kerja Sama Lintas Sektor"]


def test_no_person_is_taken_from_a_headline(stage: EntityRecognizer) -> None:
    doc = run(stage, "Menhan Zembla Kunjungi Orvak Baru\n\nMenteri Pertahanan Zembla, Jenderal Tamsir Ovakov, "
                     "tiba di kota itu pada Senin.")
    names = [e.name for e in doc.entities if e.type == "PERSON"]
    assert "Kunjungi Orvak Baru" not in names and "Tamsir Ovakov" in names


def test_a_country_naming_a_currency_is_not_a_country_mention(stage: EntityRecognizer) -> None:
    doc = run(stage, "Perdagangan Vietnam dan Laos mencapai 2 miliar dolar AS tahun ini.")
    assert set(by_type(doc, "COUNTRY")) == {"Vietnam", "Laos"}


def test_one_id_per_entity_even_when_two_places_share_a_name() -> None:
    from pantau.model import Entity
    from pantau.stages.entities import _unique_ids

    city = Entity("location:klow", "LOCATION", "Klow", "SYL")
    regency = Entity("location:klow", "LOCATION", "Klow", None, aliases=["Kabupaten Klow"])
    other = Entity("location:szohod", "LOCATION", "Szohod", "BRD")
    merged = _unique_ids([city, regency, other])
    assert [e.id for e in merged] == ["location:klow", "location:szohod"]
    assert merged[0].country == "SYL" and merged[0].aliases == ["Kabupaten Klow"]
