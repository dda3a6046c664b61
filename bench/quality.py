"""Quality gate: extract the dev corpus, score it with the referee, compare with pinned floors.

The extracted documents are also written to a throw-away knowledge-base store, whose event and commitment
exports are scored by the cross-document referee (`score_links.py`: same-event and fulfilment F1).

    python bench/quality.py                 # report, exit 1 if any metric fell below its floor
    python bench/quality.py --update        # raise floors to today's numbers (floors never go down)
    python bench/quality.py --allow-regression --update   # lower a floor, deliberately

Floors live in bench/baseline.json ("quality"), with the digest of the corpus they were set on.
The per-document report goes to bench/results/quality.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _corpus import DEV_GOLD, DEV_INPUTS, REFEREE, RESULTS, ROOT, gold_sha

from pantau.inputs import read_inputs
from pantau.model import Document
from pantau.pipeline import build_pipeline
from pantau.record import to_record
from pantau.store.db import open_store
from pantau.store.export import kb_commitments, kb_events, write_jsonl
from pantau.store.ingest import StoreWriter, content_hash
from pantau.store.query import find_commitments, find_events

LINKS_REFEREE = REFEREE.parent / "score_links.py"
LINKS_GOLD = DEV_GOLD / "links.json"

BASELINE = ROOT / "bench" / "baseline.json"
EPSILON = 0.002  # scores of 33 documents move in steps of ~0.003; smaller changes are not regressions


def flat_metrics(metrics: dict) -> dict[str, float]:
    """f1 of the PRF metrics, accuracy of the ratio metrics (None when the gold has no such item)."""
    out: dict[str, float] = {}
    for name, m in metrics.items():
        if isinstance(m, dict) and "f1" in m:
            out[f"{name}_f1"] = m["f1"]
        elif isinstance(m, dict) and m.get("accuracy") is not None:
            out[name] = m["accuracy"]
    return out


def run_extract(path: Path) -> tuple[list[tuple[Document, str]], int]:
    pipeline = build_pipeline()
    failed = 0
    docs = []
    with path.open("w", encoding="utf-8") as out:
        for item in read_inputs(DEV_INPUTS):
            if not isinstance(item, Document):
                print(f"error: {item}", file=sys.stderr)
                failed += 1
                continue
            digest = content_hash(item)
            doc = pipeline(item)
            failed += bool(doc.failures)
            docs.append((doc, digest))
            out.write(json.dumps(to_record(doc), ensure_ascii=False) + "\n")
    return docs, failed


def score_links(docs: list[tuple[Document, str]]) -> dict[str, float]:
    """Store the documents in a fresh SQLite knowledge base, export it, run the cross-document referee."""
    if not (LINKS_REFEREE.exists() and LINKS_GOLD.exists()):
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(str(Path(tmp) / "kb.db"))
        writer = StoreWriter(engine)
        for doc, digest in docs:
            writer.write(doc, digest)
        writer.finish()
        events, commitments = RESULTS / "links-events.jsonl", RESULTS / "links-commitments.jsonl"
        with engine.connect() as conn, events.open("w", encoding="utf-8") as ev, \
                commitments.open("w", encoding="utf-8") as cm:
            write_jsonl(kb_events(find_events(conn)), ev)
            write_jsonl(kb_commitments(find_commitments(conn)), cm)
        engine.dispose()
    scored = subprocess.run([sys.executable, str(LINKS_REFEREE), "--gold", str(LINKS_GOLD), "--events", str(events),
                             "--commitments", str(commitments), "--json"], check=True, capture_output=True, text=True)
    report = json.loads(scored.stdout)
    (RESULTS / "links.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    return {"same_event_f1": report["same_event"]["f1"], "fulfilment_f1": report["fulfilment"]["f1"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="raise the floors to the current numbers")
    ap.add_argument("--allow-regression", action="store_true", help="with --update, let floors go down")
    args = ap.parse_args()

    RESULTS.mkdir(parents=True, exist_ok=True)
    pred = RESULTS / "dev.jsonl"
    docs, failed = run_extract(pred)
    scored = subprocess.run([sys.executable, str(REFEREE), "--gold", str(DEV_GOLD), "--pred", str(pred),
                             "--json", "--per-doc"], check=True, capture_output=True, text=True)
    report = json.loads(scored.stdout)
    (RESULTS / "quality.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    now = flat_metrics(report["metrics"]) | score_links(docs)

    baseline = json.loads(BASELINE.read_text())
    floors: dict[str, float] = baseline["quality"]["floors"]
    sha = gold_sha()
    if baseline["quality"].get("corpus_sha") not in (None, sha):
        print(f"note: the dev corpus changed (sha {sha}, floors set on {baseline['quality']['corpus_sha']})")

    regressions = []
    print(f"{'metric':28s} {'now':>7s} {'floor':>7s}")
    for name in sorted(set(now) | set(floors)):
        value, floor = now.get(name), floors.get(name)
        flag = ""
        if floor is not None and (value is None or value < floor - EPSILON):
            regressions.append(name)
            flag = "  REGRESSION"
        shown = "   -   " if value is None else f"{value:7.3f}"
        print(f"{name:28s} {shown} {'' if floor is None else f'{floor:7.3f}'}{flag}")
    if failed:
        print(f"{failed} document(s) failed to extract")

    if args.update:
        for name, value in now.items():
            if args.allow_regression or value > floors.get(name, -1.0):
                floors[name] = value
        baseline["quality"]["corpus_sha"] = sha
        BASELINE.write_text(json.dumps(baseline, indent=1, sort_keys=True) + "\n")
        print(f"floors written to {BASELINE.relative_to(ROOT)}")
        return 0
    if regressions or failed:
        print(f"FAIL: below floor: {', '.join(regressions) or '-'}")
        return 1
    print("OK: every metric at or above its floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
