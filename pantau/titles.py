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
from functools import lru_cache
from importlib import resources

from .dates import MONTHS_FULL, WEEKDAYS
from .gazetteer import PhraseMatcher, word_bounded

TITLE_FILES = ("titles-id.tsv", "titles-en.tsv")
CONNECTORS = frozenset({"dan", "untuk", "of", "the", "and", "for", "cum", "bagi", "urusan", "on", "to"})
ROLE_JOINERS = frozenset({"sekaligus", "merangkap", "serta", "sementara", "interim"})
"""Words that join two offices of one person ("Wakil Perdana Menteri sekaligus Menteri Dalam Negeri") or
qualify an office ("Perdana Menteri sementara")."""
CALENDAR_WORDS = frozenset(WEEKDAYS) | (MONTHS_FULL - {"may", "april", "june", "july", "august"})
"""Weekday and month names end a name ("Perdana Menteri Hun Sen Minggu bertolak"); the months that are
also English given names are left out."""
LOCATIVES = frozenset({"di", "in", "at"})
"""'Atase Pertahanan RI di Vietnam': a locative joins a capitalised place into an office phrase."""
NAME_PARTICLES = frozenset({"bin", "binti", "van", "de", "al", "el"})
_APPOSITION_LEAD = re.compile(
    r"(?:yang (?:juga |saat ini |kini |sekarang )?(?:menjabat (?:sebagai )?|merupakan |adalah |sebagai )"
    r"|selaku |sebagai |sekaligus |merangkap |the |who (?:is|was|also serves as|serves as) (?:also )?(?:the )?)"
)
"""Words between a name and its apposed office: Indonesian relative clauses ("yang juga menjabat sebagai",
"yang saat ini menjabat sebagai"), "selaku"/"sebagai", English "who is (also) the"."""
_APPOSITION_SEP = re.compile(r" ?, | (?=selaku |sebagai |sekaligus |merangkap )")
"""What separates a name (or a previous apposed office) from the next office: a comma, or one of the
role prepositions directly ("Anwar Ibrahim selaku Ketua ASEAN")."""
_WORD = re.compile(r"\([A-Z][\w.-]{0,11}\)|\(\w{1,5}\)|[\w'’]+(?:[-.][\w'’]+)*|,|\S")
_NAME_END = re.compile(r"[,.;:)]|\s(?:dan|and|serta|[a-z(])|\s*$")
"""What may follow a name that is read after a comma ("Presiden Laos, Thongloun Sisoulith, ...")."""
MAX_NAME_WORDS = 5
_NAME_BEFORE = re.compile(
    r"([A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|bin|binti)){1,4}) ?, (?:" + _APPOSITION_LEAD.pattern + r")?\Z"
)
"""A run of capitalised words, a comma and an optional apposition lead, right before an office."""
MAX_LOWER_ROLE_WORDS = 3
_CACHE_WORDS = 50_000
_SPACES = re.compile(" *")
_NON_SPACE = re.compile(r"\S+")
_COUNTRY_BEFORE = re.compile(r"([A-Z][\w'’]+?)(?:['’]s)? $")


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
    title_start: int = 0


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
        self._matcher = PhraseMatcher(self.kinds, word_bounded(before="'’", after="'’-"))
        self.title_words = frozenset(
            w.lower() for t, k in self.kinds.items() if k != "honorific" or " " not in t for w in t.split()
        )
        """Words of ranks and offices, and one-word honorifics; the parts of multi-word honorifics ("Tan
        Sri", "Datuk Seri", "Yang Mulia") are left out because they are also given names and surnames."""
        self.is_vocab = is_vocab
        self._role_words = lru_cache(maxsize=_CACHE_WORDS)(self._is_role_word)
        """`role_word` answers, kept per word: the chain grammar asks about the same words again at
        every step of a chain."""

    @classmethod
    def load(
        cls, is_vocab: Callable[[str], bool], is_country_word: Callable[[str], bool] = lambda w: False
    ) -> TitleGrammar:
        return cls([row for name in TITLE_FILES for row in _read(name)], is_vocab, is_country_word)

    def find(self, text: str) -> list[TitleHit]:
        """Title occurrences, longest first at each position, non-overlapping; organisation names that
        hold a title word (kind "org") mask it and are left out."""
        kinds = self.kinds
        return [TitleHit(start, end, kind) for start, end in self._matcher.find(text)
                if (kind := kinds[text[start:end]]) != "org"]

    def role_word(self, word: str) -> bool:
        """True for words that belong in a role rather than in a name."""
        return self._role_words(word)

    def _is_role_word(self, word: str) -> bool:
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
        """Walk one chain from `first`; returns the phrase (or None) and where the chain ended.

        Connectors, role joiners, locatives, acronym tags and commas continue the chain only while
        no name has started (every word after the last title is role vocabulary), so "Presiden A
        Budi dan Presiden B Cakra" is two chains, not one. An honorific after a name word is a
        particle of the name ("Hishammuddin Tun Hussein"). A comma after a complete office may be
        followed by the name itself ("Perdana Menteri Laos, Orvak Tamsiri,")."""
        items: list[tuple[int, int, str]] = []  # (start, end, kind) kind: title kinds | word | conn | tag | atag
        pos = first.start
        while True:
            hit = by_start.get(pos)
            open_role = self._no_name_yet(text, items)
            if hit is not None:
                particle = hit.kind == "honorific" and items and items[-1][2] == "word" and not open_role
                items.append((hit.start, hit.end, "conn" if particle else hit.kind))
                pos = hit.end
            else:
                m = _WORD.match(text, pos)
                if m is None:
                    break
                w = m.group()
                after = text[m.end() + 1 : m.end() + 2]
                if w.startswith("(") and items and items[-1][2] == "rank":
                    items.append((m.start(), m.end(), "tag"))
                elif w.startswith("(") and w[1:2].isupper() and open_role:
                    items.append((m.start(), m.end(), "atag"))
                elif _is_cap(w) and w[0].isalpha() and w.lower() not in CALENDAR_WORDS:
                    items.append((m.start(), m.end(), "word"))
                elif open_role and items[-1][2] != "conn" and (
                    w.lower() in CONNECTORS or w in ROLE_JOINERS or (w in LOCATIVES and _is_cap(after))
                ):
                    items.append((m.start(), m.end(), "conn"))
                elif w.lower() in NAME_PARTICLES and items and items[-1][2] == "word":
                    items.append((m.start(), m.end(), "conn"))
                elif w == "," and open_role and _next_is_title(text, m.end(), by_start):
                    items.append((m.start(), m.end(), "comma"))
                elif w == "," and open_role and items[-1][2] in ("word", "atag"):
                    name = self._name_after_comma(text, m.end())
                    if name:
                        items += [(m.start(), m.end(), "comma"), *name]
                    break
                else:
                    break
                pos = m.end()
            gap = _SPACES.match(text, pos).end() - pos
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
        name_end = items[-1][1]
        if text[name_end - 2 : name_end] in ("'s", "’s"):
            name_end -= 2  # "Prime Minister Orvak Tamsiri's visit": the possessive is not part of the name
        return PersonPhrase(items[k][0], name_end, roles, start, first.start), end

    def _name_after_comma(self, text: str, pos: int) -> list[tuple[int, int, str]]:
        """Name words right after ", " when they are capitalised, not role vocabulary, and followed by
        punctuation, a conjunction or a lower-case word; otherwise none."""
        out: list[tuple[int, int, str]] = []
        for m in _WORD.finditer(text, pos + 1):
            if m.start() != (out[-1][1] + 1 if out else pos + 1):
                break
            w = m.group()
            if not (_is_cap(w) and w[0].isalpha()) or self.role_word(w):
                break
            out.append((m.start(), m.end(), "word"))
        if not out or len(out) > MAX_NAME_WORDS or not _NAME_END.match(text, out[-1][1]):
            return []
        return out

    def _no_name_yet(self, text: str, items: list[tuple[int, int, str]]) -> bool:
        """True when every word after the last title is role vocabulary (so a comma cannot end a name)."""
        for k in range(len(items), 0, -1):
            kind = items[k - 1][2]
            if kind not in ("word", "conn"):
                return True
            if kind == "word" and not self._role_item(text, items, k):
                return False
        return True

    def _role_item(self, text: str, items: list[tuple[int, int, str]], k: int) -> bool:
        """Whether word item `k - 1` is role vocabulary on its own or ends a two-word country name
        ("Amerika Serikat", "Timor Leste")."""
        start, end, _ = items[k - 1]
        if self.role_word(text[start:end]):
            return True
        return k >= 2 and items[k - 2][2] == "word" and self.is_country_word(text[items[k - 2][0] : end])

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
                items[k - 1][2] == "word" and self._role_item(text, items, k)
            ):
                k -= 1
        while k < len(items) and items[k][2] == "conn":
            k += 1
        words = [it for it in items[k:] if it[2] == "word"]
        if not words or len(words) > MAX_NAME_WORDS:
            return None
        return k

    def apposed_names(self, text: str, hits: list[TitleHit], named: frozenset[int]) -> list[tuple[int, int]]:
        """Spans of untitled names written right before an apposed office ("Orvak Tamsiri, juru bicara
        Kementerian ...", "According to Orvak Tamsiri, Deputy Director of ..."): two to five capitalised
        words, none of them role vocabulary. An office that opens a named chain of its own starts the
        next person of a list, so it is not an apposition."""
        out: list[tuple[int, int]] = []
        for h in hits:
            if h.kind == "honorific" or h.start in named:
                continue
            window = max(0, h.start - 120)
            comma = text.rfind(", ", window, h.start)
            if comma < 0 or (comma + 2 < h.start and not _APPOSITION_LEAD.fullmatch(text, comma + 2, h.start)):
                continue  # `_NAME_BEFORE` ends in ", " and an optional lead: a cheap test before its search
            m = _NAME_BEFORE.search(text[window : h.start])
            if m is None:
                continue
            words = list(_NON_SPACE.finditer(m.group(1)))
            while words and (self.role_word(words[0].group()) or words[0].group().lower() in CALENDAR_WORDS):
                words.pop(0)
            if len(words) >= 2 and not any(self.role_word(w.group()) for w in words):
                out.append((window + m.start(1) + words[0].start(), window + m.end(1)))
        return out

    def apposition(
        self, text: str, name_end: int, hits: list[TitleHit], named: frozenset[int] = frozenset()
    ) -> list[str]:
        """Offices written after a name: ", Panglima Daerah Militer 5," / ", yang juga menjabat sebagai ...",
        " selaku Ketua ASEAN", and several in a row (", anggota Politbiro, Wakil Perdana Menteri, Menteri
        Pertahanan"). `named` holds the starts of title chains that end in a name of their own: such a
        chain introduces the next person, so reading stops there."""
        by_start = {h.start: h for h in hits}
        roles: list[str] = []
        pos = name_end
        while (sep := _APPOSITION_SEP.match(text, pos)) is not None:
            pos = sep.end()
            lead = _APPOSITION_LEAD.match(text, pos)
            if lead is not None:
                pos = lead.end()
            hit = by_start.get(pos)
            if hit is None or hit.kind == "honorific" or pos in named:
                break
            end = self._role_end(text, pos, by_start, named)
            roles += _roles_from_span(text, pos, end, by_start)
            pos = end
        return roles

    def _role_end(self, text: str, pos: int, by_start: dict[int, TitleHit], named: frozenset[int]) -> int:
        """End of an office phrase read forward from `pos` (commas continue into organisation names;
        up to `MAX_LOWER_ROLE_WORDS` lower-case words may follow a title: "wakil kepala staf Komando ...")."""
        end = start = pos
        lower = 0  # lower-case words read since the last title, or -1 once a capitalised word was read
        while True:
            hit = by_start.get(pos)
            if pos != start and pos in named:
                break
            if hit is not None:
                end = pos = hit.end
                lower = 0
            else:
                m = _WORD.match(text, pos)
                if m is None:
                    break
                w = m.group()
                if (_is_cap(w) and w[0].isalpha()) or w.startswith("("):
                    end = pos = m.end()
                    lower = -1
                elif w.lower() in CONNECTORS or w in ROLE_JOINERS or (
                    w in LOCATIVES and _is_cap(text[m.end() + 1 : m.end() + 2])
                ):
                    pos = m.end()
                elif w == "," and self.is_vocab(text[m.end() + 1 : m.end() + 40].split(" ", 1)[0]):
                    pos = m.end()
                elif w.isalpha() and w.islower() and 0 <= lower < MAX_LOWER_ROLE_WORDS:
                    pos = m.end()
                    lower += 1
                else:
                    break
            if not text.startswith(" ", pos):
                break
            pos += 1
        return end


def _next_is_title(text: str, pos: int, by_start: dict[int, TitleHit]) -> bool:
    return text.startswith(" ", pos) and (pos + 1) in by_start


def _extend_back(text: str, start: int, is_vocab: Callable[[str], bool]) -> int:
    """Include one country name or demonym written right before a title ("Thai Defence Minister",
    "Cambodia's Prime Minister")."""
    m = _COUNTRY_BEFORE.search(text[max(0, start - 40) : start])
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
