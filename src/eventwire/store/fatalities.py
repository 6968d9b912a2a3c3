"""Schema v8's fill: the fatalities of events stored before the column existed, from the
casualty counts each kept (``attributes.amounts``), by the rule new events go through
(``when_where.amounts.fatalities``)."""

from __future__ import annotations

import json

import duckdb
import pandas as pd

from eventwire.when_where.amounts import fatalities


def fill_fatalities(con: duckdb.DuckDBPyConnection) -> None:
    """Set ``fatalities`` on rows that kept a count of people killed; call it inside the
    migration's transaction."""
    found = con.execute("""SELECT id, article_id, attributes->'amounts' FROM events
        WHERE fatalities IS NULL AND (attributes->'amounts') IS NOT NULL""").fetchall()
    rows = []
    for event_id, article_id, kept in found:
        items = json.loads(kept) if isinstance(kept, str) else kept
        killed = fatalities(items if isinstance(items, list) else [])
        if killed is not None:
            rows.append({"id": event_id, "article_id": article_id, "killed": killed})
    if rows:
        deaths = pd.DataFrame(rows, columns=["id", "article_id", "killed"])  # noqa: F841
        con.execute("""UPDATE events SET fatalities = k.killed FROM deaths k
            WHERE events.id = k.id AND events.article_id = k.article_id""")
