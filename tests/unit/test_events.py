"""The `events` stage on our own sentences: fictional countries (Borduria BRD, Syldavia SYL) with the
entity stage's output given by hand, so that no world knowledge leaks into the answers."""

from __future__ import annotations

import pytest

from pantau.model import Document, Entity, Event, Mention, Published
from pantau.stages.events import EventExtractor
from pantau.stages.sentences import split_sentences_stage

COUNTRIES = {"Borduria": "BRD", "Syldavia": "SYL", "Bordurian": "BRD", "Syldavian": "SYL"}
PEOPLE = {"Ardana": "BRD", "Kessel": "SYL"}
PLACES = {"Klow": "SYL", "Szohod": "BRD"}


@pytest.fixture(scope="module")
def extract() -> EventExtractor:
    return EventExtractor()


def make(text: str, published: str | None = None) -> Document:
    """A document with the entity stage's output built from the fictional tables above."""
    doc = Document(id="t", raw=text, text=text, published=Published(published, "input") if published else None)
    entities: dict[str, Entity] = {}
    for table, etype, prefix in ((COUNTRIES, "COUNTRY", "country"), (PEOPLE, "PERSON", "person"),
                                 (PLACES, "LOCATION", "location")):
        for surface, code in table.items():
            start = text.find(surface)
            while start >= 0:
                end = start + len(surface)
                if not text[end : end + 1].isalpha():
                    eid = f"country:{code}" if etype == "COUNTRY" else f"{prefix}:{surface.lower()}"
                    doc.mentions.append(Mention(start, end, surface, etype, entity_id=eid))  # type: ignore[arg-type]
                    entities.setdefault(eid, Entity(eid, etype, surface if etype != "COUNTRY" else code, code))  # type: ignore[arg-type]
                start = text.find(surface, end)
    doc.mentions.sort(key=lambda m: m.start)
    doc.entities = list(entities.values())
    return split_sentences_stage(doc)


def run(extract: EventExtractor, text: str, published: str | None = "2025-03-05") -> list[Event]:
    return extract(make(text, published)).events


# ---- one event per type ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "etype"), [
    ("Borduria dan Syldavia mengadakan pertemuan di Klow kemarin.", "CONSULT"),
    ("Borduria dan Syldavia menandatangani perjanjian perdagangan kemarin.", "AGREE"),
    ("Angkatan laut Borduria dan Syldavia menggelar latihan gabungan di dekat Klow kemarin.", "COOPERATE"),
    ("Borduria menyalurkan bantuan kemanusiaan kepada Syldavia kemarin.", "AID"),
    ("Borduria dan Syldavia sepakat melakukan gencatan senjata kemarin.", "RETREAT"),
    ("Pasukan Borduria menembaki pos perbatasan Syldavia kemarin.", "ASSAULT"),
    ("Borduria menuduh Syldavia melanggar wilayahnya.", "ACCUSE"),
    ("Borduria mengancam Syldavia dengan pembalasan.", "THREATEN"),
    ("Ribuan warga berunjuk rasa di depan kedutaan Syldavia kemarin.", "PROTEST"),
    ("Borduria menutup perbatasan dengan Syldavia kemarin.", "SANCTION"),
    ("Borduria mendesak Syldavia membuka kembali jalur perdagangan.", "REQUEST"),
    ("Syldavia menolak tuntutan Borduria.", "REJECT"),
    ("Borduria mengerahkan pasukan ke perbatasan Syldavia kemarin.", "MOBILIZE"),
    ("Presiden Borduria memuji Syldavia atas sikapnya.", "SUPPORT"),
    ("Borduria membebaskan tawanan Syldavia kemarin.", "CONCEDE"),
    ("Syldavia mendeportasi empat puluh warga Borduria kemarin.", "COERCE"),
    ("Bordurian and Syldavian troops clashed near Klow on Monday.", "ASSAULT"),
    ("Borduria urged Syldavia to reopen the border crossing.", "REQUEST"),
])
def test_each_type_is_detected(extract: EventExtractor, text: str, etype: str) -> None:
    events = run(extract, text)
    assert [e.type for e in events] == [etype]
    assert set(events[0].actors) | set(events[0].targets) <= {"BRD", "SYL"}
    assert events[0].evidence.text == text
    assert events[0].explain is not None and events[0].explain.trigger


# ---- direction of visits ------------------------------------------------------------------------------

def test_visitor_is_actor_and_host_target_indonesian_active(extract: EventExtractor) -> None:
    (ev,) = run(extract, "Menteri Ardana dari Borduria mengunjungi Klow, Syldavia, pada Senin (3/3).")
    assert (ev.type, ev.mode) == ("CONSULT", "visit")
    assert ev.actors == ["BRD"] and ev.targets == ["SYL"]
    assert ev.location is not None and ev.location.name == "Klow"
    assert ev.date is not None and ev.date.start == "2025-03-03"
    assert ev.participants == ["person:ardana"]


def test_passive_received_by_keeps_the_visitor_as_actor(extract: EventExtractor) -> None:
    (ev,) = run(extract, "Menteri Ardana dari Borduria diterima oleh Presiden Kessel di Klow kemarin.")
    assert ev.actors == ["BRD"] and ev.targets == ["SYL"]
    assert ev.date is not None and ev.date.start == "2025-03-04"


def test_host_verb_makes_the_guest_the_actor_english(extract: EventExtractor) -> None:
    (ev,) = run(extract, "President Kessel hosted Minister Ardana in Klow on March 3, 2025.")
    assert ev.mode == "visit"
    assert ev.actors == ["BRD"] and ev.targets == ["SYL"]
    assert ev.date is not None and ev.date.start == "2025-03-03"


def test_english_visit_with_weekday(extract: EventExtractor) -> None:
    (ev,) = run(extract, "Minister Ardana of Borduria visited Syldavia on Monday.", "2025-03-05")
    assert ev.actors == ["BRD"] and ev.targets == ["SYL"]
    assert ev.date is not None and ev.date.start == "2025-03-03"


def test_host_verb_without_a_guest_is_not_a_visit(extract: EventExtractor) -> None:
    assert run(extract, "Syldavia received a shipment of grain from Borduria.") == []


# ---- not events ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Menteri Ardana menekankan bahwa hubungan Borduria dan Syldavia sangat penting.",
    "Borduria menjalankan kebijakan empat tidak terhadap Syldavia.",
    "Kerja sama pertahanan Borduria dan Syldavia terus meningkat.",
    "Menteri Ardana akan bertemu Presiden Kessel di Klow bulan depan.",
    "Kunjungan Menteri Ardana ke Syldavia dijadwalkan pada akhir bulan.",
    "Minister Ardana will visit Syldavia next week.",
    "Menteri Ardana tidak bertemu Presiden Kessel.",
    "Borduria dan Syldavia sepakat untuk mengadakan pertemuan komite perbatasan.",
    "Menteri Ardana bertolak ke Klow untuk bertemu Presiden Kessel di sana tahun depan.",
    "Pemerintah kerap mengimbau warga agar berhati-hati.",
    "Borduria meminta agar semua pihak menahan diri.",
])
def test_sentiment_policy_future_negated_and_generic_are_not_events(extract: EventExtractor, text: str) -> None:
    events = run(extract, text)
    assert [e.type for e in events if e.type == "CONSULT" or e.type == "REQUEST"] == [], events


def test_future_sentence_leaves_only_the_departure(extract: EventExtractor) -> None:
    text = "Menteri Ardana bertolak ke Klow untuk menghadiri KTT Borduria-Syldavia, yang dijadwalkan Senin."
    events = run(extract, text)
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "visit")]
    assert set(events[0].actors) | set(events[0].targets) == {"BRD", "SYL"}


# ---- several events, one event reported twice ---------------------------------------------------

def test_several_events_in_one_sentence(extract: EventExtractor) -> None:
    events = run(extract, "Kedua menteri bertemu di Klow dan menandatangani perjanjian perbatasan pada 3 Maret 2025.")
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "meeting"), ("AGREE", "signing")]
    assert [e.id for e in events] == ["e1", "e2"]
    assert all(e.date is not None and e.date.start == "2025-03-03" for e in events)


def test_a_happening_reported_twice_is_one_event_kept_at_its_most_specific_report(extract: EventExtractor) -> None:
    text = ("Borduria dan Syldavia menandatangani nota kesepahaman pertahanan.\n\n"
            "Penandatanganan itu berlangsung di Klow pada 3 Maret 2025 dan disaksikan kedua menteri.")
    events = run(extract, text)
    assert [e.type for e in events] == ["AGREE"]
    assert events[0].evidence.text.startswith("Penandatanganan itu")
    assert events[0].location is not None and events[0].location.name == "Klow"


def test_two_visits_to_different_hosts_stay_apart(extract: EventExtractor) -> None:
    text = ("Menteri Ardana mengunjungi Syldavia pada 1 Maret 2025. "
            "Ia lalu mengunjungi Klow dan Szohod pada 4 Maret 2025.")
    events = run(extract, text)
    assert len([e for e in events if e.mode == "visit"]) == 2


def test_visit_subsumes_the_meeting_in_its_sentence(extract: EventExtractor) -> None:
    events = run(extract, "Dalam kunjungan resmi ke Syldavia, Menteri Ardana bertemu dengan Presiden Kessel di Klow.")
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "visit")]


# ---- dates ------------------------------------------------------------------------------------------

def test_past_conference_with_a_date_range_and_ordinal(extract: EventExtractor) -> None:
    (ev,) = run(extract, "Sidang Komite Perbatasan Umum ke-13 berlangsung di Klow pada 23-25 April 2023.")
    assert (ev.type, ev.mode) == ("CONSULT", "conference")
    assert ev.ordinal == 13 and ev.mechanism == "Sidang Komite Perbatasan Umum"
    assert (ev.date.start, ev.date.end) == ("2023-04-23", "2023-04-25")  # type: ignore[union-attr]


def test_english_ordinal_before_the_meeting(extract: EventExtractor) -> None:
    (ev,) = run(extract, "The 3rd Joint Border Committee Meeting took place in Klow on March 2.")
    assert ev.ordinal == 3 and ev.mechanism == "Joint Border Committee Meeting"
    assert ev.date is not None and ev.date.start == "2025-03-02"


def test_first_visit_has_ordinal_one(extract: EventExtractor) -> None:
    (ev,) = run(extract, "Menteri Ardana melakukan kunjungan resmi pertamanya ke Syldavia pada 2 Maret 2025.")
    assert ev.ordinal == 1 and ev.mechanism is None


def test_no_year_without_publication_date_gives_month_day(extract: EventExtractor) -> None:
    (ev,) = run(extract, "Pasukan Borduria dan Syldavia melakukan patroli bersama pada 5 Mei.", published=None)
    assert (ev.type, ev.mode) == ("COOPERATE", "patrol")
    assert ev.date is not None and ev.date.start == "--05-05"


def test_undated_sentence_takes_the_date_of_the_sentence_before_in_its_paragraph(extract: EventExtractor) -> None:
    text = ("Pada 2 Maret 2025, Borduria dan Syldavia membuka pos lintas batas baru. "
            "Kedua menteri juga menandatangani protokol bea cukai.")
    (ev,) = run(extract, text)
    assert ev.type == "AGREE" and ev.date is not None and ev.date.start == "2025-03-02"
    assert ev.evidence.text.startswith("Kedua menteri")


def test_date_after_publication_in_the_clause_marks_a_plan(extract: EventExtractor) -> None:
    assert run(extract, "Latihan gabungan Borduria dan Syldavia digelar di Klow pada 20 Desember 2025.") == []


# ---- countries ----------------------------------------------------------------------------------

def test_sentence_without_country_falls_back_to_its_paragraph(extract: EventExtractor) -> None:
    text = "Borduria dan Syldavia memperkuat kerja sama. Delegasi kedua pihak melakukan inspeksi bersama kemarin."
    (ev,) = run(extract, text)
    assert ev.type == "COOPERATE" and set(ev.actors) == {"BRD", "SYL"}


def test_border_name_and_venue_are_not_sides(extract: EventExtractor) -> None:
    (ev,) = run(extract, "Menteri Ardana mengunjungi perbatasan Borduria-Syldavia di Szohod pada Senin (3/3).")
    assert ev.actors == ["BRD"] and ev.targets == []
    assert ev.location is not None and ev.location.name == "Szohod"
