"""How cross-document linking scales: documents written through the store's writer (near-duplicate check,
same-event and same-promise links, fulfilment links), then the end-of-run grouping, at growing store sizes.

    python bench/links.py                    # 1250, 2500, 5000, 10000 documents
    python bench/links.py --sizes 500 1000   # quick

Documents are synthetic (random words from a small vocabulary, three events and one promise each, 5% exact
copies of an earlier page) so that the sizes are exact and nothing is read from ../shared. Reported per size: the
documents/s of writing (extraction excluded: documents arrive extracted), the time of the final grouping, and the
ratio of time per document at this size to the smallest size: linking is not quadratic when that ratio stays near
1 (blocking by type, country and month keeps the compared candidates few).
Results go to bench/results/links-scaling.json.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from _corpus import RESULTS

from pantau.model import Commitment, DateSpan, Document, Event, Published
from pantau.store.db import open_store
from pantau.store.ingest import StoreWriter, content_hash

COUNTRIES = ["IDN", "MYS", "SGP", "THA", "VNM", "LAO", "KHM", "MMR", "PHL", "BRN", "TLS", "CHN", "JPN", "KOR", "IND",
             "AUS", "USA", "RUS", "FRA", "GBR"]
TYPES = [("CONSULT", "meeting"), ("CONSULT", "visit"), ("AGREE", "signing"), ("COOPERATE", "exercise"),
         ("COOPERATE", "patrol"), ("AID", "repatriation"), ("ASSAULT", "clash"), ("RETREAT", "ceasefire")]
WORDS = [f"kata{i}" for i in range(3000)]


def synthetic(n: int, rng: random.Random) -> list[Document]:
    docs: list[Document] = []
    for i in range(n):
        if docs and rng.random() < 0.05:
            src = rng.choice(docs)
            copy = Document(id=f"d{i:06d}", raw=src.raw, text=src.text, published=src.published,
                            events=list(src.events), commitments=list(src.commitments))
            docs.append(copy)
            continue
        text = " ".join(rng.choice(WORDS) for _ in range(150)) + "."
        day = rng.randrange(0, 3650)
        published = f"{2016 + day // 365:04d}-{(day % 365) // 31 % 12 + 1:02d}-{day % 28 + 1:02d}"
        doc = Document(id=f"d{i:06d}", raw=text, text=text, published=Published(published, "input"))
        ev = doc.span(0, 60)
        for k in range(3):
            type_, mode = rng.choice(TYPES)
            a, b = rng.sample(COUNTRIES, 2)
            d = f"{published[:8]}{rng.randrange(1, 28):02d}"
            doc.events.append(Event(f"e{k + 1}", type_, ev, mode=mode, actors=[a], targets=[b],
                                    date=DateSpan(d, d) if rng.random() < 0.7 else None))
        a, b = rng.sample(COUNTRIES, 2)
        doc.commitments.append(Commitment("c1", [a, b], rng.choice(["akan berkunjung", "akan menandatangani MoU",
                                                                    "akan menggelar latihan gabungan"]), ev))
        docs.append(doc)
    return docs


def run(n: int, seed: int) -> dict[str, float]:
    docs = synthetic(n, random.Random(seed))
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(str(Path(tmp) / "kb.db"))
        writer = StoreWriter(engine)
        t0 = time.perf_counter()
        for doc in docs:
            writer.write(doc, content_hash(doc))
        t1 = time.perf_counter()
        writer.finish()
        t2 = time.perf_counter()
        engine.dispose()
    return {"docs": n, "write_docs_per_s": round(n / (t1 - t0), 1), "write_ms_per_doc": round(1000 * (t1 - t0) / n, 3),
            "group_s": round(t2 - t1, 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1250, 2500, 5000, 10000])
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rows = [run(n, args.seed) for n in args.sizes]
    base = rows[0]["write_ms_per_doc"]
    print(f"{'docs':>7s} {'docs/s':>8s} {'ms/doc':>7s} {'vs first':>8s} {'grouping s':>10s}")
    for r in rows:
        r["ms_per_doc_vs_first"] = round(r["write_ms_per_doc"] / base, 2)
        print(f"{r['docs']:7d} {r['write_docs_per_s']:8.1f} {r['write_ms_per_doc']:7.2f} "
              f"{r['ms_per_doc_vs_first']:8.2f} {r['group_s']:10.2f}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "links-scaling.json").write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
