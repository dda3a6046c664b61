"""Cross-document logic on hand-made records with fictional countries (BRD, SYL, ZMB)."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.crossdoc.cluster import EventClusterer, group_id
from pantau.crossdoc.dedup import fingerprint
from pantau.crossdoc.promises import ActionKind, ActionLexicon, CommitmentReport, fulfils, same_commitment, status
from pantau.crossdoc.same_event import EventReport, same_event
from pantau.crossdoc.when import Interval, Yearless, compatible, resolve


def ev(doc: str, type_: str = "CONSULT", *, mode: str | None = "visit", countries: tuple[str, ...] = ("BRD", "SYL"),
       date: tuple[str, str] | None = None, published: str | None = "2025-07-30", place: str | None = None,
       place_country: str | None = None, ordinal: int | None = None, mechanism: str | None = None,
       eid: str = "e1") -> EventReport:
    record = {"id": eid, "type": type_, "mode": mode, "actors": list(countries), "targets": [],
              "date": None if date is None else {"start": date[0], "end": date[1]},
              "location": None if place is None else {"name": place, "country": place_country},
              "mechanism": mechanism, "ordinal": ordinal}
    return EventReport.of(doc, record, published)


# --- dates ---------------------------------------------------------------------------------------------------

def test_precisions_become_intervals() -> None:
    assert resolve({"start": "2025-07", "end": "2025-07"}, None) == Interval(dt.date(2025, 7, 1), dt.date(2025, 7, 31))
    assert resolve({"start": "2026", "end": "2026"}, None) == Interval(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert resolve({"start": "--07-28", "end": "--07-28"}, None) == Yearless(7, 28)


def test_yearless_takes_the_year_nearest_publication() -> None:
    assert resolve({"start": "--12-20", "end": "--12-20"}, dt.date(2026, 1, 5)).start == dt.date(2025, 12, 20)
    assert resolve({"start": "--03-02", "end": "--03-02"}, dt.date(2025, 11, 28)).start == dt.date(2026, 3, 2)
    assert resolve({"start": "--11-27", "end": "--11-28"}, dt.date(2025, 11, 28)) == \
        Interval(dt.date(2025, 11, 27), dt.date(2025, 11, 28))


def test_undated_is_a_window_before_publication() -> None:
    w = resolve(None, dt.date(2025, 10, 14))
    assert isinstance(w, Interval) and not w.exact and w.end == dt.date(2025, 10, 14)
    assert compatible(w, resolve({"start": "2025-07-28", "end": "2025-07-28"}, None)) is True
    assert compatible(resolve(None, dt.date(2025, 12, 27)), resolve({"start": "2025-07", "end": "2025-07"}, None)) \
        is False
    assert compatible(None, w) is None


def test_yearless_agrees_by_month_and_day() -> None:
    assert compatible(Yearless(8, 9), resolve({"start": "2022-08-08", "end": "2022-08-10"}, None)) is True
    assert compatible(Yearless(8, 9), resolve({"start": "2022-09-09", "end": "2022-09-09"}, None)) is False
    assert compatible(Yearless(8, None), Yearless(8, 9)) is True


# --- same event --------------------------------------------------------------------------------------------------

def test_precisions_and_partial_countries_still_match() -> None:
    a = ev("a", date=("2025-07-28", "2025-07-28"), countries=("BRD", "SYL", "ZMB"))
    b = ev("b", date=("2025-07", "2025-07"), countries=("BRD", "SYL"))
    yearless = ev("c", date=("--07-28", "--07-28"), published=None)
    assert same_event(a, b) and same_event(b, a)
    assert same_event(a, yearless)
    unknown = ev("d", published=None)  # no date, no publication date
    assert not same_event(a, unknown)  # nothing positive to agree on
    assert same_event(ev("e", published=None, place="Klow"), ev("f", published=None, place="Klow"))


def test_editions_of_a_series_stay_apart() -> None:
    a = ev("a", "CONSULT", mode="conference", ordinal=12, date=("2024-04-23", "2024-04-25"))
    b = ev("b", "CONSULT", mode="conference", ordinal=13, date=("2024-04-23", "2024-04-25"))
    assert not same_event(a, b)
    g1 = ev("c", "COOPERATE", mode="exercise", date=("2024-03", "2024-03"), mechanism="Golden Lotus")
    g2 = ev("d", "COOPERATE", mode="exercise", date=("2026-03", "2026-03"), mechanism="Golden Lotus")
    assert not same_event(g1, g2)


def test_type_mode_place_country_and_same_document_keep_apart() -> None:
    base = ev("a", date=("2025-07-28", "2025-07-28"))
    assert not same_event(base, ev("b", "AGREE", mode="signing", date=("2025-07-28", "2025-07-28")))
    assert not same_event(base, ev("b", mode="call", date=("2025-07-28", "2025-07-28")))
    assert not same_event(base, ev("a", date=("2025-07-28", "2025-07-28"), eid="e2"))
    assert not same_event(base, ev("b", countries=("ZMB", "QQQ"), date=("2025-07-28", "2025-07-28")))
    placed = ev("c", date=("2025-07-28", "2025-07-28"), place="Klow", place_country="SYL")
    assert not same_event(placed, ev("d", date=("2025-07-28", "2025-07-28"), place="Szohod", place_country="BRD"))


def test_two_undated_reports_need_close_pages_and_a_shared_place() -> None:
    a = ev("a", mode="ceasefire", type_="RETREAT", published="2025-10-14", place="Klow")
    b = ev("b", mode="ceasefire", type_="RETREAT", published="2025-10-20", place="Klow")
    far = ev("c", mode="ceasefire", type_="RETREAT", published="2026-04-01", place="Klow")
    assert same_event(a, b)
    assert not same_event(a, far)
    assert not same_event(a, ev("d", mode="ceasefire", type_="RETREAT", published="2025-10-20"))


# --- clustering ------------------------------------------------------------------------------------------------

def _reports() -> list[EventReport]:
    return [
        ev("a", date=("2025-07-28", "2025-07-28")),
        ev("b", date=("2025-07", "2025-07"), eid="e3"),
        ev("c", published="2025-08-10"),  # undated, page twelve days later
        ev("d", date=("2025-12-01", "2025-12-01")),  # a later visit
        ev("e", "AGREE", mode="signing", date=("2025-07-28", "2025-07-28")),
        ev("f", countries=(), date=("2025-07-28", "2025-07-28"), place="Klow"),
        ev("g", date=("--07-28", "--07-28"), published=None, place="Klow"),
    ]


def _clusters(reports: list[EventReport]) -> list[list[tuple[str, str]]]:
    c = EventClusterer()
    c.add_all(reports)
    return c.groups()


def test_clusters_group_reports_of_one_event() -> None:
    groups = _clusters(_reports())
    first = next(g for g in groups if ("a", "e1") in g)
    assert {("b", "e3"), ("c", "e1"), ("f", "e1")} <= set(first)
    assert [("d", "e1")] in groups and [("e", "e1")] in groups


@settings(max_examples=30, deadline=None)
@given(st.randoms(use_true_random=False))
def test_clusters_do_not_depend_on_arrival_order(rng: random.Random) -> None:
    reports = _reports()
    expected = _clusters(reports)
    rng.shuffle(reports)
    assert _clusters(reports) == expected


def test_candidates_are_blocked_by_country_and_month() -> None:
    c = EventClusterer()
    c.add_all(ev(f"d{i}", date=(f"2024-{i % 12 + 1:02d}-05", f"2024-{i % 12 + 1:02d}-05"), countries=("BRD", "SYL"))
              for i in range(120))
    probe = ev("x", date=("2024-03-05", "2024-03-05"), countries=("ZMB", "SYL"))
    assert len(c.candidates(probe)) == 10  # only March of SYL, not 120
    assert group_id([("b", "e2"), ("a", "e9")]) == group_id([("a", "e9")])


# --- near duplicates ---------------------------------------------------------------------------------------

_STORY = ("Menteri Pertahanan Borduria tiba di Klow pada Senin untuk bertemu mitranya dari Syldavia. Kedua menteri "
          "membahas patroli bersama di sungai perbatasan, pertukaran perwira muda, dan rencana latihan gabungan "
          "tahun depan. Mereka juga meninjau pos lintas batas yang baru direnovasi di dekat jembatan tua.")


def test_copies_and_light_rewrites_are_near_duplicates() -> None:
    copy = "Warta Klow — " + _STORY + " Baca juga: berita lain."
    rewrite = _STORY.replace("tiba di", "mendarat di").replace("membahas", "mendiskusikan").replace("tua", "lama")
    other = ("Presiden Zembla menerima delegasi dagang dari negara tetangga untuk meninjau neraca perdagangan yang "
             "turun tajam tahun ini akibat penutupan jalur kereta lintas batas oleh otoritas setempat sejak musim "
             "hujan, kata juru bicara istana kepada wartawan.")
    f = fingerprint(_STORY)
    assert f.is_near_duplicate(fingerprint(copy))
    assert f.is_near_duplicate(fingerprint(rewrite))
    assert not f.is_near_duplicate(fingerprint(other))
    assert set(f.bands) & set(fingerprint(copy).bands)
    assert not fingerprint("Singkat saja.").is_near_duplicate(fingerprint("Singkat saja."))


# --- promises ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def lexicon() -> ActionLexicon:
    return ActionLexicon.load()


def promise(lexicon: ActionLexicon, doc: str, action: str, *, due: tuple[str, str] | None = None,
            published: str | None = "2025-10-01", parties: tuple[str, ...] = ("BRD", "SYL"),
            ordinal: int | None = None) -> CommitmentReport:
    item = {"id": "c1", "parties": list(parties), "action": action,
            "due": None if due is None else {"start": due[0], "end": due[1]}, "evidence": {"text": action}}
    return CommitmentReport.of(doc, item, published, lexicon, ordinal)


def test_action_kinds(lexicon: ActionLexicon) -> None:
    assert lexicon.kind_of("akan menandatangani nota kesepahaman saat kunjungan") == ActionKind("AGREE", "signing")
    assert lexicon.kind_of("will pay a state visit") == ActionKind("CONSULT", "visit")
    assert lexicon.kind_of("gencatan senjata mulai berlaku") == ActionKind("RETREAT", None)
    assert lexicon.kind_of("hasil yang signifikan") is None


def test_a_promised_signing_is_kept_by_the_signing(lexicon: ActionLexicon) -> None:
    c = promise(lexicon, "p", "akan menandatangani perjanjian damai", due=("2025-10-26", "2025-10-26"))
    kept = ev("q", "AGREE", mode="signing", date=("2025-10-26", "2025-10-26"))
    assert fulfils(c, kept)
    assert not fulfils(c, ev("q", "AGREE", mode="signing", date=("2025-11-20", "2025-11-20")))
    assert not fulfils(c, ev("q", "CONSULT", mode="visit", date=("2025-10-26", "2025-10-26")))
    assert not fulfils(c, ev("q", "AGREE", mode="signing", date=("2025-10-26", "2025-10-26"), countries=("ZMB",)))


def test_without_due_date_the_event_must_follow_the_promise(lexicon: ActionLexicon) -> None:
    c = promise(lexicon, "p", "pertukaran persahabatan perbatasan yang pertama", ordinal=1)
    assert fulfils(c, ev("q", "COOPERATE", mode="exchange", date=("2025-12-14", "2025-12-14"), ordinal=1))
    assert not fulfils(c, ev("q", "COOPERATE", mode="exchange", date=("2025-12-14", "2025-12-14"), ordinal=2))
    assert not fulfils(c, ev("q", "COOPERATE", mode="exchange", date=("2025-03-01", "2025-03-01")))
    assert not fulfils(c, ev("q", "COOPERATE", mode="exchange", date=("2027-06-01", "2027-06-01")))


def test_a_promise_without_a_year_needs_a_matching_day(lexicon: ActionLexicon) -> None:
    c = promise(lexicon, "p", "kunjungan resmi perdana menteri", due=("--12-11", "--12-12"), published=None)
    assert fulfils(c, ev("q", date=("2023-12-11", "2023-12-11")))
    assert not fulfils(c, ev("q", date=("2023-11-11", "2023-11-11")))
    assert not fulfils(promise(lexicon, "p", "kunjungan resmi", published=None), ev("q", date=("2023-12-11",
                                                                                                "2023-12-11")))


def test_same_promise_in_two_reports_and_status(lexicon: ActionLexicon) -> None:
    a = promise(lexicon, "p1", "akan menggelar latihan gabungan di perbatasan", due=("2026", "2026"))
    b = promise(lexicon, "p2", "latihan gabungan pertama", due=("2026-05", "2026-05"))
    other = promise(lexicon, "p3", "akan menandatangani nota kesepahaman", due=("2026", "2026"))
    assert same_commitment(a, b) and not same_commitment(a, other)
    assert status(a, False, dt.date(2027, 2, 1)) == "overdue"
    assert status(a, False, dt.date(2026, 6, 1)) == "pending"
    assert status(a, True, dt.date(2027, 2, 1)) == "fulfilled"
    assert status(promise(lexicon, "p4", "akan berkunjung"), False, dt.date(2030, 1, 1)) == "pending"


# --- mechanisms ---------------------------------------------------------------------------------------------------

def test_editions_of_a_series_form_one_mechanism_with_held_and_planned_instances() -> None:
    from pantau.crossdoc.mechanisms import SeriesItem, gather

    bs = frozenset({"BRD", "SYL"})
    items = [
        SeriesItem("ev-2", "event", "Konferensi Provinsi Perbatasan Borduria-Syldavia ke-12", bs, 12, "2024-04-23"),
        SeriesItem("ev-1", "event", "the 13th Borduria-Syldavia Border Province Conference", bs, 13, "2025-11-27"),
        SeriesItem("cm-1", "commitment", "Konferensi Provinsi Perbatasan ke-14", bs, 14, "2026"),
        SeriesItem("ev-3", "event", "latihan Silver Heron 2024", frozenset({"ZMB", "SYL"}), None, "2024-05"),
        SeriesItem("ev-4", "event", "Silver Heron 2026", frozenset({"ZMB", "SYL"}), None, "2026-05"),
        SeriesItem("ev-5", "event", "Silver Heron", frozenset({"QQQ", "RRR"}), None, "2026-05"),
    ]
    mechanisms = gather(items)
    conference = next(m for m in mechanisms if "Konferensi" in m.name)
    assert conference.name == "Konferensi Provinsi Perbatasan Borduria-Syldavia"
    assert [(i.ordinal, i.kind) for i in conference.instances][-1] == (14, "commitment")
    assert {i.ref for i in conference.instances} == {"ev-2", "cm-1"}  # English wording shares too few words
    herons = [m for m in mechanisms if "Heron" in m.name]
    assert len(herons) == 2  # other countries, other exercise
    assert sorted(len(m.instances) for m in herons) == [1, 2]
    assert all(m.id.startswith("mechanism:") for m in mechanisms)
    assert gather(reversed(items)) == mechanisms


def test_a_committee_meeting_and_its_conference_with_one_edition_number_are_one_event() -> None:
    meeting = ev("a", mode="meeting", ordinal=42, date=("--08-09", "--08-09"), published=None)
    conference = ev("b", mode="conference", ordinal=42, date=("2022-08-08", "2022-08-10"), published=None)
    assert same_event(meeting, conference)
    assert not same_event(meeting, ev("c", mode="visit", ordinal=42, date=("2022-08-09", "2022-08-09")))
    # nothing known in time: the same edition number is positive agreement, another one is not
    assert same_event(ev("d", mode="meeting", ordinal=7, published=None), ev("e", mode="talks", ordinal=7,
                                                                              published=None))
    assert not same_event(ev("d", mode="meeting", ordinal=7, published=None), ev("e", mode="talks", ordinal=8,
                                                                                  published=None))


def test_a_two_party_promise_needs_both_parties_in_the_event(lexicon: ActionLexicon) -> None:
    c = promise(lexicon, "p", "kunjungan resmi ke Syldavia", due=("2025-12-11", "2025-12-12"), parties=("BRD", "SYL"))
    assert fulfils(c, ev("q", date=("2025-12-11", "2025-12-11"), countries=("BRD", "SYL", "ZMB")))
    assert not fulfils(c, ev("q", date=("2025-12-11", "2025-12-11"), countries=("ZMB", "SYL")))
    lone = promise(lexicon, "p", "kunjungan resmi", due=("2025-12-11", "2025-12-12"), parties=("BRD",))
    assert fulfils(lone, ev("q", date=("2025-12-11", "2025-12-11"), countries=("ZMB", "BRD")))


def test_series_names_around_the_edition_number() -> None:
    from pantau.crossdoc.mechanisms import series_in

    assert series_in("KLOW - Konferensi Ke-7 Komandan Perbatasan Borduria dan Syldavia digelar") == \
        ("Konferensi Komandan Perbatasan Borduria dan Syldavia", 7)
    assert series_in("the 8th Joint Border Commission met") == ("Joint Border Commission", 8)
    assert series_in("kunjungan ke-3 ke Syldavia") == (None, 3)
    assert series_in("akan berkunjung") == (None, None)


def test_one_edition_named_in_two_languages_is_one_event() -> None:
    a = ev("a", mode="conference", ordinal=7, date=("2024-03-12", "2024-03-13"),
           mechanism="Konferensi Komandan Perbatasan")
    b = ev("b", mode="conference", ordinal=7, date=("2024-03-12", "2024-03-13"), mechanism="Border Conference")
    assert same_event(a, b)
    c = ev("c", mode="conference", date=("2024-03-12", "2024-03-13"), mechanism="Golden Heron")
    assert not same_event(a, c)
