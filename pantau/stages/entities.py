"""Entity stage: people, organisations, countries and places, merged into one entity each.

Reads `doc.text` and `doc.sentences`; writes `doc.mentions` (each with `entity_id` and `source`
"gazetteer", "rule" or "model") and `doc.entities` (PERSON, ORG, COUNTRY, LOCATION).

Decisions:
- Countries come from the gazetteer only (names, official and short forms, abbreviations such as
  "AS", "RI"); demonyms ("Thai", "Cambodian") set a person's country but are not country mentions.
  A model LOC span that is a country is a country, never a LOCATION.
- People: names after a title chain (`pantau.titles`) with their roles; untitled names right before
  an apposed office ("Orvak Tamsiri, juru bicara ..."); CRF PERSON spans, trimmed of titles, for
  names written without either, unless they cannot be names (`_name_span`). A single-word model name
  is kept only when it is part of a longer name in the document. Short forms join the longer name
  (`pantau.linking`), and every further occurrence of a full name is a mention with its appositions.
- A person's country, strongest evidence first (`_person_country`): a country named in a role
  ("Perdana Menteri Kamboja", "Menhan RI", "Thai Defence Minister"; not a destination: "Duta Besar
  Vietnam untuk Indonesia" serves Vietnam), a place named in a role, "dari/of <country>" after the
  name, the nearest country before the name in its sentence (else after it) that is not in another
  person's title, else the country the document names most.
- Organisations: the head/tail grammar and known bodies (`pantau.orgs`), bracketed acronyms as
  aliases; spans that name the same body (a known acronym and its expansion, "Kompi Penjaga
  Perbatasan 216" and its inner "Penjaga Perbatasan 216") are one entity; model ORG spans are not
  used (on news text they mostly repeat the grammar's finds or are fragments of offices).
- Places: gazetteer places resolved with the document's countries, and capitalised names after an
  administrative word ("Provinsi X", "distrik X", "X province") even when the gazetteer lacks them;
  named sites (airports, palaces) from `pantau.orgs`; model LOC spans after a locative ("di
  Poipet") when nothing else names the place. Anything inside a person's name is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from functools import cache, lru_cache, partial
from operator import attrgetter

from ..gazetteer import Gazetteer, PhraseMatcher, fold_key, fold_text, word_bounded
from ..linking import Cluster, attach_short, entity_id, person_key
from ..model import Document, Entity, Mention
from ..ner import NerModel
from ..orgs import OrgFinder, OrgLexicon, OrgSpan
from ..titles import CALENDAR_WORDS, PersonPhrase, TitleGrammar

_ADMIN_BEFORE = ("Provinsi", "Kabupaten", "Kecamatan", "Distrik", "Kota", "Desa", "Komune")
"""Administrative words written before a place name, capitalised or not ("Provinsi X", "kota X")."""
_ADMIN = re.compile(
    r"(?<!\w)(?:" + "|".join(f"[{w[0]}{w[0].lower()}]{w[1:]}" for w in _ADMIN_BEFORE) + ")"
    r" ((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,3})"
    r"|((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,3}) (?:[Pp]rovince|[Dd]istrict)(?!\w)"
)
_ADMIN_AFTER = re.compile(r" (?:[Pp]rovince|[Dd]istrict)(?!\w)")
"""Where the second form of `_ADMIN` ("X province") can end; most texts have none (`_admin_names`)."""
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_FROM_COUNTRY = re.compile(r",? (?:dari|asal|of|from) ")
"""'X dari Kamboja', 'X of Cambodia': the country a person comes from, written after the name."""
_CAPITAL_NEXT = re.compile(r" [A-Z]")
_LOCATIVE_BEFORE = re.compile(r"(?<!\w)(?:di|ke|in|at|near|dekat) \Z")
_DESTINATION_BEFORE = re.compile(r"(?<!\w)(?:ke|di|untuk|menuju|to|in|for|at|into|towards?) \Z", re.IGNORECASE)
"""A country after these words is a destination or a venue ("ke Vietnam", "Duta Besar ... untuk
Indonesia"), not the country a person serves."""
_CURRENCY_BEFORE = re.compile(r"(?:dolar|dollar|dólar)\s+\Z", re.IGNORECASE)
"""'dolar AS', 'dollar Singapura': the country there names a currency, not a party."""
_LINE = re.compile(r"[^\n]+")
_CACHE_WORDS = 50_000
_LOWER_RUN = re.compile(r"(?<![\w'’-])[a-z][\w'’-]* [a-z][\w'’-]* [a-z]")
_CLAUSE_END = re.compile(r"[.,;:!?]\s")
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
_NOT_BEFORE_NAME = re.compile(
    r"(?:(?<!\w)(?:the|The|di|ke|in|at|near|dekat|menuju|[Pp]rovinsi|[Kk]abupaten|[Kk]ota|[Dd]istrik|[Dd]esa)"
    r"|[Pp]rovince|[Dd]istrict) \Z"
)
"""Words after which a capitalised run is a place or a thing, never a person."""
GEO_WORDS = frozenset({
    "Asia", "Tenggara", "Selatan", "Utara", "Barat", "Timur", "Tengah", "Pasifik", "Eropa", "Afrika",
    "Southeast", "South", "North", "East", "West", "Central", "Pacific", "Europe", "Africa", "Middle",
    "Kawasan", "Wilayah", "Region", "Teluk", "Laut", "Sungai", "Gunung", "Pulau", "Selat", "Semenanjung",
    "Gulf", "Sea", "River", "Mount", "Island", "Strait", "Peninsula",
})
"""Compass and region words and geographic nouns (Indonesian and English): a capitalised run holding
one names a region or a natural feature ("Asia Tenggara", "Kawasan Segitiga"), not a person."""
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CAPITAL_BEFORE = re.compile(r"([A-Z][\w'’]*)[ -]$")
_CAPITAL_AFTER = re.compile(r"[ -]([A-Z][\w'’]*)")
_NAME_EDGES = word_bounded(before="'’-", after="'’-")
"""A further occurrence of a full name is a whole name: no letter, digit, apostrophe or hyphen joins it."""
_ACRONYM_EDGES = word_bounded(before="-", after="-")


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines set in title case without sentence punctuation (headlines, subheads). Every word there is
    capitalised, so capitalisation says nothing about names: no person is taken from such a line (the
    body names the same people in running text). A line with three lower-case words in a row is
    prose (a wrapped paragraph that opens with a long title and name), not a headline."""
    spans = []
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if not line or line[-1] in ".!?\"”’:;,":
            continue
        words = _WORD.findall(line)
        if not 2 <= len(words) <= 25 or _LOWER_RUN.search(line):
            continue
        if sum(w[0].isupper() for w in words) >= 0.6 * len(words):
            spans.append((m.start(), m.end()))
    return spans
_ADMIN_WORDS = ("Provinsi ", "provinsi ", "Kabupaten ", "Kecamatan ", "distrik ", "Distrik ", "kota ", "Kota ")


ENGLISH_OFFICE_HEADS = frozenset({
    "Minister", "Co-Chairman", "Chairman", "Deputy", "President", "Director", "Director-General",
    "Spokesman", "Prime", "Secretary", "Ambassador", "Commander", "Chief", "Head",
})
"""English office words that open a title before an organisation ("Director of the ..."); Indonesian
office words are not listed because Indonesian organisation names themselves start with them."""

class EntityRecognizer:
    """Pipeline stage; loads the gazetteer, lexicons and CRF model once."""

    def __init__(self) -> None:
        self.gazetteer = Gazetteer.load()
        self._country_of = lru_cache(maxsize=_CACHE_WORDS)(self.gazetteer.country_code)
        """Country look-up of single words and short phrases, asked many times per document by the
        title and organisation grammars; bounded, like the NER feature cache."""
        self.ner = NerModel.load()
        self.org_lexicon = OrgLexicon.load()
        self.titles = TitleGrammar.load(self._is_vocab, self._is_country)
        self.orgs = OrgFinder(self.org_lexicon, self._is_country, self._is_title_word, self.titles.kinds.__contains__)
        self._admin_words = PhraseMatcher([f(w) for w in _ADMIN_BEFORE for f in (str, str.lower)], word_bounded())

    def _is_country(self, word: str) -> bool:
        return self._country_of(word) is not None

    def _is_vocab(self, word: str) -> bool:
        return self.org_lexicon.is_vocab(word) or self._is_country(word)

    def _is_title_word(self, word: str) -> bool:
        """A rank or honorific, or an English office head word: these end an organisation name to the left."""
        kind = self.titles.kinds.get(word)
        return kind is not None and (kind != "office" or word in ENGLISH_OFFICE_HEADS)

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        folded = fold_text(text)
        countries = [m for m in self.gazetteer.find_countries(text, folded=folded) if m.iso3]
        country_mentions = [m for m in countries if m.kind != "demonym"
                            and not _CURRENCY_BEFORE.search(text, max(0, m.start - 12), m.start)]
        in_doc = {m.iso3 for m in country_mentions if m.iso3}
        hits = self.titles.find(text)
        places = [m for m in self.gazetteer.find_places(text, in_doc, folded=folded) if m.place is not None]
        org_spans = self.orgs.find(text)
        blocked = [(m.start, m.end) for m in countries] + [(m.start, m.end) for m in places] + [
            (o.start, o.end) for o in org_spans]
        headlines = headline_spans(text)
        phrases = self._title_phrases(text, hits, org_spans)
        model = self.ner.find(text, blocked + [(h.start, h.end) for h in hits]
                              + [(ph.role_start, ph.name_end) for ph in phrases])
        named = frozenset(ph.title_start for ph in phrases)
        claimed = [(ph.role_start, ph.name_start) for ph in phrases]
        persons = [p for p in self._persons(text, hits, phrases, named, model, blocked)
                   if not any(hs <= p[0] < he for hs, he in headlines)]
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return not any(s < pe and ps < e for ps, pe in taken)

        clusters: dict[str, Cluster] = {}
        mentions: list[Mention] = []

        def add(kind: str, key: str, s: int, e: int, surface: str, source: str) -> Cluster:
            cid = kind + "\0" + key
            cl = clusters.get(cid)
            if cl is None:
                cl = clusters[cid] = Cluster(kind, key=key)
            cl.add(s, e, surface, source)
            return cl

        taken += self._add_people(text, persons, hits, named, countries, claimed, blocked, add)
        for m in country_mentions:
            if free(m.start, m.end):
                add("COUNTRY", m.iso3 or "", m.start, m.end, m.text, "gazetteer")
        inside_org = self._add_orgs(text, org_spans, countries, taken, free, add)
        self._add_places(text, places, model, headlines, inside_org, free, add, clusters)

        doc_country = Counter(m.iso3 for m in country_mentions).most_common(1)
        entities: list[Entity] = []
        for cl in clusters.values():
            kind = cl.type
            if kind == "COUNTRY":
                ent = Entity(f"country:{cl.key}", "COUNTRY", cl.name(), cl.key)
            elif kind == "PERSON":
                name = cl.name(longest=True)
                country = cl.country or (doc_country[0][0] if doc_country else None)
                ent = Entity(entity_id("person", name), "PERSON", name, country, list(dict.fromkeys(cl.roles)))
            else:
                name = cl.name(longest=kind == "ORG")
                ent = Entity(entity_id(kind, name), kind, name, cl.country, aliases=cl.aliases)
            entities.append(ent)
            mentions += [Mention(s, e, text[s:e], kind, ent.id, src) for s, e, src in cl.spans]
        doc.entities = _unique_ids(entities)
        doc.mentions = sorted(mentions, key=attrgetter("start", "end"))
        return doc

    def _title_phrases(self, text: str, hits, org_spans) -> list[PersonPhrase]:
        """Title chains that name a person. A chain whose name lies inside an organisation name
        ("Komisaris Politik Pos Perbatasan Thong Thu") or whose title word opens one ("General Border
        Committee") names no person: the capitalised words belong to the organisation."""
        orgs = [(o.start, o.end) for o in org_spans if o.kind == "org"]
        return [ph for ph in self.titles.persons(text, hits)
                if not any(os < ph.name_start and ph.name_end <= oe or os <= ph.title_start < oe for os, oe in orgs)]

    def _persons(self, text: str, hits, phrases, named, model, blocked) -> list[tuple[int, int, list[str]]]:
        """Name spans with their roles: title chains first, then untitled names before an apposed
        office, then model PERSON spans; each later source only outside the earlier ones."""
        out = [(ph.name_start, ph.name_end, ph.roles + self.titles.apposition(text, ph.name_end, hits, named))
               for ph in phrases]
        candidates = [(s, e) for s, e in self.titles.apposed_names(text, hits, named)]
        hit_at = {h.start: h for h in hits}
        for s, e, label in model:
            if label == "PERSON":
                while s in hit_at and hit_at[s].end < e:
                    s = hit_at[s].end + 1
                candidates.append((s, s + len(_CLAUSE_END.split(text[s:e] + " ", maxsplit=1)[0].rstrip(" .,"))))
        for s, e in candidates:
            span = self._name_span(text, s, e)
            if span is None:
                continue
            s, e = span
            if any(s < pe and ps < e for ps, pe, _ in out) or any(s < be and bs < e for bs, be in blocked):
                continue
            out.append((s, e, self.titles.apposition(text, e, hits, named)))
        return out

    def _name_span(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        """A candidate name without a title, trimmed of a possessive ("Hun Manet's"), leading stop words
        ("Menurut") and trailing calendar words ("Hun Sen Minggu"); None when it cannot be a name:
        after an article, a locative or an administrative word ("the Joint Statement", "di Phu Makua",
        "Provinsi Houaphan"), or holding a country ("Thailand-Kamboja"), a geographic word ("Asia
        Tenggara"), an all-capitals word or role vocabulary."""
        m = _POSSESSIVE.search(text, s, e)
        if m is not None:
            e = m.start()
        words = [(w.start(), w.end()) for w in _WORD.finditer(text, s, e)]
        while words and text[words[0][0] : words[0][1]] in self.org_lexicon.stops:
            words.pop(0)
        while words and text[words[-1][0] : words[-1][1]].lower() in CALENDAR_WORDS:
            words.pop()
        if not words:
            return None
        s, e = words[0][0], words[-1][1]
        tokens = text[s:e].split()
        if not tokens[0][:1].isupper() or _NOT_BEFORE_NAME.search(text, max(0, s - 12), s):
            return None
        parts = [p for t in tokens for p in t.split("-")]
        if any(p in GEO_WORDS or self._is_country(p) for p in parts):
            return None
        if any(self.titles.role_word(t) for t in tokens):
            return None
        return s, e

    def _add_people(self, text, persons, hits, named, countries, claimed, blocked, add) -> list[tuple[int, int]]:
        """Cluster the person spans (short forms join the one longer name), add every further
        occurrence of a full name with its appositions, and give each person the country of its best
        mention (`_person_country`). Returns the spans taken by people."""
        keys = [person_key(text[s:e]) for s, e, _ in persons]
        owner = attach_short(list(dict.fromkeys(keys)))
        multi = {k for k in keys if len(owner[k]) > 1}
        best: dict[str, tuple[int, int, str]] = {}  # cluster key -> (strength, -start, country)
        taken: list[tuple[int, int]] = []
        clusters: dict[str, Cluster] = {}
        in_doc = {c.iso3 for c in countries if c.iso3}
        role_country = cache(partial(self._role_country, in_doc=in_doc))  # one document: roles repeat

        def place(cl: Cluster, s: int, e: int, roles: list[str]) -> None:
            cl.roles += roles
            taken.append((s, e))
            found = self._person_country(text, s, e, roles, countries, claimed, role_country)
            if found is not None and (cl.key not in best or found[:2] > best[cl.key][:2]):
                best[cl.key] = found

        for (s, e, roles), key in zip(persons, keys, strict=True):
            target = owner[key]
            if len(target) == 1 and not roles and target not in multi:
                continue
            cl = clusters[" ".join(target)] = add("PERSON", " ".join(target), s, e, text[s:e],
                                                  "rule" if roles else "model")
            place(cl, s, e, roles)
        for cl in clusters.values():
            for surface in [f for f in cl.surfaces if " " in f]:
                for a, b in _occurrences(text, surface, _NAME_EDGES):
                    if any(a < e and s < b for s, e in taken) or any(a < e and s < b for s, e in blocked):
                        continue
                    cl.add(a, b, surface, "rule")
                    place(cl, a, b, self.titles.apposition(text, b, hits, named))
        for cl in clusters.values():
            if cl.key in best:
                cl.country = best[cl.key][2]
        return taken

    def _person_country(self, text, s, e, roles, countries, claimed, role_country) -> tuple[int, int, str] | None:
        """The country of one person mention with its strength and position, best first: a country
        named in a role (strength 3; "Duta Besar Vietnam untuk Indonesia" serves Vietnam: a country
        after "untuk/to/di/in" is where the office is, not whose it is), a place named in a role (2:
        "Dinas ... Provinsi Houaphan"), "dari/of/from <country>" right after the name (2), then the
        sentence (1): the nearest country before the name, else after it, leaving out countries in
        other people's titles and destinations ("ke Vietnam", "to Vietnam"). `countries` are in text
        order; `role_country` is `_role_country` for this document."""
        for role in roles:
            code = role_country(role)
            if code is not None:
                return code
        m = _FROM_COUNTRY.match(text, e)
        if m is not None:
            after = next((c for c in countries if c.start == m.end()), None)
            if after is not None and after.iso3:
                return 2, -s, after.iso3
        lo = max(0, s - 300)
        breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text, lo, s)]
        stop = _SENTENCE_BREAK.search(text, e, e + 300)
        sent_start, sent_end = (breaks[-1] if breaks else lo), (stop.start() if stop else e + 300)
        start_of = attrgetter("start")
        in_sentence = countries[bisect_left(countries, sent_start, key=start_of) :
                                bisect_right(countries, sent_end, key=start_of)]
        near = [c for c in in_sentence if c.iso3 and c.end <= sent_end
                and not s <= c.start < e and not any(cs <= c.start < ce for cs, ce in claimed)
                and not _DESTINATION_BEFORE.search(text, max(0, c.start - 10), c.start)]
        before = [c for c in near if c.end <= s]
        pick = before[-1] if before else (near[0] if near else None)
        return (1, -s, pick.iso3) if pick is not None and pick.iso3 else None

    def _role_country(self, role: str, *, in_doc: set[str]) -> tuple[int, int, str] | None:
        """The country a role names (see `_person_country`), with its strength."""
        for m in self.gazetteer.find_countries(role):
            if m.iso3 and not _DESTINATION_BEFORE.search(role, max(0, m.start - 10), m.start):
                return 3, 0, m.iso3
        for m in self.gazetteer.find_places(role, in_doc):
            if m.iso3 and (" " in m.text or not self.titles.role_word(m.text)):
                return 2, 0, m.iso3
        return None

    def _add_orgs(self, text, org_spans, countries, taken, free, add) -> list[tuple[int, int]]:
        """Organisations and sites; an organisation running into a person's name is cut before it,
        one overlapping a named site is dropped. Returns the spans covered by organisations."""
        by_acronym: dict[str, Cluster] = {}
        sites = [(sp.start, sp.end) for sp in org_spans if sp.kind == "site"]
        covered: list[tuple[int, int]] = []
        for sp in sorted(org_spans, key=lambda sp: (sp.start, -sp.end)):
            cut = min((ps for ps, pe in taken if sp.start < ps < sp.end), default=sp.end)
            end = len(text[sp.start : cut].rstrip(" ,"))+ sp.start
            if end < sp.end:
                if len(text[sp.start : end].split()) < 2:
                    continue
                sp = OrgSpan(sp.start, end, sp.kind, None, sp.alias)
            if not free(sp.start, sp.end):
                continue
            if sp.kind == "org" and any(sp.start < se and ss < sp.end for ss, se in sites):
                continue
            surface = text[sp.start : sp.end]
            covered.append((sp.start, sp.end))
            if sp.kind == "site":
                add("LOCATION", fold_key(surface), sp.start, sp.end, surface, "rule")
                continue
            if self._is_country(surface) or surface in by_acronym:
                if surface in by_acronym:
                    by_acronym[surface].add(sp.start, sp.end, surface, "rule")
                continue
            cl = add("ORG", fold_key(sp.alias or surface), sp.start, sp.end, surface, "rule")
            codes = [m.iso3 for m in countries if sp.start <= m.start < sp.end]
            cl.country = cl.country or (codes[-1] if codes else None)
            if sp.acronym and sp.acronym not in cl.aliases:
                cl.aliases.append(sp.acronym)
                by_acronym[sp.acronym] = cl
            if sp.alias and sp.alias not in cl.aliases:
                cl.aliases.append(sp.alias)
        for acronym, cl in by_acronym.items():
            spans = {(a, b) for a, b, _ in cl.spans}
            for a, b in _occurrences(text, acronym, _ACRONYM_EDGES):
                if (a, b) not in spans:
                    cl.add(a, b, acronym, "rule")
        return covered

    def _add_places(self, text, places, model, headlines, inside_org, free, add, clusters) -> None:
        for m in places:
            if not free(m.start, m.end) or any(s <= m.start and m.end <= e for s, e in inside_org):
                continue
            if " " not in m.text and (self._is_vocab(m.text) or self._glued(text, m.start, m.end)):
                continue
            surface = _strip_admin(m.text)
            add("LOCATION", m.place.id, m.start, m.end, surface, "gazetteer").country = m.place.country
        known = {fold_key(s) for cl in clusters.values() if cl.type == "LOCATION" for s in cl.surfaces}
        for s, e in self._admin_names(text):
            name = text[s:e]
            if fold_key(name) in known or not free(s, e) or self._is_country(name):
                continue
            add("LOCATION", fold_key(name), s, e, name, "rule")
        self._add_model_places(text, model, headlines, add, clusters)

    def _admin_names(self, text: str) -> list[tuple[int, int]]:
        """The names `_ADMIN` reads, in text order. Without "province"/"district" in the text only its
        first form can match, and only where an administrative word starts: the regex is tried there
        instead of at every position of the text."""
        if _ADMIN_AFTER.search(text):
            matches = list(_ADMIN.finditer(text))
        else:
            matches = []
            for start, _ in self._admin_words.find(text):
                if (not matches or start >= matches[-1].end()) and (m := _ADMIN.match(text, start)):
                    matches.append(m)
        return [m.span(m.lastindex or 1) for m in matches]

    def _add_model_places(self, text, model, headlines, add, clusters) -> None:
        """Model LOC spans the gazetteer and the grammars are silent on, read only after a locative
        ("di Poipet", "in Turnberry") and only when no word is role, organisation or region vocabulary,
        the span is no country, touches no other mention, is not cut from a longer capitalised name
        ("di Markas Besar") and is not on a headline line (where common nouns are capitalised too)."""
        used = [(s, e) for cl in clusters.values() for s, e, _ in cl.spans]
        known = {fold_key(f) for cl in clusters.values() if cl.type == "LOCATION" for f in cl.surfaces}
        for s, e, label in model:
            if label != "LOC" or not _LOCATIVE_BEFORE.search(text, max(0, s - 8), s):
                continue
            name = text[s:e]
            if (e < len(text) and text[e].isalnum()) or _CAPITAL_NEXT.match(text, e) or any(
                s < ue and us < e for us, ue in used + headlines
            ):
                continue
            if not name[:1].isupper() or self._is_country(name) or fold_key(name) in known or any(
                w in GEO_WORDS or self.titles.role_word(w) for w in name.split()
            ):
                continue
            add("LOCATION", fold_key(name), s, e, name, "model")


    def _glued(self, text: str, start: int, end: int) -> bool:
        """True when a one-word place touches another capitalised word: part of a longer name."""
        before = _CAPITAL_BEFORE.search(text[max(0, start - 30) : start])
        after = _CAPITAL_AFTER.match(text[end : end + 30])
        return any(m is not None and not self._is_vocab(m.group(1)) and m.group(1) not in self.titles.kinds
                   for m in (before, after))


def _occurrences(text: str, needle: str, valid: Callable[[str, int, int], bool]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of `needle` where `valid` holds, in text order: the matches of a regex
    for the escaped literal with `valid` as its look-arounds, without compiling one regex per name."""
    out: list[tuple[int, int]] = []
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        if valid(text, start, end):
            out.append((start, end))
            start = text.find(needle, end)
        else:
            start = text.find(needle, start + 1)
    return out


def _strip_admin(surface: str) -> str:
    for word in _ADMIN_WORDS:
        if surface.startswith(word) and len(surface) > len(word):
            return surface[len(word) :]
    for word in (" province", " Province", " district", " District"):
        if surface.endswith(word) and len(surface) > len(word):
            return surface[: -len(word)]
    return surface


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    """One entity per id: two clusters whose names give one id (the city and the regency both called
    "Sukabumi" in the gazetteer, a person written twice) are one entity to the reader, so they merge —
    roles and aliases joined, the first known country kept. A record never holds one id twice."""
    by_id: dict[str, Entity] = {}
    for ent in entities:
        first = by_id.setdefault(ent.id, ent)
        if first is ent:
            continue
        first.roles = list(dict.fromkeys([*first.roles, *ent.roles]))
        first.aliases = list(dict.fromkeys([*first.aliases, *ent.aliases]))
        first.country = first.country or ent.country
    return list(by_id.values())
