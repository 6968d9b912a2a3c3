"""Schema v8: the codebook each article was coded under, a file written at v7 migrated, an
article coded under another codebook replaced, and a database of mixed codebooks told."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from eventwire.schema import Article
from eventwire.store.codebooks import codebooks, mixed_warning
from eventwire.store.db import SCHEMA_VERSION, EventStore, connect
from tests.conftest import make_event
from tests.store.older import older_file


def story(aid: str = "k1") -> Article:
    return Article(text="Valdoria criticized Kerovia, a made-up story.", id=aid,
                   date=date(2024, 3, 1))



def test_a_v7_file_is_migrated_and_its_articles_are_recoded_once(tmp_path: Path) -> None:
    current = tmp_path / "now.duckdb"
    with EventStore(current) as store:
        store.write([(story(), [make_event("k1")])], codebook="aaaa")
    old = tmp_path / "v7.duckdb"
    older_file(old, 7, current)
    con = duckdb.connect(str(old), read_only=True)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (7,)
    assert mixed_warning(con) is None  # not migrated: nothing recorded, nothing mixed
    con.close()
    con = connect(old)
    try:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() \
            == (SCHEMA_VERSION,)
        assert codebooks(con) == [(None, 1)]  # coded before codebooks were recorded
        assert con.execute("SELECT count(*) FROM events").fetchone() == (1,)
    finally:
        con.close()
    with EventStore(old) as store:
        again = store.write([(story(), [make_event("k1")])], codebook="aaaa")
        same = store.write([(story(), [make_event("k1")])], codebook="aaaa")
        assert (again.replaced, same.unchanged) == (1, 1)
        assert codebooks(store.con) == [("aaaa", 1)]


def test_another_codebook_replaces_and_a_mixed_database_is_told(tmp_path: Path) -> None:
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write([(story("k1"), [make_event("k1")]), (story("k2"), [make_event("k2")])],
                    codebook="aaaa")
        assert mixed_warning(store.con) is None
        result = store.write([(story("k1"), [make_event("k1")])], codebook="bbbb")
        assert result.replaced == 1 and store.coded_as(["k1"])["k1"][1] == "bbbb"
        assert codebooks(store.con) == [("aaaa", 1), ("bbbb", 1)]
        warning = mixed_warning(store.con)
        assert warning is not None and "1 under aaaa, 1 under bbbb" in warning
