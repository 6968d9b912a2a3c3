"""Dates with their precision through a real uvicorn: the event list, its CSV, grouped
events and a pair's timeline, which draws no coarse date on a made-up day and says how many
it left out."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import httpx
import pytest

from eventwire.schema import Article
from eventwire.store.db import EventStore
from tests.conftest import make_event
from tests.server import running_server


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("precision") / "p.duckdb"
    # three stories (unlike texts: no one is a syndicated copy of another)
    made = [("d1", date(2019, 3, 5), "day", "On 5 March 2019 India and Pakistan met."),
            ("m1", date(2019, 3, 1), "month", "Talks were held in March 2019, officials say."),
            ("y1", date(2019, 1, 1), "year", "Delhi and Islamabad spoke often in 2019.")]
    with EventStore(path) as store:
        store.write([(Article(text=text, id=aid, date=date(2025, 10, 21)),
                      [replace(make_event(aid, "CONSULT", "IND", "PAK", day, 1, 4.0),
                               date_precision=precision)])  # type: ignore[arg-type]
                     for aid, day, precision, text in made])
    with running_server(path) as url:
        yield url


def test_events_carry_their_precision(site: str) -> None:
    page = httpx.get(f"{site}/api/events", params={"limit": 10}).json()
    assert {(e["article_id"], e["date"], e["date_precision"]) for e in page["events"]} == {
        ("d1", "2019-03-05", "day"), ("m1", "2019-03-01", "month"),
        ("y1", "2019-01-01", "year")}
    rows = list(csv.DictReader(io.StringIO(
        httpx.get(f"{site}/api/events", params={"format": "csv"}).text)))
    assert {r["article_id"]: r["date_precision"] for r in rows} == \
        {"d1": "day", "m1": "month", "y1": "year"}
    grouped = httpx.get(f"{site}/api/events/grouped").json()
    assert sorted(g["date_precision"] for g in grouped) == ["day", "month", "year"]


def test_the_timeline_leaves_coarse_dates_out_and_counts_them(site: str) -> None:
    def get(interval: str) -> dict:
        found = httpx.get(f"{site}/api/dyads/IND/PAK/timeline",
                          params={"interval": interval})
        assert found.status_code == 200, found.text
        return dict(found.json())

    daily = get("day")
    assert [(p["period"], p["events"]) for p in daily["periods"]] == [("2019-03-05", 1)]
    assert daily["unplaced"] == 2
    monthly = get("month")
    assert [(p["period"], p["events"]) for p in monthly["periods"]] == [("2019-03-01", 2)]
    assert monthly["unplaced"] == 1
    yearly = get("year")
    assert [(p["period"], p["events"]) for p in yearly["periods"]] == [("2019-01-01", 3)]
    assert yearly["unplaced"] == 0
    spec = httpx.get(f"{site}/api/charts/timeline",
                     params={"pair": "IND,PAK", "interval": "day"}).json()
    assert "2 events dated too coarsely for days not drawn" in str(spec)
