"""The actor network for a period: countries as nodes, pairs as edges weighted by cooperation and
conflict."""

from __future__ import annotations

from datetime import date as Date
from typing import Any

import duckdb

from eventwire.analysis.counting import DYADIC, QUAD_COLUMNS, counted
from eventwire.analysis.dyads import _rows
from eventwire.store.queries import EventFilter


def network(con: duckdb.DuckDBPyConnection, since: Date | None = None, until: Date | None = None,
            min_events: int = 1, limit: int = 200, collapse: str = "event",
            scope: EventFilter | None = None) -> dict[str, Any]:
    """``{"nodes": [{"id", "events"}], "edges": [{"a", "b", "cooperation", "conflict", ...}]}``;
    edges are undirected and carry the quad counts and cooperation measures of the pair."""
    rows, params = counted(collapse, since, until, DYADIC, scope=scope, by_type=False)
    edges = _rows(con, f"""SELECT least(source_party, target_party) AS a,
               greatest(source_party, target_party) AS b, {QUAD_COLUMNS}
        FROM {rows} c GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, a, b LIMIT ?""",
                  [*params, max(1, int(min_events)), max(1, min(int(limit), 5000))])
    for e in edges:
        e["cooperation"] = e["verbal_coop"] + e["material_coop"]
        e["conflict"] = e["verbal_conflict"] + e["material_conflict"]
    degree: dict[str, int] = {}
    for e in edges:
        for side in (e["a"], e["b"]):
            degree[side] = degree.get(side, 0) + e["events"]
    nodes = [{"id": k, "events": v} for k, v in sorted(degree.items(), key=lambda kv: -kv[1])]
    return {"nodes": nodes, "edges": edges}
