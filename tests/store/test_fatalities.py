"""Schema v9: a database written before fatalities existed gets each stored event's deaths
from the casualty counts it kept (attributes.amounts), by the rule new events go through."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from eventwire.schema import Article
from eventwire.store.db import SCHEMA_VERSION, EventStore, connect
from eventwire.when_where.amounts import amounts
from tests.conftest import make_event
from tests.store.older import older_file


def test_a_v8_file_gets_the_fatalities_its_events_kept_counts_for(tmp_path: Path) -> None:
    said = {"e-1": "Shelling killed at least 30 people and wounded 80, a made-up report.",
            "e-2": "Police arrested 15 protesters, made up too.",
            "e-3": "Ministers met on Monday."}
    events = [replace(make_event("k1", start=n * 10), id=eid,
                      attributes={"amounts": amounts(text)} if amounts(text) else {})
              for n, (eid, text) in enumerate(said.items())]
    current = tmp_path / "now.duckdb"
    with EventStore(current) as store:
        store.write([(Article(text=" ".join(said.values()), id="k1", date=date(2025, 5, 1)),
                      events)])
    old = tmp_path / "v8.duckdb"
    older_file(old, 8, current, rollup=True)
    con = connect(old)  # migrates
    try:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() \
            == (SCHEMA_VERSION,)
        found = dict(con.execute("SELECT id, fatalities FROM events").fetchall())
    finally:
        con.close()
    assert found == {"e-1": 30, "e-2": None, "e-3": None}
