"""Places with their role through a real uvicorn: the map and /api/locations count the
places where acts happened; datelines (where stories were filed) only on request, apart."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import httpx
import pytest

from eventwire.schema import Article, Location
from eventwire.store.db import EventStore
from tests.conftest import make_event
from tests.server import running_server

SEOUL = Location("Seoul", "KOR", 37.57, 126.98, "dateline", "city")
BEIJING = Location("Beijing", "CHN", 39.91, 116.40, "event", "city")
SEOUL_ACT = replace(SEOUL, role="event")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("places") / "p.duckdb"
    # (id, place, day, text): one event each, on different days (no two are reports of one)
    made = [("s1", SEOUL, 1, "North Korea fired a missile into the sea, filed from Seoul."),
            ("s2", SEOUL, 2, "Pyongyang threatened Tokyo again, another made-up dispatch."),
            ("b1", BEIJING, 3, "Chinese and North Korean officials met in Beijing, made up."),
            # a second report of b1's event, filed in Seoul: the event is counted once, at
            # the place of the act, though this report comes first by id
            ("a0", SEOUL, 3, "Officials of China and the North met, a Seoul dispatch says."),
            ("s3", SEOUL_ACT, 4, "Protesters marched in Seoul against the launches, made up.")]
    with EventStore(path) as store:
        store.write([(Article(text=text, id=aid, date=date(2025, 10, day)),
                      [replace(make_event(aid, "THREATEN", "PRK", "KOR", date(2025, 10, day),
                                          3, -4.0), location=place)])
                     for aid, place, day, text in made])
    with running_server(path) as url:
        yield url


def _places(site: str, **params: str) -> set[tuple]:
    found = httpx.get(f"{site}/api/locations", params=params)
    assert found.status_code == 200, found.text
    return {(p["name"], p["role"], p["precision"], p["events"]) for p in found.json()}


def test_the_map_counts_event_places_and_datelines_only_on_request(site: str) -> None:
    assert _places(site) == {("Beijing", "event", "city", 1), ("Seoul", "event", "city", 1)}
    assert _places(site, place_role="dateline") == {("Seoul", "dateline", "city", 2)}
    assert _places(site, place_role="any") == {
        ("Beijing", "event", "city", 1), ("Seoul", "event", "city", 1),
        ("Seoul", "dateline", "city", 2)}
    spec = httpx.get(f"{site}/api/charts/map").json()
    assert spec["description"].startswith("Where events happened: 2 places with 2 events")
    rows = list(csv.DictReader(io.StringIO(
        httpx.get(f"{site}/api/locations", params={"format": "csv"}).text)))
    assert {(r["name"], r["role"]) for r in rows} == {("Beijing", "event"), ("Seoul", "event")}
    assert httpx.get(f"{site}/api/locations", params={"place_role": "x"}).status_code == 422


def test_a_place_opens_the_events_it_counts(site: str) -> None:
    def ids(**params: str) -> set[str]:
        page = httpx.get(f"{site}/api/events", params={"location": "Seoul", **params}).json()
        return {e["article_id"] for e in page["events"]}

    assert ids() == {"s3"}  # what the map's Seoul counts
    assert ids(place_role="dateline") == {"s1", "s2", "a0"}  # every report (collapse=none)
    assert ids(place_role="any") == {"s1", "s2", "s3", "a0"}
    event = httpx.get(f"{site}/api/events", params={"article_id": "s1"}).json()["events"][0]
    assert event["location"]["role"] == "dateline" and event["location"]["precision"] == "city"
