"""Whether a trigger reports something that took place: the precision gate of the events stage.

Decisions (each returns the rule name that `Explain.rule` records):
- Negated, prevented, hypothetical and habitual triggers ("tidak bertemu", "mencegah konflik",
  "jika", "kerap mengimbau", "did not sign", anything in the clause of an "if"/"jika") are dropped:
  none reports one happening.
- Planned or future happenings ("akan bertemu", "dijadwalkan", "will attend a meeting", "jadwal
  kunjungan", "pertemuan berikutnya", "KTT ..., yang dijadwalkan Senin") are commitments, not
  events; so is what parties agreed to do ("sepakat mengadakan pertemuan"), and a trigger with a
  date after the publication date in its own clause. The modal may stand up to 12 words before,
  but not before a coordinated result predicate ("akan mulai berlaku ... dan dicapai dalam sebuah
  pertemuan": the meeting took place). A noun in an opening setting phrase ("Dalam kunjungan ini,
  Menhan dijadwalkan bertemu ...") is not made future by the main clause after its comma.
- A verb in a purpose phrase ("untuk bertemu", "to meet") is an intention, not a report.
- A verb (kind `verb`/`host`) otherwise counts, except that a request, accusation, threat,
  refusal or praise needs an addressee named after it (a country, person, organisation or "kedua
  pemimpin") unless it is mutual ("saling menuduh"): "meminta agar ..." addressed to no one is a
  statement, not an act between parties.
- A noun (kind `noun`) names a kind of happening and counts only with a cue that this one took
  place: a doing verb or temporal preposition before it ("melakukan kunjungan", "dalam pertemuan",
  "held talks"), a happening verb after it ("berlangsung", "digelar", "took place", not "dapat
  berlangsung"), a destination ("kunjungan ke Laos"), an ordinal ("KTT ke-47", "the 3rd ...
  Meeting") or a past date in the sentence. A doing verb that is itself a purpose ("untuk
  menghadiri KTT") does not count. Generic nouns ("kerja sama pertahanan") are not in the lexicon.
- A state (kind `agreed`, a ceasefire) counts when agreed, reached, declared or in effect.
- A host verb (kind `host`, "menerima", "hosted") needs its guest: a person named right after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .series import series_of
from .triggers import Trigger

_WORDS = r"(?:[^\s.;:!?]+\s+)"
_TAIL = r"[(\"'“‘]?$"
"""The end of the text before a trigger, which may open a bracket or a quote: "puncak (KTT)"."""
_NEGATION = re.compile(
    rf"\b(?:tidak|tak|belum|bukan|tanpa|batal|gagal|jika|apabila|seandainya|kalau|mencegah|menghindari|"
    rf"mengakhiri|penyelesaian|menyelesaikan|resolusi|kerap|sering|selalu|biasanya|senantiasa|not|never|no|if|unless|didn't|didn’t|failed\s+to|"
    rf"won't|won’t|prevent|avoid|end|resolve|resolution|settlement|often|always|usually|regularly)\s+{_WORDS}?{_TAIL}",
    re.IGNORECASE,
)
_FUTURE_BEFORE = re.compile(
    rf"\b(?:akan|hendak|bakal|berencana|merencanakan|direncanakan|dijadwalkan|rencananya|diharapkan|ingin|"
    rf"berharap|siap|jadwal|agenda|will|would|shall|plans?|planned|scheduled|schedule|expected\s+to|set\s+to|"
    rf"intends?\s+to|upcoming|next|ready)\s+{_WORDS}{{0,11}}{_TAIL}",
    re.IGNORECASE,
)
_AGREED_TO = re.compile(
    rf"\b(?:sepakat|bersepakat|menyepakati|setuju|menyetujui|berjanji|agreed|agree|pledged|promised)\s+"
    rf"{_WORDS}{{0,11}}{_TAIL}",
    re.IGNORECASE,
)
"""An agreement to do something is a commitment, not the happening itself (except for a ceasefire)."""
_FUTURE_AFTER = re.compile(
    rf"^\s*(?:{_WORDS}{{0,1}}(?:berikutnya|selanjutnya|mendatang|yang\s+akan\s+datang)\b|"
    rf"[^.;!?]{{0,120}}?\b(?:akan\s+(?:di|ber|ter)\w+|dijadwalkan|direncanakan|will\s+be\s+held|"
    rf"is\s+scheduled|are\s+scheduled|was\s+scheduled|is\s+planned|is\s+expected))",
    re.IGNORECASE,
)
_PURPOSE = re.compile(r"\b(?:untuk|guna|demi|agar|supaya|to)\s+(?:segera\s+|dapat\s+|bisa\s+)?$", re.IGNORECASE)
_PURPOSE_VERB = re.compile(r"\b(?:untuk|guna|demi|agar|supaya|to)\s+\S+\s+(?:\S+\s+)?$", re.IGNORECASE)
_DOING_BEFORE = re.compile(
    rf"\b(?:melakukan|mengadakan|menggelar|menyelenggarakan|melaksanakan|menghadiri|hadir|memimpin|mengikuti|"
    rf"membuka|mengawali|memulai|memfasilitasi|berpartisipasi|ikut|dalam|pada|saat|ketika|selama|usai|seusai|"
    rf"setelah|sesudah|sela|telah|sudah|berhasil|sempat|held|hold|holds|holding|conducted|attended|attending|"
    rf"chaired|co-chaired|opened|during|at|after|following|has|have|had|joined|participated|took\s+part)\s+"
    rf"{_WORDS}{{0,3}}{_TAIL}",
    re.IGNORECASE,
)
_HAPPENED_AFTER = re.compile(
    r"^(?P<gap>[^.;!?]{0,80}?)\b(?:berlangsung|digelar|diadakan|dilaksanakan|diselenggarakan|dimulai|dibuka|"
    r"ditutup|berakhir|dihadiri|dipimpin|dilakukan|terjadi|memanas|pecah|meletus|took\s+place|was\s+held|were\s+held|"
    r"held\s+in|held\s+at|held\s+on|began|kicked\s+off|concluded|ended|wrapped\s+up|erupted|broke\s+out|"
    r"reignited|flared)\b",
    re.IGNORECASE,
)
_MODAL = re.compile(r"\b(?:dapat|bisa|harus|perlu|agar|supaya|can|could|should|must|may|might)\s*$", re.IGNORECASE)
_DESTINATION = re.compile(rf"^\s*{_WORDS}{{0,3}}?(?:ke|to|menuju)\s+[A-ZÀ-Ý]")
_AGREED_BEFORE = re.compile(
    rf"\b(?:sepakat|menyepakati|disepakati|kesepakatan|menyetujui|disetujui|mengumumkan|diumumkan|menerapkan|"
    rf"memberlakukan|diberlakukan|tercapai|mencapai|melakukan|agreed|agree|reached|consensus|declared|"
    rf"announced|brokered|implemented|signed)\s+{_WORDS}{{0,7}}{_TAIL}",
    re.IGNORECASE,
)
_AGREED_AFTER = re.compile(
    r"^[^.;!?]{0,60}?\b(?:berlaku|tercapai|disepakati|took\s+effect|came\s+into\s+effect|went\s+into\s+effect|"
    r"was\s+agreed|was\s+reached|was\s+signed|dimediasi|brokered)\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(r"\b(?:jika|apabila|bila|seandainya|andaikan|kalau|if|unless)\b[^,;:.!?]*$", re.IGNORECASE)
"""A trigger inside a conditional clause ("if the two ministers reach a consensus at the meeting") is hypothetical."""
_NEW_PREDICATE = re.compile(
    r"\b(?:dan|serta|and)\s+(?:(?:telah|sudah)\s+\w+|(?:telah\s+|sudah\s+)?(?:dicapai|disepakati|ditandatangani|"
    r"diputuskan|dihasilkan|diumumkan|tercapai)|was\s+(?:reached|agreed|signed|announced)|"
    r"(?:had|has|have)\s+(?:been\s+)?\w+ed)\b",
    re.IGNORECASE,
)
"""A coordinated predicate that reports a result or a completed act: a modal before it is out of scope."""
_SETTING = re.compile(
    r"\s*(?:dalam|setelah|sesudah|usai|seusai|selama|saat|ketika|pada|during|after|following|at)\s+"
    r"(?:[^\s,]+\s+){0,2}$",
    re.IGNORECASE,
)
"""A sentence that opens with a setting phrase ("Dalam kunjungan ini, ...", "Setelah upacara penyambutan,
..."): the main clause's modal, after the comma, plans what happens in that setting, not the setting."""
_MUTUAL = re.compile(r"\b(?:saling|each\s+other|one\s+another)\b", re.IGNORECASE)
_GROUP_ADDRESSEE = re.compile(
    r"^[^.;!?]{0,60}?\b(?:kedua|ketiga|para|both|the\s+two)\s+(?:pemimpin|pihak|negara|pemerintah|leaders|sides|"
    r"countries|governments)\b",
    re.IGNORECASE,
)
ADDRESSED_TYPES: frozenset[str] = frozenset(["REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"])
"""Acts towards another party: they need an addressee named after the trigger."""
_WINDOW = 140


@dataclass(slots=True, frozen=True)
class SentenceFacts:
    """What the gate needs to know about the trigger's sentence."""

    start: int
    end: int
    past_date: bool
    """The sentence states a date on or before the publication date (or an unresolvable one)."""
    future_date_in_clause: bool
    """A date after the publication date stands in the trigger's own clause."""
    person_after: bool
    """A person is named in the clause right after the trigger (the guest of a host verb)."""
    party_after: bool
    """A country, person or organisation is named in the clause after the trigger."""


def judge(text: str, trigger: Trigger, facts: SentenceFacts) -> str | None:
    """The rule under which `trigger` reports a happening, or `None` when it does not."""
    before = text[max(facts.start, trigger.start - _WINDOW) : trigger.start]
    after = text[trigger.end : min(facts.end, trigger.end + _WINDOW)]
    kind = trigger.form.kind
    if _NEGATION.search(before) or _CONDITION.search(before) or _FUTURE_BEFORE.search(_last_predicate(before)):
        return None
    if kind == "agreed":
        if _AGREED_BEFORE.search(before):
            return "agreed:before"
        return "agreed:after" if _AGREED_AFTER.match(after) else None
    if _AGREED_TO.search(before) or facts.future_date_in_clause:
        return None
    if kind in ("verb", "host"):
        return _judge_verb(trigger, before, after, facts)
    if _SETTING.match(text, facts.start, trigger.start):
        after = after.split(",", 1)[0]
    return _judge_noun(text, trigger, before, after, facts)


def planned(text: str, trigger: Trigger, facts: SentenceFacts) -> bool:
    """The trigger names a planned or scheduled happening ("akan melakukan kunjungan", "dijadwalkan
    bertemu", "the visit will take place"), not a negated or hypothetical one."""
    before = text[max(facts.start, trigger.start - _WINDOW) : trigger.start]
    if _NEGATION.search(before) or _CONDITION.search(before):
        return False
    if _FUTURE_BEFORE.search(_last_predicate(before)) or facts.future_date_in_clause:
        return True
    after = text[trigger.end : min(facts.end, trigger.end + _WINDOW)]
    return trigger.form.kind == "noun" and _FUTURE_AFTER.match(after) is not None


def _last_predicate(before: str) -> str:
    """The text before a trigger from the last predicate that a coordinator joins to an earlier one
    and that reports a result ("akan mulai berlaku ... dan dicapai dalam pertemuan"): the modal of the
    first predicate does not reach past it."""
    ends = [m.end() for m in _NEW_PREDICATE.finditer(before)]
    return before[ends[-1] :] if ends else before


def _judge_verb(trigger: Trigger, before: str, after: str, facts: SentenceFacts) -> str | None:
    if _PURPOSE.search(before):
        return None
    if trigger.form.kind == "host":
        return "host" if facts.person_after else None
    if trigger.form.type in ADDRESSED_TYPES and not (
        facts.party_after or _GROUP_ADDRESSEE.match(after) or _MUTUAL.search(before[-30:] + trigger.text)
    ):
        return None
    return "verb"


def _judge_noun(text: str, trigger: Trigger, before: str, after: str, facts: SentenceFacts) -> str | None:
    if _FUTURE_AFTER.match(after):
        return None
    if _DOING_BEFORE.search(before) and not _PURPOSE_VERB.search(before[-40:]):
        return "noun:doing-before"
    happened = _HAPPENED_AFTER.match(after)
    if happened and not _MODAL.search(happened.group("gap")):
        return "noun:happened-after"
    if trigger.form.mode == "visit" and _DESTINATION.match(after):
        return "noun:destination"
    if series_of(text, trigger, facts.end).ordinal is not None:
        return "noun:ordinal"
    if facts.past_date:
        return "noun:dated"
    return None
