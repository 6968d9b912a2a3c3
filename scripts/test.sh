#!/usr/bin/env bash
# Set up .venv/ from the lock file, then run every check: lint, types, and the whole test suite
# (the slow tests that load the spaCy model included). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
