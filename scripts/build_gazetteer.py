"""Build pantau's country and place gazetteer resources into ``pantau/data/``.

Usage: ``.venv/bin/python scripts/build_gazetteer.py [--shared ../shared/data] [--out pantau/data]``

Outputs (deterministic; gzip without timestamps):

* ``countries.tsv`` — ``alias, iso3, kind (name|abbrev|demonym), match, ambiguous, source``.
  Sources: ``country-names-id`` (CLDR Indonesian short names), pycountry (English name/official/common
  names and its Indonesian gettext catalogue), ``countries.json`` (English name, Latin-script native
  name, nationality adjective as demonym), and ``scripts/gazetteer/country-aliases-extra.tsv``.
  countries.json's other-language translations are not used: they are neither Indonesian nor English and
  would only add false positives.
* ``places.tsv.gz`` — ``id, name, iso3, type, lat, lon, population, capital`` for first-level divisions of
  every country (``states.csv``, plus Vietnam's pre-2025 provinces), cities/districts of the SE-Asian city
  files, Indonesian provinces and kabupaten/kota (``wilayah-id``), and every national capital
  (``countries.json``).
* ``place-aliases.tsv.gz`` — ``alias, place_ids, match``.
* ``GAZETTEER-ATTRIBUTION.md``.

Alias rules (general, applied to every record):

* the name, and Latin-script native names and city-file translations that are the same name spelled
  slightly differently (same number of words, edit distance <= 2 after folding: ``Champassak``); other
  translations and native names are machine-made or another language and are not used;
* the core name with generic designators stripped (``Provinsi``, ``Kabupaten``, ``Kota``, ``Tỉnh``,
  ``Huyện``, ``Amphoe``, ``Muang``, ... / ``Province``, ``Regency``, ``City``, ``District``, ...), unless
  the core is shorter than 4 letters or only a direction word (``Central``, ``Utara``);
* typed forms: ``Provinsi X`` / ``X Province`` (and ``Tỉnh X`` in Vietnam), ``Kabupaten X`` / ``Kab. X`` /
  ``X Regency``, ``Kota X`` / ``X City`` for Indonesian cities;
* Indonesian direction words rendered in English (``Jawa Barat`` → ``West Java``) with the island exonyms
  in :data:`ISLAND_EXONYMS`, and Indonesian admin abbreviations (``Daerah Khusus Ibukota`` = ``DKI``);
* two-syllable Vietnamese names also joined (``Hà Nội`` → ``Hanoi``, ``Đà Nẵng`` → ``Danang``).

Common-word rule (the stoplist; counts from the POS-tagged Indonesian corpora nlpid-postag and the UD
Indonesian treebanks): a one-word alias written in lower case at least :data:`MIN_LOWER` times, and in at
least :data:`MIN_LOWER_SHARE` of its uses, is a common word (``Jakarta`` once written ``jakarta`` is not).
It is *dropped* when it is frequent as an ordinary word (at least :data:`MIN_PLAIN_DROP` uses tagged other
than NNP/PROPN) and fewer than :data:`MIN_PROPER_SHARE` of its uses are proper nouns (``ada``,
``agar``, ``bulan``, ``Anda``, ``Lima``); otherwise it gets match mode ``proper`` (capitalised and not
sentence-initial: ``Biak``). A multi-word alias seen in lower case at least :data:`MIN_LOWER` times
(``kota baru``) gets mode ``proper``. Country aliases that are common words get mode ``cap``. Aliases of
at most 4 letters written in capitals get mode ``exact``. Aliases shorter than 3 letters and bare direction
words (``Central``, ``Utara``) are dropped unless hand-written.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pantau.gazetteer import fold_key  # noqa: E402

SEA = ("VN", "LA", "KH", "TH", "MM", "MY", "SG", "BN", "TL", "ID")
MIN_LOWER = 2
MIN_LOWER_SHARE = 0.1
MIN_PLAIN_DROP = 20
MIN_PROPER_SHARE = 0.05
PREFIXES = (
    "Province of",
    "Provinsi",
    "Propinsi",
    "Kabupaten Administrasi",
    "Kota Administrasi",
    "Kabupaten",
    "Kota",
    "Tỉnh",
    "Thành phố",
    "Thành Phố",
    "Huyện",
    "Thị xã",
    "Thị Xã",
    "Quận",
    "Amphoe",
    "Changwat",
    "Khet",
    "Muang",
    "Mueang",
    "Krong",
    "Khan",
    "Srok",
)
SUFFIXES = (
    "Province",
    "Region",
    "Division",
    "State",
    "District",
    "Regency",
    "City",
    "Municipality",
    "Prefecture",
    "Governorate",
    "Department",
    "County",
    "Territory",
)
DIRECTIONS = {
    "Utara": "North",
    "Selatan": "South",
    "Barat": "West",
    "Timur": "East",
    "Tengah": "Central",
    "Tenggara": "Southeast",
    "Barat Daya": "Southwest",
    "Barat Laut": "Northwest",
    "Timur Laut": "Northeast",
}
DIRECTION_WORDS = {
    fold_key(w)
    for w in [
        *DIRECTIONS,
        *DIRECTIONS.values(),
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Centre",
        "Center",
        "Capital",
        "Nord",
        "Sud",
        "Est",
        "Ouest",
    ]
}
ISLAND_EXONYMS = {"Jawa": "Java", "Sumatera": "Sumatra"}
ID_ADMIN_ABBREVIATIONS = {"Daerah Khusus Ibukota": "DKI", "Daerah Istimewa": "DI"}
CITY_FILE_TYPES = {
    "regency": "regency",
    "district": "district",
    "section": "district",
    "adm3": "district",
    "adm4": "district",
    "locality": "district",
}
SKIP_CITY_FILE_TYPES = {"religious", "historical"}


@dataclass
class Place:
    """A place record being built."""

    id: str
    name: str
    iso3: str
    type: str
    lat: str = ""
    lon: str = ""
    population: str = ""
    capital: bool = False
    aliases: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        """Source names can carry stray tabs or double spaces."""
        self.name = " ".join(self.name.split())
        self.aliases = {" ".join(a.split()) for a in self.aliases}


@dataclass
class WordStats:
    """Corpus counts behind the common-word rule."""

    plain: Counter[str]
    proper: Counter[str]
    lower: Counter[str]
    lower_phrases: Counter[str]


# ---------------------------------------------------------------- helpers


def is_latin(text: str) -> bool:
    """True if every letter of ``text`` is a Latin letter."""
    return all(unicodedata.name(c, "").startswith("LATIN") for c in text if c.isalpha())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small strings only)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def strip_designators(name: str) -> str:
    """Remove one generic prefix and one generic suffix (``Provinsi``, ``Regency``...)."""
    core = name.strip()
    for prefix in PREFIXES:
        if core.startswith(prefix + " "):
            core = core[len(prefix) + 1 :]
            break
    for suffix in SUFFIXES:
        if core.endswith(" " + suffix):
            core = core[: -len(suffix) - 1]
            break
    return core.strip()


def usable_core(core: str) -> bool:
    """A stripped core is kept if it has 4+ letters and is not a bare direction word."""
    return sum(c.isalpha() for c in core) >= 4 and fold_key(core) not in DIRECTION_WORDS


def english_direction(core: str) -> str | None:
    """``Jawa Barat`` → ``West Java``; None if the name does not end in an Indonesian direction."""
    for word in sorted(DIRECTIONS, key=len, reverse=True):
        if core.endswith(" " + word):
            base = core[: -len(word) - 1]
            if base.startswith("Kepulauan "):
                return f"{DIRECTIONS[word]} {base[len('Kepulauan ') :]} Islands"
            return f"{DIRECTIONS[word]} {ISLAND_EXONYMS.get(base, base)}"
    return None


def gz_write(path: Path, text: str) -> None:
    """Write gzip without a timestamp so builds are byte-identical."""
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(text.encode("utf-8"))


def tsv(rows: Iterable[Iterable[object]]) -> str:
    """Tab-separated lines."""
    return "".join("\t".join(str(v) for v in row) + "\n" for row in rows)


def read_extra(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a hand-written TSV: ``#`` comment lines, then a header line."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


# ---------------------------------------------------------------- corpus statistics


def corpus_tokens(shared: Path) -> Iterator[list[tuple[str, bool]]]:
    """Sentences as (form, is_proper) from nlpid-postag and the UD Indonesian treebanks."""
    sentence: list[tuple[str, bool]] = []
    for line in (shared / "nlpid-postag" / "dataset_postag.txt").open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 2:
            sentence.append((parts[0], parts[1] == "NNP"))
        elif sentence:
            yield sentence
            sentence = []
    for conllu in sorted(shared.glob("ud-id-*/*.conllu")):
        for line in conllu.open(encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                sentence.append((cols[1], cols[3] == "PROPN"))
            elif not line.strip() and sentence:
                yield sentence
                sentence = []
    if sentence:
        yield sentence


def word_stats(shared: Path) -> WordStats:
    """Count ordinary vs proper-noun uses per folded word, and all-lower-case phrases up to 4 words."""
    plain: Counter[str] = Counter()
    proper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for sentence in corpus_tokens(shared):
        for form, is_proper in sentence:
            (proper if is_proper else plain)[fold_key(form)] += 1
            if form.islower():
                lower[fold_key(form)] += 1
        forms = [f for f, _ in sentence]
        for n in (2, 3, 4):
            for i in range(len(forms) - n + 1):
                gram = forms[i : i + n]
                if all(g.islower() for g in gram):
                    phrases[fold_key(" ".join(gram))] += 1
    return WordStats(plain, proper, lower, phrases)


def place_mode(alias: str, stats: WordStats) -> str | None:
    """Match mode for a derived place alias, or None to drop it (module docstring)."""
    key = fold_key(alias)
    if sum(c.isalpha() for c in key) < 3 or key in DIRECTION_WORDS:
        return None
    if " " in key:
        return "proper" if is_common(key, stats) else _caps_mode(alias)
    if not is_common(key, stats):
        return _caps_mode(alias)
    plain, proper = stats.plain[key], stats.proper[key]
    return None if plain >= MIN_PLAIN_DROP and proper / (plain + proper) < MIN_PROPER_SHARE else "proper"


def is_common(key: str, stats: WordStats) -> bool:
    """A folded key is a common word if written in lower case often enough, absolutely and relatively."""
    if " " in key:
        return stats.lower_phrases[key] >= MIN_LOWER
    total = stats.plain[key] + stats.proper[key]
    return stats.lower[key] >= MIN_LOWER and stats.lower[key] >= MIN_LOWER_SHARE * total


def _caps_mode(alias: str) -> str:
    """``exact`` for short all-capital abbreviations, else ``fold``."""
    letters = [c for c in alias if c.isalpha()]
    return "exact" if len(letters) <= 4 and alias.isupper() else "fold"


# ---------------------------------------------------------------- countries


def iso2_to_iso3(countries_json: list[dict]) -> dict[str, str]:
    """ISO2 → ISO3 from countries.json and pycountry."""
    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table.update({c["iso2"]: c["iso3"] for c in countries_json if c.get("iso2") and c.get("iso3")})
    return table


def uninvert(name: str) -> str | None:
    """``Korea, Republic of`` → ``Republic of Korea``; None for other comma forms."""
    head, _, tail = name.partition(", ")
    return f"{tail} {head}" if tail.endswith(" of") else None


def pycountry_aliases() -> Iterator[tuple[str, str, str, str]]:
    """(alias, iso3, kind, source) from pycountry English names and its Indonesian catalogue."""
    indonesian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            english = getattr(country, attr, None)
            if not english:
                continue
            for text, source in ((english, "pycountry"), (indonesian.gettext(english), "pycountry-id")):
                if ", " in text:
                    head = text.split(", ")[0]
                    yield head, country.alpha_3, "name", source + "-head"
                    text = uninvert(text) or ""
                if text:
                    yield text, country.alpha_3, "name", source


def cldr_aliases(shared: Path, to3: dict[str, str]) -> Iterator[tuple[str, str, str, str]]:
    """(alias, iso3, kind, source) from CLDR Indonesian short names; ``A (B)`` gives A and B."""
    names = json.loads((shared / "country-names-id" / "country.json").read_text(encoding="utf-8"))
    for iso2, name in names.items():
        if iso2 not in to3:
            continue
        for part in re.split(r"\s*[()]\s*", name):
            if part:
                yield part, to3[iso2], "name", "cldr-id"


def countries_json_aliases(countries_json: list[dict]) -> Iterator[tuple[str, str, str, str]]:
    """(alias, iso3, kind, source): English name, Latin native name, nationality demonyms."""
    for country in countries_json:
        iso3 = country["iso3"]
        yield country["name"], iso3, "name", "countries.json"
        if country.get("native") and is_latin(country["native"]):
            yield country["native"], iso3, "name", "countries.json-native"
        for demonym in re.split(r"\s*[,/]\s*|\s+or\s+", country.get("nationality") or ""):
            if demonym:
                yield demonym, iso3, "demonym", "countries.json-nationality"


def build_countries(
    shared: Path, extra: Path, countries_json: list[dict], stats: WordStats
) -> list[list[str]]:
    """Country alias rows; generated aliases naming two countries are dropped (hand-written ones win)."""
    to3 = iso2_to_iso3(countries_json)
    generated = [*cldr_aliases(shared, to3), *pycountry_aliases(), *countries_json_aliases(countries_json)]
    by_key: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for alias, iso3, kind, source in generated:
        if sum(c.isalpha() for c in alias) >= 3:
            by_key[fold_key(alias)].append((alias, iso3, kind, source))
    rows: dict[str, list[str]] = {}
    for key, items in by_key.items():
        if len({iso3 for _, iso3, _, _ in items}) > 1:
            continue
        alias, iso3, kind, _ = items[0]
        kind = "name" if any(k == "name" for _, _, k, _ in items) else kind
        sources = ",".join(sorted({s for *_, s in items}))
        rows[key] = [alias, iso3, kind, "cap" if is_common(key, stats) else _caps_mode(alias), "0", sources]
    for row in read_extra(extra):
        key = fold_key(row["alias"])
        mode = row["match"] or _caps_mode(row["alias"])
        sources = rows[key][5] + ",extra" if key in rows and rows[key][1] == row["iso3"] else "extra"
        rows[key] = [row["alias"], row["iso3"], row["kind"], mode, row["ambiguous"], sources]
    return sorted(rows.values(), key=lambda r: (r[1], fold_key(r[0])))


# ---------------------------------------------------------------- places


def read_states(path: Path, to3: dict[str, str], source: str) -> list[Place]:
    """First-level divisions; ``geographical unit`` rows (islands) become ``region``."""
    places = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["country_code"] not in to3:
                continue
            place = Place(
                f"{source}:{row['id']}",
                row["name"],
                to3[row["country_code"]],
                "region" if row["type"] == "geographical unit" else "province",
                row["latitude"],
                row["longitude"],
                row.get("population") or "",
            )
            place.aliases.add(place.name)
            place.aliases.update(near_translations(place.name, {"native": row.get("native") or ""}))
            places.append(place)
    return places


def near_translations(name: str, translations: dict[str, str]) -> set[str]:
    """Latin-script translations/native names that are the same name spelled slightly differently."""
    base = fold_key(name)
    found = set()
    for text in translations.values():
        key = fold_key(text)
        if (
            is_latin(text)
            and key != base
            and key.count(" ") == base.count(" ")
            and edit_distance(key, base) <= 2
            and len(key) >= 5
        ):
            found.add(text)
    return found


def read_city_files(shared: Path, to3: dict[str, str]) -> list[Place]:
    """Cities and districts of the SE-Asian city files (seat types adm1/adm2/capital are cities)."""
    places = []
    for iso2 in SEA:
        rows = json.loads((shared / "countries-states-cities" / f"{iso2}.json").read_text(encoding="utf-8"))
        for row in rows:
            if row["type"] in SKIP_CITY_FILE_TYPES:
                continue
            place = Place(
                f"csc-city:{row['id']}",
                row["name"],
                to3[iso2],
                CITY_FILE_TYPES.get(row["type"] or "", "city"),
                row["latitude"] or "",
                row["longitude"] or "",
                str(row["population"] or ""),
                row["type"] == "capital",
            )
            place.aliases.add(place.name)
            variants = {**(row.get("translations") or {}), "native": row.get("native") or ""}
            place.aliases.update(near_translations(place.name, variants))
            places.append(place)
    return places


def read_wilayah(shared: Path) -> tuple[list[Place], list[Place]]:
    """Indonesian provinces and kabupaten/kota from the Kemendagri dump (no coordinates)."""
    provinces, regencies = [], []
    pattern = re.compile(r"^\('([0-9.]+)','(.*)'\)[,;]$")
    for line in (shared / "wilayah-id" / "wilayah.sql").open(encoding="utf-8"):
        found = pattern.match(line.strip())
        if not found:
            continue
        code, name = found.groups()
        if code.count(".") == 0:
            provinces.append(Place(f"wilayah:{code}", name, "IDN", "province", aliases={name}))
        elif code.count(".") == 1:
            kind = "city" if name.startswith("Kota ") else "regency"
            regencies.append(Place(f"wilayah:{code}", name, "IDN", kind, aliases={name}))
    return provinces, regencies


def abbreviate_id_admin(name: str) -> str:
    """``Daerah Khusus Ibukota Jakarta`` → ``DKI Jakarta``."""
    for long, short in ID_ADMIN_ABBREVIATIONS.items():
        if name.startswith(long + " "):
            return short + name[len(long) :]
    return name


def merge_indonesia(
    states: list[Place], wilayah_provinces: list[Place], wilayah_regencies: list[Place], cities: list[Place]
) -> list[Place]:
    """Fold wilayah provinces into states.csv ones and ID city-file seats into wilayah kabupaten/kota.

    Returns the ID city-file records that matched nothing (towns) and so stay separate.
    """
    by_name = {fold_key(p.name): p for p in states if p.iso3 == "IDN" and p.type == "province"}
    for prov in wilayah_provinces:
        target = by_name.get(fold_key(abbreviate_id_admin(prov.name)))
        if target is None:
            states.append(prov)
        else:
            target.aliases.add(prov.name)
    by_core = defaultdict(list)
    for reg in wilayah_regencies:
        by_core[fold_key(strip_designators(reg.name))].append(reg)
    kept = []
    for city in cities:
        if city.iso3 != "IDN":
            kept.append(city)
            continue
        options = by_core.get(fold_key(strip_designators(city.name)), [])
        wanted = "regency" if city.type == "regency" else "city"
        match = next((r for r in options if r.type == wanted), None)
        if match is None and city.type != "district":
            match = next(iter(options), None)
        if match is None:
            kept.append(city)
            continue
        match.lat, match.lon = match.lat or city.lat, match.lon or city.lon
        match.population = match.population or city.population
        match.capital = match.capital or city.capital
        match.aliases |= city.aliases
    return kept


def add_capitals(places: list[Place], countries_json: list[dict]) -> None:
    """Flag national capitals; add a capital city record for countries without one."""
    for country in countries_json:
        capital = country.get("capital") or ""
        if not capital:
            continue
        key = fold_key(capital)
        found = [
            p
            for p in places
            if p.iso3 == country["iso3"] and p.type == "city" and key in {fold_key(a) for a in p.aliases}
        ]
        for place in found:
            place.capital = True
        if not found:
            places.append(
                Place(
                    f"capital:{country['iso3']}",
                    capital,
                    country["iso3"],
                    "city",
                    capital=True,
                    aliases={capital},
                )
            )


def derive_aliases(place: Place) -> None:
    """Add the general variants of the module docstring to ``place.aliases``."""
    for name in list(place.aliases):
        name = abbreviate_id_admin(name)
        place.aliases.add(name)
        core = strip_designators(name)
        if core != name and usable_core(core):
            place.aliases.add(core)
        if not usable_core(core):
            continue
        if place.type == "province":
            place.aliases.update({f"Provinsi {core}", f"{core} Province"})
            if place.iso3 == "VNM":
                place.aliases.add(f"Tỉnh {core}")
        elif place.type == "regency" and place.iso3 == "IDN":
            place.aliases.update({f"Kabupaten {core}", f"Kab. {core}", f"{core} Regency"})
        elif place.type == "city" and place.iso3 == "IDN":
            place.aliases.update({f"Kota {core}", f"{core} City"})
        if place.iso3 == "IDN" and (english := english_direction(core)):
            place.aliases.add(english)
            if place.type != "province":
                place.aliases.add(f"{english} {'Regency' if place.type == 'regency' else 'City'}")
        if place.iso3 == "VNM" and core.count(" ") == 1:
            joined = core.replace(" ", "")
            place.aliases.add(joined[0] + joined[1:].lower())


def dedupe(places: list[Place]) -> list[Place]:
    """Merge records with the same country, type and folded name (keep coordinates/population found)."""
    seen: dict[tuple[str, str, str], Place] = {}
    for place in places:
        key = (place.iso3, place.type, fold_key(place.name))
        if key not in seen:
            seen[key] = place
            continue
        kept = seen[key]
        kept.aliases |= place.aliases
        kept.capital = kept.capital or place.capital
        kept.lat, kept.lon = kept.lat or place.lat, kept.lon or place.lon
        if int(place.population or 0) > int(kept.population or 0):
            kept.population = place.population
    return list(seen.values())


def apply_place_extra(places: list[Place], extra: Path) -> dict[str, str]:
    """Attach hand-written aliases to records named ``target`` in ``iso3``; returns forced modes."""
    modes = {}
    for row in read_extra(extra):
        targets = [p for p in places if p.iso3 == row["iso3"] and fold_key(p.name) == fold_key(row["target"])]
        if not targets:
            raise SystemExit(f"place-aliases-extra: no {row['target']!r} in {row['iso3']}")
        for place in targets:
            place.aliases.add(row["alias"])
        if row["match"]:
            modes[fold_key(row["alias"])] = row["match"]
    return modes


def build_places(
    shared: Path, extra: Path, countries_json: list[dict], stats: WordStats
) -> tuple[list[Place], list[list[str]], Counter[str]]:
    """Place records, alias rows (alias, place_ids, match) and a count of dropped common words."""
    to3 = iso2_to_iso3(countries_json)
    csc = shared / "countries-states-cities"
    states = read_states(csc / "states.csv", to3, "csc-state")
    current_vn = {fold_key(p.name) for p in states if p.iso3 == "VNM"}
    states += [
        p
        for p in read_states(csc / "states-2025-08-pre-vn-reform" / "states.csv", to3, "csc-state-2025")
        if p.iso3 == "VNM" and fold_key(p.name) not in current_vn
    ]
    wilayah_provinces, wilayah_regencies = read_wilayah(shared)
    cities = merge_indonesia(states, wilayah_provinces, wilayah_regencies, read_city_files(shared, to3))
    places = dedupe([*states, *wilayah_regencies, *cities])
    add_capitals(places, countries_json)
    for place in places:
        derive_aliases(place)
    forced = apply_place_extra(places, extra)
    forms: dict[str, set[str]] = defaultdict(set)
    grouped: dict[str, set[str]] = defaultdict(set)
    for place in places:
        for alias in place.aliases:
            forms[fold_key(alias)].add(alias)
            grouped[fold_key(alias)].add(place.id)
    rows, dropped = [], Counter()
    for key, ids in sorted(grouped.items()):
        alias = min(forms[key], key=lambda a: (-sum(ord(c) > 127 for c in a), a))
        mode = forced.get(key) or place_mode(alias, stats)
        if mode is None:
            dropped[alias] += 1
            continue
        rows.append([alias, ",".join(sorted(ids)), mode])
    used = {i for _, ids, _ in rows for i in ids.split(",")}
    return [p for p in places if p.id in used], rows, dropped


# ---------------------------------------------------------------- output

ATTRIBUTION = """# Gazetteer data: sources and licences

Generated by `scripts/build_gazetteer.py` from `../shared/data` and pycountry; do not edit by hand.

| file | rows | content |
|---|---:|---|
| countries.tsv | {countries} aliases | country alias → ISO3, kind, match mode, ambiguity flag |
| places.tsv.gz | {places} places | id, name, ISO3, type, lat/lon, population, capital flag |
| place-aliases.tsv.gz | {aliases} aliases | alias → place ids, match mode |

countries.tsv comes from country-names-id, pycountry, countries.json and
`scripts/gazetteer/country-aliases-extra.tsv`. The places come from Countries States Cities (states.csv,
the pre-2025 Vietnamese provinces, the SE-Asian city files, capitals from countries.json) and wilayah-id;
their aliases are derived from those plus `scripts/gazetteer/place-aliases-extra.tsv`. The common-word rule
uses word counts from nlpid-postag and UD Indonesian (GSD, CSUI, PUD).

## Sources

- **Countries States Cities Database** — "Data by Countries States Cities Database,
  github.com/dr5hn/countries-states-cities-database | ODbL v1.0".
  `places.tsv.gz` and `place-aliases.tsv.gz` are derived from it and are therefore made available under the
  **Open Database License (ODbL) v1.0** (https://opendatacommons.org/licenses/odbl/1-0/): you may share and
  adapt them provided you attribute as above and share derived databases under the ODbL.
  `countries.tsv` uses its country names, native names and nationality adjectives (also ODbL).
- **wilayah** (Indonesian administrative regions, Kepmendagri 2025) — github.com/cahyadsn/wilayah,
  MIT License, Copyright (c) 2017-2025 Cahya DSN.
- **country-list** (Indonesian CLDR country names) — github.com/umpirsky/country-list, MIT License,
  Copyright (c) Saša Stamenković; underlying data Unicode CLDR (Unicode License).
- **pycountry** (ISO 3166-1 names and Debian iso-codes Indonesian translations) — LGPL-2.1 package;
  the iso-codes data is LGPL-2.1-or-later.
- Word counts for the common-word rule (no text is shipped): kumparan POS corpus from `nlp-id` (MIT,
  Copyright (c) 2025 kumparan.com); UD Indonesian-GSD, -CSUI, -PUD treebanks (CC BY-SA 4.0).
"""


def write_outputs(
    out: Path, countries: list[list[str]], places: list[Place], aliases: list[list[str]]
) -> None:
    """Write the three resources and the attribution file."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "countries.tsv").write_text(
        tsv([["alias", "iso3", "kind", "match", "ambiguous", "source"], *countries]), encoding="utf-8"
    )
    place_rows = [
        [
            p.id,
            p.name,
            p.iso3,
            p.type,
            p.lat.rstrip("0").rstrip(".") if p.lat else "",
            p.lon.rstrip("0").rstrip(".") if p.lon else "",
            p.population,
            int(p.capital),
        ]
        for p in sorted(places, key=lambda p: p.id)
    ]
    gz_write(
        out / "places.tsv.gz",
        tsv([["id", "name", "iso3", "type", "lat", "lon", "population", "capital"], *place_rows]),
    )
    gz_write(out / "place-aliases.tsv.gz", tsv([["alias", "place_ids", "match"], *aliases]))
    (out / "GAZETTEER-ATTRIBUTION.md").write_text(
        ATTRIBUTION.format(countries=len(countries), places=len(places), aliases=len(aliases)),
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=REPO / "pantau" / "data")
    parser.add_argument("--extra", type=Path, default=REPO / "scripts" / "gazetteer")
    args = parser.parse_args(argv)
    countries_json = json.loads(
        (args.shared / "countries-states-cities" / "countries.json").read_text("utf-8")
    )
    stats = word_stats(args.shared)
    countries = build_countries(args.shared, args.extra / "country-aliases-extra.tsv", countries_json, stats)
    places, aliases, dropped = build_places(
        args.shared, args.extra / "place-aliases-extra.tsv", countries_json, stats
    )
    write_outputs(args.out, countries, places, aliases)
    print(
        f"countries.tsv: {len(countries)} aliases; places: {len(places)}; place aliases: {len(aliases)}; "
        f"dropped as common words: {len(dropped)} ({', '.join(sorted(dropped)[:15])}...)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
