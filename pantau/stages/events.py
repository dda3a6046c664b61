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
from dataclasses import dataclass, field

from ..dates import to_anchor
from ..events.arguments import ArgumentFinder
from ..events.contexts import ContextCues
from ..events.happening import SentenceFacts, judge, planned
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
_REFERS_BACK = re.compile(
    r"\W*(?:(?:[\w-]+\s+){1,2}(?:ini|itu|tersebut)\b|(?:mereka|beliau|keduanya|they|this|these|that)\b)",
    re.IGNORECASE,
)
"""A sentence that opens with an anaphoric subject ("Kerjasama ini", "Mereka", "This meeting")."""
_QUOTES = frozenset("\"“”'‘")
"""A sentence that opens with a quote is reported speech: the narrative report of a happening is preferred."""
_CAPTION = re.compile(
    r"^\s*(?:foto|photo|gambar|dok\.?)\s*:|\((?:[^()]{0,25}(?:foto|photo|dok|file|/)[^()]{0,40}|[A-Z][\w.&-]*"
    r"(?:\s+[A-Z][\w.&-]*){0,2})\)\s*$",
    re.IGNORECASE,
)
"""A photo caption line: "Foto: ...", or a line ending with a credit "(Antara)", "(ANTARA FOTO/...)", "(Dok. ...)"."""
_BODY_GAP = re.compile(r"\s+(?:of\s+(?:the\s+)?)?", re.IGNORECASE)
"""Between a meeting noun and the organisation that holds it: "meeting of the National Security Council"."""
_REACH = 80
_LOOK_BACK = 2


@dataclass(slots=True, frozen=True)
class _Hit:
    trigger: Trigger
    rule: str
    sentence: tuple[int, int]
    back_reference: bool


@dataclass(slots=True)
class _Context:
    """What the reports of one document share: the document, its argument finder, its dates, its
    paragraph starts and its lexicon triggers by sentence."""

    doc: Document
    args: ArgumentFinder
    dates: DateIndex
    paragraphs: list[int]
    triggers: dict[tuple[int, int], list[Trigger]]
    bodies: list[Mention]
    """The organisation mentions, which may name the body whose meeting a trigger reports."""
    contexts: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    """The contexts of each sentence read so far (several reports may share a sentence)."""


class EventExtractor:
    """`Document -> Document`; loads the trigger lexicon and context cues once."""

    def __init__(self) -> None:
        self._lexicon = TriggerLexicon(load_forms())
        self._contexts = ContextCues()

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        triggers = list(self._lexicon.find(text)) if text else []
        if not triggers:
            doc.events = []
            return doc
        day = to_anchor(doc.published.date if doc.published else None)
        dates = DateIndex(text, day.isoformat() if day else None)
        persons = [m for m in doc.mentions if m.type == "PERSON"]
        parties = [m for m in doc.mentions if m.type != "LOCATION"]
        by_sentence: dict[tuple[int, int], list[Trigger]] = {}
        for trig in triggers:
            by_sentence.setdefault(_sentence_of(doc, trig.start), []).append(trig)
        hits: list[_Hit] = []
        rejected: list[tuple[Trigger, SentenceFacts]] = []
        for sentence, found in by_sentence.items():
            past = any(t.form.kind == "noun" for t in found) and dates.has_past(*sentence)
            for trig in found:
                facts = SentenceFacts(
                    sentence[0],
                    sentence[1],
                    past_date=past,
                    future_date_in_clause=dates.future_in_clause(*sentence, trig.start, trig.end),
                    person_after=_named_after(text, persons, trig),
                    party_after=_named_after(text, parties, trig),
                )
                rule = judge(text, trig, facts)
                if rule is not None:
                    back = trig.form.kind == "noun" and _BACK_REFERENCE.match(text, trig.end) is not None
                    hits.append(_Hit(trig, rule, sentence, back))
                else:
                    rejected.append((trig, facts))
        args = ArgumentFinder.of(doc)
        paragraphs = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        bodies = [m for m in doc.mentions if m.type == "ORG" and m.entity_id]
        context = _Context(doc, args, dates, paragraphs, by_sentence, bodies)
        reports = [self._report(context, h) for h in _one_per_sentence(text, sorted(hits, key=_at))]
        doc.events = merge_reports(reports)
        for ev in doc.events:
            if ev.date is None:
                ev.date = _planned_date(context, ev, rejected)
        for i, ev in enumerate(doc.events, 1):
            ev.id = f"e{i}"
        return doc

    def _report(self, ctx: _Context, hit: _Hit) -> Report:
        doc, args, dates = ctx.doc, ctx.args, ctx.dates
        text, trig = doc.text, hit.trigger
        start, end = hit.sentence
        i = bisect_right(ctx.paragraphs, start)
        p_start, p_end = ctx.paragraphs[i - 1], ctx.paragraphs[i] if i < len(ctx.paragraphs) else len(text)
        here = ctx.triggers[hit.sentence]
        sides = args.sides(trig, hit.sentence, (p_start, p_end), here)
        series = series_of(text, trig, end)
        others = [(t.start, t.end) for t in here if t.form.type != trig.form.type]
        own_date = dates.in_sentence(hit.sentence, (trig.start, trig.end), others)
        if own_date is None and not dates.time_only(start, end):
            date = _earlier_date(ctx, hit, p_start) or _later_date(ctx, hit.sentence, p_end)
        else:
            date = own_date
        item = _item_of(text, hit.sentence, trig.start)
        location = args.location(trig, *item)
        event = Event(
            id="",
            type=trig.form.type,
            mode=trig.form.mode,
            evidence=doc.span(start, end),
            contexts=list(ctx.contexts.get(hit.sentence) or ctx.contexts.setdefault(
                hit.sentence, self._contexts.contexts(text[start:end]))),
            actors=sides.actors,
            targets=sides.targets,
            participants=args.participants(start, end),
            date=date,
            location=location,
            mechanism=series.mechanism,
            ordinal=series.ordinal,
            explain=Explain(trigger=trig.text, rule=hit.rule),
        )
        when = 3 if own_date is not None else 1 if _TIME_CUE.search(text, start, end) else 0
        quoted = text[start:end].lstrip()[:1] in _QUOTES
        specificity = when + (location is not None) + (series.ordinal is not None) - quoted
        body = next((m.entity_id for m in ctx.bodies
                     if trig.end < m.start <= trig.end + 12 and _BODY_GAP.fullmatch(text, trig.end, m.start)), None)
        return Report(event, specificity, hit.back_reference, trig.start, own_date, _is_caption(text, start), body)


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


def _later_date(ctx: _Context, sentence: tuple[int, int], paragraph_end: int) -> DateSpan | None:
    """The date of the next sentence of the paragraph when it opens by referring back to this one
    ("Kerjasama ini dilakukan ... Selasa (9/8).", "Mereka tiba ... pada Rabu (4/10/2023)", "This
    meeting was held on ..."): it goes on reporting the same happening and gives its day."""
    doc = ctx.doc
    i = bisect_right(doc.sentences, sentence[1] - 1, key=lambda s: s.start)
    if i >= len(doc.sentences) or doc.sentences[i].start >= paragraph_end:
        return None
    nxt = doc.sentences[i]
    if not _REFERS_BACK.match(doc.text, nxt.start, nxt.end):
        return None
    return ctx.dates.of_span(nxt.start, nxt.end, near=nxt.start)


def _planned_date(
    ctx: _Context, event: Event, rejected: list[tuple[Trigger, SentenceFacts]]
) -> DateSpan | None:
    """The date that the plans (among the `rejected` triggers) of the same kind of happening with agreeing
    countries give, when they give one: a report of a visit taking place often restates the announced
    schedule ("PM X akan melakukan kunjungan resmi ke Y pada 11-12 Desember") and dates it nowhere else."""
    found: set[DateSpan] = set()
    countries = {*event.actors, *event.targets}
    for trig, facts in rejected:
        if (trig.form.type, trig.form.mode) != (event.type, event.mode) or not planned(ctx.doc.text, trig, facts):
            continue
        sentence = (facts.start, facts.end)
        date = ctx.dates.scheduled(sentence, (trig.start, trig.end))
        if date is None:
            continue
        sides = ctx.args.sides(trig, sentence, sentence, ctx.triggers[sentence])
        named = {*sides.actors, *sides.targets}
        if not named or not countries or named & countries:
            found.add(date)
    return found.pop() if len(found) == 1 else None


def _at(hit: _Hit) -> int:
    return hit.trigger.start


def _is_caption(text: str, offset: int) -> bool:
    """The line holding `offset` is a photo caption: it opens with "Foto:"/"Photo:" or ends with a
    bracketed credit and no full stop after it ("... di Kuala Lumpur, 26 Oktober 2025. (Antara)")."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : len(text) if end < 0 else end]
    return _CAPTION.search(line) is not None


def _earlier_date(ctx: _Context, hit: _Hit, paragraph_start: int) -> DateSpan | None:
    """The date of the nearest dated sentence before this one in its paragraph or, across paragraph
    breaks, among the `_LOOK_BACK` sentences before it (one-sentence paragraphs are common in news),
    when that sentence is about the same happening: this report refers back ("pertemuan tersebut"), or
    the dated sentence names a happening of the same type, or none at all. A date stated for another
    happening ("bentrokan pecah pada 7 Desember. Gencatan senjata ...") is not carried over."""
    doc = ctx.doc
    sentence_start = hit.sentence[0]
    i = bisect_right(doc.sentences, sentence_start - 1, key=lambda s: s.start) - 1
    steps = 0
    while i >= 0 and (doc.sentences[i].start >= paragraph_start or steps < _LOOK_BACK):
        s = doc.sentences[i]
        found = ctx.dates.of_span(s.start, s.end, near=s.end)
        if found is not None:
            named = {t.form.type for t in ctx.triggers.get((s.start, s.end), [])}
            same = hit.back_reference or not named or hit.trigger.form.type in named
            return found if same else None
        i -= 1
        steps += 1
    return None
