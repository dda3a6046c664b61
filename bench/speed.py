"""Speed and memory of `extract`: documents per second on one core, per stage, and peak RSS.

    python bench/speed.py            # report; exit 1 if below the floors in bench/baseline.json ("speed")
    python bench/speed.py --update   # raise the floors to today's numbers (never lowers them)

Two workloads, both built at run time from ../shared (nothing copied into the repository):
- text: the 33 dev documents as text records (the seeds and dev.jsonl), repeated;
- html: the same documents wrapped in a news-page template with navigation, a sidebar, an ad slot,
  a "Baca juga" box, comments and a footer, so trafilatura has real furniture to remove.
One process on one core, so documents/s is per core. Pipeline start-up is reported apart.
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import sys
import time
from collections import defaultdict

from _corpus import DEV_INPUTS, RESULTS, ROOT

from pantau.inputs import read_inputs
from pantau.model import Document, InputHints
from pantau.pipeline import Pipeline, build_pipeline

BASELINE = ROOT / "bench" / "baseline.json"
FLOOR_KEYS = ("text_docs_per_s", "text_core_docs_per_s", "html_docs_per_s")
CORE_STAGES = ("clean", "published", "language", "sentences", "figures")
"""The document-level stages of issue 2, held to their own floor (200 docs/s) apart from the whole
pipeline, whose floor (100 docs/s) is the target of the entity and event issues."""
PAGE = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2025-11-28T08:00:00+07:00"></head><body>
<header><nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a> <a href="/dunia">Dunia</a>
<a href="/ekonomi">Ekonomi</a> <a href="/olahraga">Olahraga</a></nav></header>
<aside class="sidebar"><h3>Terpopuler</h3><ul>{sidebar}</ul></aside>
<main><article><h1>{title}</h1>{paras}
<div class="baca-juga">Baca juga: <a href="/x">Berita lain yang tidak terkait</a></div>
<div class="ads">[iklan_2]</div></article>
<section class="comments"><h4>Komentar (0)</h4><p>Belum ada komentar.</p></section></main>
<footer><p>Hak cipta 2025 Contoh Media. Semua hak dilindungi.</p><a href="/redaksi">Redaksi</a></footer>
</body></html>"""


def text_docs() -> list[Document]:
    return [d for d in read_inputs(DEV_INPUTS) if isinstance(d, Document)]


def html_docs(docs: list[Document]) -> list[Document]:
    pages = []
    for d in docs:
        lines = [ln.strip() for ln in d.raw.splitlines() if ln.strip()]
        title = lines[0][:120] if lines else d.id
        paras = "".join(f"<p>{html.escape(ln)}</p>" for ln in lines)
        sidebar = "".join(f"<li><a href='/p/{i}'>Judul populer nomor {i}</a></li>" for i in range(8))
        raw = PAGE.format(title=html.escape(title), paras=paras, sidebar=sidebar)
        pages.append(Document(id=d.id, raw=raw, raw_kind="html", hints=InputHints()))
    return pages


def fresh(doc: Document) -> Document:
    return Document(id=doc.id, raw=doc.raw, raw_kind=doc.raw_kind, hints=doc.hints)


def measure(pipeline: Pipeline, docs: list[Document],
            min_seconds: float) -> tuple[float, dict[str, float], int]:
    """Documents/s over repeated passes, and milliseconds per document for each stage."""
    per_stage: dict[str, float] = defaultdict(float)
    n = 0
    started = time.perf_counter()
    while True:
        for d in docs:
            doc = fresh(d)
            for name, stage in pipeline.stages:
                t = time.perf_counter()
                doc = stage(doc)
                per_stage[name] += time.perf_counter() - t
            n += 1
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            break
    return n / elapsed, {k: 1000 * v / n for k, v in per_stage.items()}, n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0, help="minimum seconds per workload")
    ap.add_argument("--update", action="store_true", help="raise the floors to today's numbers")
    args = ap.parse_args()

    t = time.perf_counter()
    pipeline = build_pipeline()
    startup = time.perf_counter() - t
    texts = text_docs()
    pages = html_docs(texts)
    results = {"startup_s": round(startup, 2)}
    for name, docs in (("text", texts), ("html", pages)):
        rate, stages, n = measure(pipeline, docs, args.seconds)
        results[f"{name}_docs_per_s"] = round(rate, 1)
        results[f"{name}_stage_ms"] = {k: round(v, 3) for k, v in stages.items()}
        results[f"{name}_docs"] = n
        core_ms = sum(v for k, v in stages.items() if k in CORE_STAGES)
        results[f"{name}_core_docs_per_s"] = round(1000 / core_ms, 1)
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "speed.json").write_text(json.dumps(results, indent=1))
    print(f"pipeline start-up      {results['startup_s']:.2f} s")
    for name in ("text", "html"):
        stages = "  ".join(f"{k} {v:.2f}" for k, v in results[f"{name}_stage_ms"].items())
        print(f"{name:5s} {results[f'{name}_docs_per_s']:8.1f} docs/s/core "
              f"(core stages alone {results[f'{name}_core_docs_per_s']:.0f})   ms/doc by stage: {stages}")
    print(f"peak RSS               {results['peak_rss_mb']:.0f} MB")

    baseline = json.loads(BASELINE.read_text())
    floors = baseline["speed"]
    if args.update:
        for key in FLOOR_KEYS:
            floors[key] = max(floors.get(key, 0.0), results[key])
        BASELINE.write_text(json.dumps(baseline, indent=1, sort_keys=True) + "\n")
        return 0
    bad = [k for k in FLOOR_KEYS if results[k] < floors.get(k, 0.0)]
    if results["peak_rss_mb"] > floors["peak_rss_mb_max"]:
        bad.append("peak_rss_mb")
    if bad:
        print(f"FAIL: {', '.join(bad)} outside the floors in bench/baseline.json: {floors}")
        return 1
    print(f"OK: within the floors {floors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
