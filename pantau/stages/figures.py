"""Stage `figures`: money, percentages, measures and counts the text states, in base units.

Reads `doc.text`, `doc.sentences` (evidence unit; the line when no sentence covers a figure),
`doc.entities` + `doc.mentions` (COUNTRY mentions in the sentence become `parties`) and
`doc.published.date` (anchor for relative periods). Writes `doc.figures`.

What counts as a figure: a number (numeral in either separator convention or number words, see
`pantau.numbers`), optionally scaled ("miliar", "million"), followed or preceded by

- a currency, `%` or a unit of measure (`data/figures-units.tsv`), or
- a countable noun (`data/figures-count-nouns.tsv`: people, troops, vehicles, weapons, projects,
  cases, patrols, posts, border markers, administrative areas; English nouns may follow one or
  two capitalised or common adjectives, "18 Cambodian soldiers", "19 new cases").

A bare scaled number ("6,5 miliar") takes the currency of a money figure in the same sentence,
else it is dropped. Count figures need a value of at least 2 (a count of one is "satu hal",
"seorang WNI": never a statistic). English number words after "the" are references back ("the
two provinces"), not counts. Not figures: numbers glued to words or hyphens ("ke-13", "COVID-19",
"Mustang303"), dates and times ("14/10/2025", "15:57", "17 Februari", "tahun 2024", "pukul 16.20"),
durations and frequencies (absent from the noun list), identifiers ("Kompi 216" has no noun after
it), counts of the parties themselves ("dua negara", "tiga pemimpin": absent from the noun list,
and the gold keeps such counts optional at most). A figure repeated in a document is kept once.

`metric` comes from the cue lexicon `data/figures-metrics.tsv` (trade and investment statistics
wording, conflict-reporting verbs, border descriptions): money and measures take the nearest cue
before them in the sentence, percentages and counts the nearest cue in their own clause. A growth
or decline percentage also sets `change_pct` (negative for a decline) on the nearest money figure
before it. `period` is the date expression in the figure's clause, or in a sentence-opening time
adverbial ("Dalam periode 2018-2021, ..."), found by `pantau.dates.find_dates` (which also reads
"10 bulan pertama tahun 2025" and leaves rates like "per tahun" alone); a date after a comparison
("dibandingkan tahun 2021") is the base of the comparison, not the period.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType
from typing import Literal

from ..actors import ActorIndex
from ..dates import find_dates
from ..model import DateSpan, Document, Evidence, Figure
from ..numbers import NUMBER_WORDS, NUMERAL, SCALES, parse_number_words, parse_numeral
from ..patterns import initials_class, trie_pattern

Kind = Literal["money", "percent", "measure", "count", "bare"]

_MONTHS = (
    "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
    "january|february|march|june|july|august|october|december|"
    "jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|sept|okt|oct|nov|des|dec"
)
_BLOCK_BEFORE = re.compile(r"(?:[^\W\d_]-?|[/:#@\d]|\d[.,])$")
_BLOCK_AFTER = re.compile(r"[/:-]\d|[.,]\d")
_NOT_A_QUANTITY_BEFORE = re.compile(
    rf"(?:\b(?:tahun|year|years|pukul|jam|tanggal|nomor|no\.|pasal|article|ayat|{_MONTHS})\s*)$", re.I
)
_DATE_AFTER = re.compile(rf"\s*(?:{_MONTHS})\b", re.I)
_ENGLISH_ARTICLE_BEFORE = re.compile(r"\b(?:the|these|those|both)\s+$", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:]|\s[-–—]\s")
_PARTITIVE = re.compile(rf"(?P<part>{NUMERAL})\s+(?:dari|of|out\s+of)\s+(?:the\s+)?$", re.I)
_COMPARISON_BEFORE = re.compile(
    r"\b(?:dibandingkan(?:\s+dengan)?|dibanding|daripada|compared\s+(?:with|to)|than|year-on-year)"
    r"(?:\s+\S+){0,4}\s*$",
    re.I,
)
_FRONTED_TIME = re.compile(
    r"^\W*(?:dalam|pada|selama|sejak|hingga|sampai|sepanjang|in|during|since|until|by|throughout)\b", re.I
)
#: Words an English count may put between number and noun ("19 new cases", "12 joint patrols"),
#: besides capitalised ones ("18 Cambodian soldiers").
_ENGLISH_MODIFIERS = "new|more|additional|other|foreign|armed|military|border|joint|local|civilian"
_RELATIONS: MappingProxyType[str, float] = MappingProxyType({"growth": 1.0, "decline": -1.0})
_Cue = tuple[int, int, str, frozenset[str]]  # start, end, metric, kinds it applies to


_NAMED = frozenset({"country"})
"""Figure parties are the countries the evidence names outright; a person's country or a group reference
("kedua negara") does not make a figure theirs."""


@dataclass(slots=True, frozen=True)
class _Unit:
    unit: str
    kind: Kind
    canon: str


@dataclass(slots=True)
class _Found:
    """A figure located in the text, before its context (metric, period...) is resolved."""

    start: int
    end: int
    value: float
    unit: _Unit
    metric: str | None = None
    change_pct: float | None = None
    period: DateSpan | None = None


def _rows(name: str) -> Iterator[list[str]]:
    text = files("pantau").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _form_pattern(form: str) -> str:
    """Case-insensitive unless the form is short or carries capitals ("Rp", "RM", "km", "AS")."""
    escaped = re.escape(form).replace(r"\ ", r"\s+")
    exact = len(form) < 3 or any(c.isupper() for c in form)
    return escaped if exact else f"(?i:{escaped})"


def _fold(text: str) -> str:
    """Lower case with unchanged offsets (the few characters whose lower case is longer are kept)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _alternation(forms: Sequence[str]) -> str:
    return "|".join(_form_pattern(f) for f in sorted(forms, key=len, reverse=True))


class FigureExtractor:
    """`Document -> Document`; loads its lexicons and compiles its patterns once."""

    def __init__(self) -> None:
        self._after: dict[str, _Unit] = {}
        self._before: dict[str, _Unit] = {}
        after_forms: list[str] = []
        before_forms: list[str] = []
        for form, unit, kind, position in _rows("figures-units.tsv"):
            u = _Unit(unit, "money" if kind == "currency" else kind, unit)  # type: ignore[arg-type]
            if position in ("after", "both"):
                self._after[_norm(form)] = u
                after_forms.append(form)
            if position in ("before", "both"):
                self._before[_norm(form)] = u
                before_forms.append(form)
        self._nouns: dict[str, str] = {}
        english: list[str] = []
        for form, canon, _cls, lang in _rows("figures-count-nouns.tsv"):
            self._nouns[form.lower()] = canon.lower()
            if lang == "en":
                english.append(form)
        self._cues: dict[str, tuple[str, frozenset[str]]] = {
            _norm(cue): (metric, frozenset(kinds.split(",")))
            for cue, metric, kinds in _rows("figures-metrics.tsv")
        }
        words = trie_pattern(NUMBER_WORDS)
        self._number = re.compile(  # run on `_fold(text)`: lower case, same offsets
            rf"(?=\d)(?P<num>{NUMERAL})|\b(?=[{initials_class(NUMBER_WORDS)}])(?P<words>{words}(?:[\s-]+{words})*)\b"
        )
        self._prefix = re.compile(rf"(?:^|(?<=[^\w$€]))(?P<cur>{_alternation(before_forms)})\s?$")
        self._scale = re.compile(rf"\s?(?P<scale>{'|'.join(SCALES)})(?![^\W\d_])", re.I)
        self._unit = re.compile(rf"\s?(?P<unit>{_alternation(after_forms)})(?![^\W\d_])")
        people = "|".join(re.escape(n) for n in self._nouns if n != "orang")
        self._noun = re.compile(
            rf"\s+(?i:orang\s+(?=(?:{people})\b))?(?P<noun>{_alternation(list(self._nouns))})(?![^\W\d_])"
        )
        self._noun_en = re.compile(
            rf"\s+(?:(?:[A-Z][\w'’-]*|{_ENGLISH_MODIFIERS})\s+){{1,2}}(?P<noun>{_alternation(english)})(?![^\W\d_])"
        )
        self._cue = re.compile(  # run on `_fold(text)`
            rf"(?<!\w)(?=[{initials_class(self._cues)}]){trie_pattern(self._cues)}(?!\w)"
        )

    def __call__(self, doc: Document) -> Document:
        found = list(self._find(doc.text))
        by_span: dict[tuple[int, int], list[_Found]] = {}
        for f in found:
            by_span.setdefault(self._evidence_span(doc, f), []).append(f)
        anchor = doc.published.date if doc.published else None
        actors = ActorIndex.of(doc)
        figures: list[Figure] = []
        seen: set[tuple[float, str]] = set()
        for (start, end), group in by_span.items():
            evidence = doc.span(start, end)
            group = self._resolve_bare(group)
            self._annotate(evidence, group, anchor)
            parties = actors.countries_in(start, end, via=_NAMED)
            for f in group:
                key = (round(f.value, 6), f.unit.canon)
                if key in seen:
                    continue
                seen.add(key)
                figures.append(
                    Figure(f.value, f.unit.unit, evidence, f.metric, list(parties), f.period, f.change_pct)
                )
        doc.figures = figures
        return doc

    # -- finding ---------------------------------------------------------------------------------

    def _find(self, text: str) -> Iterator[_Found]:
        consumed = 0
        for m in self._number.finditer(_fold(text)):
            if m.start() < consumed:
                continue
            f = self._read(text, m)
            if f is not None:
                consumed = f.end
                yield f

    def _read(self, text: str, m: re.Match[str]) -> _Found | None:
        start, end = m.start(), m.end()
        before = text[max(0, start - 12) : start]
        prefix = self._prefix.search(before)
        if prefix is None and (
            _BLOCK_BEFORE.search(before) or _NOT_A_QUANTITY_BEFORE.search(text[max(0, start - 16) : start])
        ):
            return None
        if _BLOCK_AFTER.match(text, end) or _DATE_AFTER.match(text, end):
            return None
        scale = self._scale.match(text, end)
        factor, scale_lang = SCALES[scale["scale"].lower()] if scale else (1.0, None)
        pos = scale.end() if scale else end
        if m["num"] is not None:
            value = parse_numeral(m["num"], scale_lang)
        else:
            words = parse_number_words(m["words"])
            if words is None or (prefix is None and _ENGLISH_ARTICLE_BEFORE.search(before)):
                return None
            value = float(words)
        value *= factor
        if prefix is not None:
            start = start - len(prefix.group())
            unit = self._before[_norm(prefix["cur"])]
            after = self._unit.match(text, pos)
            if after and self._after[_norm(after["unit"])].kind == "money":
                pos = after.end()
            return _Found(start, pos, value, unit)
        return self._suffixed(text, start, pos, value, scaled=scale is not None)

    def _suffixed(self, text: str, start: int, pos: int, value: float, *, scaled: bool) -> _Found | None:
        unit = self._unit.match(text, pos)
        if unit is not None:
            return _Found(start, unit.end(), value, self._after[_norm(unit["unit"])])
        noun = self._noun.match(text, pos) or self._noun_en.match(text, pos)
        if noun is not None:
            if value < 2 or (value != int(value)):
                return None
            written = noun["noun"]
            unit = _Unit(written, "count", self._nouns[_norm(written)])
            part = _PARTITIVE.search(text[max(0, start - 32) : start])
            if part is not None:  # "27 dari 28 WNI": the figure is the part; the whole restates a total
                return _Found(start - len(part.group()), noun.end(), parse_numeral(part["part"]), unit)
            return _Found(start, noun.end(), value, unit)
        if scaled:
            return _Found(start, pos, value, _Unit("", "bare", ""))
        return None

    @staticmethod
    def _resolve_bare(group: list[_Found]) -> list[_Found]:
        """A scaled number without unit takes the currency of the next (else previous) money figure."""
        money = [f for f in group if f.unit.kind == "money"]
        out: list[_Found] = []
        for f in group:
            if f.unit.kind != "bare":
                out.append(f)
                continue
            after = [m for m in money if m.start > f.start]
            source = after[0] if after else (money[-1] if money else None)
            if source is not None:
                f.unit = source.unit
                out.append(f)
        return out

    # -- context ---------------------------------------------------------------------------------

    @staticmethod
    def _evidence_span(doc: Document, f: _Found) -> tuple[int, int]:
        first, last = doc.sentence_at(f.start), doc.sentence_at(max(f.start, f.end - 1))
        if first is not None and last is not None:
            return first.start, last.end
        text = doc.text
        start = text.rfind("\n", 0, f.start) + 1
        end = text.find("\n", f.end)
        return start, len(text) if end < 0 else end

    def _annotate(self, evidence: Evidence, group: list[_Found], anchor: str | None) -> None:
        text, base = evidence.text, evidence.start
        cues: list[_Cue] = [
            (c.start() + base, c.end() + base, *self._cues[_norm(c.group())])
            for c in self._cue.finditer(_fold(text))
        ]
        breaks = [b.start() + base for b in _CLAUSE_BREAK.finditer(text)]
        clauses = _clauses(group, breaks, base, base + len(text))
        for f, (lo, hi) in zip(group, clauses, strict=True):
            f.metric = _pick_metric(cues, f, lo, hi)
        for i, f in enumerate(group):
            if f.unit.kind == "percent" and f.metric in _RELATIONS:
                target = _changed_amount(group, i)
                if target is not None:
                    target.change_pct = _signed(f)
        opening = _opening_adverbial(text, breaks, base)
        for f, (lo, hi) in zip(group, clauses, strict=True):
            f.period = _period(text, lo - base, hi - base, anchor)
            if f.period is None and opening:
                f.period = _period(text, 0, opening, anchor)
        for f in group:  # a change inherits the period of the amount it changes
            if f.period is None and f.unit.kind == "percent" and f.metric in _RELATIONS:
                f.period = next((g.period for g in group if g.change_pct == _signed(f)), None)


def _clauses(group: list[_Found], breaks: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """Each figure's clause: between punctuation breaks, and not past its neighbouring figures."""
    out = []
    for i, f in enumerate(group):
        lo = max(_clause_start(breaks, f.start, start), group[i - 1].end if i else start)
        hi = min(_clause_end(breaks, f.end, end), group[i + 1].start if i + 1 < len(group) else end)
        out.append((lo, hi))
    return out


def _changed_amount(group: list[_Found], i: int) -> _Found | None:
    """The money figure a change percentage applies to: the nearest before it ("mencapai 9,5 miliar
    dolar AS, meningkat 13,5%"), else the next after it ("naik 5% menjadi 2 miliar dolar AS")."""
    free = [(j, g) for j, g in enumerate(group) if g.unit.kind == "money" and g.change_pct is None]
    before = [g for j, g in free if j < i]
    after = [g for j, g in free if j > i]
    return before[-1] if before else (after[0] if after else None)


def _signed(f: _Found) -> float:
    return _RELATIONS[f.metric or ""] * f.value


def _norm(form: str) -> str:
    return " ".join(form.lower().split())


def _clause_start(breaks: list[int], pos: int, floor: int) -> int:
    i = bisect_right(breaks, pos - 1) - 1
    return breaks[i] + 1 if i >= 0 else floor


def _clause_end(breaks: list[int], pos: int, ceiling: int) -> int:
    i = bisect_left(breaks, pos)
    return breaks[i] if i < len(breaks) else ceiling


def _pick_metric(cues: list[_Cue], f: _Found, lo: int, hi: int) -> str | None:
    """Money and measures: nearest cue before (sentence-wide), else in the clause after; percentages
    and counts: nearest cue inside their clause, after first for counts, before first otherwise."""
    usable = [c for c in cues if f.unit.kind in c[3]]
    inside = [c for c in usable if c[0] < f.end and c[1] > f.start]
    if inside:
        return inside[0][2]
    before = [c for c in usable if c[1] <= f.start and (c[0] >= lo or f.unit.kind in ("money", "measure"))]
    after = [c for c in usable if c[0] >= f.end and c[1] <= hi]
    near_before = max(before, key=lambda c: c[1], default=None)
    near_after = min(after, key=lambda c: c[0], default=None)
    order = (near_after, near_before) if f.unit.kind == "count" else (near_before, near_after)
    return next((c[2] for c in order if c is not None), None)


def _opening_adverbial(text: str, breaks: list[int], base: int) -> int:
    """Length of a sentence-opening time adverbial ("Dalam periode 2018-2021,"), 0 if none."""
    if not breaks or not _FRONTED_TIME.match(text):
        return 0
    return breaks[0] - base


def _period(text: str, lo: int, hi: int, anchor: str | None) -> DateSpan | None:
    """The first date in `text[lo:hi]` that is not the base of a comparison."""
    for d in find_dates(text[lo:hi], anchor=anchor):
        if not _COMPARISON_BEFORE.search(text[: lo + d.start]):
            return d.span
    return None
