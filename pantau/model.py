"""The data pantau works on: one `Document` per input, with everything pointing into `Document.text`.

No I/O and no logic here beyond small invariants; `pantau.record` turns these into the JSON output
contract (`pantau.document/1`) and back.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EntityType = Literal["PERSON", "ORG", "COUNTRY", "LOCATION"]
NoiseKind = Literal["boilerplate", "navigation", "spam", "ad", "comment", "duplicate"]
PublishedSource = Literal["input", "metadata", "url", "text"]
RawKind = Literal["text", "html"]

NOISE_KINDS: tuple[str, ...] = ("boilerplate", "navigation", "spam", "ad", "comment", "duplicate")
PUBLISHED_SOURCES: tuple[str, ...] = ("input", "metadata", "url", "text")


@dataclass(slots=True, frozen=True)
class Evidence:
    """A span of `Document.text`; invariant: `text == doc.text[start:end]` (made by `Document.span`)."""

    start: int
    end: int
    text: str


@dataclass(slots=True, frozen=True)
class DateSpan:
    """ISO dates at the precision the text supports: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD`, `--MM`."""

    start: str
    end: str


@dataclass(slots=True, frozen=True)
class Published:
    date: str
    source: PublishedSource


@dataclass(slots=True, frozen=True)
class Noise:
    text: str
    kind: NoiseKind


@dataclass(slots=True, frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class Place:
    name: str
    country: str | None = None


@dataclass(slots=True, frozen=True)
class StageFailure:
    stage: str
    error: str
    message: str


@dataclass(slots=True)
class Mention:
    """One occurrence of an entity in the text."""

    start: int
    end: int
    text: str
    type: EntityType
    entity_id: str | None = None
    source: str = "rule"


@dataclass(slots=True)
class Entity:
    id: str
    type: EntityType
    name: str
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class Explain:
    """Why an event or commitment was extracted: the trigger words and the rule that fired.
    Written to the record only on request (`pantau extract --explain`)."""

    trigger: str
    rule: str


@dataclass(slots=True)
class Event:
    id: str
    type: EventType
    evidence: Evidence
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    date: DateSpan | None = None
    location: Place | None = None
    mechanism: str | None = None
    ordinal: int | None = None
    explain: Explain | None = None


@dataclass(slots=True)
class Commitment:
    id: str
    parties: list[str]
    action: str
    evidence: Evidence
    due: DateSpan | None = None
    made_at: str | None = None
    explain: Explain | None = None


@dataclass(slots=True)
class Figure:
    """A quantity the text states; `value` is in base units (9,5 miliar dolar AS -> 9.5e9, `USD`)."""

    value: float
    unit: str
    evidence: Evidence
    metric: str | None = None
    parties: list[str] = field(default_factory=list)
    period: DateSpan | None = None
    change_pct: float | None = None


@dataclass(slots=True)
class InputHints:
    """What the input record itself said about the document (trusted first, `published.from == "input"`)."""

    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    html: str | None = None  # HTML given alongside `text`: read for metadata only


@dataclass(slots=True)
class Document:
    """The one object every stage receives and returns."""

    id: str
    raw: str
    raw_kind: RawKind = "text"
    hints: InputHints = field(default_factory=InputHints)
    origin: str | None = None
    text: str = ""
    url: str | None = None
    title: str | None = None
    language: str | None = None
    published: Published | None = None
    noise: list[Noise] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    failures: list[StageFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def span(self, start: int, end: int) -> Evidence:
        """The only way stages make Evidence, so offsets and text cannot disagree."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the text of {self.id!r} (length {len(self.text)})")
        return Evidence(start, end, self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains `offset`, if the sentence stage has run."""
        i = bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None
