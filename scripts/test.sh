#!/usr/bin/env bash
# Set up pantau (first run only), lint, run the quality gate on the dev gold (when ../shared is beside the
# checkout), then the test suite, whose summary line closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check pantau tests bench scripts
if [ -f ../shared/eval/score.py ]; then
  .venv/bin/python bench/quality.py
fi
.venv/bin/python -m pytest "$@"
