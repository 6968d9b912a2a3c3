"""Database files as an earlier eventwire wrote them, for the migration tests."""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.store.db import MIGRATIONS


def older_file(path: Path, version: int, source: Path, rollup: bool = False) -> None:
    """A database at schema ``version`` holding ``source``'s articles and events in the columns
    that version has (the later ones' left out); with ``rollup``, ``source``'s monthly counts
    too, copied as they are."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for v in range(1, version + 1):
        con.execute(MIGRATIONS[v])
        con.execute("INSERT INTO schema_version VALUES (?)", [v])
    con.execute(f"ATTACH '{source}' AS new (READ_ONLY)")
    for table in ("articles", "events"):
        kept = ", ".join(r[0] for r in con.execute(f"DESCRIBE {table}").fetchall())
        con.execute(f"INSERT INTO {table} BY NAME SELECT {kept} FROM new.{table}")
    for table in ("monthly_counts", "monthly_pairs") if rollup else ():
        con.execute(f"INSERT INTO {table} SELECT * FROM new.{table}")
    con.execute("DETACH new")
    con.close()
