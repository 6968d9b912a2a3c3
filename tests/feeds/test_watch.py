"""The feed watcher against a real local news site (tests/feeds/site.py) and a real DuckDB."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from eventwire.feeds.fetch import Fetcher, FetchError
from eventwire.feeds.sinks import StoreSink
from eventwire.feeds.watch import Watcher, read_feed_list
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
