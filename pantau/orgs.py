"""Organisation and named-site grammar over the lexicon `pantau/data/orgs.tsv`.

Finds organisation names ("Kementerian Pertahanan Kamboja", "Partai Rakyat Kamboja (CPP)",
"National Security Council"), acronyms linked to them, known bodies (ASEAN, PBB, AFP...) and named
sites ("Bandara Internasional Noi Bai", "Kuala Lumpur Convention Centre").

Decisions:
- Indonesian names are head-first: a capitalised head word (`head`: Kementerian, Tentara, Partai...)
  followed by at least one capitalised word, acronym or country; "dan"/"untuk"/"of" continue the
  name only between capitalised words. A lower-case head ("kedua kementerian") or a head alone
  ("Kementerian") is generic and not an entity.
- English names are tail-last: a capitalised run ending in a `tail` word (Committee, Army, Forces).
  The run is cut after the last title or demonym-led office word ("Thai Co-Chairman of the | General
  Border Committee").
- Nested names: inside a name, each later head starts an inner organisation of its own
  ("Departemen Intelijen | Angkatan Darat Kerajaan Thailand"); both are returned.
- An acronym in brackets right after a name ("(TMAC)", "(AOT-TH)") is that organisation's alias.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

_WORD = re.compile(r"[\w'’]+(?:[-.][\w'’]+)*")
_ACRONYM = re.compile(r" \(([A-Z][A-Za-z]*[A-Z][A-Za-z-]*)\)")
CONNECTORS = frozenset({"dan", "untuk", "of", "the", "and", "for", "on"})
MAX_WORDS = 14


@dataclass(frozen=True, slots=True)
class OrgSpan:
    """`text[start:end]` names an organisation (kind "org") or a site (kind "site"); `acronym` is
    the bracketed short form that follows it, if any."""

    start: int
    end: int
    kind: str
    acronym: str | None = None
    long: str | None = None


@dataclass(frozen=True, slots=True)
class OrgLexicon:
    heads: frozenset[str]
    tails: frozenset[str]
    words: frozenset[str]
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
            heads=frozenset(of("head")),
            tails=frozenset(of("tail")),
            words=frozenset(of("word")),
            known={r["name"]: r["long"] for r in rows if r["kind"] == "known"},
            site_heads=tuple(sorted(of("site-head"), key=len, reverse=True)),
            site_tails=tuple(sorted(of("site-tail"), key=len, reverse=True)),
        )

    def is_vocab(self, word: str) -> bool:
        return word in self.heads or word in self.tails or word in self.words


class OrgFinder:
    """Organisation and site spans of a text; `is_country(word_or_phrase)` comes from the gazetteer,
    `is_title(word)` from the title grammar."""

    def __init__(self, lexicon: OrgLexicon, is_country: Callable[[str], bool], is_title: Callable[[str], bool]):
        self.lex = lexicon
        self.is_country = is_country
        self.is_title = lambda w: w != "General" and is_title(w)
        known = sorted(lexicon.known, key=len, reverse=True)
        self._known = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in known) + r")(?![\w-])")
        heads = "|".join(re.escape(h) for h in lexicon.site_heads)
        self._site_head = re.compile(r"(?<!\w)(?:" + heads + r") (?=[A-Z])")
        tails = "|".join(re.escape(t) for t in lexicon.site_tails)
        self._site_tail = re.compile(r"(?:(?<= )(?:" + tails + r"))(?!\w)")

    def find(self, text: str) -> list[OrgSpan]:
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        spans = self._head_first(text, words) + self._tail_last(text, words)
        spans += [OrgSpan(m.start(), m.end(), "org", long=self.lex.known[m.group()] or None)
                  for m in self._known.finditer(text)]
        spans += self._sites(text)
        out = []
        for sp in spans:
            m = _ACRONYM.match(text, sp.end)
            if m and sp.kind == "org" and sp.acronym is None and not self.is_country(m.group(1)):
                sp = OrgSpan(sp.start, sp.end, sp.kind, m.group(1), sp.long)
            out.append(sp)
        return out

    def _capword(self, w: str) -> bool:
        return w[:1].isupper() or w[:1].isdigit()

    def _run(self, text: str, words: list[tuple[str, int, int]], i: int) -> int:
        """Index after the capitalised run starting at word `i` (single spaces between words)."""
        j = i + 1
        while j < len(words) and j - i < MAX_WORDS:
            w, s, _ = words[j]
            if text[words[j - 1][2] : s] != " ":
                break
            if self._capword(w) and not self.is_title(w) and not (j == i + 1 and w in CONNECTORS):
                j += 1
            elif w == "provinsi" and j + 1 < len(words) and words[j + 1][0][:1].isupper():
                j += 1
            elif w in CONNECTORS and j > i + 1 and j + 1 < len(words) and self._capword(words[j + 1][0]) \
                    and words[j + 1][0] not in self.lex.heads and text[words[j][2] : words[j + 1][1]] == " ":
                j += 1
            else:
                break
        while j > i + 1 and words[j - 1][0] in CONNECTORS:
            j -= 1
        return j

    def _head_first(self, text: str, words: list[tuple[str, int, int]]) -> list[OrgSpan]:
        out: list[OrgSpan] = []
        i = 0
        while i < len(words):
            if words[i][0] not in self.lex.heads:
                i += 1
                continue
            j = self._run(text, words, i)
            if j - i >= 2:
                end = words[j - 1][2]
                out.append(OrgSpan(words[i][1], end, "org"))
                out += [OrgSpan(words[k][1], end, "org") for k in range(i + 1, j - 1)
                        if words[k][0] in self.lex.heads and words[k][0] not in ("Pusat", "Tim")]
            i = max(j, i + 1)
        return out

    def _tail_last(self, text: str, words: list[tuple[str, int, int]]) -> list[OrgSpan]:
        out: list[OrgSpan] = []
        for j, (w, _, end) in enumerate(words):
            if w not in self.lex.tails or (text[end : end + 4] == " of " and w != "Affairs"):
                continue
            i = j
            while i > 0 and text[words[i - 1][2] : words[i][1]] == " " and (
                (self._capword(words[i - 1][0]) and not self.is_title(words[i - 1][0]))
                or (words[i - 1][0] in CONNECTORS and i > 1 and self._capword(words[i - 2][0]))
            ):
                i -= 1
            while i < j and (words[i][0] in CONNECTORS or words[i][0] in ("The", "A") or self.is_country(words[i][0])
                             and i + 1 < j and words[i + 1][0] in CONNECTORS):
                i += 1
            if i < j and words[i][0] not in self.lex.heads:
                out.append(OrgSpan(words[i][1], end, "org"))
        return out

    def _sites(self, text: str) -> list[OrgSpan]:
        out = []
        for m in self._site_head.finditer(text):
            words = list(_WORD.finditer(text, m.end()))
            end = m.end()
            for w in words[:5]:
                if w.start() != end + (0 if end == m.end() else 1) or not w.group()[:1].isupper():
                    break
                end = w.end()
            if end > m.end():
                out.append(OrgSpan(m.start(), end, "site"))
        for m in self._site_tail.finditer(text):
            start = m.start()
            for w in reversed(list(_WORD.finditer(text, max(0, m.start() - 60), m.start() - 1))):
                if w.end() != start - 1 or not w.group()[:1].isupper():
                    break
                start = w.start()
            if start < m.start():
                out.append(OrgSpan(start, m.end(), "site"))
        return out
