"""The app's answers when the database file is not to be had, over HTTP on a real uvicorn."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from eventwire.schema import Article
from eventwire.store.db import EventStore
from tests.conftest import make_event
from tests.server import running_server

pytestmark = pytest.mark.slow


def test_while_another_process_holds_the_file_requests_get_503_with_retry_after(
        tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    with EventStore(db) as store:
        store.write([(Article(text="India criticized Turkey.", id="a1"), [make_event("a1")])])
    with running_server(db) as base:
        holder = subprocess.Popen([sys.executable, "-c", (
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('ok', "
            "flush=True); time.sleep(300)"), str(db)], stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
            res = httpx.get(f"{base}/api/summary", timeout=120)
            assert res.status_code == 503, res.text
            assert int(res.headers["retry-after"]) > 0
            assert f"process {holder.pid}" in res.json()["detail"]
        finally:
            holder.kill()
            holder.communicate()  # reaps it and closes its pipe
        res = httpx.get(f"{base}/api/summary", timeout=120)  # the file is free again
        assert res.status_code == 200 and res.json()["events"] == 1
