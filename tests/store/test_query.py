"""The query commands: every filter, every output format, and `show`."""

from __future__ import annotations

import csv
import io
import json

import pytest

from .conftest import invoke


def _jsonl(*args: str) -> list[dict]:
    result = invoke(*args, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _events(db: str, *args: str) -> list[str]:
    return [f"{r['doc']}/{r['event']}" for r in _jsonl("events", "--db", db, *args)]


def test_events_are_listed_newest_first_undated_last(kb: str) -> None:
    assert _events(kb) == ["kb-b/e1", "kb-a/e1", "kb-c/e1"]


@pytest.mark.parametrize(("args", "expected"), [
    (["--country", "KHM"], ["kb-b/e1", "kb-a/e1"]),
    (["--country", "khm", "--country", "THA"], ["kb-b/e1"]),
    (["--country", "LAO"], ["kb-a/e1", "kb-c/e1"]),
    (["--type", "assault"], ["kb-b/e1"]),
    (["--since", "2026-01"], ["kb-b/e1"]),
    (["--since", "2026-04-15"], ["kb-b/e1"]),
    (["--until", "2026-03-31"], ["kb-a/e1"]),
    (["--since", "2025-11-12", "--until", "2025-11-12"], ["kb-a/e1"]),
    (["--since", "2025"], ["kb-b/e1", "kb-a/e1"]),
    (["--text", "kota SELATAN"], ["kb-a/e1"]),
    (["--text", "kota utara"], []),
    (["--text", "100%"], []),
    (["--limit", "1"], ["kb-b/e1"]),
])
def test_event_filters(kb: str, args: list[str], expected: list[str]) -> None:
    assert _events(kb, *args) == expected


@pytest.mark.parametrize("bad", [["--country", "Kamboja"], ["--since", "12/03/2025"], ["--type", "PARTY"]])
def test_bad_filter_values_are_usage_errors(kb: str, bad: list[str]) -> None:
    result = invoke("events", "--db", kb, *bad)
    assert result.exit_code == 2


def test_entities_group_documents_and_filter(kb: str) -> None:
    rows = {r["id"]: r for r in _jsonl("entities", "--db", kb)}
    assert rows["country:KHM"]["documents"] == ["kb-a", "kb-b"] and rows["country:KHM"]["mentions"] == 2
    assert rows["person:tomas-vell"]["roles"] == ["Menteri Pertahanan Laos"]
    assert [r["id"] for r in _jsonl("entities", "--db", kb, "--type", "person")] == ["person:tomas-vell"]
    assert [r["id"] for r in _jsonl("entities", "--db", kb, "--country", "THA")] == ["country:THA"]


def test_commitment_status_against_the_newest_document(kb: str) -> None:
    rows = {f"{r['doc']}/{r['commitment']}": r["status"] for r in _jsonl("commitments", "--db", kb)}
    # newest publication is 2026-05-01: March 2026 has passed, December 2026 has not, no due date stays pending
    assert rows == {"kb-a/c1": "overdue", "kb-b/c1": "pending", "kb-c/c1": "pending"}
    assert [r["doc"] for r in _jsonl("commitments", "--db", kb, "--status", "overdue")] == ["kb-a"]
    assert [r["doc"] for r in _jsonl("commitments", "--db", kb, "--status", "fulfilled")] == []


def test_figures_by_metric(kb: str) -> None:
    (row,) = _jsonl("figures", "--db", kb, "--metric", "trade_turnover")
    assert (row["doc"], row["value"], row["unit"], row["parties"]) == ("kb-a", 2.5e9, "USD", ["LAO", "KHM"])
    assert _jsonl("figures", "--db", kb, "--metric", "border_length") == []


def test_csv_and_table_formats(kb: str) -> None:
    result = invoke("events", "--db", kb, "--format", "csv", "--country", "THA")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["doc"], r["actors"]) for r in rows] == [("kb-b", "THA; KHM")]
    table = invoke("events", "--db", kb, "--format", "table")
    assert table.exit_code == 0 and "ASSAULT" in table.stdout and "CONSULT" in table.stdout


def test_show_an_event(kb: str) -> None:
    (row,) = _jsonl("show", "kb-a/e1", "--db", kb)
    assert row["kind"] == "event" and "CONSULT visit" in row["summary"]
    assert row["evidence"].startswith("Menteri Pertahanan Laos") and row["start"] == 0


def test_show_an_entity_with_its_sentences_and_events(kb: str) -> None:
    rows = _jsonl("show", "person:tomas-vell", "--db", kb)
    assert [r["kind"] for r in rows] == ["entity", "mention", "event"]
    assert "Menteri Pertahanan Laos" in rows[0]["summary"]
    assert rows[1]["summary"] == "Tomas Vell" and rows[1]["evidence"].endswith("Menteri Pertahanan Kamboja.")
    assert rows[2]["id"] == "kb-a/e1"


def test_show_a_document(kb: str) -> None:
    kinds = [r["kind"] for r in _jsonl("show", "kb-a", "--db", kb)]
    assert kinds == ["document", "entity", "entity", "entity", "event", "commitment", "figure"]


def test_show_an_unknown_id_fails(kb: str) -> None:
    result = invoke("show", "nowhere/e9", "--db", kb)
    assert result.exit_code == 1 and "no document, event" in result.output


def test_several_countries_give_each_event_once_newest_first_within_the_limit(backend: str) -> None:
    from pantau.model import DateSpan, Document, Event, Published
    from pantau.store.db import open_store
    from pantau.store.ingest import StoreWriter, content_hash
    from pantau.store.query import EventFilter, find_events

    engine = open_store(backend)
    writer = StoreWriter(engine)
    for i, (actors, targets, date) in enumerate([
        (["BRD"], ["SYL"], "2025-01-05"), (["BRD", "SYL"], ["SYL"], "2025-03-01"),  # SYL twice in one event
        (["BRD"], ["ZMB"], "2025-04-01"), (["SYL"], ["BRD"], None), (["SYL"], ["BRD"], "2024-12-31"),
    ]):
        text = f"Laporan nomor {i}."
        doc = Document(id=f"q{i}", raw=text, text=text, published=Published("2025-05-01", "input"))
        doc.events = [Event("e1", "CONSULT", doc.span(0, len(text)), actors=actors, targets=targets,
                            date=None if date is None else DateSpan(date, date))]
        writer.write(doc, content_hash(doc))
    writer.finish()
    with engine.connect() as conn:
        both = [r["doc"] for r in find_events(conn, EventFilter(countries=("SYL", "BRD")))]
        top = [r["doc"] for r in find_events(conn, EventFilter(countries=("BRD", "SYL"), limit=2))]
    engine.dispose()
    assert both == ["q1", "q0", "q4", "q3"]  # newest first, undated last, q1 once, q2 (no SYL) out
    assert top == ["q1", "q0"]
