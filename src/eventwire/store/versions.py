"""Which version of each article a batch output folder (``eventwire batch --out``) keeps.

Units are coded in parallel, so one id can reach two units in two versions. The rule is the one
``jobs.FirstVersion`` applies in a single process: the first version in input order (the order
of the run's plan) is kept, every later one is reported and left out. ``batch`` settles the
repeats when it finishes (``settle_repeats``): it records them in ``_repeats.jsonl`` and then
removes them, with their events, from their units' Parquet parts, so a reader of the folder
(DuckDB's ``read_parquet``, pandas) sees one version per id. ``load`` stores only the kept
versions and their own events either way, so an article never carries events that cite another
version's text.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

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
        SELECT v.origin, v.id, k.origin AS first, v.content_hash = k.content_hash AS same,
               v.unit_id
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
            for r in con.execute("SELECT origin, id, first, same FROM repeats").fetchall()]


RECORD = "_repeats.jsonl"


def recorded_repeats(folder: Path) -> list[dict[str, Any]]:
    """The repeats ``settle_repeats`` took out of the folder's Parquet, in ``origin`` order:
    ``{"document", "id", "first", "same", "unit", "events"}`` (events: how many went with it)."""
    record = folder / RECORD
    if not record.exists():
        return []
    return [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]


def settle_repeats(folder: Path) -> list[dict[str, Any]]:
    """Take every later version of a repeated id, and its events, out of the folder's Parquet;
    returns all the repeats taken out so far (``recorded_repeats``).

    They are recorded before any part is rewritten, and each part is replaced atomically, so a
    run killed half-way through settles the rest when run again, with the same result."""
    con = duckdb.connect()
    try:
        found = [] if not open_versions(con, folder) else con.execute(
            "SELECT origin, id, first, same, unit_id FROM repeats").fetchall()
    finally:
        con.close()
    known = recorded_repeats(folder)
    seen = {(r["unit"], r["id"]) for r in known}
    new = [{"document": str(o), "id": str(i), "first": str(f), "same": bool(s), "unit": str(u),
            "events": _count(folder, "events", "article_id", str(u), {str(i)})}
           for o, i, f, s, u in found if (str(u), str(i)) not in seen]
    if not new and not found:
        return known
    merged = sorted(known + new, key=lambda r: (r["document"], r["unit"]))
    tmp = folder / f"{RECORD}.tmp"
    tmp.write_text("".join(json.dumps(r) + "\n" for r in merged), encoding="utf-8")
    os.replace(tmp, folder / RECORD)
    by_unit: dict[str, set[str]] = {}
    for _, aid, _, _, unit in found:
        by_unit.setdefault(str(unit), set()).add(str(aid))
    for unit, ids in sorted(by_unit.items()):
        for table, key in (("articles", "id"), ("events", "article_id")):
            _drop_rows(folder, table, key, unit, ids)
    return merged


def _unit_parts(folder: Path, table: str, unit: str) -> list[Path]:
    return sorted(folder.glob(f"{table}/pub_date=*/part-{unit}.parquet"))


def _count(folder: Path, table: str, key: str, unit: str, ids: set[str]) -> int:
    return sum(pc.sum(pc.is_in(pq.ParquetFile(p).read(columns=[key])[key],
                               value_set=_ids(ids))).as_py() or 0
               for p in _unit_parts(folder, table, unit))


def _ids(ids: set[str]) -> pa.Array:
    return pa.array(sorted(ids), type=pa.string())


def _drop_rows(folder: Path, table: str, key: str, unit: str, ids: set[str]) -> None:
    """Rewrite a unit's parts of ``table`` without the rows whose ``key`` is in ``ids``."""
    for part in _unit_parts(folder, table, unit):
        rows = pq.ParquetFile(part).read()
        keep = rows.filter(pc.invert(pc.is_in(rows[key], value_set=_ids(ids))))
        if keep.num_rows == rows.num_rows:
            continue
        if keep.num_rows == 0:
            part.unlink()
            continue
        tmp = part.with_name(f".{part.name}.tmp")
        pq.write_table(keep, tmp, compression="zstd")
        os.replace(tmp, part)
