"""Invariants of the whole pipeline: every offset points into the one clean text, records are JSON,
and extraction is deterministic — on arbitrary text and on the real dev pages in ../shared."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pantau.inputs import read_inputs
from pantau.model import Document
from pantau.record import to_record
from tests.conftest import make_doc, shared_path

WORDS = ["Menteri", "bertemu", "di", "Hanoi", "pada", "17 Februari 2026", "sepakat", "9,5 miliar dolar AS",
         "13,5%", "Baca juga:", "Komentar (0)", "Dr.", "Jend.", "“", "”", ".", "\n", "\n\n", "500 kilometer",
         "[iklan_2]", "Kamis (23/3)", "slot gacor", "28 WNI", "Hun Sen", "akan", "2025", "ke-13", "Sumber:"]


def check_invariants(doc: Document) -> None:
    text = doc.text
    assert doc.failures == [], doc.failures
    prev_end = 0
    for s in doc.sentences:
        assert prev_end <= s.start < s.end <= len(text)
        prev_end = s.end
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
    for item in [*doc.events, *doc.commitments, *doc.figures]:
        ev = item.evidence
        assert text[ev.start:ev.end] == ev.text
    json.dumps(to_record(doc))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), min_size=1, max_size=40))
def test_offsets_hold_on_arbitrary_text(pipeline, parts: list[str]) -> None:
    raw = " ".join(parts)
    if not raw.strip():
        return
    check_invariants(pipeline(make_doc(raw)))


def test_offsets_hold_and_output_is_deterministic_on_dev_pages(pipeline) -> None:
    paths = [shared_path("corpus", "seeds"), shared_path("corpus", "dev.jsonl")]
    first = [pipeline(d) for d in read_inputs(paths) if isinstance(d, Document)]
    second = [pipeline(d) for d in read_inputs(paths) if isinstance(d, Document)]
    assert len(first) == 33
    for a, b in zip(first, second, strict=True):
        check_invariants(a)
        assert to_record(a) == to_record(b)
