"""Entity stage, people: untitled names, filters on model names, country attribution, repeated
mentions (own sentences, fictional people; real countries where the gazetteer must know them)."""

from __future__ import annotations

import pytest

from pantau.model import Document
from pantau.stages.entities import EntityRecognizer, headline_spans


@pytest.fixture(scope="module")
def stage() -> EntityRecognizer:
    return EntityRecognizer()


def people(stage: EntityRecognizer, text: str) -> dict[str, object]:
    doc = stage(Document(id="t", raw=text, text=text))
    return {e.name: e for e in doc.entities if e.type == "PERSON"}


def test_untitled_name_with_apposed_office_gets_role_and_country(stage):
    found = people(stage, "Orvak Tamsiri, juru bicara Kementerian Luar Negeri Vietnam, mengatakan hal itu.")
    person = found["Orvak Tamsiri"]
    assert person.roles == ["juru bicara Kementerian Luar Negeri Vietnam"]
    assert person.country == "VNM"


def test_role_country_is_not_the_destination(stage):
    found = people(stage, "Hadir pula Duta Besar Vietnam untuk Indonesia, Tran Vo Linh, dan Atase Pertahanan "
                          "RI di Vietnam, Kolonel Budi Santoso.")
    assert found["Tran Vo Linh"].country == "VNM"
    assert found["Budi Santoso"].country == "IDN"
    assert "Atase Pertahanan RI di Vietnam" in found["Budi Santoso"].roles


def test_place_in_a_role_gives_its_country(stage):
    found = people(stage, "Bapak Keo Lavong, Wakil Kepala Dinas Perdagangan Provinsi Attapeu, menyampaikan "
                          "bahwa perdagangan dengan Vietnam naik.")
    assert found["Keo Lavong"].country == "LAO"


def test_context_country_before_the_name_and_not_from_another_title(stage):
    found = people(stage, "Delegasi Laos dipimpin oleh Bounmy Sithong, sedangkan Perdana Menteri Kamboja "
                          "Hun Veth memimpin delegasi lainnya.")
    assert found["Bounmy Sithong"].country == "LAO"
    found = people(stage, "Kunjungan ini penting bagi Laos. Laos berharap banyak.\n\n"
                          "Presiden Orvak Tamsiri menyambut Perdana Menteri Kamboja Hun Veth ke Vietnam.")
    assert found["Orvak Tamsiri"].country == "LAO"  # neither the other's title nor the destination: the document's


def test_every_occurrence_of_a_full_name_is_a_mention_with_its_appositions(stage):
    text = ("Kemarin Ketua Senat Kamboja, Hun Veth, tiba di Vientiane.\n\n"
            "Hun Veth, yang juga menjabat sebagai Presiden Partai Rakyat Kamboja, berbicara kepada wartawan.")
    doc = stage(Document(id="t", raw=text, text=text))
    person = next(e for e in doc.entities if e.type == "PERSON")
    assert person.roles == ["Ketua Senat Kamboja", "Presiden Partai Rakyat Kamboja"]
    assert len([m for m in doc.mentions if m.entity_id == person.id]) == 2


def test_title_inside_an_organisation_name_makes_no_person(stage):
    found = people(stage, "Sidang General Border Committee Malaysia-Indonesia digelar di Kuala Lumpur.")
    assert found == {}


@pytest.mark.parametrize(("text", "candidate", "expected"), [
    ("Pasukan berjaga di Phu Lamo sejak pagi.", "Phu Lamo", None),
    ("Under the Joint Statement, both sides agreed.", "Joint Statement", None),
    ("Kerja sama di Asia Tenggara terus tumbuh.", "Asia Tenggara", None),
    ("Kerja sama Zembla-Kamboja terus tumbuh.", "Zembla-Kamboja", None),
    ("The visit of Orvak Tamsiri's delegation ended.", "Orvak Tamsiri's", "Orvak Tamsiri"),
    ("Kemarin Orvak Tamsiri Minggu bertolak.", "Orvak Tamsiri Minggu", "Orvak Tamsiri"),
    ("Menurut Orvak Tamsiri, situasi aman.", "Menurut Orvak Tamsiri", "Orvak Tamsiri"),
])
def test_candidate_names_are_trimmed_or_rejected(stage, text, candidate, expected):
    s = text.index(candidate)
    span = stage._name_span(text, s, s + len(candidate))
    assert (text[span[0] : span[1]] if span else None) == expected


def test_a_wrapped_prose_line_is_not_a_headline() -> None:
    text = "Letnan Kolonel Orvak Tamsiri, Komandan Pos Lamo, menyampaikan bahwa wilayah yang dijaganya aman\n"
    assert headline_spans(text) == []
