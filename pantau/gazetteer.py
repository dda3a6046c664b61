"""Country and place gazetteer: alias → ISO 3166-1 alpha-3 country, alias → place records.

The resources are built by ``scripts/build_gazetteer.py`` into ``pantau/data/`` (``countries.tsv``,
``places.tsv.gz``, ``place-aliases.tsv.gz``); see ``pantau/data/GAZETTEER-ATTRIBUTION.md`` for sources.

Decisions:

* **Folding.** Matching runs on a length-preserving fold of the text (:func:`fold_text`): lower case,
  diacritics removed (``Tây Ninh`` → ``tay ninh``, ``Đà Nẵng`` → ``da nang``), hyphens and line breaks
  read as spaces (``Timor-Leste`` = ``Timor Leste``). One character in, one character out, so match
  offsets are offsets into the original text.
* **Match modes** (one per alias, chosen at build time):
  ``fold`` matches in any case; ``cap`` needs an upper-case first letter (country names that are also
  ordinary words); ``proper`` needs an upper-case first letter, not all capitals, and not sentence-initial
  (place names that are frequent lower-case Indonesian words, e.g. ``Batu``); ``exact`` needs the exact
  spelling (short abbreviations: ``AS`` is not the word ``as``, ``US`` is not ``us``).
* **Word boundaries.** A hit counts only when the characters on both sides are not letters or digits
  (Unicode ``str.isalnum``), so ``Laos`` is never found inside ``Laoslah``-like strings and ``Iran`` not in
  ``Irana``.
* **Leftmost-longest.** Of overlapping valid hits the leftmost wins, then the longest
  (``Kabupaten Aceh Selatan`` over ``Aceh``).
* **Resolution** of a name shared by several places: places in a country the document mentions first,
  then national capitals, then by type (province > region > city > regency > district), then by
  population. Capitals come before type because a bare ``Vientiane`` or ``Phnom Penh`` in news means
  the city, not the same-named province.
* **One fold per document.** The scans take an optional ``folded`` text (:func:`fold_text` of the same
  text), so a caller that scans one document for countries and places folds it once.
* **Phrase lists** of the grammars (titles, known organisations, site words) are matched the same way,
  by :class:`PhraseMatcher`: one automaton pass instead of a regex alternation of hundreds of literals,
  which Python's ``re`` tries one by one at every position of the text.
"""

from __future__ import annotations

import csv
import gzip
import io
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import ahocorasick

MODES = ("fold", "cap", "proper", "exact")
TYPE_RANK = MappingProxyType({"province": 0, "region": 1, "city": 2, "regency": 3, "district": 4})
_SENTENCE_END = ".!?\n"
_OPENERS = " \t\"'“‘([«"


def _fold_char(char: str) -> str:
    """Fold one character to one character: base letter, lower case; separators become a space."""
    if char in "-‐‑‒–—\n\r\t\u00a0":
        return " "
    if char in "’‘`´":
        return "'"
    if char in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
    return base if len(base) == 1 else char


def _fold_table() -> MappingProxyType[int, str]:
    """Translation table for Latin (incl. Vietnamese) letters and separators. Characters that fold to
    themselves are in it too: for a character missing from its table ``str.translate`` raises and
    catches a ``LookupError``, which made folding a plain-letter text twice as slow."""
    codepoints = [*range(0x0000, 0x0250), *range(0x1E00, 0x1F00), *range(0x2010, 0x2020), 0x00A0]
    return MappingProxyType({code: _fold_char(chr(code)) for code in codepoints})


_FOLD = _fold_table()


def fold_text(text: str) -> str:
    """Length-preserving fold used for both keys and documents (see module docstring)."""
    return text.translate(_FOLD)


def fold_key(name: str) -> str:
    """Fold a name into a look-up key: :func:`fold_text` plus collapsed, trimmed spaces."""
    return " ".join(fold_text(name).split())


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """One place: canonical name, ISO3 country, type, coordinates (``None`` if unknown)."""

    id: str
    name: str
    country: str
    type: str
    lat: float | None
    lon: float | None
    population: int | None
    capital: bool


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer hit: ``text[start:end]``; ``kind`` is ``country``, ``demonym`` or ``place``.

    For places, ``place`` is the resolved record and ``candidates`` all same-named records;
    ``ambiguous`` is set when the alias is marked ambiguous or names places in several countries.
    """

    start: int
    end: int
    text: str
    kind: str
    iso3: str | None
    place: PlaceRecord | None = None
    ambiguous: bool = False
    candidates: tuple[PlaceRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class _Entry:
    """One alias row behind an automaton key."""

    alias: str
    mode: str
    kind: str
    iso3: str | None
    place_ids: tuple[str, ...]
    ambiguous: bool


def _is_sentence_initial(text: str, start: int) -> bool:
    """True if only openers/spaces separate ``start`` from the text start or a sentence end."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _mode_ok(entry: _Entry, surface: str, text: str, start: int) -> bool:
    """Apply an alias's match mode to the surface string found at ``start``."""
    if entry.mode == "fold":
        return True
    if entry.mode == "exact":
        return surface == entry.alias
    if not surface[:1].isupper():
        return False
    if entry.mode == "cap":
        return True
    return not (surface.isupper() and len(surface) > 3) and not _is_sentence_initial(text, start)


def _read_tsv(raw: bytes) -> Iterator[dict[str, str]]:
    """Rows of a TSV with a header line (no quoting)."""
    yield from csv.DictReader(io.StringIO(raw.decode("utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE)


def _maybe_gunzip(name: str, raw: bytes) -> bytes:
    return gzip.decompress(raw) if name.endswith(".gz") else raw


class Gazetteer:
    """Country and place look-up over the packaged resources; build once, share read-only."""

    COUNTRIES = "countries.tsv"
    PLACES = "places.tsv.gz"
    PLACE_ALIASES = "place-aliases.tsv.gz"

    def __init__(
        self,
        countries: Iterable[dict[str, str]],
        places: Iterable[dict[str, str]],
        place_aliases: Iterable[dict[str, str]],
    ) -> None:
        self.places: dict[str, PlaceRecord] = {row["id"]: _place(row) for row in places}
        self._iso3 = set()
        self._countries = ahocorasick.Automaton()
        for row in countries:
            self._iso3.add(row["iso3"])
            entry = _Entry(row["alias"], row["match"], row["kind"], row["iso3"], (), row["ambiguous"] == "1")
            _add(self._countries, entry)
        self._places = ahocorasick.Automaton()
        for row in place_aliases:
            ids = tuple(row["place_ids"].split(","))
            countries_named = {self.places[i].country for i in ids}
            entry = _Entry(row["alias"], row["match"], "place", None, ids, len(countries_named) > 1)
            _add(self._places, entry)
        self._countries.make_automaton()
        self._places.make_automaton()

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        """Load from ``data_dir`` or, by default, the package's ``pantau/data`` resources."""
        root = data_dir if data_dir is not None else resources.files("pantau") / "data"

        def rows(name: str) -> Iterator[dict[str, str]]:
            return _read_tsv(_maybe_gunzip(name, (root / name).read_bytes()))

        return cls(rows(cls.COUNTRIES), rows(cls.PLACES), rows(cls.PLACE_ALIASES))

    def country_code(self, name: str) -> str | None:
        """ISO3 for a country name, alias, abbreviation or demonym (or an ISO3 code itself)."""
        name = name.strip()
        if name.isupper() and name in self._iso3:
            return name
        found = self._countries.get(fold_key(name), None)
        if found is None:
            return None
        for entry in found[1]:
            if entry.mode in ("fold", "cap") or name == entry.alias:
                return entry.iso3
        return None

    def find_countries(self, text: str, *, folded: str | None = None) -> list[Match]:
        """Country names, abbreviations and demonyms in ``text`` (leftmost-longest, word-bounded);
        ``folded`` is ``fold_text(text)`` when the caller has it already."""
        return [
            Match(start, end, text[start:end], entry.kind, entry.iso3, ambiguous=entry.ambiguous)
            for start, end, entry in self._scan(self._countries, text, folded)
        ]

    def find_places(
        self, text: str, countries_in_doc: set[str] | None = None, *, folded: str | None = None
    ) -> list[Match]:
        """Places in ``text``; same-named places are resolved with the document's countries.

        ``countries_in_doc`` defaults to the countries :meth:`find_countries` finds in ``text``;
        ``folded`` is ``fold_text(text)`` when the caller has it already.
        """
        if countries_in_doc is None:
            countries_in_doc = {m.iso3 for m in self.find_countries(text, folded=folded) if m.iso3}
        matches = []
        for start, end, entry in self._scan(self._places, text, folded):
            candidates = tuple(self.places[i] for i in entry.place_ids)
            best = self._pick(candidates, countries_in_doc)
            matches.append(
                Match(start, end, text[start:end], "place", best.country, best, entry.ambiguous, candidates)
            )
        return matches

    def resolve(self, name: str, countries_in_doc: set[str]) -> PlaceRecord | None:
        """The place a name most likely denotes, given the countries the document mentions."""
        found = self._places.get(fold_key(name), None)
        if found is None:
            return None
        ids = [i for entry in found[1] for i in entry.place_ids]
        return self._pick([self.places[i] for i in dict.fromkeys(ids)], countries_in_doc)

    @staticmethod
    def _pick(candidates: Iterable[PlaceRecord], countries_in_doc: set[str]) -> PlaceRecord:
        """Order: document country, capital, type rank, larger population (module docstring)."""
        return min(
            candidates,
            key=lambda p: (
                p.country not in countries_in_doc,
                not p.capital,
                TYPE_RANK.get(p.type, 9),
                -(p.population or 0),
            ),
        )

    @staticmethod
    def _scan(automaton: ahocorasick.Automaton, text: str, folded: str | None) -> list[tuple[int, int, _Entry]]:
        """Word-bounded, mode-checked hits, reduced to leftmost-longest non-overlapping ones."""
        if automaton.kind != ahocorasick.AHOCORASICK:
            return []
        hits = []
        n = len(text)
        for last, (length, entries) in automaton.iter(fold_text(text) if folded is None else folded):
            end = last + 1
            start = end - length
            if (start and text[start - 1].isalnum()) or (end < n and text[end].isalnum()):
                continue  # not word-bounded (module docstring)
            surface = text[start:end]
            for entry in entries:
                if _mode_ok(entry, surface, text, start):
                    hits.append((start, end, entry))
                    break
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        chosen: list[tuple[int, int, _Entry]] = []
        for hit in hits:
            if not chosen or hit[0] >= chosen[-1][1]:
                chosen.append(hit)
        return chosen


class PhraseMatcher:
    """Exact-spelling phrases in a text, leftmost-longest and non-overlapping, kept only where
    ``valid(text, start, end)`` holds: the matches of the regex ``(?:p1|p2|...)`` with its alternatives
    longest first and ``valid`` as its look-arounds (see :func:`word_bounded`). Built once per lexicon."""

    def __init__(self, phrases: Iterable[str], valid: Callable[[str, int, int], bool]) -> None:
        self.valid = valid
        self._automaton = ahocorasick.Automaton()
        for phrase in phrases:
            if phrase:
                self._automaton.add_word(phrase, len(phrase))
        self._automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each match, in text order."""
        if self._automaton.kind != ahocorasick.AHOCORASICK:
            return []
        valid = self.valid
        hits = sorted(
            (last + 1 - length, -length)
            for last, length in self._automaton.iter(text)
            if valid(text, last + 1 - length, last + 1)
        )
        out: list[tuple[int, int]] = []
        for start, minus_length in hits:
            if not out or start >= out[-1][1]:
                out.append((start, start - minus_length))
        return out


def word_bounded(before: str = "", after: str = "") -> Callable[[str, int, int], bool]:
    """The look-arounds ``(?<![\\w<before>])`` and ``(?![\\w<after>])``: no word character (a letter,
    digit or underscore, as in ``re``) and none of the extra characters right before or after a match."""
    not_before = before + "_"
    not_after = after + "_"

    def valid(text: str, start: int, end: int) -> bool:
        if start and (text[start - 1].isalnum() or text[start - 1] in not_before):
            return False
        return end == len(text) or not (text[end].isalnum() or text[end] in not_after)

    return valid


def _add(automaton: ahocorasick.Automaton, entry: _Entry) -> None:
    """Add an alias under its folded key; several entries may share one key."""
    key = fold_key(entry.alias)
    found = automaton.get(key, None)
    if found is None:
        automaton.add_word(key, (len(key), [entry]))
    else:
        found[1].append(entry)


def _place(row: dict[str, str]) -> PlaceRecord:
    """A :class:`PlaceRecord` from a ``places.tsv`` row."""
    return PlaceRecord(
        id=row["id"],
        name=row["name"],
        country=row["iso3"],
        type=row["type"],
        lat=float(row["lat"]) if row["lat"] else None,
        lon=float(row["lon"]) if row["lon"] else None,
        population=int(row["population"]) if row["population"] else None,
        capital=row["capital"] == "1",
    )
