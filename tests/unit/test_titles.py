"""Title grammar: ranks, offices and honorifics around names (own sentences, fictional people)."""

from __future__ import annotations

import pytest

from pantau.orgs import OrgLexicon
from pantau.titles import TitleGrammar

VOCAB = OrgLexicon.load()
COUNTRIES = {"Kamboja", "Laos", "RI", "Thai", "Vietnam", "Zembla"}


@pytest.fixture(scope="module")
def grammar() -> TitleGrammar:
    return TitleGrammar.load(lambda w: VOCAB.is_vocab(w) or w in COUNTRIES, lambda w: w in COUNTRIES)


def people(grammar: TitleGrammar, text: str) -> list[tuple[str, list[str]]]:
    hits = grammar.find(text)
    return [(text[p.name_start : p.name_end], p.roles + grammar.apposition(text, p.name_end, hits))
            for p in grammar.persons(text, hits)]


def test_office_with_country_then_name(grammar):
    assert people(grammar, "Kemarin Perdana Menteri Zembla Orvak Tamsiri tiba di bandara.") == [
        ("Orvak Tamsiri", ["Perdana Menteri Zembla"])]


def test_office_comma_rank_name(grammar):
    text = "Kepala Staf Umum Tentara Rakyat Zembla, Jenderal Pirot Valemsak, hadir."
    assert people(grammar, text) == [("Pirot Valemsak", ["Kepala Staf Umum Tentara Rakyat Zembla", "Jenderal"])]


def test_rank_keeps_demonym_like_first_name(grammar):
    assert people(grammar, "Letnan Jenderal Thai Kor Bemu berbicara.")[0][0] == "Thai Kor Bemu"


def test_english_title_with_bracketed_rank_tag(grammar):
    text = "Zembla Defence Minister Gen (Rtd) Arnok Trevas said on Monday."
    name, roles = people(grammar, text)[0]
    assert name == "Arnok Trevas"
    assert roles == ["Zembla Defence Minister", "Gen (Rtd)"]


def test_honorific_is_stripped_not_a_role(grammar):
    assert people(grammar, "Samdech Velo Marin menerima tamu.") == [("Velo Marin", [])]


def test_apposition_after_name(grammar):
    text = "Dalam pertemuan itu, Jenderal Kuno Basri, yang juga menjabat sebagai Ketua Partai Rakyat Zembla, berbicara."
    assert people(grammar, text) == [("Kuno Basri", ["Jenderal", "Ketua Partai Rakyat Zembla"])]


def test_no_name_means_no_person(grammar):
    assert people(grammar, "Menteri Pertahanan Zembla tidak hadir.") == []
