#!/usr/bin/env bash
# Set up .venv/ from the lock file, code the bundled sample corpus into demo.duckdb, print the
# relations, then serve the dashboard on it at http://127.0.0.1:8000/ (Ctrl-C to stop).
# Extra arguments go to `eventwire demo` (for example --port 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/eventwire demo --serve "$@"
