"""Cross-document knowledge in the store, on short articles written for these tests (fictional countries BRD,
SYL, ZMB): syndicated copies, one event reported in two languages, editions kept apart, promises kept, overdue
and without a year, and independence from the ingest order."""

from __future__ import annotations

import itertools
import json
import random

from sqlalchemy import select

from pantau.model import Commitment, DateSpan, Document, Event, Place, Published
from pantau.store import schema
from pantau.store.db import open_store
from pantau.store.export import kb_commitments, kb_events
from pantau.store.ingest import StoreWriter, content_hash
from pantau.store.query import find_commitments, find_events

_STORY = ("Menteri Pertahanan Borduria tiba di Klow pada Senin untuk bertemu mitranya dari Syldavia. Kedua menteri "
          "membahas patroli bersama di sungai perbatasan, pertukaran perwira muda, dan rencana latihan gabungan "
          "tahun depan. Mereka juga meninjau pos lintas batas yang baru direnovasi di dekat jembatan tua kota itu.")


def _doc(doc_id: str, text: str, published: str | None) -> Document:
    return Document(id=doc_id, raw=text, text=text, published=None if published is None else
                    Published(published, "input"))


def _event(doc: Document, eid: str, type_: str, mode: str, countries: list[str], date: tuple[str, str] | None,
           *, ordinal: int | None = None, mechanism: str | None = None, place: str | None = None) -> Event:
    return Event(eid, type_, doc.span(0, min(len(doc.text), 120)), mode=mode, actors=countries,
                 date=None if date is None else DateSpan(*date), ordinal=ordinal, mechanism=mechanism,
                 location=None if place is None else Place(place, None))


def corpus() -> list[Document]:
    original = _doc("s-orig", _STORY, "2025-03-04")
    original.events = [_event(original, "e1", "CONSULT", "visit", ["BRD", "SYL"], ("2025-03-03", "2025-03-03"),
                              place="Klow")]
    copy = _doc("s-copy", "Kabar Klow. " + _STORY, "2025-03-05")
    copy.events = [_event(copy, "e1", "CONSULT", "visit", ["BRD", "SYL"], None)]  # the copy lost the date
    english = _doc("s-en", "Borduria's defence minister arrived in Klow on Monday for talks with his Syldavian "
                           "counterpart on river patrols and officer exchanges.", "2025-03-03")
    english.events = [_event(english, "e1", "CONSULT", "visit", ["SYL", "BRD"], ("2025-03", "2025-03"))]

    ed12 = _doc("conf-12", "Konferensi Perbatasan Borduria-Syldavia ke-12 digelar di Klow pada 3 Maret 2025.",
                "2025-03-04")
    ed12.events = [_event(ed12, "e1", "CONSULT", "conference", ["BRD", "SYL"], ("2025-03-03", "2025-03-03"),
                          ordinal=12, mechanism="Konferensi Perbatasan Borduria-Syldavia")]
    ed13 = _doc("conf-13", "Konferensi Perbatasan Borduria-Syldavia ke-13 digelar di Klow pada 3 Maret 2026. "
                           "Konferensi Perbatasan ke-14 akan diselenggarakan pada tahun 2027.", "2026-03-04")
    ed13.events = [_event(ed13, "e1", "CONSULT", "conference", ["BRD", "SYL"], ("2026-03-03", "2026-03-03"),
                          ordinal=13, mechanism="Konferensi Perbatasan Borduria-Syldavia")]
    ed13.commitments = [Commitment("c1", ["BRD", "SYL"], "diselenggarakan pada tahun 2027",
                                   ed13.span(ed13.text.index("Konferensi Perbatasan ke-14"), len(ed13.text)),
                                   due=DateSpan("2027", "2027"))]

    promise = _doc("p-visit", "Presiden Zembla akan berkunjung ke Borduria pada 10 Juni 2025. Kedua negara juga "
                              "akan menandatangani nota kesepahaman perikanan pada Juli 2025.", "2025-05-20")
    promise.commitments = [
        Commitment("c1", ["ZMB", "BRD"], "berkunjung ke Borduria", promise.span(0, promise.text.index(".") + 1),
                   due=DateSpan("2025-06-10", "2025-06-10")),
        Commitment("c2", ["ZMB", "BRD"], "menandatangani nota kesepahaman perikanan",
                   promise.span(promise.text.index("Kedua"), len(promise.text)), due=DateSpan("2025-07", "2025-07")),
    ]
    kept = _doc("p-kept", "Presiden Zembla tiba di ibu kota Borduria pada Selasa (10/6/2025) untuk kunjungan "
                          "kenegaraan tiga hari.", "2025-06-11")
    kept.events = [_event(kept, "e1", "CONSULT", "visit", ["ZMB", "BRD"], ("2025-06-10", "2025-06-10"))]
    later = _doc("later", "Sebuah pos perbatasan baru dibuka di Klow pada Oktober 2025.", "2025-10-02")
    later.events = [_event(later, "e1", "COOPERATE", "opening", ["BRD", "SYL"], ("2025-10", "2025-10"))]

    yearless = _doc("y-promise", "Menteri Syldavia akan berkunjung ke Zembla pada 4 Desember.", None)
    yearless.commitments = [Commitment("c1", ["SYL", "ZMB"], "berkunjung ke Zembla", yearless.span(0, 58),
                                       due=DateSpan("--12-04", "--12-04"))]
    yearless_kept = _doc("y-kept", "Menteri Syldavia tiba di Zembla pada 4 Desember 2024.", "2024-12-05")
    yearless_kept.events = [_event(yearless_kept, "e1", "CONSULT", "visit", ["SYL", "ZMB"],
                                   ("2024-12-04", "2024-12-04"))]
    wrong_day = _doc("y-other", "Menteri Syldavia tiba di Zembla pada 9 Desember 2024.", "2024-12-10")
    wrong_day.events = [_event(wrong_day, "e1", "CONSULT", "visit", ["SYL", "ZMB"], ("2024-12-09", "2024-12-09"))]
    return [original, copy, english, ed12, ed13, promise, kept, later, yearless, yearless_kept, wrong_day]


def ingest(db: str, docs: list[Document]) -> tuple[list[dict], list[dict], list[tuple]]:
    engine = open_store(db)
    writer = StoreWriter(engine)
    for doc in docs:
        writer.write(doc, content_hash(doc))
    writer.finish()
    with engine.connect() as conn:
        events, commitments = kb_events(find_events(conn)), kb_commitments(find_commitments(conn))
        duplicates = sorted(tuple(r) for r in conn.execute(select(schema.doc_duplicates)))
    engine.dispose()
    return events, commitments, duplicates


def _event_of(events: list[dict], doc: str) -> dict:
    return next(e for e in events if any(r["doc"] == doc for r in e["reports"]))


def test_reports_of_one_event_are_one_event_and_copies_point_at_the_original(backend: str) -> None:
    events, _, duplicates = ingest(backend, corpus())
    visit = _event_of(events, "s-orig")
    assert {r["doc"] for r in visit["reports"]} == {"s-orig", "s-copy", "s-en"}
    assert visit["date"] == {"start": "2025-03-03", "end": "2025-03-03"}  # from the most precise report
    assert duplicates == [("s-copy", "s-orig")]
    assert _event_of(events, "conf-12")["id"] != _event_of(events, "conf-13")["id"]  # editions stay apart
    assert len({e["id"] for e in events}) == len(events)


def test_promises_kept_pending_overdue_and_without_a_year(backend: str) -> None:
    events, commitments, _ = ingest(backend, corpus())
    by_doc = {(r["doc"], r["commitment"]): c for c in commitments for r in c["reports"]}
    visit = by_doc[("p-visit", "c1")]
    assert visit["status"] == "fulfilled" and visit["fulfilled_by"] == _event_of(events, "p-kept")["id"]
    assert by_doc[("p-visit", "c2")]["status"] == "overdue"  # due July 2025, newest page is from 2026
    assert by_doc[("conf-13", "c1")]["status"] == "pending"  # the 14th is due in 2027
    assert by_doc[("y-promise", "c1")]["fulfilled_by"] == _event_of(events, "y-kept")["id"]


def test_groups_do_not_depend_on_the_ingest_order(tmp_path) -> None:
    docs = corpus()
    expected = None
    rng = random.Random(7)
    for n in range(3):
        order = docs[:]
        rng.shuffle(order)
        got = ingest(str(tmp_path / f"kb{n}.db"), order)
        normal = json.dumps([sorted(json.dumps(x, sort_keys=True) for x in part) for part in got])
        expected = expected or normal
        assert normal == expected


def test_replacing_a_document_removes_its_links(tmp_path) -> None:
    docs = corpus()
    db = str(tmp_path / "kb.db")
    ingest(db, docs)
    copy = next(d for d in docs if d.id == "s-copy")
    changed = _doc("s-copy", "Berita lain sama sekali: harga beras di pasar Klow naik tipis minggu ini karena "
                             "panen terlambat, kata pedagang, dan pemerintah kota berjanji memantau pasokan.",
                   "2025-03-05")
    changed.raw = changed.text + copy.raw  # another content hash
    events, _, duplicates = ingest(db, [changed])
    assert duplicates == []
    assert {r["doc"] for r in _event_of(events, "s-orig")["reports"]} == {"s-orig", "s-en"}
    assert not list(itertools.chain.from_iterable(
        [r for r in e["reports"] if r["doc"] == "s-copy"] for e in events))


def test_mechanisms_and_show_present_groups_with_all_their_reports(tmp_path) -> None:
    from tests.store.conftest import invoke

    db = str(tmp_path / "kb.db")
    events, commitments, _ = ingest(db, corpus())
    listed = [json.loads(line) for line in invoke("mechanisms", "--db", db, "--format", "jsonl").output.splitlines()]
    series = next(m for m in listed if "Borduria-Syldavia" in m["name"])
    assert (series["held"], series["planned"], series["last_ordinal"]) == (2, 1, 13)
    assert series["countries"] == ["BRD", "SYL"]
    shown = invoke("show", series["id"], "--db", db, "--format", "jsonl")
    kinds = [json.loads(line)["kind"] for line in shown.output.splitlines()]
    assert kinds[0] == "mechanism" and kinds.count("instance") == 3
    visit = _event_of(events, "s-orig")["id"]
    reports = [json.loads(line) for line in invoke("show", visit, "--db", db, "--format", "jsonl").output.splitlines()]
    assert {r["doc"] for r in reports} == {"s-orig", "s-copy", "s-en"}
    kept = next(c for c in commitments if c["status"] == "fulfilled")
    shown = invoke("show", kept["id"], "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in shown.output.splitlines()]
    assert [r["kind"] for r in rows] == ["commitment", "event"]
    assert invoke("show", "mechanism:nothing", "--db", db).exit_code != 0
    head = json.loads(invoke("show", "s-copy", "--db", db, "--format", "jsonl").output.splitlines()[0])
    assert head["summary"].endswith("near-duplicate of s-orig")
