"""Stage `commitments`: concrete future actions the parties agreed, pledged, planned or scheduled.

Reads `doc.sentences` (evidence unit), `doc.entities` + `doc.mentions` (parties, through
`pantau.actors.ActorIndex`), `doc.events` (for `made_at`; the `events` stage runs before this one)
and `doc.published` (anchor of relative due dates). Writes `doc.commitments`.

Per sentence: cues (`pantau.commitments.clauses`), one candidate per action item, kept when
`pantau.commitments.judge` finds it concrete; parties, due date and `made_at` from their modules.
Decisions made here:
- Headlines and section headings (no closing punctuation, mostly capitalised, or the title) are
  skipped: they repeat the body in telegraphic form.
- Ending hostilities ("sepakat melakukan gencatan senjata") is reported as an event; it is a
  commitment only when the clause gives it a future start ("mulai tengah malam ini").
- `evidence` is the whole sentence (one sentence may hold several commitments, each with the same
  evidence); `action` is the item from its head word to its first comma, except for a scheduled
  event whose subject is the event noun ("Kunjungan PM X akan berlangsung pada ...", "The official
  visit to Vietnam by ... will take place"): its action is that noun phrase, not the predicate.
- A promised visit has the host country of its destination ("kunjungan ke Vietnam") among its
  parties, after the visitor.
- The same commitment repeated in a document (same action kind, the parties of one report among those
  of the other, e.g. a visit whose host only one report names; compatible due dates; or the same action
  text) is kept once: the report that gives a due date, else the first.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..actors import ActorIndex
from ..commitments.clauses import Clause, SentenceReader, Token, tokenize
from ..commitments.due import DueFinder
from ..commitments.judge import Judge, Verdict
from ..commitments.lexicon import CommitmentLexicons
from ..commitments.linking import made_at
from ..commitments.parties import PartyResolver, fallback, surnames
from ..dates import DateMatch, find_dates, to_anchor
from ..model import Commitment, DateSpan, Document, Explain, Sentence

_CLOSING = re.compile(r"[.!?…\"'”’)]\s*$")
_EVENT_MODIFIERS = frozenset({"official", "state", "working", "first", "next", "upcoming"})
"""English modifiers before an event noun that belong to the action ("official visit")."""
_PHRASE_END = frozenset({"by", "oleh", "from", "dari", "on", "pada", "yang", "which", "that", "akan", "will"})
"""Words that end a scheduled event's noun phrase: its agent, its date, a relative clause, the cue."""
_HEADLINE_CAPITALS = 0.6
_HEADLINE_WORDS = 20


@dataclass(slots=True)
class _Found:
    """A commitment before ids and merging."""

    start: int
    index: int
    kind: str | None
    parties: list[str]
    action: str
    sentence: Sentence
    due: DateSpan | None
    made_at: str | None
    explain: Explain


@dataclass(slots=True)
class _Sentence:
    """One sentence being read: its tokens, their lower-case words, and its dates (found lazily)."""

    span: Sentence
    index: int
    tokens: list[Token]
    words: list[str]
    dates: list[DateMatch] | None = None


class CommitmentExtractor:
    """`Document -> Document`; loads the commitment lexicons once."""

    def __init__(self) -> None:
        lex = CommitmentLexicons.load()
        self.reader = SentenceReader(lex)
        self.judge = Judge(lex)
        self.parties = PartyResolver(lex)
        self.dues = DueFinder(lex)

    def __call__(self, doc: Document) -> Document:
        anchor = to_anchor(doc.published.date if doc.published else None)
        english = doc.language == "en"
        ix: ActorIndex | None = None
        known: dict[str, str] = {}
        found: list[_Found] = []
        for n, span in enumerate(doc.sentences):
            if not self.reader.may_have_cue(doc.text, span.start, span.end) or _headline(doc, span, first=n == 0):
                continue
            tokens = tokenize(doc.text, span.start, span.end)
            words = [t.low for t in tokens]
            cues = self.reader.cues(words)
            if not cues:
                continue
            if ix is None:
                ix, known = ActorIndex.of(doc), surnames(doc)
            sent = _Sentence(span, n, tokens, words)
            for clause in self.reader.clauses(words, cues, english=english):
                found.extend(self._read_clause(doc, ix, known, sent, clause, anchor, found))
        doc.commitments = [
            Commitment(f"c{i}", f.parties, f.action, doc.span(f.sentence.start, f.sentence.end), f.due, f.made_at,
                       f.explain)
            for i, f in enumerate(_merge(found), start=1)
        ]
        return doc

    def _read_clause(self, doc: Document, ix: ActorIndex, known: Mapping[str, str], sent: _Sentence,
                     clause: Clause, anchor: _dt.date | None, earlier: list[_Found]) -> list[_Found]:
        tokens, words = sent.tokens, sent.words
        subj_lo = clause.subject_start
        subj_hi = clause.cue.i - 1 if clause.relative else clause.cue.i
        event = self.judge.event_noun(words, self._subject_tail(words, subj_lo, subj_hi), subj_hi)
        if clause.relative:
            nouns = [k for k in range(subj_lo, subj_hi) if self.judge.event_noun(words, k, k + 1)]
            subj_lo = nouns[-1] if nouns else subj_lo
            event = self.judge.event_noun(words, subj_lo, subj_lo + 1) if nouns else None
        dates = self._dates(doc.text, sent, anchor)
        subject_dated = event is not None and any(
            d.start >= tokens[subj_lo].start and d.end <= tokens[subj_hi - 1].end for d in dates
        ) if subj_hi > subj_lo else False
        out: list[_Found] = []
        cue_offset = tokens[clause.cue.i].start
        for item in clause.items:
            verdict = self.judge.item(words, clause, item, subject_event=event[0] if event else None,
                                      subject_dated=subject_dated)
            if verdict is None:
                continue
            spans = [item, (subj_lo, subj_hi)] if event else [item]
            due = self.dues.due(dates, tokens, spans, verdict.start, clause.cue.i, anchor)
            if verdict.kind == "cessation" and due is None:
                continue
            linked = made_at(doc.events, sent.span, cue_offset, clause.cue.role)
            previous = out[-1].parties if out else (earlier[-1].parties if earlier and _near(earlier[-1], sent)
                                                    else None)
            parties = self._parties(ix, known, tokens, subj_lo, subj_hi, item, previous) or fallback(ix, linked)
            if verdict.kind == "visit":
                for lo, hi in spans:
                    parties += [c for c in self.parties.destinations(ix, tokens, lo, hi) if c not in parties]
            if verdict.rule == "event-scheduled" and event is not None:
                action = _noun_phrase(doc.text, tokens, event[1], subj_hi, dates)
            else:
                action = _action_text(doc.text, tokens, verdict, item)
            out.append(_Found(
                start=tokens[verdict.start].start, index=sent.index, kind=verdict.kind, parties=parties,
                action=action, sentence=sent.span, due=due,
                made_at=linked.id if linked else None,
                explain=Explain(doc.text[cue_offset:tokens[clause.cue.j - 1].end], verdict.rule),
            ))
        return out

    def _parties(self, ix: ActorIndex, known: Mapping[str, str], tokens: list[Token], lo: int, hi: int,
                 item: tuple[int, int], previous: list[str] | None) -> list[str]:
        named = self.parties.subject(ix, tokens, lo, hi, known) if hi > lo else None
        if named:
            return named
        if named is None and previous:
            return previous
        return self.parties.action(ix, tokens, *item)

    @staticmethod
    def _subject_tail(words: list[str], lo: int, hi: int) -> int:
        commas = [k + 1 for k in range(lo, hi) if words[k] == ","]
        tail = max(commas, default=lo)
        return tail if tail < hi else lo

    @staticmethod
    def _dates(text: str, sent: _Sentence, anchor: _dt.date | None) -> list[DateMatch]:
        if sent.dates is None:
            base = sent.span.start
            sent.dates = [DateMatch(d.start + base, d.end + base, d.text, d.span, d.precision, d.relative)
                          for d in find_dates(text[sent.span.start:sent.span.end], anchor=anchor)]
        return sent.dates


def _action_text(text: str, tokens: list[Token], verdict: Verdict, item: tuple[int, int]) -> str:
    """The item from its head word to its first comma (or its end), as written."""
    words_end = item[1]
    for k in range(verdict.start + 1, item[1]):
        if tokens[k].text in (",", ";", "("):
            words_end = k
            break
    return text[tokens[verdict.start].start:tokens[words_end - 1].end].strip(" ,;:.!?\"“”")


def _noun_phrase(text: str, tokens: list[Token], head: int, stop: int, dates: list[DateMatch]) -> str:
    """A scheduled event's subject as the action ("The official visit to Vietnam by PM X from 11-12
    December will take place" -> "official visit to Vietnam"): from its modifiers and event noun up to
    the agent ("by", "oleh"), a date, a relative pronoun or a comma that does not continue a name list."""
    start = head
    while start > 0 and tokens[start - 1].low in _EVENT_MODIFIERS:
        start -= 1
    end = stop
    for k in range(head + 1, stop):
        t = tokens[k]
        nxt = tokens[k + 1].text if k + 1 < stop else ""
        if t.low in _PHRASE_END or any(d.start <= t.start < d.end for d in dates) \
                or (t.text == "," and not nxt[:1].isupper()):
            end = k
            break
    return text[tokens[start].start:tokens[end - 1].end].strip(" ,;:.!?\"“”")


def _near(f: _Found, sent: _Sentence) -> bool:
    """The previous commitment is in this sentence or the one before."""
    return sent.index - f.index <= 1


def _headline(doc: Document, span: Sentence, *, first: bool) -> bool:
    text = doc.text[span.start:span.end].strip()
    if _CLOSING.search(text):
        return False
    if first or (doc.title and text.casefold() == doc.title.strip().casefold()):
        return True
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and len(words) <= _HEADLINE_WORDS \
        and sum(w[0].isupper() for w in words) / len(words) >= _HEADLINE_CAPITALS


def _merge(found: list[_Found]) -> list[_Found]:
    """One commitment per repeated report, in text order (see the module docstring)."""
    kept: list[_Found] = []
    for f in found:
        twin = next((k for k in kept if _same(k, f)), None)
        if twin is None:
            kept.append(f)
        elif twin.due is None and f.due is not None:
            kept[kept.index(twin)] = f
    return sorted(kept, key=lambda f: f.start)


def _same(a: _Found, b: _Found) -> bool:
    if a.due is not None and b.due is not None and a.due != b.due:
        return False
    if a.kind is not None and a.kind == b.kind:
        pa, pb = set(a.parties), set(b.parties)
        return (pa <= pb or pb <= pa) and bool(pa) == bool(pb) and a.sentence != b.sentence
    return a.action.casefold() == b.action.casefold()
