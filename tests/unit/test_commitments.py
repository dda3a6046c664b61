"""Stage `commitments` on hand-built documents (fictional countries, our own sentences): commitments
against vague intentions, lists, negation, parties, due dates, `made_at` and merging of repeats."""

from __future__ import annotations

import pytest

from pantau.model import DateSpan, Document, Entity, Event, Mention, Published
from pantau.stages.commitments import CommitmentExtractor
from pantau.stages.sentences import split_sentences_stage

EXTRACT = CommitmentExtractor()

# (surface, entity id, type, country) for every name our sentences use
NAMES: list[tuple[str, str, str, str | None]] = [
    ("Borduria", "country:BRD", "COUNTRY", "BRD"),
    ("Syldavia", "country:SYL", "COUNTRY", "SYL"),
    ("Zembla", "country:ZMB", "COUNTRY", "ZMB"),
    ("Ardana Wirya", "person:ardana-wirya", "PERSON", "BRD"),
    ("Ardana", "person:ardana-wirya", "PERSON", "BRD"),
    ("Otto Kessel", "person:otto-kessel", "PERSON", "SYL"),
    ("Tentara Syldavia", "org:tentara-syldavia", "ORG", "SYL"),
    ("Klow", "location:klow", "LOCATION", "SYL"),
]


def _doc(text: str, *, published: str | None = None, language: str = "id",
         events: list[tuple[str, str, str | None, str]] = ()) -> Document:
    """A document as the earlier stages leave it: sentences, the NAMES found in it (longest first, no
    overlaps), and hand-made events given as (type, mode, None, evidence substring)."""
    doc = Document(id="t", raw=text, text=text, language=language)
    doc = split_sentences_stage(doc)
    taken: list[tuple[int, int]] = []
    seen: dict[str, Entity] = {}
    for surface, eid, etype, country in sorted(NAMES, key=lambda n: -len(n[0])):
        pos = text.find(surface)
        while pos >= 0:
            end = pos + len(surface)
            if not any(a < end and pos < b for a, b in taken):
                taken.append((pos, end))
                doc.mentions.append(Mention(pos, end, surface, etype, entity_id=eid))  # type: ignore[arg-type]
                seen.setdefault(eid, Entity(eid, etype, surface, country))  # type: ignore[arg-type]
            pos = text.find(surface, end)
    doc.mentions.sort(key=lambda m: m.start)
    doc.entities = list(seen.values())
    for n, (etype, mode, _, where) in enumerate(events, start=1):
        start = text.index(where)
        doc.events.append(Event(f"e{n}", etype, doc.span(start, start + len(where)), mode=mode))  # type: ignore[arg-type]
    if published:
        doc.published = Published(published, "input")
    return doc


def _run(text: str, **kw) -> list:
    return EXTRACT(_doc(text, **kw)).commitments


# --- commitments and vague intentions -------------------------------------------------------------

def test_agreed_list_gives_one_commitment_per_action() -> None:
    text = ("Borduria dan Syldavia sepakat mengaktifkan kembali hotline militer dan mengadakan pertemuan "
            "bulanan para komandan di Klow.")
    found = _run(text)
    assert [c.action for c in found] == ["mengaktifkan kembali hotline militer",
                                         "mengadakan pertemuan bulanan para komandan di Klow"]
    assert all(set(c.parties) == {"BRD", "SYL"} for c in found)
    assert all(c.evidence.text == text for c in found)
    assert [c.id for c in found] == ["c1", "c2"]


@pytest.mark.parametrize("text", [
    "Kedua negara akan terus memperkuat kerja sama pertahanan.",
    "Borduria dan Syldavia sepakat bahwa kerja sama kedua negara sangat penting.",
    "Borduria berkomitmen untuk menjaga perdamaian dan stabilitas kawasan.",
    "Hubungan Borduria dan Syldavia akan menjadi lebih erat.",
    "Syldavia berharap akan mempererat persahabatan dengan Borduria.",
    "Pertemuan itu akan membahas kerja sama ekonomi antara Borduria dan Syldavia.",
    "Menurut analis, ekonomi Borduria akan mengikuti.",
    "Borduria akan memanfaatkan kesempatan ini dengan baik.",
    "Kedua pihak akhirnya menyepakati sesuatu.",
    "Rencananya itu sejalan dengan keinginan Syldavia.",
])
def test_vague_intentions_in_indonesian_are_not_commitments(text: str) -> None:
    assert _run(text) == []


@pytest.mark.parametrize("text", [
    "Borduria will continue to strengthen ties with Syldavia.",
    "The two sides agreed to further enhance cooperation.",
    "The visit will further deepen the relationship between Borduria and Syldavia.",
    "This will be the second visit by Ardana Wirya to Syldavia.",
])
def test_vague_intentions_in_english_are_not_commitments(text: str) -> None:
    assert _run(text, language="en") == []


@pytest.mark.parametrize("text,action", [
    ("Borduria and Syldavia agreed to reopen the Klow border crossing.", "reopen the Klow border crossing"),
    ("Borduria will strengthen information exchange with Syldavia.", "strengthen information exchange with Syldavia"),
    ("The prisoners held in Borduria will be returned to Syldavia.", "returned to Syldavia"),
    ("Syldavia plans to deploy observers along the border.", "deploy observers along the border"),
])
def test_concrete_english_commitments(text: str, action: str) -> None:
    found = _run(text, language="en")
    assert [c.action for c in found] == [action]


def test_continued_concrete_action_is_a_commitment() -> None:
    found = _run("Kedua pihak sepakat untuk terus bertemu setidaknya satu kali dalam setahun.")
    assert [c.action for c in found] == ["bertemu setidaknya satu kali dalam setahun"]


@pytest.mark.parametrize("text", [
    "Borduria tidak akan menandatangani perjanjian itu.",
    "Syldavia belum akan membuka pos lintas batas baru.",
])
def test_negated_cues_are_not_commitments(text: str) -> None:
    assert _run(text) == []


def test_negation_in_english() -> None:
    assert _run("Syldavia will not attend the summit in Klow.", language="en") == []


def test_readiness_counts_only_before_an_event() -> None:
    assert len(_run("Tentara Syldavia siap untuk latihan gabungan dengan Borduria.")) == 1
    assert _run("Tentara Syldavia siap menanggapi setiap pelanggaran wilayah.") == []


def test_ceasefire_needs_a_future_start() -> None:
    assert _run("Borduria dan Syldavia sepakat melakukan gencatan senjata setelah lima hari pertempuran.") == []
    found = _run("Pada Senin, 28 Juli 2025, kedua negara sepakat untuk melakukan gencatan senjata mulai "
                 "tengah malam ini. Borduria dan Syldavia berunding di Klow.")
    assert [c.due for c in found] == [DateSpan("2025-07-28", "2025-07-28")]


def test_headlines_are_skipped() -> None:
    text = "Borduria Akan Hadiri Penandatanganan Perjanjian Damai\n\nBorduria akan menghadiri penandatanganan itu."
    found = _run(text)
    assert [c.evidence.text for c in found] == ["Borduria akan menghadiri penandatanganan itu."]


# --- due dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,published,due", [
    ("Kedua pihak sepakat menyelenggarakan konferensi ke-5 pada tahun 2027 di Klow.", None,
     DateSpan("2027", "2027")),
    ("Kunjungan Presiden Borduria akan berlangsung pada 11-12 Desember.", None, DateSpan("--12-11", "--12-12")),
    ("Pertukaran perwira Borduria-Syldavia dijadwalkan akan diadakan Desember mendatang.", None,
     DateSpan("--12", "--12")),
    ("Ardana akan mengunjungi Syldavia pada 26 Oktober.", "2025-10-14", DateSpan("2025-10-26", "2025-10-26")),
    ("Pada pertemuan 3 Maret 2025, Borduria dan Syldavia sepakat membuka pos lintas batas baru.", None, None),
    ("Kedua pihak akan terus bertemu dan melaksanakan Perjanjian yang ditandatangani pada 16 Oktober 2018.",
     None, None),
])
def test_due_is_the_date_the_action_points_to(text: str, published: str | None, due: DateSpan | None) -> None:
    found = _run(text, published=published)
    assert len(found) == 1
    assert found[0].due == due


# --- parties ------------------------------------------------------------------------------------------

def test_parties_from_person_and_org_subjects() -> None:
    assert _run("Ardana akan mengunjungi Syldavia pekan depan.")[0].parties == ["BRD"]
    assert _run("Tentara Syldavia akan menggelar latihan gabungan di perbatasan.")[0].parties == ["SYL"]


def test_reporting_verb_starts_the_subject() -> None:
    found = _run("Otto Kessel mengatakan Ardana akan menghadiri penandatanganan di Klow.")
    assert found[0].parties == ["BRD"]


def test_group_subject_takes_the_countries_in_play() -> None:
    text = ("Borduria dan Syldavia bertemu di Klow. Borduria menyambut Syldavia. Zembla mengamati. "
            "Kedua pemimpin akan menandatangani nota kesepahaman.")
    assert set(_run(text)[0].parties) == {"BRD", "SYL"}


def test_pronoun_takes_the_previous_commitment_parties() -> None:
    found = _run("Selama latihan, pihak Syldavia akan menyumbangkan bahan sekolah. "
                 "Mereka juga akan menyelenggarakan pertandingan sepak bola dengan warga Borduria.")
    assert [c.parties for c in found] == [["SYL"], ["SYL"]]


def test_two_cues_in_one_sentence_keep_their_own_subjects() -> None:
    found = _run("Sebagai bagian dari kesepakatan, Borduria akan membebaskan tawanan, sementara pengamat "
                 "dari Zembla akan ditempatkan di perbatasan.")
    assert [c.parties for c in found] == [["BRD"], ["ZMB"]]


def test_countries_of_the_action_when_the_subject_names_none() -> None:
    found = _run("Para prajurit siap untuk latihan gabungan antara tentara Borduria, Syldavia dan Zembla.")
    assert set(found[0].parties) == {"BRD", "SYL", "ZMB"}


def test_a_promised_visit_has_its_host_after_the_visitor() -> None:
    found = _run("The official visit to Syldavia by Ardana Wirya on 11 December will bring great benefits.",
                 language="en")
    assert found[0].parties == ["BRD", "SYL"]


def test_the_destination_of_another_action_is_not_a_party() -> None:
    assert _run("Borduria akan mengirim bantuan kemanusiaan ke Syldavia.")[0].parties == ["BRD"]


@pytest.mark.parametrize(("text", "language", "action"), [
    ("The official visit to Syldavia by Ardana Wirya on 11 December will bring great benefits.", "en",
     "official visit to Syldavia"),
    ("Kunjungan Ardana Wirya ke Syldavia akan berlangsung pada 11-12 Desember.", "id",
     "Kunjungan Ardana Wirya ke Syldavia"),
    ("KTT ketiga Borduria, Syldavia dan Zembla, yang dijadwalkan Senin, akan membahas keamanan.", "id",
     "KTT ketiga Borduria, Syldavia dan Zembla"),
])
def test_a_scheduled_event_subject_is_the_action(text: str, language: str, action: str) -> None:
    found = _run(text, language=language)
    assert [c.action for c in found] == [action]
    assert found[0].explain is not None and found[0].explain.rule == "event-scheduled"


def test_each_clause_keeps_its_own_due_date() -> None:
    text = ("Ardana Wirya will attend a border committee meeting with Syldavia in Klow, and an initial "
            "ceasefire agreement, which will take effect on December 27, was reached.")
    found = _run(text, language="en")
    assert [c.due for c in found] == [None, DateSpan("--12-27", "--12-27")]


# --- made_at ------------------------------------------------------------------------------------------

def test_made_at_links_the_meeting_of_the_same_sentence() -> None:
    text = "Dalam pertemuan di Klow, Borduria dan Syldavia sepakat membuka pos lintas batas baru."
    found = _run(text, events=[("CONSULT", "meeting", None, "Dalam pertemuan di Klow")])
    assert found[0].made_at == "e1"


def test_made_at_links_the_nearest_earlier_meeting() -> None:
    text = ("Ardana bertemu Otto Kessel di Klow. Syldavia menyerang pos Zembla. "
            "Kedua pihak sepakat membuka pos lintas batas baru.")
    events = [("CONSULT", "meeting", None, "Ardana bertemu Otto Kessel di Klow"),
              ("ASSAULT", "clash", None, "Syldavia menyerang pos Zembla")]
    assert _run(text, events=events)[0].made_at == "e1"


def test_a_future_event_is_not_where_its_announcement_was_made() -> None:
    text = "Ardana akan melakukan kunjungan resmi ke Syldavia."
    found = _run(text, events=[("CONSULT", "visit", None, "akan melakukan kunjungan resmi ke Syldavia")])
    assert found[0].made_at is None


def test_no_event_no_link() -> None:
    assert _run("Borduria dan Syldavia sepakat membuka pos lintas batas baru.")[0].made_at is None


# --- repeats, order, explain -------------------------------------------------------------------------------

def test_a_repeated_commitment_is_kept_once_with_its_due_date() -> None:
    text = ("Borduria dan Syldavia akan menandatangani perjanjian damai di Klow. "
            "Penandatanganan perjanjian antara Borduria dan Syldavia akan dilakukan pada 5 Mei 2026.")
    found = _run(text, published="2026-04-01")
    assert len(found) == 1
    assert found[0].due == DateSpan("2026-05-05", "2026-05-05")
    assert found[0].id == "c1"


def test_different_actions_of_the_same_parties_are_kept() -> None:
    text = "Borduria akan membebaskan tawanan. Borduria juga akan membuka kantor penghubung di Klow."
    assert len(_run(text)) == 2


def test_explain_names_cue_and_rule() -> None:
    found = _run("Borduria dan Syldavia dijadwalkan bertemu di Klow.")
    assert found[0].explain is not None
    assert found[0].explain.trigger == "dijadwalkan"
    assert found[0].explain.rule == "schedule-concrete"


def test_empty_document() -> None:
    assert _run("") == []
