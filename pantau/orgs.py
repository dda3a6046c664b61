"""Organisation and named-site grammar over the lexicon `pantau/data/orgs.tsv`.

Finds organisation names ("Kementerian Pertahanan Kamboja", "Partai Rakyat Kamboja (CPP)",
"National Security Council"), acronyms linked to them, known bodies (ASEAN, PBB, AFP...) and named
sites ("Bandara Internasional Noi Bai", "Kuala Lumpur Convention Centre").

Decisions:
- Indonesian names are head-first: a capitalised head word (`head`: Kementerian, Tentara, Partai...)
  followed by at least one capitalised word, acronym or country; "dan"/"untuk"/"of" continue the
  name only between capitalised words ("of" also right after an English head: "Ministry of
  Defence"). A lower-case head ("kedua kementerian") or a head alone
  ("Kementerian") is generic and not an entity.
- English names are tail-last: a capitalised run ending in a `tail` word (Committee, Army, Forces).
  The run is cut after the last title or demonym-led office word ("Thai Co-Chairman of the | General
  Border Committee").
- A country ends an Indonesian name: after it only vocabulary continues ("Angkatan Darat Kerajaan
  Thailand"), so a following person name or a repeated country is left out, and "dan" after a
  country or a province name starts a new phrase ("Angkatan Darat Vietnam | dan Laos"). "dan"/"and"
  never continues into a title ("Panglima Angkatan Darat | dan Wakil Panglima ..."). A title word
  right after a head is part of the name ("Sekretariat Jenderal", "Direktorat Jenderal").
- Nested names: inside a name, each later head starts an inner organisation of its own
  ("Departemen Intelijen | Angkatan Darat Kerajaan Thailand"); both are returned. When a unit head
  directly precedes the inner name ("Kompi | Penjaga Perbatasan 216") the two are one organisation
  (the inner name is the alias), and "Kantor <organisation>" is the organisation itself (also with
  an English name: "Kantor | Department of ...").
- Generic references are not names: a unit head followed only by vocabulary ("Komando Umum",
  "Penjaga Perbatasan") is dropped; an annotated name needs a proper name, number, place or country.
- English: a leading country or demonym is part of the name, and the name without it is the alias
  ("Cambodian | Ministry of ..."), so both spellings are one organisation. "<tail> of <Country>" is
  one name ("Royal Gendarmerie of Cambodia"), and "and" joins a further capitalised run with no head
  or tail ("Ministry of Foreign Affairs and International Cooperation"). Stop words ("Pertemuan",
  "Menurut") never start a name.
- An acronym in brackets right after a name ("(TMAC)", "(AOT-TH)") is that organisation's alias.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from itertools import islice

from .gazetteer import PhraseMatcher, word_bounded

_WORD = re.compile(r"[\w'’]+(?:[-.][\w'’]+)*")
_ACRONYM = re.compile(r" \(([A-Z][A-Za-z]*[A-Z][A-Za-z-]*)\)")
CONNECTORS = frozenset({"dan", "untuk", "of", "the", "and", "for", "on"})
AND = frozenset({"dan", "and"})
MAX_WORDS = 14
MAX_EXTENSION_WORDS = 4


@dataclass(frozen=True, slots=True)
class OrgSpan:
    """`text[start:end]` names an organisation (kind "org") or a site (kind "site"); `acronym` is
    the bracketed short form that follows it, if any; `alias` another name of the same body (the
    expansion of a known acronym, or the inner name of "Kompi Penjaga Perbatasan 216")."""

    start: int
    end: int
    kind: str
    acronym: str | None = None
    alias: str | None = None


@dataclass(frozen=True, slots=True)
class OrgLexicon:
    heads: frozenset[str]
    units: frozenset[str]
    tails: frozenset[str]
    words: frozenset[str]
    stops: frozenset[str]
    known: dict[str, str]
    site_heads: tuple[str, ...]
    site_tails: tuple[str, ...]

    @classmethod
    def load(cls) -> OrgLexicon:
        raw = resources.files("pantau").joinpath("data", "orgs.tsv").read_text("utf-8")
        lines = [line for line in raw.splitlines() if line and not line.startswith("#")]
        rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))

        def of(kind: str) -> list[str]:
            return [r["name"] for r in rows if r["kind"] == kind]

        return cls(
            heads=frozenset(of("head") + of("unit")),
            units=frozenset(of("unit")),
            tails=frozenset(of("tail")),
            words=frozenset(of("word")),
            stops=frozenset(of("stop")),
            known={r["name"]: r["long"] for r in rows if r["kind"] == "known"},
            site_heads=tuple(sorted(of("site-head"), key=len, reverse=True)),
            site_tails=tuple(sorted(of("site-tail"), key=len, reverse=True)),
        )

    def is_vocab(self, word: str) -> bool:
        """Organisation vocabulary: heads, tails, office words and the names of known bodies ("anggota
        Politbiro", "Ketua ASEAN" are roles, not names)."""
        return self.is_generic(word) or word in self.known

    def is_generic(self, word: str) -> bool:
        """A head, tail or office word: vocabulary that names no particular body by itself."""
        return word in self.heads or word in self.tails or word in self.words


class OrgFinder:
    """Organisation and site spans of a text; `is_country(word_or_phrase)` comes from the gazetteer,
    `is_title(word)` (ranks, honorifics, English office heads: they end a name) and `is_office(word)`
    (any title word) from the title grammar."""

    def __init__(self, lexicon: OrgLexicon, is_country: Callable[[str], bool], is_title: Callable[[str], bool],
                 is_office: Callable[[str], bool]):
        self.lex = lexicon
        self.is_country = is_country
        self.is_title = lambda w: w != "General" and is_title(w)
        self.is_office = is_office
        self._known = PhraseMatcher(lexicon.known, word_bounded(before="-", after="-"))
        self._site_head = PhraseMatcher(lexicon.site_heads, _before_capital)
        self._site_tail = PhraseMatcher(lexicon.site_tails, _after_space)

    def find(self, text: str) -> list[OrgSpan]:
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        spans = self._head_first(text, words) + self._tail_last(text, words)
        spans += [OrgSpan(start, end, "org", alias=self.lex.known[text[start:end]] or None)
                  for start, end in self._known.find(text)]
        spans += self._sites(text)
        out = []
        for sp in spans:
            m = _ACRONYM.match(text, sp.end)
            if m and sp.kind == "org" and sp.acronym is None and not self.is_country(m.group(1)):
                sp = OrgSpan(sp.start, sp.end, sp.kind, m.group(1), sp.alias)
            out.append(sp)
        return out

    def _capword(self, w: str) -> bool:
        return w[:1].isupper() or w[:1].isdigit()

    def _country_ends(self, words: list[tuple[str, int, int]], j: int) -> bool:
        """Whether word `j` ends a country name (one word, or two: "Amerika Serikat")."""
        return self.is_country(words[j][0]) or (j > 0 and self.is_country(f"{words[j - 1][0]} {words[j][0]}"))

    def _run(self, text: str, words: list[tuple[str, int, int]], i: int) -> int:
        """Index after the capitalised run starting at word `i` (single spaces between words); see the
        module docstring for where a country, a province name, a title or "dan" ends it."""
        j = i + 1
        province = False
        while j < len(words) and j - i < MAX_WORDS:
            w, s, _ = words[j]
            prev = words[j - 1][0]
            if text[words[j - 1][2] : s] != " " or w in self.lex.stops:
                break
            if self._country_ends(words, j - 1) and not (
                self.lex.is_generic(w) or self.is_country(f"{prev} {w}")
            ):
                break
            if self._capword(w) and (not self.is_title(w) or prev in self.lex.heads) and not (
                j == i + 1 and w in CONNECTORS
            ):
                j += 1
            elif w.lower() == "provinsi" and j + 1 < len(words) and words[j + 1][0][:1].isupper():
                province = True
                j += 1
            elif w in CONNECTORS and (j > i + 1 or w == "of") and j + 1 < len(words) \
                    and self._capword(words[j + 1][0]) and words[j + 1][0] not in self.lex.heads \
                    and text[words[j][2] : words[j + 1][1]] == " " \
                    and not (w in AND and (province or self._country_ends(words, j - 1)
                                           or self.is_office(words[j + 1][0]))):
                j += 1
            else:
                break
        while j > i + 1 and words[j - 1][0] in CONNECTORS:
            j -= 1
        return j

    def _head_first(self, text: str, words: list[tuple[str, int, int]]) -> list[OrgSpan]:
        out: list[OrgSpan] = []
        heads = self.lex.heads
        after = 0  # words before this index are inside the last run
        for i in [k for k, (w, _, _) in enumerate(words) if w in heads]:
            if i < after:
                continue
            j = self._run(text, words, i)
            if j - i >= 2:
                out += self._nested(text, words, i, j)
            after = max(j, i + 1)
        return out

    def _nested(self, text: str, words: list[tuple[str, int, int]], i: int, j: int) -> list[OrgSpan]:
        """The name `words[i:j]` and the inner names it contains (module docstring: nested names,
        units, generic references)."""
        end = words[j - 1][2]
        starts = [k for k in range(i, j - 1)
                  if k == i or (words[k][0] in self.lex.heads and words[k][0] not in ("Pusat", "Tim"))
                  or (k == i + 1 and words[i][0] in self.lex.units and words[k][0] in self.lex.tails)]
        out: list[OrgSpan] = []
        joined: set[int] = set()
        for k in starts:
            if k in joined or self._generic(words, k, j):
                continue
            if k + 1 in starts and words[k][0] in self.lex.units and not self._generic(words, k + 1, j):
                joined.add(k + 1)
                inner = text[words[k + 1][1] : end]
                if words[k][0] == "Kantor":
                    out.append(OrgSpan(words[k + 1][1], end, "org"))
                else:
                    out.append(OrgSpan(words[k][1], end, "org", alias=inner))
                continue
            out.append(OrgSpan(words[k][1], end, "org"))
        return out

    def _generic(self, words: list[tuple[str, int, int]], k: int, j: int) -> bool:
        """A unit head followed only by vocabulary and connectors: "Komando Umum", "Penjaga Perbatasan"."""
        return words[k][0] in self.lex.units and all(
            self.lex.is_generic(w) or w in CONNECTORS for w, _, _ in words[k + 1 : j])

    def _tail_last(self, text: str, words: list[tuple[str, int, int]]) -> list[OrgSpan]:
        out: list[OrgSpan] = []
        tails = self.lex.tails
        for j in [k for k, (w, _, _) in enumerate(words) if w in tails]:
            w, _, end = words[j]
            if text[end : end + 4] == " of ":
                of_end = self._of_country(text, words, j)
                if of_end is None and w != "Affairs":
                    continue
                end = of_end or end
            end = self._and_extension(text, words, end)
            i = j
            while i > 0 and text[words[i - 1][2] : words[i][1]] == " " and not self._ends_back(words[i - 1][0]) and (
                (self._capword(words[i - 1][0]) and not self.is_title(words[i - 1][0]))
                or (words[i - 1][0] in CONNECTORS and i > 1 and self._capword(words[i - 2][0]))
            ):
                i -= 1
            while i < j and (words[i][0] in CONNECTORS or words[i][0] in ("The", "A") or self.is_country(words[i][0])
                             and i + 1 < j and words[i + 1][0] in CONNECTORS):
                i += 1
            if i < j and words[i][0] not in self.lex.heads:
                bare = text[words[i + 1][1] : end] if self.is_country(words[i][0]) and i + 1 < j else None
                out.append(OrgSpan(words[i][1], end, "org", alias=bare))
        return out

    def _ends_back(self, word: str) -> bool:
        """A word an English name cannot start with or extend back over: a stop word, or a country
        possessive ("Cambodia's Domrey News": the country owns the name, it is not part of it)."""
        return word in self.lex.stops or (word[-2:] in ("'s", "’s") and self.is_country(word[:-2]))

    def _of_country(self, text: str, words: list[tuple[str, int, int]], j: int) -> int | None:
        """End of "<tail> of (the) <capitalised words ending in a country>", or None."""
        k = j + 2 if j + 2 < len(words) and words[j + 2][0] != "the" else j + 3
        last = None
        while k < len(words) and k - j <= MAX_EXTENSION_WORDS + 2 and self._capword(words[k][0]) \
                and text[words[k - 1][2] : words[k][1]] == " ":
            if self._country_ends(words, k):
                last = words[k][2]
            k += 1
        return last

    def _and_extension(self, text: str, words: list[tuple[str, int, int]], end: int) -> int:
        """End after "and <capitalised words>" when those words hold no head, tail, title or country."""
        k = bisect_right(words, end, key=lambda wd: wd[1])
        if k >= len(words) or words[k][0] not in AND or text[end : words[k][1]] != " ":
            return end
        run = []
        for w, s, e in words[k + 1 : k + 1 + MAX_EXTENSION_WORDS]:
            if text[(run[-1][2] if run else words[k][2]) : s] != " " or not w[:1].isupper():
                break
            if self.lex.is_generic(w) and w not in self.lex.words or self.is_office(w) or self.is_country(w) \
                    or w in self.lex.stops:
                return end
            run.append((w, s, e))
        return run[-1][2] if run else end

    def _sites(self, text: str) -> list[OrgSpan]:
        out = []
        for head_start, head_end in self._site_head.find(text):
            name_start = end = head_end + 1  # after the space
            for w in islice(_WORD.finditer(text, name_start), 5):
                if w.start() != end + (0 if end == name_start else 1) or not w.group()[:1].isupper():
                    break
                end = w.end()
            if end > name_start:
                out.append(OrgSpan(head_start, end, "site"))
        for tail_start, tail_end in self._site_tail.find(text):
            start = tail_start
            for w in reversed(list(_WORD.finditer(text, max(0, tail_start - 60), tail_start - 1))):
                if w.end() != start - 1 or not w.group()[:1].isupper():
                    break
                start = w.start()
            if start < tail_start:
                out.append(OrgSpan(start, tail_end, "site"))
        return out


def _before_capital(text: str, start: int, end: int) -> bool:
    """A site head ("Bandara", "Istana") that starts a word and is followed by a space and a capital."""
    return not (start and (text[start - 1].isalnum() or text[start - 1] == "_")) and text[end : end + 1] == " " \
        and "A" <= text[end + 1 : end + 2] <= "Z"


def _after_space(text: str, start: int, end: int) -> bool:
    """A site tail ("Airport", "Palace") after a space that ends a word."""
    return text[start - 1 : start] == " " and (end == len(text) or not (text[end].isalnum() or text[end] == "_"))
