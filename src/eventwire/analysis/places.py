"""Where events happened: places with their coordinates and counts (the dashboard's map)."""

from __future__ import annotations

from datetime import date as Date
from typing import Any

import duckdb

from eventwire.analysis.dyads import _rows
from eventwire.store.queries import EventFilter, date_range


def event_places(con: duckdb.DuckDBPyConnection, since: Date | None = None,
                 until: Date | None = None, limit: int = 2000,
                 scope: EventFilter | None = None) -> list[dict[str, Any]]:
    """Each place with coordinates: its events, and how many of them are conflictual."""
    dates, params = date_range(since, until)
    scoped, scope_params = (scope or EventFilter()).where()
    params = [*scope_params, *params]
    where = " AND ".join(["location_lat IS NOT NULL", f"({scoped})", *dates])
    return _rows(con, f"""SELECT location_name AS name, location_country AS country,
            any_value(location_lat) AS lat, any_value(location_lon) AS lon,
            count(*) AS events, count(*) FILTER (WHERE quad >= 3) AS conflict
        FROM events WHERE {where} GROUP BY 1, 2 ORDER BY events DESC, name LIMIT ?""",
                 [*params, max(1, min(int(limit), 10_000))])
