"""Where events happened: places with their coordinates and counts (the dashboard's map),
counted as every other view counts (``store.counted``): in ``collapse=event`` a syndicated copy
or a repeated report adds nothing to its place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date as Date
from typing import Any

import duckdb

from eventwire.analysis.dyads import _rows
from eventwire.store.counted import counted_events_sql
from eventwire.store.queries import EventFilter


def event_places(con: duckdb.DuckDBPyConnection, since: Date | None = None,
                 until: Date | None = None, limit: int = 2000,
                 scope: EventFilter | None = None, collapse: str = "event") -> list[dict[str, Any]]:
    """Each place with coordinates: its counted events, and how many of them are conflictual."""
    flt = replace(scope or EventFilter(), since=since, until=until, include_negated=False)
    rows, params = counted_events_sql(flt, collapse)
    return _rows(con, f"""SELECT location_name AS name, location_country AS country,
            any_value(location_lat) AS lat, any_value(location_lon) AS lon,
            count(*) AS events, count(*) FILTER (WHERE quad >= 3) AS conflict
        FROM {rows} c WHERE location_lat IS NOT NULL GROUP BY 1, 2
        ORDER BY events DESC, name LIMIT ?""", [*params, max(1, min(int(limit), 10_000))])
