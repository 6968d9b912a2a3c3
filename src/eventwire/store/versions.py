"""Which version of each article a batch output folder (``eventwire batch --out``) keeps.

Units are coded in parallel, so one id can reach two units in two versions. The rule is the one
``jobs.FirstVersion`` applies in a single process: the first version in input order (the order
of the run's plan) is kept, every later one is reported and left out. ``batch`` reports the
repeats when it finishes; ``load`` stores only the kept versions and their own events, so an
article never carries events that cite another version's text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

_UNIT = r"part-(\w+)\.parquet$"


def parts(folder: Path, table: str) -> list[str]:
    """The Parquet parts of one table of a batch output folder, in name order."""
    return [str(p) for p in sorted(folder.glob(f"{table}/pub_date=*/part-*.parquet"))]


def _plan(folder: Path) -> list[str]:
    plan = folder / "_plan.json"
    if not plan.exists():
        return []
    units: list[str] = json.loads(plan.read_text(encoding="utf-8")).get("units", [])
    return units


def open_versions(con: duckdb.DuckDBPyConnection, folder: Path) -> bool:
    """Temp tables ``incoming`` (the kept version of every article: the first in plan order)
    and ``repeats`` (each later version, with where the kept one came from). False when the
    folder holds no articles."""
    arts = parts(folder, "articles")
    if not arts:
        return False
    con.execute(f"""CREATE OR REPLACE TEMP TABLE versions AS
        SELECT * EXCLUDE (filename), regexp_extract(filename, '{_UNIT}', 1) AS unit_id,
               row_number() OVER (PARTITION BY id ORDER BY
                   coalesce(list_position(?, regexp_extract(filename, '{_UNIT}', 1)), 1 << 30),
                   filename, origin) AS version
        FROM read_parquet(?, hive_partitioning = false, filename = true)""", [_plan(folder), arts])
    con.execute("""CREATE OR REPLACE TEMP TABLE incoming AS
        SELECT * EXCLUDE (version) FROM versions WHERE version = 1""")
    con.execute("""CREATE OR REPLACE TEMP TABLE repeats AS
        SELECT v.origin, v.id, k.origin AS first, v.content_hash = k.content_hash AS same
        FROM versions v JOIN versions k ON k.id = v.id AND k.version = 1
        WHERE v.version > 1 ORDER BY v.origin""")
    con.execute("DROP TABLE versions")
    return True


def kept_events_sql(folder: Path) -> tuple[str, list[Any]]:
    """A query for the events of the kept versions (needs ``open_versions`` first)."""
    return (f"""SELECT e.* EXCLUDE (filename) FROM read_parquet(?, hive_partitioning = false,
                                                           filename = true) e
        JOIN incoming n ON n.id = e.article_id
                       AND n.unit_id = regexp_extract(e.filename, '{_UNIT}', 1)""",
            [parts(folder, "events")])


Repeat = tuple[str, str, str, bool]


def repeat_rows(con: duckdb.DuckDBPyConnection) -> list[Repeat]:
    """The ``repeats`` table ``open_versions`` made: (where, id, where the kept version came
    from, same content) for every later version of an id."""
    return [(str(r[0]), str(r[1]), str(r[2]), bool(r[3]))
            for r in con.execute("SELECT * FROM repeats").fetchall()]


def repeated_versions(folder: Path) -> list[Repeat]:
    """``repeat_rows`` of a batch output folder, read on a connection of its own."""
    con = duckdb.connect()
    try:
        return repeat_rows(con) if open_versions(con, folder) else []
    finally:
        con.close()
