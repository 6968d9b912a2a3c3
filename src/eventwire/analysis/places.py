"""Where events happened: places with their coordinates and counts (the dashboard's map),
counted as every other view counts (``store.counted``): in ``collapse=event`` a syndicated copy
or a repeated report adds nothing to its place. Only the places sentences name as the act's
count by default: a dateline says where a story was filed ("SEOUL - North Korea fired a
missile into the sea" did not happen in Seoul); ``role`` asks for those, or both, each place
row saying which it is."""

from __future__ import annotations

from dataclasses import replace
from datetime import date as Date
from typing import Any

import duckdb

from eventwire.analysis.dyads import _rows
from eventwire.store.counted import counted_events_sql
from eventwire.store.queries import PLACE_ROLES, EventFilter, QueryError


def event_places(con: duckdb.DuckDBPyConnection, since: Date | None = None,
                 until: Date | None = None, limit: int = 2000,
                 scope: EventFilter | None = None, collapse: str = "event",
                 role: str = "event") -> list[dict[str, Any]]:
    """Each place with coordinates, in the ``role`` asked (``event``, ``dateline`` or
    ``any``: an event place and a dateline of one name are two rows): its counted events,
    how many of them are conflictual, its role and precision."""
    if role not in PLACE_ROLES:
        raise QueryError(f"role must be one of {', '.join(PLACE_ROLES)}")
    flt = replace(scope or EventFilter(), since=since, until=until, include_negated=False)
    rows, params = counted_events_sql(flt, collapse)
    which = "TRUE" if role == "any" else "location_role = ?"
    return _rows(con, f"""SELECT location_name AS name, location_country AS country,
            any_value(location_lat) AS lat, any_value(location_lon) AS lon,
            count(*) AS events, count(*) FILTER (WHERE quad >= 3) AS conflict,
            location_role AS role, any_value(location_precision) AS precision
        FROM {rows} c WHERE location_lat IS NOT NULL AND {which} GROUP BY 1, 2, role
        ORDER BY events DESC, name, role LIMIT ?""",
                 [*params, *([] if role == "any" else [role]), max(1, min(int(limit), 10_000))])
