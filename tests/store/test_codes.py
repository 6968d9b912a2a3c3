"""Schema v6: a database written before actor codes existed gets every actor's CAMEO code and
party on open, and its rollup is counted by party, as a database written now would be."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb

from eventwire.schema import Actor, Article
from eventwire.store.db import SCHEMA_VERSION, EventStore, connect
from tests.conftest import make_event
from tests.store.older import older_file

NEW = ("source_code", "target_code", "source_party", "target_party")


def _records() -> list[tuple[Article, list]]:
    """Made-up events: a country pair, a bloc (no country), an armed group, a NATO head."""
    eu = Actor("The EU", 0, 6, None, "IGO", "EUR")
    hamas = Actor("Hamas", 0, 5, "PSE", "REB", "Hamas")
    rutte = Actor("Mark Rutte", 0, 10, None, "IGO", "Mark Rutte")
    russia = Actor("Russia", 20, 26, "RUS", None)
    kosovo_army = Actor("Kosovo troops", 30, 43, "XKX", "MIL")
    one = make_event("m1", "SANCTION", None, None, date(2024, 3, 4), 4, -8.0)
    items = [
        (Article(text="India criticized Turkey, a made-up story.", id="m0", date=date(2024, 3, 1)),
         [make_event("m0", day=date(2024, 3, 1))]),
        (Article(text="The EU sanctioned Russia, made up for this test.", id="m1",
                 date=date(2024, 3, 4)),
         [replace(one, source=eu, target=russia, id="e-m1"),
          replace(one, source=rutte, target=russia, id="e-m1b", type="ACCUSE", quad=3)]),
        (Article(text="Hamas attacked Kosovo troops, made up too.", id="m2", date=date(2024, 4, 9)),
         [replace(one, article_id="m2", source=hamas, target=kosovo_army, id="e-m2",
                  type="ASSAULT", date=date(2024, 4, 9))]),
    ]
    return items



def _codes(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(f"SELECT id, {', '.join(NEW)} FROM events ORDER BY id").fetchall()


def _rollup(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return sorted(con.execute("SELECT * FROM monthly_counts").fetchall(), key=str) + \
        sorted(con.execute("SELECT * FROM monthly_pairs").fetchall(), key=str)


def test_a_v5_file_gets_codes_parties_and_a_party_rollup_on_open(tmp_path: Path) -> None:
    current = tmp_path / "now.duckdb"
    with EventStore(current) as store:
        store.write(_records())
        expected_codes, expected_rollup = _codes(store.con), _rollup(store.con)
    old = tmp_path / "v5.duckdb"
    older_file(old, 5, current)
    before = duckdb.connect(str(old), read_only=True)
    assert before.execute("SELECT max(version) FROM schema_version").fetchone() == (5,)
    before.close()

    con = connect(old)  # migrates
    try:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() \
            == (SCHEMA_VERSION,)
        found = {row[0]: row[1:] for row in _codes(con)}
        assert _codes(con) == expected_codes
        assert _rollup(con) == expected_rollup and expected_rollup
    finally:
        con.close()
    # the codes themselves, from the tables' code columns
    assert found["e-m1"] == ("IGOEUREEC", "RUS", "IGOEUREEC", "RUS")  # Russia: no sector
    assert found["e-m1b"][0] == "IGOWSTNAT" and found["e-m1b"][2] == "IGOWSTNAT"
    assert found["e-m2"] == ("PSEREBHMS", "KSVMIL", "PSE", "XKX")
    india = next(v for k, v in found.items() if k not in ("e-m1", "e-m1b", "e-m2"))
    assert india == ("INDGOV", "TUR", "IND", "TUR")


def test_migration_with_no_events_only_adds_the_columns(tmp_path: Path) -> None:
    empty = tmp_path / "empty.duckdb"
    with EventStore(empty):
        pass
    old = tmp_path / "v5.duckdb"
    older_file(old, 5, empty)
    con = connect(old)
    try:
        columns = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
        assert set(NEW) <= columns
        assert con.execute("SELECT count(*) FROM monthly_pairs").fetchone() == (0,)
    finally:
        con.close()
