"""Stage `events`: PLOVER-typed happenings with their arguments and evidence.

Reads `doc.text`, `doc.sentences` (the evidence unit), `doc.entities` + `doc.mentions` (countries,
participants, places) and `doc.published.date` (the anchor of relative dates). Writes `doc.events`.

Steps, one module of `pantau.events` each:
1. `triggers`: every lexicon trigger in the text (`data/event-triggers.tsv`, Indonesian and English).
2. `happening`: keep the triggers that report something that took place (not planned, negated,
   a purpose, or a bare noun without a sign that it happened).
3. Per sentence, one event per (type, mode); a meeting named in the same sentence as a visit or a
   conference is part of it, not another event. Several types in one sentence are several events.
4. `arguments`, `timing`, `series`, `contexts`: actors/targets, participants, place, date,
   mechanism and ordinal, contexts.
5. `merge`: later reports of the same happening fold into the first; ids `e1`, `e2`, ... in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..dates import to_anchor
from ..events.arguments import ArgumentFinder
from ..events.contexts import ContextCues
from ..events.happening import SentenceFacts, judge
from ..events.merge import Report, merge_reports
from ..events.series import series_of
from ..events.timing import DateIndex
from ..events.triggers import Trigger, TriggerLexicon, load_forms
from ..model import DateSpan, Document, Event, Explain, Mention

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_CLAUSE_END = re.compile(r"[.;!?]")
_TIME_CUE = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|kemarin|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday)\b",
    re.IGNORECASE,
)
"""A day named without a resolvable date still tells when: such a report is more specific."""
_BACK_REFERENCE = re.compile(r"\s+(?:\S+\s+){0,2}?(?:tersebut|ini|itu)\b", re.IGNORECASE)
"""A noun followed by a demonstrative ("pertemuan tersebut", "kunjungan ke Laos ini") refers back."""
_QUOTES = frozenset("\"“”'‘")
"""A sentence that opens with a quote is reported speech: the narrative report of a happening is preferred."""
_REACH = 80
_LOOK_BACK = 2


@dataclass(slots=True, frozen=True)
class _Hit:
    trigger: Trigger
    rule: str
    sentence: tuple[int, int]
    back_reference: bool


class EventExtractor:
    """`Document -> Document`; loads the trigger lexicon and context cues once."""

    def __init__(self) -> None:
        self._lexicon = TriggerLexicon(load_forms())
        self._contexts = ContextCues()

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        if not text:
            doc.events = []
            return doc
        day = to_anchor(doc.published.date if doc.published else None)
        dates = DateIndex.of(text, day.isoformat() if day else None)
        persons = [m for m in doc.mentions if m.type == "PERSON"]
        parties = [m for m in doc.mentions if m.type != "LOCATION"]
        hits: list[_Hit] = []
        for trig in self._lexicon.find(text):
            sentence = _sentence_of(doc, trig.start)
            facts = SentenceFacts(
                sentence[0],
                sentence[1],
                past_date=dates.has_past(*sentence),
                future_date_in_clause=dates.future_in_clause(text, *sentence, trig.start, trig.end),
                person_after=_named_after(text, persons, trig),
                party_after=_named_after(text, parties, trig),
            )
            rule = judge(text, trig, facts)
            if rule is not None:
                back = trig.form.kind == "noun" and _BACK_REFERENCE.match(text, trig.end) is not None
                hits.append(_Hit(trig, rule, sentence, back))
        args = ArgumentFinder.of(doc)
        paragraphs = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        reports = [self._report(doc, h, args, dates, paragraphs) for h in _one_per_sentence(text, hits)]
        doc.events = merge_reports(reports)
        for i, ev in enumerate(doc.events, 1):
            ev.id = f"e{i}"
        return doc

    def _report(
        self, doc: Document, hit: _Hit, args: ArgumentFinder, dates: DateIndex, paragraphs: list[int]
    ) -> Report:
        text, trig = doc.text, hit.trigger
        start, end = hit.sentence
        i = bisect_right(paragraphs, start)
        p_start, p_end = paragraphs[i - 1], paragraphs[i] if i < len(paragraphs) else len(text)
        sides = args.sides(trig, hit.sentence, (p_start, p_end))
        series = series_of(text, trig, end)
        own_date = dates.in_sentence(text, hit.sentence, (trig.start, trig.end))
        item = _item_of(text, hit.sentence, trig.start)
        location = args.location(trig, *item)
        event = Event(
            id="",
            type=trig.form.type,
            mode=trig.form.mode,
            evidence=doc.span(start, end),
            contexts=self._contexts.contexts(text[start:end]),
            actors=sides.actors,
            targets=sides.targets,
            participants=args.participants(start, end),
            date=own_date or _earlier_date(doc, dates, p_start, start),
            location=location,
            mechanism=series.mechanism,
            ordinal=series.ordinal,
            explain=Explain(trigger=trig.text, rule=hit.rule),
        )
        when = 3 if own_date is not None else 1 if _TIME_CUE.search(text, start, end) else 0
        quoted = text[start:end].lstrip()[:1] in _QUOTES
        specificity = when + (location is not None) + (series.ordinal is not None) - quoted
        return Report(event, specificity, hit.back_reference, trig.start, own_date)


def _item_of(text: str, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
    """The semicolon-separated item of a listing sentence that holds `offset` (else the sentence)."""
    start = text.rfind(";", sentence[0], offset) + 1 or sentence[0]
    end = text.find(";", offset, sentence[1])
    return max(start, sentence[0]), sentence[1] if end < 0 else end


def _sentence_of(doc: Document, offset: int) -> tuple[int, int]:
    """The sentence around `offset`, or its line when no sentence covers it (a title, a list item)."""
    s = doc.sentence_at(offset)
    if s is not None:
        return s.start, s.end
    start = doc.text.rfind("\n", 0, offset) + 1
    end = doc.text.find("\n", offset)
    return start, len(doc.text) if end < 0 else end


def _named_after(text: str, mentions: list[Mention], trig: Trigger) -> bool:
    """One of `mentions` follows the trigger closely, in its clause (a guest, an addressee)."""
    for m in mentions:
        if trig.end <= m.start <= trig.end + _REACH:
            return not _CLAUSE_END.search(text, trig.end, m.start)
    return False


def _one_per_sentence(text: str, hits: list[_Hit]) -> list[_Hit]:
    """One hit per (sentence, type, mode), or per semicolon-separated item of a listing sentence,
    preferring a hit that names a happening over one that refers back to it ("Konferensi ini ...
    hasil Konferensi ke-12"); a meeting beside a visit or conference in the same sentence is part of it."""
    consult: dict[tuple[int, int], set[str]] = {}
    for h in hits:
        if h.trigger.form.type == "CONSULT":
            consult.setdefault(h.sentence, set()).add(h.trigger.form.mode)
    chosen: dict[tuple[tuple[int, int], int, str, str], _Hit] = {}
    for h in hits:
        form = h.trigger.form
        if form.type == "CONSULT" and form.mode == "meeting" and consult[h.sentence] & {"visit", "conference"}:
            continue
        key = (h.sentence, text.count(";", h.sentence[0], h.trigger.start), form.type, form.mode)
        if key not in chosen or (chosen[key].back_reference and not h.back_reference):
            chosen[key] = h
    return sorted(chosen.values(), key=lambda h: h.trigger.start)


def _earlier_date(doc: Document, dates: DateIndex, paragraph_start: int, sentence_start: int) -> DateSpan | None:
    """The date of the nearest dated sentence before this one in its paragraph or, across paragraph
    breaks, among the `_LOOK_BACK` sentences before it (one-sentence paragraphs are common in news)."""
    i = bisect_right(doc.sentences, sentence_start - 1, key=lambda s: s.start) - 1
    steps = 0
    while i >= 0 and (doc.sentences[i].start >= paragraph_start or steps < _LOOK_BACK):
        s = doc.sentences[i]
        found = dates.of_span(s.start, s.end, near=s.end)
        if found is not None:
            return found
        i -= 1
        steps += 1
    return None
