"""Shared by the store benchmarks (`ingest.py`, `query.py`): their bounds file and how bounds are checked.

`bench/store-baseline.json` holds one section per benchmark. A key names a result that must be at least that
number (a floor); a key ending in `_max` names a result (the key without `_max`) that must be at most that
number (a ceiling). `--update` only tightens: floors go up, ceilings go down, to today's numbers.
"""

from __future__ import annotations

import json
from typing import Any

from _corpus import ROOT

BASELINE = ROOT / "bench" / "store-baseline.json"
MAX = "_max"


def load_bounds(section: str) -> dict[str, float]:
    return json.loads(BASELINE.read_text())[section]


def outside(results: dict[str, Any], bounds: dict[str, float]) -> list[str]:
    """The bound keys that today's results break (a missing result breaks its bound)."""
    bad = []
    for key, bound in bounds.items():
        name = key.removesuffix(MAX)
        value = results.get(name)
        if value is None or (value > bound if key.endswith(MAX) else value < bound):
            bad.append(key)
    return bad


def tighten(section: str, results: dict[str, Any], keys: tuple[str, ...]) -> dict[str, float]:
    """Move the named bounds of `section` to today's results where that is tighter; write and return them."""
    baseline = json.loads(BASELINE.read_text())
    bounds = baseline[section]
    for key in keys:
        value = results[key.removesuffix(MAX)]
        old = bounds.get(key)
        if old is None or (value < old if key.endswith(MAX) else value > old):
            bounds[key] = value
    BASELINE.write_text(json.dumps(baseline, indent=1, sort_keys=True) + "\n")
    return bounds


def report(bounds: dict[str, float], bad: list[str]) -> int:
    """Print the verdict; the exit code of the benchmark."""
    if bad:
        print(f"FAIL: {', '.join(bad)} outside the bounds in {BASELINE.relative_to(ROOT)}: {bounds}")
        return 1
    print(f"OK: within the bounds {bounds}")
    return 0
