"""Schema v9: a database written before fatalities existed gets each stored event's deaths
from the casualty counts it kept (attributes.amounts), by the rule new events go through."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb

from eventwire.schema import Article
from eventwire.store.db import MIGRATIONS, SCHEMA_VERSION, EventStore, connect
from eventwire.when_where.amounts import amounts
from tests.conftest import make_event


def _v8_file(path: Path, source: Path) -> None:
    """A database as eventwire wrote it at schema v8, holding ``source``'s rows (without the
    v9 column)."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for version in range(1, 9):
        con.execute(MIGRATIONS[version])
        con.execute("INSERT INTO schema_version VALUES (?)", [version])
    con.execute(f"ATTACH '{source}' AS new (READ_ONLY)")
    con.execute("INSERT INTO articles SELECT * FROM new.articles")  # v8 has every column
    # the columns v8 has (later versions' columns left out)
    kept = ", ".join(r[0] for r in con.execute("DESCRIBE events").fetchall())
    con.execute(f"INSERT INTO events BY NAME SELECT {kept} FROM new.events")
    for table in ("monthly_counts", "monthly_pairs"):
        con.execute(f"INSERT INTO {table} SELECT * FROM new.{table}")
    con.execute("DETACH new")
    con.close()


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
    _v8_file(old, current)
    con = connect(old)  # migrates
    try:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() \
            == (SCHEMA_VERSION,)
        found = dict(con.execute("SELECT id, fatalities FROM events").fetchall())
    finally:
        con.close()
    assert found == {"e-1": 30, "e-2": None, "e-3": None}
