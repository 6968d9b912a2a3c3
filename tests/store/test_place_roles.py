"""Schema v10: a database written before place roles existed gets each located event's role
(dateline or event, from the place source it kept) and precision on open, as the coder gives
them now."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb

from eventwire.schema import Article, Event, Location
from eventwire.store.db import SCHEMA_VERSION, EventStore, connect
from tests.conftest import make_event
from tests.store.older import older_file

NEW = ("location_role", "location_precision")
#: (place source the coder recorded, the location, its role and precision)
CASES = [
    ("dateline", Location("Seoul", "KOR", 37.57, 126.98, "dateline", "city")),
    ("clause", Location("Beijing", "CHN", 39.91, 116.40, "event", "city")),
    ("clause", Location("North Waziristan", "PAK", None, None, "event", "region")),
    ("sentence", Location("Pakistan", "PAK", 33.72, 73.04, "event", "country")),
    ("dateline", Location("Pakistan", "PAK", 33.72, 73.04, "dateline", "country")),
    (None, None),
]


def _records() -> list[tuple[Article, list[Event]]]:
    events = []
    for n, (source, place) in enumerate(CASES):
        e = make_event("g1", "ASSAULT", "PRK", None, date(2025, 10, 21), 4, -9.0, start=10 * n)
        events.append(replace(e, location=place,
                              attributes={"place_source": source} if source else {}))
    return [(Article(text="A made-up story about places, filed far from them.", id="g1",
                     date=date(2025, 10, 21)), events)]



def _places(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(f"""SELECT location_name, {', '.join(NEW)} FROM events
        ORDER BY trigger_start""").fetchall()


def test_a_v9_file_gets_place_roles_and_precisions_on_open(tmp_path: Path) -> None:
    now = tmp_path / "now.duckdb"
    with EventStore(now) as store:
        store.write(_records())
        expected = _places(store.con)
    assert expected == [(p.name, p.role, p.precision) if p else (None, None, None)
                        for _, p in CASES]
    old = tmp_path / "v9.duckdb"
    older_file(old, 9, now, rollup=True)
    check = duckdb.connect(str(old), read_only=True)
    assert check.execute("SELECT max(version) FROM schema_version").fetchone() == (9,)
    check.close()
    con = connect(old)  # migrates
    try:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() \
            == (SCHEMA_VERSION,)
        assert _places(con) == expected
    finally:
        con.close()
