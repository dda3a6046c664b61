"""The output contract: to_record/from_record round-trip and the field names the referee reads."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.errors import RecordError
from pantau.model import (
    Commitment,
    DateSpan,
    Document,
    Entity,
    Event,
    Figure,
    Mention,
    Noise,
    Place,
    Published,
)
from pantau.record import SCHEMA, from_record, to_record

TEXT = "Menteri Arnor bertemu Menteri Gondor di Minas. Keduanya sepakat membuka pos baru pada 2026."


def full_doc() -> Document:
    doc = Document(id="d1", raw="", text=TEXT, url="https://example.org/x", title="Judul", language="id",
                   published=Published("2025-11-28", "url"), noise=[Noise("Baca juga: lain", "navigation")])
    doc.entities = [Entity("country:ARN", "COUNTRY", "Arnor", "ARN"), Entity("country:GDR", "COUNTRY", "Gondor", "GDR")]
    doc.mentions = [Mention(8, 13, "Arnor", "COUNTRY", "country:ARN"), Mention(30, 36, "Gondor", "COUNTRY",
                                                                                 "country:GDR")]
    ev = doc.span(0, 46)
    doc.events = [Event("e1", "CONSULT", ev, mode="meeting", actors=["ARN"], targets=["GDR"],
                        date=DateSpan("2025-11-27", "2025-11-27"), location=Place("Minas", "GDR"), ordinal=13)]
    doc.commitments = [Commitment("c1", ["ARN", "GDR"], "membuka pos baru", doc.span(47, len(TEXT)),
                                  due=DateSpan("2026", "2026"), made_at="e1")]
    doc.figures = [Figure(9.5e9, "USD", ev, metric="trade_turnover", period=DateSpan("2025-01", "2025-10"),
                          change_pct=13.5)]
    return doc


def test_record_has_the_contract_fields() -> None:
    rec = to_record(full_doc())
    assert rec["schema"] == SCHEMA
    assert rec["published"] == {"date": "2025-11-28", "from": "url"}
    assert rec["entities"][0]["mentions"] == [[8, 13]]
    assert rec["events"][0]["evidence"] == {"text": TEXT[:46], "start": 0, "end": 46}
    assert rec["figures"][0]["value"] == 9500000000 and isinstance(rec["figures"][0]["value"], int)
    assert rec["commitments"][0]["due"] == {"start": "2026", "end": "2026"}
    assert "failures" not in rec and "warnings" not in rec


def test_round_trip_through_json_is_lossless() -> None:
    rec = to_record(full_doc())
    again = to_record(from_record(json.loads(json.dumps(rec))))
    assert again == rec


def test_wrong_schema_is_refused() -> None:
    with pytest.raises(RecordError, match="pantau.document/1"):
        from_record({"schema": "other/1", "id": "x"})


def test_broken_record_names_the_problem() -> None:
    rec = to_record(full_doc())
    del rec["events"][0]["evidence"]
    with pytest.raises(RecordError, match="d1"):
        from_record(rec)


def test_span_outside_text_is_refused() -> None:
    with pytest.raises(ValueError, match="outside the text"):
        Document(id="x", raw="", text="abc").span(1, 9)


@given(text=st.text(max_size=200), title=st.none() | st.text(max_size=20),
       noise=st.lists(st.tuples(st.text(max_size=20), st.sampled_from(["spam", "ad", "navigation"])), max_size=3))
def test_any_document_round_trips(text: str, title: str | None, noise: list[tuple[str, str]]) -> None:
    doc = Document(id="p", raw="", text=text, title=title, noise=[Noise(t, k) for t, k in noise])  # type: ignore[arg-type]
    if text:
        doc.figures = [Figure(1.5, "%", doc.span(0, len(text)))]
    rec = to_record(doc)
    assert to_record(from_record(json.loads(json.dumps(rec)))) == rec


def test_explain_is_written_only_on_request_and_round_trips() -> None:
    from pantau.model import Commitment, Event, Evidence, Explain

    doc = Document(id="x", raw="A met B.", text="A met B.")
    ev = Evidence(0, 8, "A met B.")
    doc.events.append(Event("e1", "CONSULT", ev, explain=Explain("met", "consult-verb")))
    doc.commitments.append(Commitment("c1", [], "meet", ev, explain=Explain("will", "future-marker")))
    assert "explain" not in to_record(doc)["events"][0]
    rec = to_record(doc, explain=True)
    assert rec["events"][0]["explain"] == {"trigger": "met", "rule": "consult-verb"}
    back = from_record(rec)
    assert back.events[0].explain == Explain("met", "consult-verb")
    assert back.commitments[0].explain == Explain("will", "future-marker")
