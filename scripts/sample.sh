#!/usr/bin/env bash
# Set up pantau (first run only) and extract the bundled sample into sample-out.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/pantau extract samples --format jsonl -o sample-out.jsonl
.venv/bin/python - <<'PY'
import json
for line in open("sample-out.jsonl", encoding="utf-8"):
    r = json.loads(line)
    pub = r["published"]["date"] + " (" + r["published"]["from"] + ")" if r["published"] else "-"
    figs = ", ".join(f"{f['value']:g} {f['unit']}" for f in r["figures"]) or "-"
    print(f"{r['id']:22s} lang={r['language']}  published={pub}  noise removed={len(r['noise'])}  figures: {figs}")
print("full records: sample-out.jsonl")
PY
