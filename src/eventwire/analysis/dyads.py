"""Dyads: the most active country pairs and one pair's relations over time."""

from __future__ import annotations

from datetime import date as Date
from typing import Any

import duckdb

from eventwire.analysis.counting import DYADIC, QUAD_COLUMNS, counted, pair_condition

INTERVALS = ("day", "week", "month", "quarter", "year")


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    rel = con.execute(sql, params)
    cols = [d[0] for d in rel.description]
    return [dict(zip(cols, row, strict=True)) for row in rel.fetchall()]


def top_dyads(con: duckdb.DuckDBPyConnection, since: Date | None = None,
              until: Date | None = None, limit: int = 10, directed: bool = False,
              collapse: str = "event") -> list[dict[str, Any]]:
    """The most active country pairs, with counts per quad class and the cooperation measures."""
    rows, params = counted(collapse, since, until, DYADIC)
    a, b = (("source_country", "target_country") if directed else
            ("least(source_country, target_country)", "greatest(source_country, target_country)"))
    sql = f"""SELECT {a} AS a, {b} AS b, {QUAD_COLUMNS}
        FROM {rows} c GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?"""
    return _rows(con, sql, [*params, max(1, min(int(limit), 10_000))])


def timeline(con: duckdb.DuckDBPyConnection, a: str, b: str, interval: str = "month",
             since: Date | None = None, until: Date | None = None, directed: bool = False,
             collapse: str = "event") -> list[dict[str, Any]]:
    """A pair's relations by period: counts per quad class and per type, summed intensity, the
    net cooperation index. Undirected by default; ``directed`` counts only a -> b."""
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}")
    pair, pair_params = pair_condition(a, b, directed)
    rows, params = counted(collapse, since, until, f"{pair} AND date IS NOT NULL", pair_params)
    sql = f"""SELECT date_trunc('{interval}', date)::DATE AS period, {QUAD_COLUMNS}
        FROM {rows} c GROUP BY 1 ORDER BY 1"""
    out = _rows(con, sql, params)
    by_type = _rows(con, f"""SELECT date_trunc('{interval}', date)::DATE AS period, type,
               count(*) AS n FROM {rows} c GROUP BY 1, 2 ORDER BY 1, 2""", params)
    types: dict[Date, dict[str, int]] = {}
    for r in by_type:
        types.setdefault(r["period"], {})[r["type"]] = r["n"]
    for row in out:
        row["types"] = types.get(row["period"], {})
    return out
