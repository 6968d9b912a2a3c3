"""Readers and one writer: ``query``, ``export`` and ``ingest`` use the file while ``serve`` runs,
all as real processes (DuckDB lets one process at a time open a file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from eventwire.schema import Article
from eventwire.store.db import EventStore, StoreError, connect
from tests.conftest import make_event
from tests.server import free_port, wait_until_up

EVENTWIRE = [sys.executable, "-m", "eventwire.cli"]


def _seed(db: Path) -> None:
    with EventStore(db) as store:
        store.write([(Article(text="India criticized Turkey.", id="a1"), [make_event("a1")])])


def test_a_shared_store_lets_the_file_go_between_sessions(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    _seed(db)
    store = EventStore(db, hold=False)
    with store.session() as con:
        assert con.execute("SELECT count(*) FROM events").fetchall() == [(1,)]
        with store.session() as again:  # nested and overlapping sessions share one connection
            assert again is con
    time.sleep(1.0)  # past the linger: another process may now open the file
    out = subprocess.run([sys.executable, "-c", (
        "import duckdb, sys; print(duckdb.connect(sys.argv[1]).execute("
        "'SELECT count(*) FROM events').fetchall()[0][0])"), str(db)],
        capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "1", out.stderr
    with store.session() as con:  # and the store opens it again when needed
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(1,)]
    store.close()
    with pytest.raises(RuntimeError, match="not open"):
        _ = store.con


def test_an_opener_waits_for_a_short_holder(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    _seed(db)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('ok', flush=True); "
        "time.sleep(1.5); con.close(); time.sleep(30)"), str(db)], stdout=subprocess.PIPE,
        text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreError, match=f"process {holder.pid}"):
            connect(db, wait=0.2)
        con = connect(db, wait=20)  # waits out the holder instead of failing
        assert con.execute("SELECT count(*) FROM events").fetchall() == [(1,)]
        con.close()
    finally:
        holder.kill()
        holder.communicate()  # reaps it and closes its pipe


@pytest.mark.slow
def test_query_export_and_ingest_run_while_serve_runs(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    _seed(db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "EVENTWIRE_LOCK_WAIT": "60"}
    server = subprocess.Popen([*EVENTWIRE, "serve", "--db", str(db), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(base, 60)
        assert httpx.get(f"{base}/api/summary").json()["events"] == 1

        query = subprocess.run([*EVENTWIRE, "query", "events", "--db", str(db), "--actor",
                                "Türkiye", "--format", "jsonl"], env=env, capture_output=True,
                               text=True, timeout=120)
        assert query.returncode == 0, query.stderr
        assert [json.loads(line)["article_id"] for line in query.stdout.splitlines()] == ["a1"]

        out = tmp_path / "out.csv"
        export = subprocess.run([*EVENTWIRE, "export", str(out), "--db", str(db)], env=env,
                                capture_output=True, text=True, timeout=120)
        assert export.returncode == 0, export.stderr
        assert len(out.read_text().splitlines()) == 2

        story = tmp_path / "story.jsonl"
        story.write_text(json.dumps({"id": "new", "date": "2025-06-02",
                                     "text": "Germany condemned Russia for the attack."}) + "\n")
        ingest = subprocess.run([*EVENTWIRE, "ingest", str(story), "--db", str(db)], env=env,
                                capture_output=True, text=True, timeout=300)
        assert ingest.returncode == 0, ingest.stderr
        # The server reads what the other process wrote, and still answers.
        assert httpx.get(f"{base}/api/summary").json()["articles"] == 2
        assert httpx.get(f"{base}/api/articles/new").status_code == 200
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert b"Traceback" not in stderr, stderr.decode()


@pytest.mark.slow
def test_query_and_ingest_get_the_file_while_serve_is_under_steady_load(tmp_path: Path) -> None:
    """Clients that keep the server busy, with overlapping requests, do not keep the file from
    a waiting process: the server takes turns (``store.db.MAX_HOLD``). The commands run with
    the default wait, which a server that never lets go outlasts."""
    db = tmp_path / "e.duckdb"
    _seed(db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_LOCK_WAIT"}
    server = subprocess.Popen([*EVENTWIRE, "serve", "--db", str(db), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop = threading.Event()
    codes: Counter[int] = Counter()
    counted = threading.Lock()

    def read_load() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while not stop.is_set():
                code = client.get("/api/summary").status_code
                with counted:
                    codes[code] += 1
                time.sleep(0.01)

    load = [threading.Thread(target=read_load) for _ in range(6)]
    try:
        wait_until_up(base, 60)
        for thread in load:
            thread.start()
        while codes[200] < 50:  # the load is on
            time.sleep(0.05)

        query = subprocess.run([*EVENTWIRE, "query", "events", "--db", str(db), "--format",
                                "jsonl"], env=env, capture_output=True, text=True, timeout=300)
        assert query.returncode == 0, query.stderr
        assert [json.loads(line)["article_id"] for line in query.stdout.splitlines()] == ["a1"]

        story = tmp_path / "story.jsonl"
        story.write_text("".join(json.dumps({
            "id": f"load-{n}", "date": "2025-06-02",
            "text": f"Germany condemned Russia for attack number {n}."}) + "\n"
            for n in range(20)))
        ingest = subprocess.run([*EVENTWIRE, "ingest", str(story), "--db", str(db)], env=env,
                                capture_output=True, text=True, timeout=300)
        assert ingest.returncode == 0, ingest.stderr
        served_before = codes[200]
        while codes[200] < served_before + 50:  # and the server has the file back
            time.sleep(0.05)
        assert httpx.get(f"{base}/api/summary", timeout=60).json()["articles"] == 21
    finally:
        stop.set()
        for thread in load:
            thread.join(timeout=60)
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert set(codes) == {200}, codes
    assert b"Traceback" not in stderr, stderr.decode()


@pytest.mark.slow
def test_serve_says_when_it_creates_the_file_it_was_given(tmp_path: Path) -> None:
    typo = tmp_path / "evnets.duckdb"
    server = subprocess.Popen([*EVENTWIRE, "serve", "--db", str(typo), "--port",
                               str(free_port())], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        first = server.stderr.readline()
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert first.startswith(f"{typo} does not exist: serving a new, empty database")
