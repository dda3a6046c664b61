"""Ingest throughput: documents/s end to end through `pantau ingest` into SQLite, and the store's size.

    python bench/ingest.py                 # 10,000 documents; exit 1 outside bench/store-baseline.json ("ingest")
    python bench/ingest.py --docs 500      # a quick run
    python bench/ingest.py --update        # raise the floors (and lower the size ceiling) to today's numbers

The input is built at run time in a temporary folder (nothing from ../shared is copied into the repository):
the dev corpus (../shared/corpus: seeds and dev.jsonl) as input records, then IndoSum articles
(../shared/data/indosum, tokenised sentences turned back into running text). IndoSum holds ~3,500 unique
articles; past them, each further document joins the first half of one article to the second half of another,
so no two inputs are the same page (an exact copy would be a duplicate to the cross-document stage, not a
new document). Every run ingests into a new store with `--jobs 1` and `--jobs 2`; the time is wall clock for
the whole command (start-up, extraction, writing, the cross-document refresh at the end).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _corpus import DEV_INPUTS, RESULTS, SHARED
from _store import load_bounds, outside, report, tighten

from pantau.inputs import read_inputs
from pantau.model import Document

INDOSUM = SHARED / "data" / "indosum"
SECTION = "ingest"
JOBS = (1, 2)
UPDATABLE = ("jobs1_docs_per_s", "jobs2_docs_per_s", "bytes_per_doc_max")
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%”’/")
_NO_SPACE_AFTER = frozenset("([{“‘$/")


def detokenize(tokens: list[str]) -> str:
    """Running text from IndoSum tokens: punctuation re-attached, straight double quotes opened and closed."""
    out: list[str] = []
    glue = True
    quote_open = False
    for tok in tokens:
        tok = tok.strip()
        if not tok:
            continue
        attach = glue or tok in _NO_SPACE_BEFORE
        if tok == '"':
            attach = glue or quote_open
            quote_open = not quote_open
            glue = quote_open
        else:
            glue = tok in _NO_SPACE_AFTER
        out.append(tok if attach or not out else " " + tok)
    return "".join(out)


def _indosum_articles() -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for path in sorted(INDOSUM.glob("dev.*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            paragraphs = [" ".join(detokenize(s) for s in p) for p in rec["paragraphs"]]
            seen.setdefault(rec["id"], {"id": rec["id"], "url": rec["source_url"],
                                        "paragraphs": [p for p in paragraphs if p]})
    return list(seen.values())


def _dev_records() -> Iterator[dict[str, Any]]:
    for doc in read_inputs(DEV_INPUTS):
        if not isinstance(doc, Document):
            continue
        h = doc.hints
        yield {"id": f"dev-{doc.id}", "url": h.url, "title": h.title, "published": h.published,
               "language": h.language, doc.raw_kind: doc.raw}


def records(n: int) -> Iterator[dict[str, Any]]:
    """`n` input records: the dev corpus, then IndoSum articles, then half-and-half joins of two articles."""
    count = 0
    for rec in _dev_records():
        if count == n:
            return
        yield rec
        count += 1
    articles = _indosum_articles()
    total = len(articles)
    for i in range(n - count):
        round_, k = divmod(i, total)
        a = articles[k]
        if round_ == 0:
            yield {"id": f"indosum-{a['id']}", "url": a["url"], "text": "\n\n".join(a["paragraphs"])}
            continue
        b = articles[(k + 7919 * round_) % total]
        half_a, half_b = (len(a["paragraphs"]) + 1) // 2, len(b["paragraphs"]) // 2
        yield {"id": f"mix{round_}-{a['id']}", "url": None,
               "text": "\n\n".join(a["paragraphs"][:half_a] + b["paragraphs"][half_b:])}


def _store_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def run_ingest(inputs: Path, n: int, db: Path, jobs: int) -> dict[str, Any]:
    """One `pantau ingest` of the `n` inputs into a new store; documents/s counts every input processed."""
    cmd = [sys.executable, "-m", "pantau", "ingest", str(inputs), "--db", str(db), "--jobs", str(jobs), "-q"]
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    seconds = time.perf_counter() - started
    docs = _count(db, "documents")
    size = _store_bytes(db)
    return {"seconds": round(seconds, 1), "documents": docs, "failures": _count(db, "failures"),
            "exit_code": done.returncode, "docs_per_s": round(n / seconds, 1),
            "store_mb": round(size / 1e6, 1), "bytes_per_doc": round(size / max(docs, 1)),
            "errors": [ln for ln in done.stderr.splitlines() if ln.startswith("error")][:5]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents to ingest (default 10000)")
    ap.add_argument("--update", action="store_true", help="tighten the bounds to today's numbers")
    args = ap.parse_args()

    results: dict[str, Any] = {"docs": args.docs}
    with tempfile.TemporaryDirectory(prefix="pantau-bench-ingest-") as tmp:
        inputs = Path(tmp) / "inputs.jsonl"
        with inputs.open("w", encoding="utf-8") as out:
            for rec in records(args.docs):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        results["input_mb"] = round(inputs.stat().st_size / 1e6, 1)
        for jobs in JOBS:
            run = run_ingest(inputs, args.docs, Path(tmp) / f"jobs{jobs}.db", jobs)
            results[f"jobs{jobs}"] = run
            results[f"jobs{jobs}_docs_per_s"] = run["docs_per_s"]
            print(f"--jobs {jobs}: {run['documents']} documents in {run['seconds']:.1f} s = "
                  f"{run['docs_per_s']:.1f} docs/s; store {run['store_mb']:.1f} MB, {run['bytes_per_doc']} bytes/doc;"
                  f" {run['failures']} failure rows, exit {run['exit_code']}")
            for line in run["errors"]:
                print(f"  {line[:200]}")
    results["bytes_per_doc"] = results["jobs1"]["bytes_per_doc"]
    results["documents_stored"] = min(results[f"jobs{j}"]["documents"] for j in JOBS)
    print(f"input {args.docs} documents, {results['input_mb']:.1f} MB of JSONL")

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ingest.json").write_text(json.dumps(results, indent=1))
    bounds = tighten(SECTION, results, UPDATABLE) if args.update else load_bounds(SECTION)
    if results["documents_stored"] < args.docs:
        print(f"WARNING: {args.docs - results['documents_stored']} document(s) not stored (see the errors above);"
              " the throughput still counts their extraction")
    return report(bounds, outside(results, bounds))


if __name__ == "__main__":
    sys.exit(main())
