"""Numbers as written in Indonesian and English news: numerals with either separator convention,
number words ("sembilan", "dua puluh lima", "twenty-five") and scale words ("miliar", "billion").

Pure functions and immutable tables only; `pantau.stages.figures` builds its patterns from them.

Separator rules (Indonesian writes `9,5` and `681.332`, English `9.5` and `681,332`):

- both `.` and `,` in one numeral: the last one is the decimal mark (`1.234,5`, `1,234.5`);
- one kind repeated (`1.234.567`): thousands separators;
- one separator followed by exactly three digits (`300.000`, `300,000`): thousands, unless a scale
  word follows, whose language then decides (`1.125 billion` is 1.125e9, `1.125 miliar` 1.125e12);
- one separator followed by one, two or four and more digits (`9,5`, `13.5`): the decimal mark.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Literal

Lang = Literal["id", "en"]

#: A numeral: digits with optional thousands groups and an optional decimal part, either convention.
NUMERAL = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"

#: Scale words and their language: the language says which separator is the decimal mark.
SCALES: MappingProxyType[str, tuple[float, Lang]] = MappingProxyType({
    "ribu": (1e3, "id"), "rb": (1e3, "id"), "juta": (1e6, "id"), "jt": (1e6, "id"),
    "miliar": (1e9, "id"), "milyar": (1e9, "id"), "triliun": (1e12, "id"),
    "thousand": (1e3, "en"), "million": (1e6, "en"), "mn": (1e6, "en"), "billion": (1e9, "en"),
    "bn": (1e9, "en"), "trillion": (1e12, "en"),
})

_UNITS: MappingProxyType[str, int] = MappingProxyType({
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
})
_TENS = frozenset({"belas", "puluh"})  # "dua belas" = 2 + 10, "dua puluh" = 2 * 10
_HUNDREDS = frozenset({"ratus", "hundred"})
_SCALE_WORDS: MappingProxyType[str, int] = MappingProxyType({
    "ribu": 1000, "thousand": 1000, "juta": 10**6, "million": 10**6,
    "seribu": 1000, "sejuta": 10**6,  # "se-" = one: a complete number, not a multiplier
})

#: Every word `parse_number_words` understands, longest first (for building alternations).
NUMBER_WORDS: tuple[str, ...] = tuple(
    sorted({*_UNITS, *_TENS, *_HUNDREDS, *_SCALE_WORDS}, key=len, reverse=True)
)

_SPLIT = re.compile(r"[\s-]+")


def parse_numeral(text: str, scale_lang: Lang | None = None) -> float:
    """The value of a numeral matched by `NUMERAL`; `scale_lang` is the language of a scale word
    right after it, if any (it decides `1.125 billion` vs `300.000 orang`)."""
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
    elif dots + commas == 0:
        return float(text)
    elif dots > 1 or commas > 1:
        decimal = None
    else:
        sep = "." if dots else ","
        three = len(text) - text.index(sep) - 1 == 3
        if not three:
            decimal = sep
        elif scale_lang is None:
            decimal = None
        else:
            decimal = "." if scale_lang == "en" else ","
            decimal = decimal if decimal == sep else None
    if decimal is None:
        return float(text.replace(".", "").replace(",", ""))
    thousands = "," if decimal == "." else "."
    return float(text.replace(thousands, "").replace(decimal, "."))


def parse_number_words(text: str) -> int | None:
    """`"dua puluh lima"` -> 25, `"twenty-five"` -> 25, `"tiga ratus ribu"` -> 300000; None if a
    word is not a number word or a multiplier has nothing to multiply."""
    total = group = last = 0
    for word in (w for w in _SPLIT.split(text.lower()) if w):
        if word in _UNITS:
            last = _UNITS[word]
            group += last
        elif word in _TENS:
            if not 0 < last < 10:
                return None
            group += last * 9 if word == "puluh" else 10
            last = 0
        elif word in _HUNDREDS:
            if group == 0:
                return None
            group, last = group * 100, 0
        elif word in _SCALE_WORDS:
            if word.startswith("se"):
                total += _SCALE_WORDS[word] + group
            elif group == 0:
                return None
            else:
                total += group * _SCALE_WORDS[word]
            group = last = 0
        else:
            return None
    return total + group or None
