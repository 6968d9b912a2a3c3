"""Each party's relations in one row (a country, or an intergovernmental body such as the EU):
its events as source or target, cooperative and conflictual (the map's shading, the pair
picker's list and the country view)."""

from __future__ import annotations

from datetime import date as Date
from typing import Any

import duckdb

from eventwire.actors.countries import iso_numeric
from eventwire.actors.parties import party_kind, party_label
from eventwire.analysis.counting import QUAD_COLUMNS, counted
from eventwire.analysis.dyads import _rows
from eventwire.store.queries import EventFilter


def country_totals(con: duckdb.DuckDBPyConnection, since: Date | None = None,
                   until: Date | None = None, collapse: str = "event",
                   scope: EventFilter | None = None) -> list[dict[str, Any]]:
    """Per party (a country or a body, as either side; an event within one counts once): the
    quad counts and cooperation measures, its name, kind and ISO numeric code (a country's),
    busiest first."""
    rows, params = counted(collapse, since, until,
                           "source_party IS NOT NULL OR target_party IS NOT NULL",
                           scope=scope, by_type=False)
    found = _rows(con, f"""WITH c AS (SELECT * FROM {rows} c0),
        sides AS (SELECT source_party AS code, quad, weight, score FROM c
                  WHERE source_party IS NOT NULL
                  UNION ALL
                  SELECT target_party, quad, weight, score FROM c
                  WHERE target_party IS NOT NULL
                    AND target_party IS DISTINCT FROM source_party)
        SELECT code, {QUAD_COLUMNS} FROM sides GROUP BY code ORDER BY events DESC, code""",
                  params)
    for row in found:
        row["name"] = party_label(row["code"])
        row["kind"] = party_kind(row["code"])
        row["numeric"] = iso_numeric(row["code"]) if row["kind"] == "country" else None
        row["cooperation"] = row["verbal_coop"] + row["material_coop"]
        row["conflict"] = row["verbal_conflict"] + row["material_conflict"]
    return found
