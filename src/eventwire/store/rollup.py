"""The monthly rollup: counted events (repeated reports of one event once, syndicated copies
not at all, denials never) added up per month, pair, type and quad class.

Relation views over a large file read it instead of every event (``analysis.counting``): the top
pairs of ten million events come from a few hundred thousand rows. Each write recounts the
months it touched, inside its own transaction, so the rollup is never behind the events.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Any

import duckdb

#: Condition for events that count: not denied, not in a syndicated copy.
COUNTED_WHERE = ("NOT negated AND article_id NOT IN "
                 "(SELECT id FROM articles WHERE duplicate_of IS NOT NULL)")
_SOURCE_KEY = "coalesce(source_party, '?' || lower(source_text))"
_TARGET_KEY = "coalesce(target_party, '?' || lower(target_text))"


def collapsed_sql(where: str) -> str:
    """Repeated reports of one event (same day and date precision, source, target, sectors
    and type) as one row, over the events matching ``where`` (which must include
    ``COUNTED_WHERE``)."""
    return (f"(SELECT date, date_precision, any_value(source_party) AS source_party, "
            f"any_value(target_party) AS target_party, type, any_value(quad) AS quad, "
            f"any_value(cameo) AS cameo, avg(intensity) AS intensity, count(*) AS reports, "
            f"min(article_id) AS article_id FROM events e WHERE {where} "
            f"GROUP BY date, date_precision, {_SOURCE_KEY}, source_sector, {_TARGET_KEY}, "
            f"target_sector, type)")


#: The last day of the period an event's date stands for (``date_precision``: the stored date
#: is the period's first day).
PERIOD_END = ("(CASE date_precision WHEN 'week' THEN date + 6 "
              "WHEN 'month' THEN (date + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE "
              "WHEN 'year' THEN (date + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE ELSE date END)")


def placed_in(interval: str) -> str:
    """Condition for events whose whole date period lies in one period of ``interval`` (day,
    week, month, quarter, year): only those can be drawn in a series by that interval without
    making up a day ("March 2019" is in no one day or week, but in one month and one year)."""
    return f"date_trunc('{interval}', date) = date_trunc('{interval}', {PERIOD_END})"


#: Events the monthly rollup counts: dated, and to a period inside one month (a week across
#: two months, or a year, is read from the events themselves: ``analysis.counting``).
IN_A_MONTH = placed_in("month")


def months_of(con: duckdb.DuckDBPyConnection, articles: list[str] | str) -> list[Date]:
    """The months in which these articles' events fall: a list of ids, or a query that
    selects them (a batch load's table of a million ids)."""
    if not articles:
        return []
    which, params = (("article_id IN (" + articles + ")", []) if isinstance(articles, str)
                     else ("list_contains(?, article_id)", [articles]))
    rows = con.execute(f"""SELECT DISTINCT date_trunc('month', date)::DATE FROM events
        WHERE {which} AND date IS NOT NULL""", params).fetchall()
    return [r[0] for r in rows]


def refresh(con: duckdb.DuckDBPyConnection, months: list[Date] | None = None) -> None:
    """Recount these months (None: every month) from the events; call it inside the writer's
    transaction, after the events and the syndicated-copy marks are written."""
    if months is not None and not months:
        return
    if months is None:  # the rollups' month column, and the events' date, in these months
        these, dated, params = "TRUE", "TRUE", []
    else:
        these = "month IN (SELECT unnest(?::DATE[]))"
        dated = "date_trunc('month', date)::DATE IN (SELECT unnest(?::DATE[]))"
        params = [months]
    for table in ("monthly_counts", "monthly_pairs"):
        con.execute(f"DELETE FROM {table} WHERE {these}", params)
    rows = collapsed_sql(f"{COUNTED_WHERE} AND date IS NOT NULL AND {IN_A_MONTH} AND {dated}")
    con.execute(f"""INSERT INTO monthly_counts
        SELECT date_trunc('month', date)::DATE, source_party, target_party, type, quad,
               count(*), sum(intensity)
        FROM {rows} c
        WHERE source_party IS NOT NULL OR target_party IS NOT NULL
        GROUP BY ALL""", params)
    con.execute(f"""INSERT INTO monthly_pairs
        SELECT month, source_party, target_party, quad, sum(events), sum(score)
        FROM monthly_counts WHERE {these} GROUP BY ALL""", params)


def within(column: str, first: Date | None, end: Date | None) -> tuple[str, list[Any]]:
    """``column`` in [first, end) as SQL and its parameters (a None bound is open): the span
    of whole months the rollups serve, and its complement the events serve."""
    clauses: list[str] = []
    params: list[Any] = []
    if first is not None:
        clauses.append(f"{column} >= ?")
        params.append(first)
    if end is not None:
        clauses.append(f"{column} < ?")
        params.append(end)
    return " AND ".join(clauses) or "TRUE", params


def rollup_sql(where: str, first: Date | None, end: Date | None,
               by_type: bool = True) -> tuple[str, list[Any]]:
    """Rollup rows in the shape of counted rows, for the months in [first, end) (first days of
    months), with ``where`` over the pair, type and quad columns. ``by_type=False``: from the
    rollup without types (``type`` is NULL), for views that neither split nor filter by type."""
    span, params = within("month", first, end)
    kind, table = ("type", "monthly_counts") if by_type else ("NULL::VARCHAR", "monthly_pairs")
    return (f"(SELECT month AS date, source_party, target_party, {kind} AS type, quad, "
            f"NULL::VARCHAR AS cameo, score / events AS intensity, events AS reports, "
            f"NULL::VARCHAR AS article_id, events AS weight, score "
            f"FROM {table} WHERE ({where}) AND {span})"), params
