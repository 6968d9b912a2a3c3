"""Where the watcher's articles go: straight into the database, or through a running server.

DuckDB lets one process write a file. When ``eventwire serve`` runs, it is that process, so the
watcher posts to it (``ServerSink``: POST /api/articles, POST /api/feeds) and the dashboard shows
new events at once. Without a server the watcher writes itself (``StoreSink``), opening the file
only for the length of a write, so ``query`` and ``export`` can read between two polls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from eventwire.jobs import FirstVersion
from eventwire.pipeline import Coder
from eventwire.schema import Article
from eventwire.store.db import EventStore

POST_BATCH = 100  # the API's limit per request


class StoreSink:
    """Codes and stores articles in a DuckDB file, one transaction per call."""

    def __init__(self, db: Path, coder: Coder) -> None:
        self.db = db
        self.coder = coder

    def store(self, articles: list[Article]) -> int:
        unique = [a for a in FirstVersion().sift(articles) if isinstance(a, Article)]
        coded = list(self.coder.code(unique))
        with EventStore(self.db) as store:
            result = store.write(coded)
        return result.added + result.replaced

    def report(self, statuses: list[dict[str, Any]]) -> None:
        with EventStore(self.db) as store:
            store.record_feeds(statuses)


class ServerSink:
    """Posts articles to a running ``eventwire serve`` (its token is needed)."""

    def __init__(self, base_url: str, token: str, timeout: float = 300.0) -> None:
        self.client = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout,
                                   headers={"Authorization": f"Bearer {token}"})

    def store(self, articles: list[Article]) -> int:
        stored = 0
        for start in range(0, len(articles), POST_BATCH):
            body = {"articles": [{"text": a.text, "id": a.id or None, "title": a.title,
                                  "url": a.url, "source": a.source,
                                  "date": a.date.isoformat() if a.date else None}
                                 for a in articles[start:start + POST_BATCH]]}
            res = self.client.post("/api/articles", json=body)
            if res.status_code != 200:
                raise RuntimeError(f"server answered {res.status_code}: {res.text[:200]}")
            out = res.json()
            stored += out["added"] + out["replaced"]
        return stored

    def report(self, statuses: list[dict[str, Any]]) -> None:
        res = self.client.post("/api/feeds", json={"feeds": statuses})
        if res.status_code != 200:
            raise RuntimeError(f"server answered {res.status_code}: {res.text[:200]}")
