"""The fast paths of the entity stage give the results of the plain ones: phrase matching without regex
alternations, literal search without per-name regexes, the per-document and per-instance caches.

All sentences are written for these tests (fictional people and places).
"""

from __future__ import annotations

import re

import pytest

from pantau.gazetteer import PhraseMatcher, fold_text, word_bounded
from pantau.model import Document
from pantau.stages.entities import _ADMIN, EntityRecognizer, _occurrences


@pytest.fixture(scope="module")
def stage() -> EntityRecognizer:
    return EntityRecognizer()


def run(stage: EntityRecognizer, text: str) -> Document:
    return stage(Document(id="t", raw=text, text=text))


def _regex_spans(phrases: list[str], before: str, after: str, text: str) -> list[tuple[int, int]]:
    """The regex the phrase matcher stands for: alternatives longest first, word look-arounds."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w{re.escape(before)}])(?:{alternatives})(?![\w{re.escape(after)}])")
    return [m.span() for m in pattern.finditer(text)]


PHRASES = ["Menteri", "Menteri Luar Negeri", "Wakil Menteri", "Luar", "Dr.", "Pak", "Negeri Tamaran"]
TEXTS = [
    "Wakil Menteri Luar Negeri Tamaran, Pak Oskar, bertemu Menteri Luar Negeri Velmora.",
    "Menterinya absen; pra-Menteri dan Menteri-menteri tidak dihitung, Dr. Ilsa hadir, Dr.X tidak.",
    "Menteri'nya, _Menteri, Menteri_ dan Menteri’ bukan jabatan; Pak Pak Pakde.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(("before", "after"), [("", ""), ("'’", "'’-"), ("-", "-")])
def test_phrase_matcher_finds_what_the_regex_alternation_finds(text: str, before: str, after: str) -> None:
    matcher = PhraseMatcher(PHRASES, word_bounded(before=before, after=after))
    assert matcher.find(text) == _regex_spans(PHRASES, before, after, text)


def test_phrase_matcher_prefers_the_longest_valid_phrase_then_moves_past_it() -> None:
    matcher = PhraseMatcher(["Menteri", "Menteri Luar Negeri", "Luar Negeri"], word_bounded())
    text = "Menteri Luar Negeri Velmora dan Menteri Luar Negerinya"
    assert [text[s:e] for s, e in matcher.find(text)] == ["Menteri Luar Negeri", "Menteri"]


def test_phrase_matcher_without_phrases_finds_nothing() -> None:
    assert PhraseMatcher([], word_bounded()).find("Menteri Tamaran") == []


@pytest.mark.parametrize("needle", ["Oskar Velmo", "PKTX", "a"])
def test_occurrences_match_the_bounded_literal_regex(needle: str) -> None:
    text = "Oskar Velmo, Oskar Velmo-nya, Oskar Velmoan, xOskar Velmo dan PKTX PKTX-2 (PKTX) a aa a."
    valid = word_bounded(before="'’-", after="'’-")
    pattern = re.compile(r"(?<![\w'’-])" + re.escape(needle) + r"(?![\w'’-])")
    assert _occurrences(text, needle, valid) == [m.span() for m in pattern.finditer(text)]


def test_fold_text_is_unchanged_by_the_full_table() -> None:
    text = "Tây Ninh — Đà Nẵng, Timor-Leste\tdan “Kota” Zürich"
    assert fold_text(text) == "tay ninh   da nang, timor leste dan “kota” zurich"
    assert len(fold_text(text)) == len(text)


TEXT = (
    "Menteri Luar Negeri Laos Oskar Velmo tiba di Hanoi pada Senin.\n\n"
    "Velmo bertemu Ilsa Darnowi, juru bicara Kementerian Pertahanan Vietnam, di Provinsi Quang Tri.\n\n"
    "Menurut Oskar Velmo, patroli bersama di Kota Halmara akan dimulai pada Maret."
)


def _summary(doc: Document) -> tuple[list[tuple[str, str, str | None, list[str]]], list[tuple[int, int, str]]]:
    return ([(e.id, e.name, e.country, e.roles) for e in doc.entities],
            [(m.start, m.end, m.entity_id or "") for m in doc.mentions])


def test_caches_do_not_change_results(stage: EntityRecognizer) -> None:
    """The same text gives the same entities with cold and warm caches, and after other texts."""
    first = _summary(run(stage, TEXT))
    run(stage, "Presiden Velmora Arno Kestrel menerima Duta Besar Tamaran untuk Velmora di Istana.")
    assert _summary(run(stage, TEXT)) == first
    assert _summary(run(EntityRecognizer(), TEXT)) == first
    people = {name: country for _, name, country, _ in first[0]}
    assert people["Oskar Velmo"] == "LAO" and "Ilsa Darnowi" in people


@pytest.mark.parametrize("text", [
    "Banjir di Kabupaten Selvarin Barat dan kota Halmara, Desa Tamu-Rindang serta Kotamadya Ulm.",
    "Xkota Halmara, provinsi Kota Baru Selvarin Utara Jauh dan kecamatan kecil di Komune Oster.",
    "Floods hit Selvarin Province and Kabupaten Mardoka, then the Halmara district.",
])
def test_administrative_names_are_the_regex_matches(stage: EntityRecognizer, text: str) -> None:
    assert stage._admin_names(text) == [m.span(1 if m.group(1) else 2) for m in _ADMIN.finditer(text)]


def test_place_after_an_administrative_word_before_or_after_the_name(stage: EntityRecognizer) -> None:
    """The administrative grammar has a cheap path for texts without "province"/"district"; both paths
    find names before and after the word."""
    before = run(stage, "Banjir melanda Kabupaten Selvarin pekan lalu.")
    after = run(stage, "Floods hit Selvarin Province and Kabupaten Mardoka last week.")
    assert "Selvarin" in {e.name for e in before.entities if e.type == "LOCATION"}
    assert {"Selvarin", "Mardoka"} <= {e.name for e in after.entities if e.type == "LOCATION"}
