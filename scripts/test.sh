#!/usr/bin/env bash
# Set up .venv/ from the lock file, install what the browser tests need (Debian's chromium), then
# run every check: lint, types, and the whole test suite (the slow tests that load the spaCy
# model, start a real local Ray, a real uvicorn and a real Chromium included). Extra arguments
# go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing Debian's chromium for the browser tests"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test: the browser tests need Debian's chromium: sudo apt-get install chromium" >&2
  fi
fi
.venv/bin/ruff check src tests benchmarks scripts
bash scripts/audit.sh
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
