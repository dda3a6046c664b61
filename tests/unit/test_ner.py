"""The CRF named-entity recogniser: tokenizer offsets, packaged-model spot checks, training command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pantau.ner import NerModel, _sentences, _word_features, sentence_features, spans_from_tags, tokenize
from tests.conftest import shared_path

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def model() -> NerModel:
    return NerModel.load()


@pytest.mark.parametrize("text", [
    "Kerugian mencapai Rp 9,5 miliar dan 2.300 warga mengungsi (24/8/2014).",
    "Ketua Umum PDI-P, Megawati, menyebut negara-negara ASEAN \"siap\" — kata A.S. di Kompas.com.",
    "  Ja'far   tiba pukul 16.20 WIB;\n\nlalu pergi ke-80 kali…",
    "",
])
def test_tokenize_offsets_cover_the_text(text: str) -> None:
    tokens = tokenize(text)
    assert all(text[s:e] == tok for tok, s, e in tokens)
    assert "".join(tok for tok, _, _ in tokens) == "".join(text.split())


def test_tokenize_keeps_numbers_and_hyphenated_words_whole() -> None:
    words = [tok for tok, _, _ in tokenize("Rp 9,5 miliar, 2.300 orang, PDI-P dan negara-negara (KPK).")]
    assert words == ["Rp", "9,5", "miliar", ",", "2.300", "orang", ",", "PDI-P", "dan", "negara-negara",
                     "(", "KPK", ")", "."]


def test_spans_from_tags_starts_a_span_at_a_stray_inside_tag() -> None:
    assert spans_from_tags(["I-LOC", "B-PERSON", "I-PERSON", "O", "I-ORG", "I-LOC"]) == [
        (0, 1, "LOC"), (1, 3, "PERSON"), (4, 5, "ORG"), (5, 6, "LOC")]


def _entities(model: NerModel, text: str) -> set[tuple[str, str]]:
    return {(text[s:e], label) for s, e, label in model.find(text)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Presiden Joko Widodo meninjau lokasi banjir di Semarang pada Senin pagi.",
     {("Joko Widodo", "PERSON"), ("Semarang", "LOC")}),
    ("Menurut Kapolri Jenderal Listyo Sigit Prabowo, pelaku ditangkap di Makassar.",
     {("Listyo Sigit Prabowo", "PERSON"), ("Makassar", "LOC")}),
    ("Komisi Pemberantasan Korupsi memeriksa bupati itu di Jakarta.",
     {("Komisi Pemberantasan Korupsi", "ORG"), ("Jakarta", "LOC")}),
])
def test_find_obvious_entities(model: NerModel, text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _entities(model, text)


def test_find_spans_point_into_the_text(model: NerModel) -> None:
    text = "Ia berkata.\nBambang Susanto lahir di Surabaya dan bekerja di Bank Indonesia."
    for start, end, label in model.find(text):
        assert text[start:end] == text[start:end].strip() and label in {"PERSON", "ORG", "LOC"}
    assert model.predict([]) == []


def test_sentences_with_nothing_new_to_name_are_not_tagged(model: NerModel) -> None:
    text = "Presiden Joko Widodo meninjau lokasi banjir di Semarang pada Senin pagi."
    assert model.find(text)
    first = text.index("Presiden")
    assert model.find(text, [(first, text.index(" meninjau")), (text.index("Semarang"), text.index(" pada")),
                             (text.index("Senin"), text.index(" pagi"))]) == []
    assert model.find("Ia berkata bahwa banjir sudah surut.") == []


def test_sentences_split_the_tokens_at_line_breaks_and_full_stops() -> None:
    text = "Dr. Ilsa Darnowi tiba.  Ia lalu pergi!\nBaris baru tanpa titik\n\n  Lagi? Ya."
    sentences = _sentences(text)
    assert [tok for sentence in sentences for tok in sentence] == tokenize(text)
    assert [" ".join(tok for tok, _, _ in s) for s in sentences] == [
        "Dr . Ilsa Darnowi tiba .", "Ia lalu pergi !", "Baris baru tanpa titik", "Lagi ?", "Ya ."]


def test_feature_cache_does_not_change_the_tags(model: NerModel) -> None:
    """The model's cached features (only its own attributes, as bytes) tag as the full training features
    do, with a cold and a warm cache."""
    sentences = [
        ["Menteri", "Pertahanan", "Velmora", ",", "Oskar", "Tamsiri", ",", "tiba", "di", "Poipet", "."],
        ["Kompi", "Penjaga", "Perbatasan", "216", "berpatroli", "di", "Selvarin", "bersama", "Ilsa", "."],
        ["Oskar", "Tamsiri", "bertemu", "Xqzv-Wplk", "di", "Kota", "Halmara", "pada", "24/8/2014", "."],
    ]
    full = [list(model.tagger.tag(sentence_features(words))) for words in sentences]
    assert [model.predict(words) for words in sentences] == full
    assert [model.predict(words) for words in sentences] == full
    assert any(tag != "O" for tags in full for tag in tags)
    own = model.word_features("Velmora")[0]
    assert b"b" in own and b"w=velmora" not in own  # the bias is an attribute, the invented word is not
    assert set(own) <= {f.encode() for f in _word_features("Velmora")[0]}


def test_training_command_runs_end_to_end(tmp_path: Path) -> None:
    data = shared_path("data", "idner-news-2k")
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "train_ner.py"), "--sample", "200",
         "--data", str(data.parent), "--out-dir", str(tmp_path)],
        capture_output=True, text=True, check=True, timeout=300,
    )
    assert "overall" in result.stdout
    meta = json.loads((tmp_path / "ner-crf.json").read_text(encoding="utf-8"))
    assert meta["training_sentences"] == 200
    assert 0.0 < meta["test_scores"]["overall"]["f1"] <= 1.0
    trained = NerModel.load(tmp_path / "ner-crf.model")
    assert len(trained.predict(["Joko", "Widodo", "ke", "Bandung", "."])) == 5
