"""The feed watcher against a real local news site (tests/feeds/site.py) and a real DuckDB."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from eventwire.feeds.fetch import Fetcher, FetchError
from eventwire.feeds.sinks import StoreSink
from eventwire.feeds.watch import Watcher, read_feed_list
from tests.feeds.hostile import hostile_server
from tests.feeds.site import Site, news_site

pytestmark = pytest.mark.slow


@pytest.fixture()
def site() -> Iterator[Site]:
    with news_site() as s:
        s.feed("/world.rss", ["/news/talks", "/news/arrests", "/login", "/gone", "/slow"])
        s.pages["/slow"] = s.pages["/news/talks"]
        s.slow["/slow"] = 3.0
        s.pages["/broken.rss"] = (200, "application/rss+xml", b"<rss><channel><item>oops")
        yield s


def fetcher() -> Fetcher:
    # Test settings: the site is on 127.0.0.1, answers fast, and a slow page is given up soon.
    return Fetcher(allow_private=True, timeout=1.0, retries=1, backoff=0.05,
                   per_host_interval=0.0)


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_a_poll_stores_new_articles_and_a_second_only_what_is_new(site: Site, tmp_path: Path,
                                                                  coder) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "live.duckdb"
    lines: list[str] = []
    watcher = Watcher([site.base + "/world.rss", site.base + "/broken.rss"],
                      StoreSink(db, coder), tmp_path / "state.json", fetcher(), lines.append)
    first = watcher.poll()
    assert first.stored == 2 and first.skipped == 1  # the login wall is not an article
    assert len(first.errors) == 3  # the dead link, the slow page, the broken feed
    assert any("/gone: HTTP 404" in e for e in first.errors)
    assert any("/slow: no answer within 1 s" in e for e in first.errors)
    assert any("broken.rss: not a feed" in e for e in first.errors)
    stored = rows(db, "SELECT url, title, date FROM articles ORDER BY url")
    assert [(u.rsplit("/", 1)[1], t, str(d)) for u, t, d in stored] == [
        ("arrests", "Police detain protesters in Nairobi", "2025-05-27"),
        ("talks", "Turkey and Iran hold border talks", "2025-05-26")]
    assert ("TUR", "IRN") in rows(db, "SELECT source_country, target_country FROM events")

    site.feed("/world.rss", ["/news/islands", "/news/talks", "/news/arrests", "/login"])
    # a restarted watcher: the state file remembers links, texts and the feed's ETag
    restarted = Watcher([site.base + "/world.rss"], StoreSink(db, coder),
                        tmp_path / "state.json", fetcher(), lines.append)
    second = restarted.poll()
    assert second.stored == 1 and second.seen == 3
    assert site.fetched("/news/talks") == [200] and site.fetched("/login") == [200]
    assert len(rows(db, "SELECT id FROM articles")) == 3
    third = restarted.poll()
    assert third.stored == third.new == 0
    assert site.fetched("/world.rss")[-1] == 304  # asked conditionally, and unchanged
    status = rows(db, "SELECT url, articles, errors, last_error FROM feeds ORDER BY url")
    assert status[0][2] == 1 and "not a feed" in status[0][3]  # broken.rss
    assert status[1][1:] == (3, 0, None)  # world.rss
    assert all(headers["User-Agent"].startswith("eventwire/") for _, headers, _ in site.requests)


def test_the_same_story_under_another_link_is_skipped(site: Site, tmp_path: Path,
                                                      coder) -> None:  # type: ignore[no-untyped-def]
    site.pages["/mirror/talks"] = site.pages["/news/talks"]
    site.feed("/a.rss", ["/news/talks"])
    site.feed("/b.rss", ["/mirror/talks"])
    report = Watcher([site.base + "/a.rss", site.base + "/b.rss"],
                     StoreSink(tmp_path / "e.duckdb", coder), tmp_path / "s.json",
                     fetcher()).poll()
    assert (report.stored, report.seen) == (1, 1)


def test_private_addresses_are_refused_unless_allowed(site: Site) -> None:
    with pytest.raises(FetchError, match="private or local address"):
        Fetcher().get(site.base + "/world.rss")
    with pytest.raises(FetchError, match="not an http"):
        Fetcher().get("file:///etc/passwd")
    assert fetcher().get(site.base + "/world.rss").status == 200


def test_feed_lists_skip_comments_and_repeats(tmp_path: Path) -> None:
    listed = tmp_path / "feeds.txt"
    listed.write_text("# world\nhttps://a.example/rss  # main\n\nhttps://b.example/atom\n"
                      "https://a.example/rss\n", encoding="utf-8")
    assert read_feed_list(listed) == ["https://a.example/rss", "https://b.example/atom"]


def hostile_fetcher(deadline: float = 30.0) -> Fetcher:
    return Fetcher(allow_private=True, timeout=5.0, deadline=deadline, retries=2, backoff=0.05,
                   per_host_interval=0.0)


def test_a_trickling_feed_is_given_up_at_its_deadline_and_the_next_is_polled(
        tmp_path: Path, coder) -> None:  # type: ignore[no-untyped-def]
    with hostile_server(trickle_every=0.5) as h:  # a byte every 0.5 s: no read ever times out
        watcher = Watcher([h.url("/trickle.rss"), h.url("/good.rss")],
                          StoreSink(tmp_path / "e.duckdb", coder), tmp_path / "s.json",
                          hostile_fetcher(deadline=2.0))
        report = watcher.poll()
        assert report.stored == 1  # the good feed's story
        assert report.errors == [h.url("/trickle.rss") + ": not fetched within the 2 s deadline"]
        assert h.trickled <= 6  # the watcher left after about 2 s, and tried no more
        assert h.asked("/trickle.rss") == 1


def test_a_huge_feed_gives_at_most_max_new_pages_a_poll(tmp_path: Path,
                                                        coder) -> None:  # type: ignore[no-untyped-def]
    with hostile_server(huge_entries=30) as h:
        watcher = Watcher([h.url("/huge.rss")], StoreSink(tmp_path / "e.duckdb", coder),
                          tmp_path / "s.json", hostile_fetcher(), max_new=5)
        first = watcher.poll()
        assert (first.stored, first.deferred, h.asked("/story/")) == (5, 25, 5)
        second = watcher.poll()  # the feed is read again: its validators were not kept
        assert (second.stored, second.seen, second.deferred) == (5, 5, 20)
        assert h.asked("/story/") == 10
    assert len(rows(tmp_path / "e.duckdb", "SELECT id FROM articles")) == 10


def test_the_stop_flag_is_checked_between_pages_and_state_is_saved(
        tmp_path: Path, coder) -> None:  # type: ignore[no-untyped-def]
    stop = threading.Event()
    with hostile_server(huge_entries=30, on_request={"/story/3": stop}) as h:
        state = tmp_path / "s.json"
        watcher = Watcher([h.url("/good.rss"), h.url("/huge.rss"), h.url("/gzipped.rss")],
                          StoreSink(tmp_path / "e.duckdb", coder), state, hostile_fetcher())
        report = watcher.poll(stop)
        assert report.stopped and h.asked("/story/") == 4  # /story/0 (good.rss), then 1, 2, 3
        assert h.asked("/gzipped.rss") == 0  # the feed after the stop is not asked
        assert report.stored == 4
    seen = json.loads(state.read_text(encoding="utf-8"))["links"]
    assert sorted(link.rsplit("/", 1)[1] for link, n in seen.items() if n < 0) == [
        "0", "1", "2", "3"]


def test_a_feed_whose_pages_all_fail_shows_the_error_and_counts_as_failed(
        tmp_path: Path, coder) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "e.duckdb"
    with hostile_server() as h:
        watcher = Watcher([h.url("/dead-links.rss"), h.url("/missing.rss")], StoreSink(db, coder),
                          tmp_path / "s.json", hostile_fetcher())
        report = watcher.poll()
        assert report.all_failed and "2 feeds failed" in report.summary()
        watcher.feeds.append(h.url("/good.rss"))
        watcher.state[h.url("/good.rss")] = type(watcher.state[h.url("/missing.rss")])(
            h.url("/good.rss"))
        report = watcher.poll()  # one feed gives an article: not every feed failed
        assert not report.all_failed and report.stored == 1
    status = {u.rsplit("/", 1)[1]: (n, last) for u, n, last in rows(
        db, "SELECT url, errors, last_error FROM feeds")}
    assert status["dead-links.rss"][0] == 2  # two polls in a row with errors
    assert status["dead-links.rss"][1] == (
        f"2 of 2 pages failed; last: {h.url('/gone/2')}: HTTP 404")
    assert status["missing.rss"] == (2, f"{h.url('/missing.rss')}: HTTP 404")
    assert status["good.rss"] == (0, None)
