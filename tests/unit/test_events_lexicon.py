"""The event trigger lexicon and its matcher, and the stage on a real-country sentence through the
whole pipeline (our own sentence; the gazetteer knows these countries)."""

from __future__ import annotations

from pantau.events.series import series_of
from pantau.events.triggers import EVENT_TYPES, TriggerLexicon, load_forms
from pantau.model import Document
from pantau.pipeline import Pipeline


def test_lexicon_covers_all_sixteen_types_with_modes() -> None:
    forms = load_forms()
    assert {f.type for f in forms} == EVENT_TYPES
    assert all(f.mode and f.form == f.form.strip() for f in forms)
    keys = [" ".join(f.form.lower().split()) for f in forms]
    assert len(keys) == len(set(keys)), "a form is listed twice"


def test_matcher_prefers_the_longest_form_and_inflections() -> None:
    lexicon = TriggerLexicon(load_forms())
    text = "Latihan militer gabungan dimulai; pemulangannya lancar; mereka menandatangani MoU dan berkunjung."
    found = [(t.text, t.form.type, t.form.mode) for t in lexicon.find(text)]
    assert found == [
        ("Latihan militer gabungan", "COOPERATE", "exercise"),
        ("pemulangannya", "AID", "repatriation"),
        ("menandatangani", "AGREE", "signing"),
        ("berkunjung", "CONSULT", "visit"),
    ]


def test_matcher_needs_whole_words() -> None:
    lexicon = TriggerLexicon(load_forms())
    assert list(lexicon.find("pertemuanku, kunjungan-kunjungan, metropolitan")) == []


def test_series_reads_indonesian_and_english_ordinals() -> None:
    lexicon = TriggerLexicon(load_forms())
    text = "KTT ke-47 ASEAN dibuka."
    (trig,) = list(lexicon.find(text))
    assert series_of(text, trig, len(text)).ordinal == 47
    text = "the 12th Border Committee Meeting was held"
    (trig,) = [t for t in lexicon.find(text) if t.form.mode == "meeting"]
    series = series_of(text, trig, len(text))
    assert (series.mechanism, series.ordinal) == ("Border Committee Meeting", 12)
    text = "the 12th meeting was held"  # not a proper name: an ordinal, no mechanism
    (trig,) = list(lexicon.find(text))
    assert series_of(text, trig, len(text)) == type(series)(None, 12)


def test_real_countries_through_the_pipeline(pipeline: Pipeline) -> None:
    text = ("Menteri Pertahanan Laos mengunjungi Phnom Penh, Kamboja, pada Selasa (17/2/2026) "
            "dan bertemu dengan Ketua Senat Kamboja.\n\n"
            "Kedua menteri juga menandatangani nota kesepahaman kerja sama perbatasan.")
    doc = pipeline(Document(id="t", raw=text))
    assert not doc.failures
    kinds = [(e.type, e.mode) for e in doc.events]
    assert kinds == [("CONSULT", "visit"), ("AGREE", "signing")]
    visit = doc.events[0]
    assert visit.actors == ["LAO"] and visit.targets == ["KHM"]
    assert visit.date is not None and visit.date.start == "2026-02-17"
    assert visit.location is not None and visit.location.name == "Phnom Penh"
    for ev in doc.events:
        assert doc.text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
