"""The long schemathesis run of docs/reliability.md: a real ``eventwire serve`` on 127.0.0.1
over a fresh demo database, every operation of /openapi.json fuzzed (valid and invalid
requests, with the token), checked for server errors.

    .venv/bin/python benchmarks/api_schema.py [--examples 100]

Prints schemathesis's summary; its exit code is schemathesis's (0: no failure)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from served import BIN, demo_server

TOKEN = "schema-fuzz-token-0"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100)
    parser.add_argument("--port", type=int, default=8792)
    args = parser.parse_args()
    with demo_server(args.port, TOKEN) as base:
        run = subprocess.run(
            [str(BIN / "schemathesis"), "run", f"{base}/openapi.json", "--checks",
             "not_a_server_error", "--max-examples", str(args.examples), "--seed", "7",
             "-H", f"Authorization: Bearer {TOKEN}", "--no-color"],
            capture_output=True, text=True)
    summary = run.stdout[run.stdout.find("SUMMARY") - 40:] if "SUMMARY" in run.stdout \
        else run.stdout[-3000:]
    print(summary)
    return run.returncode

if __name__ == "__main__":
    sys.exit(main())
