"""Every matching event from the API, in three formats, with no page cap; empty results keep
their header; the event list's total is what the relations views count."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pyarrow.parquet as pq
import pytest

from eventwire.schema import Article
from eventwire.store.db import EventStore
from tests.conftest import make_event
from tests.server import running_server

N = 620  # more than a page (500) can hold


def _unlike(n: int) -> str:
    """A text no other story's is a near copy of."""
    return " ".join(hashlib.sha1(f"{n}-{k}".encode()).hexdigest() for k in range(4))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("exports") / "x.duckdb"
    first = date(2025, 1, 1)
    with EventStore(path) as store:
        store.write([(Article(text=_unlike(n), id=f"s{n}",
                              date=first + timedelta(days=n)),
                      [make_event(f"s{n}", "ACCUSE", "IND", "TUR", first + timedelta(days=n),
                                  3, -3.0, start=n)]) for n in range(N)])
    with running_server(path) as url:
        yield url


def test_every_matching_event_in_each_format(site: str, tmp_path: Path) -> None:
    res = httpx.get(site + "/api/events/export", params={"format": "csv", "a": "IND", "b": "TUR"},
                    timeout=60)
    assert res.status_code == 200 and res.headers["x-collapse"] == "event"
    rows = list(csv.DictReader(io.StringIO(res.text)))
    assert len(rows) == N == int(res.headers["x-total-count"])
    assert {"article_id", "outlet", "title", "published", "url", "duplicate_of", "reports",
            "negated", "cameo"} <= set(rows[0])
    assert rows[0]["cameo"] == "11" and '"11"' in res.text  # quoted: a code stays text
    res = httpx.get(site + "/api/events/export", params={"format": "parquet"}, timeout=60)
    (tmp_path / "x.parquet").write_bytes(res.content)
    assert pq.read_table(tmp_path / "x.parquet").num_rows == N
    res = httpx.get(site + "/api/events/export", params={"format": "jsonl"}, timeout=60)
    lines = [json.loads(x) for x in res.text.splitlines()]
    assert len(lines) == N and lines[0]["reports"] == 1


def test_the_event_lists_total_is_the_timelines(site: str) -> None:
    timeline = httpx.get(site + "/api/dyads/IND/TUR/timeline", timeout=30).json()
    page = httpx.get(site + "/api/events", params={"a": "IND", "b": "TUR", "collapse": "event",
                                                   "since": "2025-02-01", "until": "2025-02-28"},
                     timeout=30).json()
    february = next(p for p in timeline["periods"] if p["period"] == "2025-02-01")
    assert page["total"] == february["events"] and page["collapse"] == "event"
    assert page["events"][0]["reports"] == 1 and page["events"][0]["duplicate_of"] is None


@pytest.mark.parametrize("path", ["/api/events/export", "/api/events", "/api/locations",
                                  "/api/alerts", "/api/dyads", "/api/events/grouped"])
def test_an_empty_csv_keeps_its_header(site: str, path: str) -> None:
    res = httpx.get(site + path, params={"format": "csv", "since": "2040-01-01"}, timeout=30)
    assert res.status_code == 200
    lines = res.text.splitlines()
    assert len(lines) == 1 and "empty" not in lines[0] and len(lines[0].split(",")) >= 3
