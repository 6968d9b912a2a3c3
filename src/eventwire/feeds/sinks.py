"""Where the watcher's articles go: straight into the database, or through a running server.

DuckDB lets one process write a file. When ``eventwire serve`` runs, it is that process, so the
watcher posts to it (``ServerSink``: POST /api/articles, POST /api/feeds) and the dashboard shows
new events at once. Without a server the watcher writes itself (``StoreSink``), opening the file
only for the length of a write, so ``query`` and ``export`` can read between two polls.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from eventwire.jobs import FirstVersion
from eventwire.pipeline import Coder
from eventwire.schema import Article
from eventwire.store.db import EventStore

POST_BATCH = 100  # the API's limit per request
#: The most bytes one POST carries: half the server's 8 MB body limit (``api.app``), so five
#: large pages go in several requests instead of one the server refuses on every poll.
POST_BYTES = 4_000_000


class StoreSink:
    """Codes and stores articles in a DuckDB file, one transaction per call."""

    def __init__(self, db: Path, coder: Coder) -> None:
        self.db = db
        self.coder = coder

    def store(self, articles: list[Article]) -> int:
        unique = [a for a in FirstVersion().sift(articles) if isinstance(a, Article)]
        coded = list(self.coder.code(unique))
        with EventStore(self.db) as store:
            result = store.write(coded, self.coder.codebook_id)
        return result.added + result.replaced

    def report(self, statuses: list[dict[str, Any]]) -> None:
        with EventStore(self.db) as store:
            store.record_feeds(statuses)


class ServerSink:
    """Posts articles to a running ``eventwire serve`` (its token is needed), in requests of
    at most ``max_bytes`` and ``POST_BATCH`` articles. The server stores each good article and
    says why it refused the others; those are logged and not sent again (they would be
    refused again), so one bad article never holds back its feed."""

    def __init__(self, base_url: str, token: str, timeout: float = 300.0,
                 max_bytes: int = POST_BYTES, log: Callable[[str], None] = lambda _: None
                 ) -> None:
        self.client = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout,
                                   headers={"Authorization": f"Bearer {token}"})
        self.max_bytes = max_bytes
        self.log = log

    def close(self) -> None:
        """Close the connection to the server."""
        self.client.close()

    def store(self, articles: list[Article]) -> int:
        stored = 0
        for batch in _batches([_encoded(a) for a in articles], self.max_bytes):
            body = b'{"articles": [' + b", ".join(item for _, item in batch) + b"]}"
            res = self.client.post("/api/articles", content=body,
                                   headers={"Content-Type": "application/json"})
            if res.status_code == 200:
                out = res.json()
                stored += out["added"] + out["replaced"]
                for refused in out.get("rejected", []):
                    self.log(f"watch: {batch[refused['index']][0]}: refused by the server: "
                             f"{refused['reason'][:300]}")
            elif res.status_code == 413 and len(batch) == 1:  # alone, and still too large
                self.log(f"watch: {batch[0][0]}: refused by the server: {res.text[:300]}")
            elif res.status_code == 422 and _names_articles(res):  # not one of them good
                self.log(f"watch: {len(batch)} articles refused by the server: "
                         f"{res.json()['detail'][:300]}")
            else:
                raise RuntimeError(f"server answered {res.status_code}: {res.text[:200]}")
        return stored

    def report(self, statuses: list[dict[str, Any]]) -> None:
        res = self.client.post("/api/feeds", json={"feeds": statuses})
        if res.status_code != 200:
            raise RuntimeError(f"server answered {res.status_code}: {res.text[:200]}")


def _names_articles(res: httpx.Response) -> bool:
    """The 422 says what was wrong with each article (rather than with the request)."""
    try:
        detail = res.json().get("detail")
    except ValueError:
        return False
    return isinstance(detail, str) and detail.startswith("articles[")


def _encoded(article: Article) -> tuple[str, bytes]:
    """The article's name for a log line, and its JSON as the API takes it."""
    record = {"text": article.text, "id": article.id or None, "title": article.title,
              "url": article.url, "source": article.source,
              "date": article.date.isoformat() if article.date else None}
    return (article.url or article.id or "an article",
            json.dumps(record, ensure_ascii=False).encode("utf-8"))


def _batches(items: list[tuple[str, bytes]], max_bytes: int
             ) -> Iterator[list[tuple[str, bytes]]]:
    """Consecutive runs of items of at most ``max_bytes`` (with the request's own brackets)
    and ``POST_BATCH`` items; an item larger than that alone goes alone."""
    batch: list[tuple[str, bytes]] = []
    size = 0
    for item in items:
        grown = size + len(item[1]) + 2
        if batch and (grown + 20 > max_bytes or len(batch) == POST_BATCH):
            yield batch
            batch, grown = [], len(item[1]) + 2
        batch.append(item)
        size = grown
    if batch:
        yield batch
