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


# ---- cross-document follow-ups: detection, dates, direction -----------------------------------------

def test_a_welcome_of_a_visiting_leader_is_a_visit(extract: EventExtractor) -> None:
    text = "Presiden Syldavia memimpin penyambutan Perdana Menteri Ardana di Klow pagi ini."
    events = run(extract, text)
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "visit")]


def test_the_narrative_report_is_kept_over_a_photo_caption(extract: EventExtractor) -> None:
    text = ("Ardana dan Kessel menyaksikan penandatanganan perjanjian Borduria-Syldavia di Klow, 3 Maret 2025. "
            "(Antara)\n\nKlow: Borduria dan Syldavia secara resmi menandatangani perjanjian damai di Klow.")
    events = [e for e in run(extract, text) if e.type == "AGREE"]
    assert len(events) == 1
    assert events[0].evidence.text.startswith("Klow: Borduria dan Syldavia secara resmi")
    assert events[0].date is not None and events[0].date.start == "2025-03-03"


def test_a_future_modal_does_not_reach_past_a_coordinated_result(extract: EventExtractor) -> None:
    text = ("Kesepakatan itu akan mulai berlaku tengah malam nanti dan dicapai dalam sebuah pertemuan bilateral "
            "antara Borduria dan Syldavia di Klow.")
    assert [(e.type, e.mode) for e in run(extract, text)] == [("CONSULT", "meeting")]


def test_an_opening_setting_is_not_made_future_by_the_main_clause(extract: EventExtractor) -> None:
    text = "Setelah pertemuan bilateral di Klow, Ardana akan bertolak ke Szohod."
    assert [(e.type, e.mode) for e in run(extract, text)] == [("CONSULT", "meeting")]


def test_a_happening_in_a_conditional_clause_is_not_reported(extract: EventExtractor) -> None:
    text = "Ardana said that if the two ministers agree at the Klow meeting, a statement will follow."
    assert run(extract, text) == []


def test_a_date_is_not_carried_over_from_another_kind_of_happening(extract: EventExtractor) -> None:
    text = ("Pasukan Borduria dan Syldavia bentrok di dekat Klow pada 1 Maret 2025. "
            "Kedua negara kemudian sepakat melakukan gencatan senjata.")
    events = {e.type: e for e in run(extract, text)}
    assert events["ASSAULT"].date is not None and events["ASSAULT"].date.start == "2025-03-01"
    assert events["RETREAT"].date is None


def test_a_date_is_carried_over_to_a_report_of_the_same_kind(extract: EventExtractor) -> None:
    text = "Ardana bertemu Kessel di Klow pada 1 Maret 2025. Pertemuan tersebut membahas perdagangan."
    events = run(extract, text)
    assert len(events) == 1 and events[0].date is not None and events[0].date.start == "2025-03-01"


def test_a_time_of_day_without_a_date_takes_no_date_from_its_sentence(extract: EventExtractor) -> None:
    text = ("Borduria and Syldavia agreed to an immediate ceasefire, effective at 12pm (local time), to end all "
            "hostilities along their border and halt the conflict that broke out on March 1.")
    events = {e.type: e for e in run(extract, text)}
    assert events["RETREAT"].date is None
    assert events["ASSAULT"].date is not None and events["ASSAULT"].date.start == "2025-03-01"


@pytest.mark.parametrize("text", [
    "Ardana bertemu dengan Kessel, PM Syldavia periode 2001–2006, di Klow.",
    "Ardana bertemu dengan Kessel, yang menjabat sejak tahun 2020, di Klow.",
    "Ardana bertemu dengan Kessel selaku Ketua Dewan Syldavia tahun 2024 di Klow.",
])
def test_a_tenure_or_title_date_is_not_an_event_date(extract: EventExtractor, text: str) -> None:
    events = run(extract, text)
    assert [e.type for e in events] == ["CONSULT"]
    assert events[0].date is None


def test_a_future_clause_date_does_not_date_a_past_meeting(extract: EventExtractor) -> None:
    text = ("The border committee meeting between Borduria and Syldavia, held in Klow, reached a deal, "
            "which will take effect on December 27.")
    events = [e for e in run(extract, text, published=None) if e.type == "CONSULT"]
    assert len(events) == 1 and events[0].date is None


def test_a_later_sentence_that_refers_back_gives_the_date(extract: EventExtractor) -> None:
    text = "Borduria dan Syldavia menandatangani perjanjian perdagangan. Kerja sama ini diteken di Klow, Senin (3/3)."
    events = run(extract, text)
    assert events[0].type == "AGREE"
    assert events[0].date is not None and events[0].date.start == "2025-03-03"


def test_an_undated_visit_takes_the_date_of_its_announced_schedule(extract: EventExtractor) -> None:
    text = ("Presiden Syldavia menyambut Ardana pada kunjungan resmi pertamanya ke Syldavia.\n\n"
            "Ardana akan melakukan kunjungan resmi ke Syldavia pada 3-4 Maret.")
    visits = [e for e in run(extract, text, published=None) if e.mode == "visit"]
    assert len(visits) == 1
    assert visits[0].date is not None and (visits[0].date.start, visits[0].date.end) == ("--03-03", "--03-04")


def test_visit_setting_makes_the_visitor_actor_and_the_host_target(extract: EventExtractor) -> None:
    text = "Dalam kunjungan resmi ke Syldavia, Menteri Borduria bertemu dengan Menteri Syldavia di Klow kemarin."
    events = run(extract, text)
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "visit")]
    assert events[0].actors == ["BRD"] and events[0].targets == ["SYL"]


def test_meetings_of_two_named_bodies_are_two_happenings(extract: EventExtractor) -> None:
    doc = make("The meeting of the Border Committee was held in Klow. The meeting of the Security Council "
               "was held in Klow on March 4.")
    for name, eid in (("Border Committee", "org:bc"), ("Security Council", "org:sc")):
        at = doc.text.index(name)
        doc.mentions.append(Mention(at, at + len(name), name, "ORG", entity_id=eid))
        doc.entities.append(Entity(eid, "ORG", name))
    doc.mentions.sort(key=lambda m: m.start)
    assert len([e for e in extract(doc).events if e.mode == "meeting"]) == 2
