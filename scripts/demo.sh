#!/usr/bin/env bash
# Set up pantau (first run only), then ingest the bundled demo articles into a fresh pantau-demo.db and show
# what was found (events, country pairs, commitments) with the commands to try next.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/pantau demo "$@"
