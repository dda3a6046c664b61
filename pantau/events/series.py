"""Numbered series: the mechanism an event is an instance of, and which instance.

"Konferensi Kerja Sama Perbatasan Vietnam-Kamboja ke-13" -> ("Konferensi Kerja Sama Perbatasan
Vietnam-Kamboja", 13); "the 3rd Special General Border Committee (GBC) Meeting" -> ("Special General
Border Committee (GBC) Meeting", 3); "kunjungan resmi pertamanya", "for the first time" -> (None, 1).

Decisions: the ordinal must sit in the trigger's own phrase: right after it or after a capitalised
name that continues it ("Sidang ke-42", "KTT ke-47 ASEAN", "Konferensi ... Vietnam-Kamboja ke-13"),
not after an ordinary clause ("Penandatanganan itu berlangsung di sela-sela Sidang ke-42" gives the
signing no ordinal). The mechanism is a name only when the phrase is capitalised (a proper name of
a body or meeting); "kunjungan ke-3" has an ordinal and no mechanism.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .triggers import Trigger

_WORD_ORDINALS: dict[str, int] = {
    "pertama": 1, "kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7,
    "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "first": 1, "second": 2, "third": 3,
    "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_ID_AFTER = re.compile(
    r"^(?P<name>[^.,;:!?]{0,120}?)\s*\b(?:ke(?:-|-?\s?(?=\d))(?P<n>\d{1,3}|[a-z]+)"
    r"|yang\s+(?P<w>kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh))\b"
    r"|^(?P<name1>[^.,;:!?]{0,40}?)\s*\b(?:yang\s+)?(?P<first>pertama(?:nya)?(?:\s+kali(?:nya)?)?)\b",
    re.IGNORECASE,
)
_EN_BEFORE = re.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+(?P<name>(?:[A-Z(][\w()'’-]*\s+){0,8})$"
    r"|\b(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?P<wname>(?:[A-Z(][\w()'’-]*\s+){0,8})$"
)
_EN_FIRST_TIME = re.compile(r"^[^.,;:!?]{0,60}?\bfor\s+the\s+first\s+time\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z(][\w()'’./-]*|dan|and|of|the|antara|untuk|[–-])$")


@dataclass(slots=True, frozen=True)
class Series:
    mechanism: str | None
    ordinal: int | None


def series_of(text: str, trigger: Trigger, sentence_end: int) -> Series:
    """The series of the happening named by `trigger`, if the text numbers it."""
    after = text[trigger.end : min(sentence_end, trigger.end + 160)]
    m = _ID_AFTER.match(after)
    if m:
        if m.group("first"):
            return Series(None, 1)
        n = _number(m.group("n") or m.group("w"))
        name = " ".join(m.group("name").split())
        if n is not None and (not name or all(_NAME_WORD.match(w) for w in name.split(" "))):
            return Series(_name(f"{trigger.text} {name}".strip()), n)
    before = text[max(0, trigger.start - 160) : trigger.start]
    b = _EN_BEFORE.search(before)
    if b:
        n = int(b.group("n")) if b.group("n") else _WORD_ORDINALS[b.group("w").lower()]
        name = (b.group("name") or b.group("wname") or "") + trigger.text
        return Series(_name(name), n)
    if _EN_FIRST_TIME.match(after):
        return Series(None, 1)
    return Series(None, None)


def _number(token: str) -> int | None:
    return int(token) if token.isdigit() else _WORD_ORDINALS.get(token.lower().lstrip("-"))


def _name(phrase: str) -> str | None:
    """The phrase as a mechanism name when it reads as a proper name (capitalised words)."""
    words = " ".join(phrase.split()).split(" ")
    if len(words) < 2 or not words[0][:1].isupper() or not all(_NAME_WORD.match(w) for w in words):
        return None
    return " ".join(words)
