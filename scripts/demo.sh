#!/usr/bin/env bash
# Set up .venv/ from the lock file, then code the bundled sample corpus into demo.duckdb and show
# how relations between countries change. Extra arguments go to `eventwire demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/eventwire demo "$@"
