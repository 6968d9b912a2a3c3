"""The watcher's way into a running server (``ServerSink``) against a real uvicorn on
127.0.0.1: requests bounded by size, and one refused article never holding back the rest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.api.app import MAX_BODY_BYTES
from eventwire.feeds.sinks import POST_BYTES, ServerSink
from eventwire.schema import Article
from tests.server import TOKEN, running_server

pytestmark = pytest.mark.slow
#: The body limit of the server in these tests: small, so a few short articles pass it.
LIMIT = 40_000


def page(n: int, chars: int) -> Article:
    """A made-up story of about ``chars`` characters."""
    words = " ".join(f"The harvest in the valley was good in week {i}." for i in range(chars // 48))
    return Article(text=f"Chile thanked Peru for the aid number {n}. {words}", id=f"s-{n}",
                   url=f"http://127.0.0.1/news/{n}", date=date(2025, 6, 1))


def stored_ids(db: Path) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
    finally:
        con.close()


def test_the_default_request_size_is_under_the_servers_body_limit() -> None:
    assert POST_BYTES <= MAX_BODY_BYTES // 2


def test_large_pages_go_in_several_requests_and_a_refused_one_holds_back_nothing(
        tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    big = [page(n, 15_000) for n in range(4)]  # 60 KB together: over the limit in one request
    long_title = Article(text="Peru praised Chile for the talks.", id="s-title",
                         title="T" * 3000, url="http://127.0.0.1/news/title")
    huge = page(9, LIMIT + 5_000)  # too large for any request: refused alone
    lines: list[str] = []
    # the 8 MB of a real server scaled down, so the articles that pass it code in seconds
    with running_server(db, max_body=LIMIT) as base:
        sink = ServerSink(base, TOKEN, max_bytes=LIMIT, log=lines.append)
        assert sink.store([big[0], long_title, big[1], huge, big[2], big[3]]) == 4
        assert sink.store(big) == 0  # posted again: unchanged, nothing added
        sink.close()
    assert stored_ids(db) == {a.id for a in big}
    assert any("news/title: refused by the server: 'title' longer than 2000" in line
               for line in lines), lines
    assert any("news/9: refused by the server" in line for line in lines), lines
