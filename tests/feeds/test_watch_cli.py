"""``eventwire watch`` as a user runs it: alone on a database file (even when the disk fills),
and beside a running ``eventwire serve`` that stays the one writer."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import httpx
import pytest

from eventwire.feeds.fetch import Fetcher
from eventwire.feeds.sinks import ServerSink
from eventwire.feeds.watch import Watcher
from tests.feeds.hostile import hostile_server
from tests.feeds.site import news_site
from tests.server import TOKEN, running_server

pytestmark = pytest.mark.slow


def watch_once(feeds: Path, db: Path, max_file_bytes: int | None = None
               ) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # a full disk, for this process only: no file may grow past the limit
        if max_file_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    return subprocess.run([sys.executable, "-m", "eventwire.cli", "watch", "--feeds", str(feeds),
                           "--db", str(db), "--once", "--allow-private"],
                          capture_output=True, text=True, timeout=600, preexec_fn=limit)


def count(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


def test_watch_once_then_a_full_disk_loses_nothing_and_the_next_poll_catches_up(
        tmp_path: Path) -> None:
    with news_site() as site:
        site.feed("/world.rss", ["/news/talks", "/news/arrests"])
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"# test wire\n{site.base}/world.rss\n", encoding="utf-8")
        db = tmp_path / "live.duckdb"
        first = watch_once(feeds, db)
        assert first.returncode == 0, first.stderr
        assert "2 new articles stored" in first.stderr and count(db) == 2

        site.feed("/world.rss", ["/news/islands", "/news/talks", "/news/arrests"])
        full = watch_once(feeds, db, max_file_bytes=1024)
        assert "could not store 1 articles" in full.stderr, full.stderr
        assert count(db) == 2  # what was stored is still there, and readable

        after = watch_once(feeds, db)
        assert after.returncode == 0 and "1 new articles stored" in after.stderr, after.stderr
        assert count(db) == 3


def test_watch_writes_through_a_running_server(tmp_path: Path, demo_db: Path) -> None:
    with news_site() as site, running_server(demo_db) as base:
        site.feed("/world.rss", ["/news/islands"])
        before = httpx.get(base + "/api/events", params={"a": "CHN", "b": "JPN"}).json()["total"]
        sink = ServerSink(base, TOKEN)
        watcher = Watcher([site.base + "/world.rss"], sink, tmp_path / "state.json",
                          Fetcher(allow_private=True, per_host_interval=0.0))
        assert watcher.poll().stored == 1
        sink.close()
        after = httpx.get(base + "/api/events", params={"a": "CHN", "b": "JPN"}).json()["total"]
        assert after > before  # the dashboard's API shows them without a restart
        (feed,) = httpx.get(base + "/api/status").json()["feeds"]
        assert feed["url"] == site.base + "/world.rss" and feed["articles"] == 1
        assert feed["last_poll"] and feed["last_new"] and feed["errors"] == 0


@pytest.fixture()
def demo_db(tmp_path: Path) -> Path:
    from tests.server import build_demo_db

    return build_demo_db(tmp_path)


def test_ingest_fetches_a_web_address(tmp_path: Path) -> None:
    with news_site() as site:
        db = tmp_path / "e.duckdb"
        url = site.base + "/news/talks"
        refused = subprocess.run([sys.executable, "-m", "eventwire.cli", "ingest", url, "--db",
                                  str(db)], capture_output=True, text=True, timeout=300)
        assert refused.returncode == 1 and "private or local address" in refused.stderr
        res = subprocess.run([sys.executable, "-m", "eventwire.cli", "ingest", url, "--db",
                              str(db), "--allow-private"], capture_output=True, text=True,
                             timeout=300)
        assert res.returncode == 0, res.stderr
        assert count(db) == 1




def watch_process(feeds: list[str], tmp_path: Path, *extra: str) -> subprocess.Popen[str]:
    listed = tmp_path / "feeds.txt"
    listed.write_text("\n".join(feeds) + "\n", encoding="utf-8")
    return subprocess.Popen([sys.executable, "-m", "eventwire.cli", "watch", "--feeds",
                             str(listed), "--db", str(tmp_path / "live.duckdb"),
                             "--allow-private", *extra], stderr=subprocess.PIPE, text=True)


def seen_links(state: Path) -> list[str]:
    links = json.loads(state.read_text(encoding="utf-8"))["links"]
    return sorted(link.rsplit("/", 1)[1] for link, n in links.items() if n < 0)


def test_a_kill_during_a_huge_feed_keeps_what_the_feeds_before_it_gave(tmp_path: Path) -> None:
    asked = threading.Event()
    with hostile_server(huge_entries=40, on_request={"/story/5": asked}) as h:
        proc = watch_process([h.url("/good.rss"), h.url("/huge.rss")], tmp_path, "--once")
        try:
            assert asked.wait(300), "the watcher never reached the huge feed's fifth page"
        finally:
            proc.kill()
            proc.communicate()
    # good.rss was done and saved before huge.rss began: the restart will not fetch it again
    assert seen_links(tmp_path / "live.duckdb.watch.json") == ["0"]
    assert count(tmp_path / "live.duckdb") == 1


def test_sigterm_stops_the_watcher_between_two_pages(tmp_path: Path) -> None:
    asked = threading.Event()
    with hostile_server(huge_entries=40, on_request={"/story/3": asked}) as h:
        proc = watch_process([h.url("/huge.rss"), h.url("/good.rss")], tmp_path, "--every", "1h")
        try:
            assert asked.wait(300), "the watcher never reached the third page"
            proc.send_signal(signal.SIGTERM)
            _, stderr = proc.communicate(timeout=120)
        finally:
            proc.kill()
        pages = h.asked("/story/")
    assert proc.returncode == 0, stderr
    assert pages <= 5  # the page under way when the signal came, perhaps one more; not 40
    assert "stopped early" in stderr and "left for the next poll" in stderr
    assert h.asked("/good.rss") == 0  # the feed after the stop waits for the next run
    stored = count(tmp_path / "live.duckdb")
    assert stored == pages and seen_links(tmp_path / "live.duckdb.watch.json") == sorted(
        str(n) for n in range(1, pages + 1))


def test_watch_once_fails_when_every_feed_failed(tmp_path: Path) -> None:
    with hostile_server() as h:
        listed = tmp_path / "feeds.txt"
        listed.write_text(f"{h.url('/dead-links.rss')}\n{h.url('/missing.rss')}\n", "utf-8")
        failed = watch_once(listed, tmp_path / "e.duckdb")
        assert failed.returncode == 1 and "2 feeds failed" in failed.stderr, failed.stderr
        listed.write_text(f"{h.url('/dead-links.rss')}\n{h.url('/good.rss')}\n", "utf-8")
        partly = watch_once(listed, tmp_path / "e.duckdb")
        assert partly.returncode == 0 and "1 feeds failed" in partly.stderr, partly.stderr
