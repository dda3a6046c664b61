"""Title grammar: ranks, offices and honorifics around person names, in Indonesian and English.

Reads the lexicons `pantau/data/titles-id.tsv` and `titles-en.tsv` (columns `title`, `kind`), and
finds, in a text, phrases such as "Kepala Staf Umum Tentara Rakyat Laos, Jenderal Saichay Kommasith",
"Perdana Menteri Kamboja Hun Manet" or "Thai Defence Minister Gen (Rtd) Nattaphon Narkphanit", and
appositions after a name ("Hun Sen, yang juga menjabat sebagai Presiden Partai Rakyat Kamboja").

Decisions:
- A *title chain* starts at an office, rank or honorific and runs over further titles, capitalised
  words, acronyms, bracketed tags ("(P)", "(Rtd)") and the connectors of office names ("dan",
  "untuk", "of", "the", "cum"); a comma continues it only when a title follows ("..., Jenderal X").
- The person's name is the trailing run of capitalised words of the chain that are not *role
  vocabulary* (title words, organisation words, country names): "Perdana Menteri Kamboja | Hun
  Manet". Right after a rank or honorific the whole capitalised run is the name ("Letnan Jenderal |
  Thai Dai Ngoc"), because a rank is the last part of a title before a name.
- The role text before the name is split at commas and at ranks: "Thai Defence Minister",
  "Gen (Rtd)". Honorifics (Samdech, Datuk Seri, Mr., Bapak) are stripped and are not roles.
- A country name or demonym right before the chain belongs to the role ("Thai Defence Minister").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

TITLE_FILES = ("titles-id.tsv", "titles-en.tsv")
CONNECTORS = frozenset({"dan", "untuk", "of", "the", "and", "for", "cum", "bagi", "urusan", "on"})
NAME_PARTICLES = frozenset({"bin", "binti", "van", "de", "al", "el"})
APPOSITION_LEADS = (
    "yang juga menjabat sebagai ", "yang juga menjabat ", "yang menjabat sebagai ", "yang merupakan ",
    "yang juga ", "selaku ", "sebagai ", "the ", "who is also ", "who is ",
)
_WORD = re.compile(r"\(\w{1,5}\)|[\w'’]+(?:[-.][\w'’]+)*|,|\S")
MAX_NAME_WORDS = 5


@dataclass(frozen=True, slots=True)
class TitleHit:
    start: int
    end: int
    kind: str  # "rank" | "office" | "honorific"


@dataclass(slots=True)
class PersonPhrase:
    """A name found through its title: `text[name_start:name_end]` plus the roles as written."""

    name_start: int
    name_end: int
    roles: list[str] = field(default_factory=list)
    role_start: int = 0


def _read(name: str) -> list[tuple[str, str]]:
    raw = resources.files("pantau").joinpath("data", name).read_text("utf-8")
    lines = [line for line in raw.splitlines() if line and not line.startswith("#")]
    return [(row["title"], row["kind"]) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


class TitleGrammar:
    """Compiled title lexicon plus the chain grammar; build once with `TitleGrammar.load()`.

    `is_vocab(word)` tells whether a capitalised word belongs to role/organisation/country vocabulary
    (it is given by the caller, who owns the organisation lexicon and the gazetteer)."""

    def __init__(self, titles: list[tuple[str, str]], is_vocab: Callable[[str], bool],
                 is_country_word: Callable[[str], bool] = lambda w: False) -> None:
        self.is_country_word = is_country_word
        self.kinds = {t: k for t, k in titles}
        alts = sorted(self.kinds, key=len, reverse=True)
        self._pattern = re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w'’-])")
        self.title_words = frozenset(w.lower() for t in self.kinds for w in t.split())
        self.is_vocab = is_vocab

    @classmethod
    def load(
        cls, is_vocab: Callable[[str], bool], is_country_word: Callable[[str], bool] = lambda w: False
    ) -> TitleGrammar:
        return cls([row for name in TITLE_FILES for row in _read(name)], is_vocab, is_country_word)

    def find(self, text: str) -> list[TitleHit]:
        """Title occurrences, longest first at each position, non-overlapping."""
        return [TitleHit(m.start(), m.end(), self.kinds[m.group()]) for m in self._pattern.finditer(text)]

    def role_word(self, word: str) -> bool:
        """True for words that belong in a role rather than in a name."""
        low = word.lower().rstrip(".")
        return low in self.title_words or self.is_vocab(word) or (word.isupper() and len(word) > 1)

    def persons(self, text: str, hits: list[TitleHit]) -> list[PersonPhrase]:
        """Every title chain of `text` that ends in a name (see the module docstring)."""
        by_start = {h.start: h for h in hits}
        out: list[PersonPhrase] = []
        i = 0
        while i < len(hits):
            phrase, next_pos = self._chain(text, hits[i], by_start)
            if phrase is not None:
                out.append(phrase)
            while i < len(hits) and hits[i].start < next_pos:
                i += 1
        return out

    def _chain(self, text: str, first: TitleHit, by_start: dict[int, TitleHit]) -> tuple[PersonPhrase | None, int]:
        """Walk one chain from `first`; returns the phrase (or None) and where the chain ended."""
        items: list[tuple[int, int, str]] = []  # (start, end, kind) kind: title kinds | word | conn | tag
        pos = first.start
        while True:
            hit = by_start.get(pos)
            if hit is not None:
                items.append((hit.start, hit.end, hit.kind))
                pos = hit.end
            else:
                m = _WORD.match(text, pos)
                if m is None:
                    break
                w = m.group()
                if w.startswith("(") and items and items[-1][2] == "rank":
                    items.append((m.start(), m.end(), "tag"))
                elif _is_cap(w) and w[0].isalpha():
                    items.append((m.start(), m.end(), "word"))
                elif w.lower() in CONNECTORS and items and items[-1][2] != "conn":
                    items.append((m.start(), m.end(), "conn"))
                elif w.lower() in NAME_PARTICLES and items and items[-1][2] == "word":
                    items.append((m.start(), m.end(), "conn"))
                elif w == "," and _next_is_title(text, m.end(), by_start) and self._no_name_yet(text, items):
                    items.append((m.start(), m.end(), "comma"))
                else:
                    break
                pos = m.end()
            gap = len(text[pos:]) - len(text[pos:].lstrip(" "))
            if gap != 1 and not (gap == 0 and text.startswith(", ", pos)):
                break
            pos += gap
        while items and items[-1][2] in ("conn", "comma"):
            items.pop()
        end = items[-1][1] if items else first.end
        name = self._split_name(text, items)
        if name is None:
            return None, end
        k = name
        role_items = items[:k]
        roles = _roles(text, role_items)
        start = _extend_back(text, first.start, self.is_vocab)
        if start < first.start and roles:
            roles[0] = text[start:first.start] + roles[0]
        return PersonPhrase(items[k][0], items[-1][1], roles, start), end

    def _no_name_yet(self, text: str, items: list[tuple[int, int, str]]) -> bool:
        """True when every word after the last title is role vocabulary (so a comma cannot end a name)."""
        for start, end, kind in reversed(items):
            if kind not in ("word", "conn"):
                return True
            if kind == "word" and not self.role_word(text[start:end]):
                return False
        return True

    def _split_name(self, text: str, items: list[tuple[int, int, str]]) -> int | None:
        """Index of the first name item at the end of `items`, or None when the chain has no name."""
        j = len(items)
        while j > 0 and items[j - 1][2] in ("word", "conn"):
            j -= 1
        run = items[j:]
        if not run or j == 0:
            return None
        if items[j - 1][2] in ("rank", "honorific", "tag") and not any(
            self.role_word(text[s:e]) and not self.is_country_word(text[s:e]) for s, e, k in run if k == "word"
        ):
            k = j
        else:
            k = len(items)
            while k > j and items[k - 1][2] in ("word", "conn") and not (
                items[k - 1][2] == "word" and self.role_word(text[items[k - 1][0] : items[k - 1][1]])
            ):
                k -= 1
        while k < len(items) and items[k][2] == "conn":
            k += 1
        words = [it for it in items[k:] if it[2] == "word"]
        if not words or len(words) > MAX_NAME_WORDS:
            return None
        return k

    def apposition(self, text: str, name_end: int, hits: list[TitleHit]) -> list[str]:
        """Roles written after a name: ", Panglima Daerah Militer 5," / ", yang juga menjabat sebagai ..."."""
        rest = text[name_end : name_end + 300]
        if not rest.startswith(", "):
            return []
        pos = name_end + 2
        for lead in APPOSITION_LEADS:
            if text.startswith(lead, pos):
                pos += len(lead)
                break
        by_start = {h.start: h for h in hits}
        if pos not in by_start or by_start[pos].kind == "honorific":
            return []
        end = self._role_end(text, pos, by_start)
        return _roles_from_span(text, pos, end, by_start)

    def _role_end(self, text: str, pos: int, by_start: dict[int, TitleHit]) -> int:
        """End of an office phrase read forward from `pos` (commas continue into organisation names)."""
        end = pos
        while True:
            hit = by_start.get(pos)
            if hit is not None:
                end = pos = hit.end
            else:
                m = _WORD.match(text, pos)
                if m is None:
                    break
                w = m.group()
                if (_is_cap(w) and w[0].isalpha()) or w.startswith("("):
                    end = pos = m.end()
                elif w.lower() in CONNECTORS or (w in ("di", "in", "at") and _is_cap(text[m.end() + 1 : m.end() + 2])):
                    pos = m.end()
                elif w == "," and self.is_vocab(text[m.end() + 1 : m.end() + 40].split(" ", 1)[0]):
                    pos = m.end()
                else:
                    break
            if not text.startswith(" ", pos):
                break
            pos += 1
        return end


def _next_is_title(text: str, pos: int, by_start: dict[int, TitleHit]) -> bool:
    return text.startswith(" ", pos) and (pos + 1) in by_start


def _extend_back(text: str, start: int, is_vocab: Callable[[str], bool]) -> int:
    """Include one country name or demonym written right before a title ("Thai Defence Minister")."""
    m = re.search(r"([A-Z][\w'’]+) $", text[max(0, start - 40) : start])
    if m and is_vocab(m.group(1)) and m.group(1)[0].isupper():
        return start - len(m.group(1)) - 1
    return start


def _roles(text: str, items: list[tuple[int, int, str]]) -> list[str]:
    """Split the role items before a name at commas and ranks; drop honorifics."""
    roles: list[str] = []
    cur: list[tuple[int, int, str]] = []

    def flush() -> None:
        while cur and cur[-1][2] == "conn":
            cur.pop()
        if cur:
            roles.append(text[cur[0][0] : cur[-1][1]])
        cur.clear()

    for it in items:
        kind = it[2]
        if kind == "comma" or kind == "honorific":
            flush()
        elif kind == "rank":
            flush()
            cur.append(it)
        elif kind == "tag" and cur and cur[-1][2] == "rank":
            cur.append(it)
            flush()
        else:
            if cur and cur[-1][2] == "rank" and kind != "tag":
                flush()
            cur.append(it)
    flush()
    return roles


def _roles_from_span(text: str, start: int, end: int, by_start: dict[int, TitleHit]) -> list[str]:
    """One apposition role as written, plus any rank that opens it as a role of its own."""
    span = text[start:end].strip(" ,")
    if not span:
        return []
    hit = by_start.get(start)
    if hit is not None and hit.kind == "rank" and hit.end < end:
        return [text[start : hit.end], text[hit.end : end].strip(" ,")]
    return [span]
