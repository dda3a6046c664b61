"""Promises across documents: the same commitment reported twice, the later event that keeps it, its status.

- Same commitment: reports from different documents with agreeing parties, the same kind of action
  (`pantau/data/action-kinds.tsv`), compatible due dates and a shared ordinal when both give one, and either the
  same due date or most content words of the action in common.
- Fulfilment: an event of the kind the action calls for (a promised visit ↔ CONSULT visit, a signing ↔ AGREE,
  an exercise or exchange ↔ COOPERATE, a ceasefire ↔ RETREAT, aid ↔ AID) that involves two of the parties
  (the one party when only one is named), with the same ordinal when both give one, dated inside the due
  window when there is one, otherwise on or after the day the promise was published and within
  `OPEN_WINDOW` of it. A promise of a numbered
  edition (beyond the first) is kept only by that edition. A promise without a year (published undated) is
  matched only to year-less or exactly dated, short events whose dates agree with its month and day.
- Status against the newest document in the store: fulfilled, overdue (due window over, nothing found),
  pending.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Literal

from .same_event import EventReport, countries_agree, fold
from .when import Interval, When, Yearless, compatible, iso_date, resolve

OPEN_WINDOW = dt.timedelta(days=400)
"""A promise with no due date is kept by an event at most this long after it was reported."""
EARLY_SLACK = dt.timedelta(days=2)
"""An event may be dated this much before the page that reports the promise (reports lag by a day or two)."""

MAX_YEARLESS_SPAN = 62
"""A year-less due date is matched only against exactly dated events this short (days)."""

Status = Literal["pending", "fulfilled", "overdue"]
_STOP = frozenset(
    "akan untuk dan yang di ke dari pada dengan dalam oleh itu ini juga telah sudah kembali para sebuah satu "
    "the a an to of and in on at for with by will be is are was were that this".split()
)


@dataclass(slots=True, frozen=True)
class ActionKind:
    type: str
    mode: str | None


@dataclass(slots=True, frozen=True)
class ActionLexicon:
    """Folded word forms → the kind of event that would fulfil the action."""

    forms: tuple[tuple[tuple[str, ...], ActionKind], ...]

    @classmethod
    def load(cls) -> ActionLexicon:
        rows = []
        text = files("pantau.data").joinpath("action-kinds.tsv").read_text(encoding="utf-8")
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            kind = ActionKind(cols[1], cols[2] if len(cols) > 2 else None)
            rows += [(tuple(fold(form).split()), kind) for form in cols[0].split(",")]
        return cls(tuple(sorted(rows, key=lambda r: -len(r[0]))))

    def kind_of(self, text: str) -> ActionKind | None:
        """The kind named first in the text (the longest form at that position)."""
        found = self._kinds(fold(text).split())
        return found[0] if found else None

    def kind_before(self, text: str) -> ActionKind | None:
        """The kind named last in the text: in a sentence cut at the end of a promised action, the noun the
        action is about ("a ceasefire agreement, which will take effect on ...")."""
        found = self._kinds(fold(text).split())
        return found[-1] if found else None

    def _kinds(self, words: list[str]) -> list[ActionKind]:
        out: list[ActionKind] = []
        i = 0
        while i < len(words):
            hit = next(((form, kind) for form, kind in self.forms if tuple(words[i:i + len(form)]) == form), None)
            if hit is None:
                i += 1
                continue
            out.append(hit[1])
            i += len(hit[0])
        return out


@dataclass(slots=True, frozen=True)
class CommitmentReport:
    """One commitment of one document, reduced to what matching compares."""

    doc: str
    commitment: str
    parties: frozenset[str]
    kind: ActionKind | None
    words: frozenset[str]
    due: When | None
    published: dt.date | None
    ordinal: int | None

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc, self.commitment)

    @classmethod
    def of(cls, doc_id: str, item: dict[str, Any], published: str | None, lexicon: ActionLexicon,
           ordinal: int | None = None) -> CommitmentReport:
        action = str(item.get("action") or "")
        evidence = str((item.get("evidence") or {}).get("text") or "")
        pub = iso_date(published)
        due = item.get("due")
        return cls(
            doc=doc_id,
            commitment=str(item["id"]),
            parties=frozenset(item.get("parties") or []),
            kind=lexicon.kind_of(action) or lexicon.kind_before(_up_to(evidence, action)),
            words=frozenset(w for w in fold(action).split() if w not in _STOP and len(w) > 2),
            due=resolve(due, pub) if due else None,
            published=pub,
            ordinal=ordinal,
        )


def _up_to(evidence: str, action: str) -> str:
    """The evidence up to the end of the action (all of it when the action is not found in it)."""
    at = evidence.find(action) if action else -1
    return evidence if at < 0 else evidence[:at + len(action)]


def same_commitment(a: CommitmentReport, b: CommitmentReport) -> bool:
    if a.doc == b.doc or a.kind is None or a.kind != b.kind:
        return False
    if not countries_agree(a.parties, b.parties):
        return False
    if a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal:
        return False
    dates = compatible(a.due, b.due)
    if dates is False:
        return False
    if dates is True:
        return True
    if not a.words or not b.words:
        return False
    return len(a.words & b.words) * 2 >= min(len(a.words), len(b.words))


def fulfils(c: CommitmentReport, e: EventReport) -> bool:
    """Whether event report `e` is the happening that keeps promise `c` (see the module docstring)."""
    if c.kind is None or e.doc == c.doc:
        return False
    if e.type != c.kind.type or (c.kind.mode and e.mode and e.mode != c.kind.mode):
        return False
    if c.parties and e.countries and len(c.parties & e.countries) < min(2, len(c.parties)):
        return False  # two sides promised: the event must involve both (one shared neighbour is not enough)
    if c.ordinal is not None and e.ordinal != c.ordinal and (c.ordinal > 1 or e.ordinal is not None):
        return False  # "the 14th" is kept only by an event known to be the 14th ("the first" need not say so)
    if isinstance(c.due, Yearless) and isinstance(e.when, Interval) and not (
            e.when.exact and (e.when.end - e.when.start).days <= MAX_YEARLESS_SPAN):
        return False  # month and day alone say little against a vague or long event date
    if c.due is not None:
        return compatible(c.due, e.when, slack_days=3) is True and _not_before(c, e)
    if c.published is None or e.when is None or isinstance(e.when, Yearless):
        return False
    return _not_before(c, e) and e.when.start <= c.published + OPEN_WINDOW


def _not_before(c: CommitmentReport, e: EventReport) -> bool:
    if c.published is None or not isinstance(e.when, Interval):
        return True
    return e.when.end >= c.published - EARLY_SLACK


def status(c: CommitmentReport, fulfilled: bool, newest: dt.date | None) -> Status:
    """`fulfilled`; `overdue` when the due window closed before the newest document; else `pending`."""
    if fulfilled:
        return "fulfilled"
    if isinstance(c.due, Interval) and newest is not None and c.due.end < newest:
        return "overdue"
    return "pending"
