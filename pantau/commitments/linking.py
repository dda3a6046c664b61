"""Where a commitment was made: the id of an event of `doc.events` (filled by the `events` stage).

Decisions:
- First a CONSULT or AGREE event reported in the same sentence ("Pada pertemuan itu, kedua pihak
  sepakat ..."). For a plain future cue ("akan", "will") the event must not be the announced action
  itself, so a same-sentence event whose evidence covers the cue is skipped unless the cue is an
  agreement or a pledge.
- Else the nearest meeting, visit, conference or call reported before the sentence.
- Else none.
"""

from __future__ import annotations

from ..model import Event, Sentence

_MADE_AT_TYPES = frozenset({"CONSULT", "AGREE"})
_MEETING_MODES = frozenset({"meeting", "visit", "conference", "call", "talks"})
_MADE_BY_AGREEING = frozenset({"agree", "pledge"})


def made_at(events: list[Event], sentence: Sentence, cue_offset: int, role: str) -> Event | None:
    for ev in events:
        ev_start, ev_end = ev.evidence.start, ev.evidence.end
        if ev.type not in _MADE_AT_TYPES or ev_end <= sentence.start or ev_start >= sentence.end:
            continue
        if role in _MADE_BY_AGREEING or not ev_start <= cue_offset < ev_end:
            return ev
    earlier = [ev for ev in events if ev.evidence.start < sentence.start
               and (ev.type == "CONSULT" or ev.mode in _MEETING_MODES)]
    return max(earlier, key=lambda ev: ev.evidence.start, default=None)
