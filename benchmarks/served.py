"""A real ``eventwire serve`` on 127.0.0.1 over a fresh demo database, for the API benchmarks."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent


@contextmanager
def demo_server(port: int, token: str) -> Iterator[str]:
    """The server's base URL, once it answers; stopped and its database removed after."""
    with demo_server_on_file(port, token) as (base, _):
        yield base


@contextmanager
def demo_server_on_file(port: int, token: str) -> Iterator[tuple[str, Path]]:
    """The server's base URL, once it answers, and the database file it serves."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.duckdb"
        subprocess.run([str(BIN / "eventwire"), "demo", "--db", str(db)], check=True,
                       capture_output=True)
        server = subprocess.Popen([str(BIN / "eventwire"), "serve", "--db", str(db), "--port",
                                   str(port), "--token", token], stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            yield base, db
        finally:
            server.terminate()
            server.wait(30)
