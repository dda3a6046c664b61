"""Query latency: filtered `pantau events` queries on a SQLite store of one million generated events.

    python bench/query.py                  # exit 1 when a filtered query's p95 is above bench/store-baseline.json
    python bench/query.py --events 100000  # a smaller store (cached separately)
    python bench/query.py --rebuild        # generate the store again

The store is generated, not extracted: documents, events, their countries and participants are written
straight into the store's tables (`pantau.store.schema`, migrations applied by `open_store`) with SQLAlchemy
Core bulk inserts. The data are synthetic but shaped like the real thing: event types skewed as in PLOVER
news data (consultations most, sanctions fewest), 2-3 countries per event drawn from 25 ISO3 codes with a
Zipf-like skew (ASEAN members most often), dates over ten years at day, month and year precision (a few
undated, some spanning days), and an evidence sentence made from a small vocabulary of actions and places.
The store is cached in the temporary folder, keyed by its parameters and the generator version, so reruns
only time the queries; a changed schema is migrated on open like any store.

Each query kind runs `--runs` times (default 60) through `pantau.store.query.find_events`, the function
`pantau events` calls, with `limit=50` and parameters rotating over countries, types, windows and words.
Reported: median and p95 milliseconds, and the mean number of rows returned. The bound is the target:
p95 at most 100 ms for every filtered query (`--update` tightens it to today's slowest p95).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from _corpus import RESULTS
from _store import load_bounds, outside, report, tighten
from sqlalchemy import Engine, insert

from pantau.store import schema
from pantau.store.db import open_store
from pantau.store.kb import event_kb_id
from pantau.store.query import EventFilter, find_events

SECTION = "query"
GENERATOR = 2
"""Bump when the generated data change, so cached stores of the old shape are not reused."""
EVENTS_PER_DOC = 4
BATCH = 20_000
LIMIT = 50
TYPES = {"CONSULT": 30, "COOPERATE": 14, "AGREE": 10, "SUPPORT": 6, "AID": 5, "REQUEST": 5, "ACCUSE": 5,
         "ASSAULT": 5, "MOBILIZE": 4, "PROTEST": 3, "REJECT": 3, "THREATEN": 3, "COERCE": 3, "RETREAT": 2,
         "SANCTION": 1, "CONCEDE": 1}
COUNTRIES = ("IDN", "MYS", "THA", "VNM", "PHL", "KHM", "SGP", "LAO", "MMR", "CHN", "USA", "JPN", "AUS", "TLS",
             "BRN", "KOR", "IND", "RUS", "FRA", "GBR", "NZL", "DEU", "PAK", "BGD", "CAN")
NAMES = {c: c.title() for c in COUNTRIES}
ACTIONS = ("menggelar patroli bersama", "menandatangani nota kesepahaman", "membahas kerja sama pertahanan",
           "sepakat memperkuat pengamanan perbatasan", "held talks on maritime security", "signed an agreement",
           "menuduh pelanggaran wilayah", "mengirim bantuan kemanusiaan", "conducted a joint exercise",
           "memulangkan pekerja migran", "protested the deployment", "membuka kembali pos lintas batas")
PLACES = ("Jakarta", "Kuala Lumpur", "Bangkok", "Hanoi", "Manila", "Phnom Penh", "Vientiane", "Singapura",
          "Entikong", "Poipet", "Nunukan", "Kuching", "Pontianak", "Surin", "Mae Sot", "Atambua", "Davao")
START, DAYS = date(2016, 1, 1), 3653
WINDOWS = ((2017, 3, 1), (2019, 7, 2), (2021, 1, 3), (2023, 10, 1), (2025, 6, 2), (2018, 11, 1))
WORDS = (("patroli",), ("patroli", "bersama"), ("agreement",), ("bantuan", "kemanusiaan"), ("Poipet",),
         ("exercise", "joint"))


def _weights(n: int) -> list[float]:
    return [1 / (i + 1) ** 0.9 for i in range(n)]


def _date(rng: random.Random) -> tuple[str | None, str | None]:
    day = START + timedelta(days=rng.randrange(DAYS))
    r = rng.random()
    if r < 0.03:
        return None, None
    if r < 0.08:
        return f"{day.year}", f"{day.year}"
    if r < 0.20:
        return f"{day:%Y-%m}", f"{day:%Y-%m}"
    end = day + timedelta(days=rng.randrange(1, 5)) if r > 0.90 else day
    return day.isoformat(), end.isoformat()


def _documents(n_events: int, seed: int) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]],
                                                           list[dict[str, Any]], list[dict[str, Any]]]]:
    """Per generated document: its row, its event rows, event_countries rows and event_participants rows."""
    rng = random.Random(seed)
    types, type_w = list(TYPES), list(TYPES.values())
    country_w = _weights(len(COUNTRIES))
    for d in range(0, n_events // EVENTS_PER_DOC):
        doc_id = f"doc-{d:07d}"
        events, countries, people, sentences = [], [], [], []
        for e in range(EVENTS_PER_DOC):
            event_id = f"e{e + 1}"
            picked: list[str] = []
            while len(picked) < rng.choice((2, 2, 3)):
                c = rng.choices(COUNTRIES, country_w)[0]
                if c not in picked:
                    picked.append(c)
            n_actors = 1 if len(picked) == 2 and rng.random() < 0.6 else len(picked) - 1
            start, end = _date(rng)
            place = rng.choice(PLACES)
            text = (f"{' dan '.join(NAMES[c] for c in picked)} {rng.choice(ACTIONS)} di {place}"
                    f"{'' if start is None else ' pada ' + start}.")
            offset = sum(len(s) + 1 for s in sentences)
            sentences.append(text)
            events.append({"doc_id": doc_id, "event_id": event_id, "kb_id": event_kb_id(doc_id, event_id),
                           "type": rng.choices(types, type_w)[0], "mode": None, "contexts": "[]",
                           "date_start": start, "date_end": end, "location_name": place, "location_country": None,
                           "mechanism": None, "ordinal": None, "evidence_text": text, "evidence_start": offset,
                           "evidence_end": offset + len(text)})
            for i, c in enumerate(picked):
                role, position = ("actor", i) if i < n_actors else ("target", i - n_actors)
                countries.append({"doc_id": doc_id, "event_id": event_id, "role": role, "country": c,
                                  "position": position, "date_start": start})
            if rng.random() < 0.3:
                people.append({"doc_id": doc_id, "event_id": event_id, "entity_id": f"person:p{rng.randrange(2000)}",
                               "position": 0})
        dated = [e["date_start"] for e in events if e["date_start"] and len(e["date_start"]) == 10]
        doc = {"id": doc_id, "url": f"https://news.example/{doc_id}", "title": sentences[0][:60], "language": "id",
               "published": max(dated) if dated else None, "published_from": "input", "text": " ".join(sentences),
               "content_hash": f"{d:064x}", "record": json.dumps({"schema": "pantau.document/1", "id": doc_id}),
               "ingested_at": "2026-01-01T00:00:00+00:00"}
        yield doc, events, countries, people


def build(path: Path, n_events: int, seed: int) -> None:
    """Write the generated store to `path` (through a partial file, so an interrupted build is not reused)."""
    partial = path.with_name(path.name + ".partial")
    for p in path.parent.glob(partial.name + "*"):
        p.unlink()
    engine = open_store(str(partial))
    tables = (schema.documents, schema.events, schema.event_countries, schema.event_participants)
    pending: dict[Any, list[dict[str, Any]]] = {t: [] for t in tables}
    started = time.perf_counter()
    with engine.begin() as conn:
        for n, rows in enumerate(_documents(n_events, seed), 1):
            pending[schema.documents].append(rows[0])
            for table, more in zip(tables[1:], rows[1:], strict=True):
                pending[table].extend(more)
            if n % (BATCH // EVENTS_PER_DOC) == 0:
                _flush(conn, pending)
                print(f"\r  generated {n * EVENTS_PER_DOC:,} events", end="", flush=True)
        _flush(conn, pending)
    engine.dispose()
    partial.rename(path)
    print(f"\r  generated {n_events:,} events in {time.perf_counter() - started:.0f} s: {path} "
          f"({path.stat().st_size / 1e6:.0f} MB)")


def _flush(conn: Any, pending: dict[Any, list[dict[str, Any]]]) -> None:
    for table, rows in pending.items():
        if rows:
            conn.execute(insert(table), rows)
            rows.clear()


def filters(kind: str, i: int) -> EventFilter:
    """The i-th parameters of one query kind (rotating, so every run is not the same lookup)."""
    c = COUNTRIES[i % len(COUNTRIES)]
    other = COUNTRIES[(i * 7 + 3) % len(COUNTRIES)]
    year, month, months = WINDOWS[i % len(WINDOWS)]
    since, until = f"{year}-{month:02d}", f"{year}-{month + months - 1:02d}"
    etype = list(TYPES)[i % len(TYPES)]
    return {
        "country": EventFilter(countries=(c,), limit=LIMIT),
        "country_pair": EventFilter(countries=(c, other) if c != other else (c,), limit=LIMIT),
        "country_type": EventFilter(countries=(c,), type=etype, limit=LIMIT),
        "date_range": EventFilter(since=since, until=until, limit=LIMIT),
        "country_date_range": EventFilter(countries=(c,), since=since, until=until, limit=LIMIT),
        "text": EventFilter(text=WORDS[i % len(WORDS)], limit=LIMIT),
    }[kind]


KINDS = ("country", "country_pair", "country_type", "date_range", "country_date_range", "text")


def time_queries(engine: Engine, runs: int) -> dict[str, dict[str, float]]:
    out = {}
    with engine.connect() as conn:
        find_events(conn, filters("country", 0))  # warm the page cache once
        for kind in KINDS:
            times, rows = [], 0
            for i in range(runs):
                f = filters(kind, i)
                t = time.perf_counter()
                rows += len(find_events(conn, f))
                times.append(1000 * (time.perf_counter() - t))
            times.sort()
            out[kind] = {"median_ms": round(statistics.median(times), 2),
                         "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 2),
                         "max_ms": round(times[-1], 2), "mean_rows": round(rows / runs, 1)}
            r = out[kind]
            print(f"{kind:20s} median {r['median_ms']:8.2f} ms   p95 {r['p95_ms']:8.2f} ms   "
                  f"max {r['max_ms']:8.2f} ms   rows {r['mean_rows']:.0f}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000, help="events in the generated store")
    ap.add_argument("--runs", type=int, default=60, help="runs of each query kind (at least 50 for a p95)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "pantau-bench",
                    help="folder of generated stores")
    ap.add_argument("--rebuild", action="store_true", help="generate the store even when cached")
    ap.add_argument("--update", action="store_true", help="tighten the p95 ceiling to today's slowest p95")
    args = ap.parse_args()

    args.cache.mkdir(parents=True, exist_ok=True)
    path = args.cache / f"query-g{GENERATOR}-{args.events}-s{args.seed}.db"
    if args.rebuild or not path.exists():
        build(path, args.events, args.seed)
    engine = open_store(str(path))
    try:
        per_kind = time_queries(engine, args.runs)
    finally:
        engine.dispose()
    results = {"events": args.events, "runs": args.runs, "store": str(path),
               "store_mb": round(path.stat().st_size / 1e6), "queries": per_kind,
               "p95_ms": max(r["p95_ms"] for r in per_kind.values())}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "query.json").write_text(json.dumps(results, indent=1))
    print(f"slowest p95 {results['p95_ms']:.2f} ms over {args.runs} runs per query ({args.events:,} events)")
    bounds = tighten(SECTION, results, ("p95_ms_max",)) if args.update else load_bounds(SECTION)
    return report(bounds, outside(results, bounds))


if __name__ == "__main__":
    sys.exit(main())
