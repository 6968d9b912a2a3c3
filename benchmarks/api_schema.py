"""The long schemathesis run of docs/reliability.md: a real ``eventwire serve`` on 127.0.0.1
over a fresh demo database, every operation of /openapi.json fuzzed (valid and invalid
requests, with the token), checked for server errors.

    .venv/bin/python benchmarks/api_schema.py [--examples 100]

Prints schemathesis's summary; its exit code is schemathesis's (0: no failure)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

TOKEN = "schema-fuzz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100)
    parser.add_argument("--port", type=int, default=8792)
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "fuzz.duckdb"
        subprocess.run([str(bin_dir / "eventwire"), "demo", "--db", str(db)], check=True,
                       capture_output=True)
        server = subprocess.Popen([str(bin_dir / "eventwire"), "serve", "--db", str(db),
                                   "--port", str(args.port), "--token", TOKEN],
                                  stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{args.port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            run = subprocess.run(
                [str(bin_dir / "schemathesis"), "run", f"{base}/openapi.json", "--checks",
                 "not_a_server_error", "--max-examples", str(args.examples), "--seed", "7",
                 "-H", f"Authorization: Bearer {TOKEN}", "--no-color"],
                capture_output=True, text=True)
            summary = run.stdout[run.stdout.find("SUMMARY") - 40:] if "SUMMARY" in run.stdout \
                else run.stdout[-3000:]
            print(summary)
            return run.returncode
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    sys.exit(main())
