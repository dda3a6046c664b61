"""The bundled demo corpus (`pantau/data/demo-articles.jsonl`, described in `pantau/data/DEMO-CORPUS.md`).

The corpus is written by the project; these tests keep it a valid input file, keep the manifest in
step with it, and pin the document-level behaviour its manifest promises (spam removal, syndicated
copies, languages, publication dates, the trade figure), so a change that breaks the demo shows here.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest

from pantau.inputs import read_inputs, record_to_document
from pantau.model import Document
from pantau.pipeline import Pipeline
from pantau.record import SCHEMA, from_record, to_record

DATA = files("pantau").joinpath("data")
CORPUS = Path(str(DATA.joinpath("demo-articles.jsonl")))
MANIFEST = DATA.joinpath("DEMO-CORPUS.md").read_text(encoding="utf-8")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SPAM_PAGE, ORIGINAL, COPY, REWRITE, FIGURES = "demo-17", "demo-14", "demo-15", "demo-16", "demo-18"


def records() -> list[dict[str, str]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def docs(pipeline: Pipeline) -> dict[str, Document]:
    """The corpus read as `pantau extract` reads it (through `pantau.inputs`) and run through the pipeline."""
    items = list(read_inputs([CORPUS]))
    assert all(isinstance(i, Document) for i in items), [i for i in items if not isinstance(i, Document)]
    return {d.id: pipeline(d) for d in items}  # type: ignore[union-attr]


def test_file_is_small_and_every_line_is_a_complete_record() -> None:
    assert CORPUS.stat().st_size < 200_000
    recs = records()
    assert len(recs) >= 24
    for rec in recs:
        assert set(rec) <= {"id", "url", "title", "published", "language", "text"}, rec["id"]
        assert rec["url"].startswith("https://") and ".example/" in rec["url"], rec["id"]
        assert 150 <= len(rec["text"].split()) <= 400, rec["id"]
        assert "\n\n" in rec["text"] and rec["title"].strip(), rec["id"]


def test_ids_are_unique_and_all_listed_in_the_manifest() -> None:
    ids = [rec["id"] for rec in records()]
    assert len(ids) == len(set(ids))
    listed = set(re.findall(r"^\| (demo-\d+) \|", MANIFEST, re.M))
    assert listed == set(ids)


def test_languages_and_dates_are_as_the_manifest_says() -> None:
    recs = records()
    langs = Counter(rec["language"] for rec in recs)
    assert langs["id"] >= 16 and langs["en"] >= 6 and set(langs) == {"id", "en"}
    dated = [rec["published"] for rec in recs if "published" in rec]
    assert len(recs) - len(dated) == 2
    assert all(ISO_DAY.fullmatch(d) and "2024-01-01" <= d <= "2026-10-31" for d in dated)


def test_every_record_runs_through_the_pipeline_and_the_record_contract(docs: dict[str, Document]) -> None:
    assert set(docs) == {rec["id"] for rec in records()}
    for doc in docs.values():
        assert doc.failures == [], (doc.id, doc.failures)
        assert doc.text and doc.published is not None and doc.language in ("id", "en"), doc.id
        out = json.loads(json.dumps(to_record(doc), ensure_ascii=False))
        assert out["schema"] == SCHEMA and out["id"] == doc.id
        back = from_record(out)
        assert back.text == doc.text and back.figures == doc.figures and back.noise == doc.noise
        for fig in doc.figures:
            assert doc.text[fig.evidence.start:fig.evidence.end] == fig.evidence.text


def test_spam_phrase_goes_and_its_sentence_stays(docs: dict[str, Document]) -> None:
    doc = docs[SPAM_PAGE]
    raw_sentence = next(s for s in doc.raw.split("\n") if "Kerangmas88" in s)
    assert "Kerangmas88" not in doc.text
    assert ("spam", "Daftar Kerangmas88 mudah") in {(n.kind, n.text) for n in doc.noise}
    kept = " ".join(raw_sentence.replace("Daftar Kerangmas88 mudah", "").split())
    assert kept in doc.text and "ikan asin, dan kerajinan anyaman" in doc.text


def test_page_furniture_of_the_scraped_page_is_noise(docs: dict[str, Document]) -> None:
    doc = docs[SPAM_PAGE]
    kinds = {n.text: n.kind for n in doc.noise}
    assert kinds["[iklan]"] == "ad" and kinds["Komentar (0)"] == "comment"
    assert kinds["Berita Terkait"] == "navigation"
    assert any(t.startswith("Baca juga:") and k == "navigation" for t, k in kinds.items())
    for furniture in ("Baca juga", "Komentar", "[iklan]", "Berita Terkait", "10:15 WIB"):
        assert furniture not in doc.text, furniture


def test_syndicated_copy_cleans_to_the_original_text(docs: dict[str, Document]) -> None:
    by_id = {rec["id"]: rec for rec in records()}
    original, copy = by_id[ORIGINAL], by_id[COPY]
    raw_a, raw_b = original["text"].split("\n\n"), copy["text"].split("\n\n")
    assert raw_a[:-1] == raw_b[:-1] and raw_a[-1] != raw_b[-1]  # only the site line differs
    assert original["url"] != copy["url"]
    assert docs[ORIGINAL].text == docs[COPY].text
    assert {n.text for n in docs[COPY].noise} == {raw_b[-1]}


def test_rewrite_is_a_different_text_of_the_same_story(docs: dict[str, Document]) -> None:
    a, b = docs[ORIGINAL], docs[REWRITE]
    assert a.text != b.text
    shared = {p for p in a.text.split("\n\n")} & {p for p in b.text.split("\n\n")}
    assert shared == set()
    for name in ("Arief Setiawan", "Ramon Villareal", "Bitung", "Zamboanga"):
        assert name in a.text and name in b.text


def test_languages_are_detected_as_written(pipeline: Pipeline) -> None:
    for rec in records():
        doc = record_to_document({k: v for k, v in rec.items() if k != "language"}, default_id=rec["id"],
                                 origin="demo")
        assert doc.hints.language is None
        assert pipeline(doc).language == rec["language"], rec["id"]


def test_dates_of_undated_records_come_from_url_and_dateline(docs: dict[str, Document]) -> None:
    undated = [rec["id"] for rec in records() if "published" not in rec]
    assert {(i, docs[i].published.source) for i in undated} == {("demo-23", "url"), ("demo-24", "text")}
    assert docs["demo-23"].published.date == "2026-03-18"
    assert docs["demo-24"].published.date == "2026-09-22"


def test_figures_article_yields_its_trade_turnover_and_border_length(docs: dict[str, Document]) -> None:
    figs = docs[FIGURES].figures
    trade = [f for f in figs if f.metric == "trade_turnover" and f.change_pct is not None]
    assert len(trade) == 1
    assert (trade[0].value, trade[0].unit, trade[0].change_pct) == (2_100_000_000, "USD", 14.2)
    assert {"VNM", "LAO"} <= set(trade[0].parties)
    assert trade[0].period is not None and trade[0].period.start == "2025"
    border = [f for f in figs if f.metric == "border_length"]
    assert [(f.value, f.unit) for f in border] == [(2337, "km")]


def test_conference_series_articles_name_their_edition_and_the_previous_one() -> None:
    by_id = {rec["id"]: rec["text"] for rec in records()}
    assert "Konferensi Ke-11" in by_id["demo-01"] and "Konferensi Ke-10" in by_id["demo-01"]
    assert "12th Conference" in by_id["demo-02"] and "11th Conference" in by_id["demo-02"]
    assert "Konferensi Ke-13" in by_id["demo-03"] and "Konferensi Ke-12" in by_id["demo-03"]
    assert "Konferensi Ke-14 akan diselenggarakan pada tahun 2026 di" in by_id["demo-03"]


def test_the_broken_promise_is_due_before_the_newest_article() -> None:
    recs = records()
    newest = max(rec["published"] for rec in recs if "published" in rec)
    promise = next(rec for rec in recs if rec["id"] == "demo-20")
    assert "will sign a memorandum of understanding" in promise["text"] and "April 28, 2026" in promise["text"]
    assert newest > "2026-04-28" and promise["published"] < "2026-04-28"
    later = [rec for rec in recs if rec.get("published", "") > promise["published"]]
    assert not any("economic zone" in rec["text"] for rec in later)

