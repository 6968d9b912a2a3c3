from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.schema import Article
from eventwire.store.db import SCHEMA_VERSION, EventStore
from tests.conftest import make_event


def art(text: str = "India criticized Turkey.", aid: str = "a1") -> Article:
    return Article(text=text, id=aid, date=date(2025, 5, 1))


def counts(path: Path) -> tuple[int, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return (con.execute("SELECT count(*) FROM articles").fetchone()[0],
                con.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        con.close()


def test_schema_is_versioned_and_reopening_does_not_migrate_twice(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    EventStore(db).close()
    EventStore(db).close()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    con.close()


def test_reingest_is_a_noop_and_a_changed_article_replaces_its_events(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    with EventStore(db) as store:
        r1 = store.write([(art(), [make_event(start=0), make_event(start=30)])])
        r2 = store.write([(art(), [make_event(start=0), make_event(start=30)])])
        changed = art("India criticized Turkey again.")
        r3 = store.write([(changed, [make_event(start=7)])])
    assert (r1.added, r2.unchanged, r3.replaced) == (1, 1, 1)
    assert counts(db) == (1, 1)


def test_a_failed_batch_leaves_nothing_half_written(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "e.duckdb"
    with EventStore(db) as store:
        store.write([(art(aid="keep"), [make_event("keep")])])
        real = store._insert

        def fail_on_events(table, rows):
            if table == "events":
                raise RuntimeError("disk full")
            real(table, rows)

        monkeypatch.setattr(store, "_insert", fail_on_events)
        with pytest.raises(RuntimeError):
            store.write([(art(aid="new"), [make_event("new")])])
    assert counts(db) == (1, 1)
