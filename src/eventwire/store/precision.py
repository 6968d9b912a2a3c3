"""Schema v7's fill: the date precision of events stored before it existed, from the date
expression each kept (``attributes.date_text``), read again by the resolver new events go
through (``when_where.dates``); an event with no expression (the publication date) or whose
expression gives a day is a ``day``. A coarser event's date becomes its period's first day, as
a new event's is ("in March 2019" stored as 2019-03-21 becomes 2019-03-01)."""

from __future__ import annotations

import duckdb
import pandas as pd

from eventwire.when_where.dates import resolve_precise

#: The first day of the period of an event's date (a week's Monday: DuckDB's weeks are ISO's), in SQL.
PERIOD_START = ("CASE date_precision WHEN 'week' THEN date_trunc('week', date)::DATE "
                "WHEN 'month' THEN date_trunc('month', date)::DATE "
                "WHEN 'year' THEN date_trunc('year', date)::DATE ELSE date END")

_READ = ("e.date IS NOT NULL AND e.date_precision IS NULL "
         "AND e.date_source IN ('explicit', 'relative') "
         "AND e.attributes->>'date_text' IS NOT NULL")


def fill_precision(con: duckdb.DuckDBPyConnection) -> None:
    """Set ``date_precision`` (and move a coarser date to its period's first day) on dated
    rows that have none; call it inside the migration's transaction. Each distinct expression
    and article date is resolved once."""
    found = con.execute(f"""SELECT DISTINCT e.attributes->>'date_text', a.date
        FROM events e JOIN articles a ON a.id = e.article_id WHERE {_READ}""").fetchall()
    rows = []
    for text, published in found:
        resolved = resolve_precise(text, published)
        if resolved is not None and resolved[2] != "day":
            rows.append({"text": text, "published": published, "precision": resolved[2]})
    if rows:
        coarse = pd.DataFrame(rows, columns=["text", "published", "precision"])  # noqa: F841
        con.execute(f"""UPDATE events SET date_precision = c.precision
            FROM (SELECT e.id, e.article_id, c.precision FROM events e
                  JOIN articles a ON a.id = e.article_id
                  JOIN coarse c ON c.text = e.attributes->>'date_text'
                               AND c.published IS NOT DISTINCT FROM a.date
                  WHERE {_READ}) c
            WHERE events.id = c.id AND events.article_id = c.article_id""")
        con.execute(f"""UPDATE events SET date = {PERIOD_START}
            WHERE date_precision IN ('week', 'month', 'year')""")
    con.execute("""UPDATE events SET date_precision = 'day'
        WHERE date IS NOT NULL AND date_precision IS NULL""")
