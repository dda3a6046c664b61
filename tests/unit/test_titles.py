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


def test_name_after_a_comma_following_a_complete_office(grammar):
    assert people(grammar, "Dalam pertemuan itu, Perdana Menteri Zembla, Orvak Tamsiri, berbicara.") == [
        ("Orvak Tamsiri", ["Perdana Menteri Zembla"])]


def test_dan_between_two_named_titles_makes_two_people(grammar):
    text = "Presiden Zembla Arno Vitel dan Presiden Laos Pirot Kanh bertemu di istana."
    assert people(grammar, text) == [("Arno Vitel", ["Presiden Zembla"]), ("Pirot Kanh", ["Presiden Laos"])]


def test_dan_between_offices_keeps_one_chain(grammar):
    text = "Sekretaris Jenderal dan Presiden Zembla, Lemo Vantasi, hadir."
    assert people(grammar, text) == [("Lemo Vantasi", ["Sekretaris Jenderal dan Presiden Zembla"])]


def test_malay_particle_inside_a_name_is_kept(grammar):
    assert people(grammar, "Menteri Pertahanan Datuk Seri Kamal Tun Razali hadir.") == [
        ("Kamal Tun Razali", ["Menteri Pertahanan"])]


def test_bracketed_acronym_stays_in_the_role(grammar):
    assert people(grammar, "Menteri Pertahanan (Menhan) Zembla Orvak Tamsiri tiba.") == [
        ("Orvak Tamsiri", ["Menteri Pertahanan (Menhan) Zembla"])]


def test_honorific_part_is_a_surname_not_a_title(grammar):
    assert people(grammar, "Wakil Perdana Menteri Lim Tan Vek menerima tamu.")[0][0] == "Lim Tan Vek"


def test_weekday_after_a_name_is_not_part_of_it(grammar):
    assert people(grammar, "Perdana Menteri Zembla Orvak Tamsiri Minggu bertolak ke Laos.")[0][0] == "Orvak Tamsiri"


def test_possessive_is_not_part_of_the_name(grammar):
    assert people(grammar, "Prime Minister Orvak Tamsiri's visit ended.")[0][0] == "Orvak Tamsiri"


def test_several_appositions_and_a_stop_at_the_next_person(grammar):
    text = ("Jenderal Kuno Basri, anggota Politbiro, Wakil Perdana Menteri, Menteri Pertahanan Nasional; "
            "dan Jenderal Pirot Kanh, Kepala Staf Umum.")
    hits = grammar.find(text)
    phrases = grammar.persons(text, hits)
    named = frozenset(p.title_start for p in phrases)
    first = phrases[0]
    assert grammar.apposition(text, first.name_end, hits, named) == [
        "anggota Politbiro", "Wakil Perdana Menteri", "Menteri Pertahanan Nasional"]


def test_apposition_does_not_take_the_next_persons_title(grammar):
    text = "Hadir Mr. Arno Vitel, Atase Pertahanan Zembla di Laos, Kolonel Pirot Kanh, dan lainnya."
    hits = grammar.find(text)
    phrases = grammar.persons(text, hits)
    named = frozenset(p.title_start for p in phrases)
    by_name = {text[p.name_start : p.name_end]: p for p in phrases}
    assert grammar.apposition(text, by_name["Arno Vitel"].name_end, hits, named) == []
    assert by_name["Pirot Kanh"].roles == ["Atase Pertahanan Zembla di Laos", "Kolonel"]


def test_organisation_name_masks_the_rank_inside_it(grammar):
    text = "Kepala Biro Humas Sekretariat Jenderal Kementerian Pertahanan Zembla Brigjen TNI Budi Santoso hadir."
    assert people(grammar, text) == [
        ("Budi Santoso", ["Kepala Biro Humas Sekretariat Jenderal Kementerian Pertahanan Zembla", "Brigjen TNI"])]


def test_untitled_name_before_an_apposed_office(grammar):
    text = "Orvak Tamsiri, juru bicara Kementerian Luar Negeri Zembla, mengatakan hal itu."
    spans = grammar.apposed_names(text, grammar.find(text), frozenset())
    assert [text[s:e] for s, e in spans] == ["Orvak Tamsiri"]
