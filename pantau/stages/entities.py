"""Entity stage: people, organisations, countries and places, merged into one entity each.

Reads `doc.text` and `doc.sentences`; writes `doc.mentions` (each with `entity_id` and `source`
"gazetteer", "rule" or "model") and `doc.entities` (PERSON, ORG, COUNTRY, LOCATION).

Decisions:
- Countries come from the gazetteer only (names, official and short forms, abbreviations such as
  "AS", "RI"); demonyms ("Thai", "Cambodian") set a person's country but are not country mentions.
  A model LOC span that is a country is a country, never a LOCATION.
- People: names after a title chain (`pantau.titles`) with their roles; CRF PERSON spans, trimmed of
  titles, add names written without a title. A single-word model name is kept only when it is part
  of a longer name in the document. Short forms join the longer name (`pantau.linking`).
- A person's country: a country named or implied in the roles ("Perdana Menteri Kamboja", "Menhan
  RI", "Thai Defence Minister"), else the nearest country mention in the same sentence, else the
  country the document names most.
- Organisations: the head/tail grammar and known bodies (`pantau.orgs`), bracketed acronyms as
  aliases; model ORG spans are not used (on news text they mostly repeat the grammar's finds or are
  fragments of offices).
- Places: gazetteer places resolved with the document's countries, and capitalised names after an
  administrative word ("Provinsi X", "distrik X", "X province") even when the gazetteer lacks them;
  named sites (airports, palaces) from `pantau.orgs`. Anything inside a person's name is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..gazetteer import Gazetteer, fold_key
from ..linking import Cluster, attach_short, entity_id, person_key
from ..model import Document, Entity, Mention
from ..ner import NerModel
from ..orgs import OrgFinder, OrgLexicon, OrgSpan
from ..titles import TitleGrammar

_ADMIN = re.compile(
    r"(?<!\w)(?:[Pp]rovinsi|[Kk]abupaten|[Kk]ecamatan|[Dd]istrik|[Kk]ota|[Dd]esa|[Kk]omune)"
    r" ((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,3})"
    r"|((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,3}) (?:[Pp]rovince|[Dd]istrict)(?!\w)"
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_CURRENCY_BEFORE = re.compile(r"(?:dolar|dollar|dólar)\s+\Z", re.IGNORECASE)
"""'dolar AS', 'dollar Singapura': the country there names a currency, not a party."""
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines set in title case without sentence punctuation (headlines, subheads). Every word there is
    capitalised, so capitalisation says nothing about names: no person is taken from such a line (the
    body names the same people in running text)."""
    spans = []
    for m in _LINE.finditer(text):
        line = m.group().strip()
        words = _WORD.findall(line)
        if not 2 <= len(words) <= 25 or line[-1] in ".!?\"”’:;,":
            continue
        if sum(w[0].isupper() for w in words) >= 0.6 * len(words):
            spans.append((m.start(), m.end()))
    return spans
_ADMIN_WORDS = ("Provinsi ", "provinsi ", "Kabupaten ", "Kecamatan ", "distrik ", "Distrik ", "kota ", "Kota ")


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    type: str
    source: str


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
        self.ner = NerModel.load()
        self.org_lexicon = OrgLexicon.load()
        self.titles = TitleGrammar.load(self._is_vocab, self._is_country)
        self.orgs = OrgFinder(self.org_lexicon, self._is_country, self._is_title_word)

    def _is_country(self, word: str) -> bool:
        return self.gazetteer.country_code(word) is not None

    def _is_vocab(self, word: str) -> bool:
        return self.org_lexicon.is_vocab(word) or self._is_country(word)

    def _is_title_word(self, word: str) -> bool:
        """A rank or honorific, or an English office head word: these end an organisation name to the left."""
        kind = self.titles.kinds.get(word)
        return kind is not None and (kind != "office" or word in ENGLISH_OFFICE_HEADS)

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        countries = [m for m in self.gazetteer.find_countries(text) if m.iso3]
        country_mentions = [m for m in countries if m.kind != "demonym"
                            and not _CURRENCY_BEFORE.search(text, max(0, m.start - 12), m.start)]
        in_doc = {m.iso3 for m in country_mentions if m.iso3}
        hits = self.titles.find(text)
        model = self.ner.find(text)

        places = [m for m in self.gazetteer.find_places(text, in_doc) if m.place is not None]
        org_spans = self.orgs.find(text)
        blocked = [(m.start, m.end) for m in countries] + [(m.start, m.end) for m in places] + [
            (o.start, o.end) for o in org_spans]
        headlines = headline_spans(text)
        persons = [p for p in self._persons(text, hits, model, blocked)
                   if not any(hs <= p[0] < he for hs, he in headlines)]
        taken = [(s, e) for s, e, _ in persons]

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

        for m in country_mentions:
            if free(m.start, m.end):
                add("COUNTRY", m.iso3 or "", m.start, m.end, m.text, "gazetteer")
        self._add_people(text, persons, hits, countries, add)
        inside_org = self._add_orgs(text, org_spans, countries, taken, free, add)
        self._add_places(text, places, inside_org, free, add, clusters)

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
        doc.entities = entities
        doc.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        return doc

    def _persons(self, text: str, hits, model, blocked) -> list[tuple[int, int, list[str]]]:
        """Name spans with their roles: title chains first, then model PERSON spans outside them."""
        out: list[tuple[int, int, list[str]]] = []
        for ph in self.titles.persons(text, hits):
            roles = ph.roles + self.titles.apposition(text, ph.name_end, hits)
            out.append((ph.name_start, ph.name_end, roles))
        hit_at = {h.start: h for h in hits}
        for s, e, label in model:
            if label != "PERSON":
                continue
            while s in hit_at and hit_at[s].end < e:
                s = hit_at[s].end + 1
            e = s + len(re.split(r"[.,;:!?]\s", text[s:e] + " ", maxsplit=1)[0].rstrip(" .,"))
            if any(s < pe and ps < e for ps, pe, _ in out) or any(s < be and bs < e for bs, be in blocked):
                continue
            words = text[s:e].split()
            if not words or any(self.titles.role_word(w) for w in words) or not words[0][:1].isupper():
                continue
            out.append((s, e, self.titles.apposition(text, e, hits)))
        return out

    def _add_people(self, text, persons, hits, countries, add) -> None:
        keys = [person_key(text[s:e]) for s, e, _ in persons]
        owner = attach_short(list(dict.fromkeys(keys)))
        multi = {k for k in keys if len(owner[k]) > 1}
        for (s, e, roles), key in zip(persons, keys, strict=True):
            target = owner[key]
            if len(target) == 1 and not roles and target not in multi:
                continue
            cl = add("PERSON", " ".join(target), s, e, text[s:e], "rule" if roles else "model")
            cl.roles += roles
            if cl.country is None:
                cl.country = self._person_country(text, s, e, roles, countries)

    def _person_country(self, text, s, e, roles, countries) -> str | None:
        for role in roles:
            found = [m.iso3 for m in self.gazetteer.find_countries(role) if m.iso3]
            if found:
                return found[-1]
        near = [m for m in countries if m.iso3 and abs(m.start - s) < 200 and not (s <= m.start < e)]
        same = [m for m in near if not _SENTENCE_BREAK.search(text[min(m.end, s) : max(m.start, e)])]
        if same:
            return min(same, key=lambda m: abs(m.start - s)).iso3
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
                sp = OrgSpan(sp.start, end, sp.kind, None, sp.long)
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
            cl = add("ORG", fold_key(surface), sp.start, sp.end, surface, "rule")
            codes = [m.iso3 for m in countries if sp.start <= m.start < sp.end]
            cl.country = cl.country or (codes[-1] if codes else None)
            if sp.acronym and sp.acronym not in cl.aliases:
                cl.aliases.append(sp.acronym)
                by_acronym[sp.acronym] = cl
            if sp.long and sp.long not in cl.aliases:
                cl.aliases.append(sp.long)
        for acronym, cl in by_acronym.items():
            for m in re.finditer(r"(?<![\w-])" + re.escape(acronym) + r"(?![\w-])", text):
                if (m.start(), m.end()) not in {(a, b) for a, b, _ in cl.spans}:
                    cl.add(m.start(), m.end(), acronym, "rule")
        return covered

    def _add_places(self, text, places, inside_org, free, add, clusters) -> None:
        for m in places:
            if not free(m.start, m.end) or any(s <= m.start and m.end <= e for s, e in inside_org):
                continue
            if " " not in m.text and (self._is_vocab(m.text) or self._glued(text, m.start, m.end)):
                continue
            surface = _strip_admin(m.text)
            add("LOCATION", m.place.id, m.start, m.end, surface, "gazetteer").country = m.place.country
        known = {fold_key(s) for cl in clusters.values() if cl.type == "LOCATION" for s in cl.surfaces}
        for m in _ADMIN.finditer(text):
            g = 1 if m.group(1) else 2
            s, e = m.start(g), m.end(g)
            name = m.group(g)
            if fold_key(name) in known or not free(s, e) or self._is_country(name):
                continue
            add("LOCATION", fold_key(name), s, e, name, "rule")


    def _glued(self, text: str, start: int, end: int) -> bool:
        """True when a one-word place touches another capitalised word: part of a longer name."""
        before = re.search(r"([A-Z][\w'’]*)[ -]$", text[max(0, start - 30) : start])
        after = re.match(r"[ -]([A-Z][\w'’]*)", text[end : end + 30])
        return any(m is not None and not self._is_vocab(m.group(1)) and m.group(1) not in self.titles.kinds
                   for m in (before, after))


def _strip_admin(surface: str) -> str:
    for word in _ADMIN_WORDS:
        if surface.startswith(word) and len(surface) > len(word):
            return surface[len(word) :]
    for word in (" province", " Province", " district", " District"):
        if surface.endswith(word) and len(surface) > len(word):
            return surface[: -len(word)]
    return surface
