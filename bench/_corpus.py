"""Where the benchmarks find the shared dev corpus and gold (read at run time, never copied here)."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_INPUTS = [SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev.jsonl"]
DEV_GOLD = SHARED / "gold" / "dev"
REFEREE = SHARED / "eval" / "score.py"
RESULTS = ROOT / "bench" / "results"


def gold_sha() -> str:
    """A digest of the dev gold and inputs, so a floor is only compared on the corpus it was set on."""
    h = hashlib.sha256()
    seeds = sorted((SHARED / "corpus" / "seeds").glob("*"))
    files = sorted(DEV_GOLD.glob("*.json")) + seeds + [DEV_INPUTS[1]]
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]
