"""What is counted: the rows every aggregation starts from.

``none``: every event. ``event`` (default): repeated reports of one event (same source, target,
type and day) collapse into one row that keeps the number of reports, and syndicated copies of an
article (``articles.duplicate_of``) add no new counts. ``strict``: Phoenix's one-a-day filter, one
row per (source country, target country, CAMEO root code, day).
"""

from __future__ import annotations

from datetime import date as Date
from typing import Any, Literal

from eventwire.store.queries import EventFilter, QueryError, country, date_range

Collapse = Literal["none", "event", "strict"]
COLLAPSE_MODES: tuple[str, ...] = ("none", "event", "strict")

_SOURCE_KEY = "coalesce(source_country, '?' || lower(source_text))"
_TARGET_KEY = "coalesce(target_country, '?' || lower(target_text))"


def counted(collapse: str, since: Date | None = None, until: Date | None = None,
            extra_where: str = "TRUE", extra_params: list[Any] | None = None,
            scope: EventFilter | None = None) -> tuple[str, list[Any]]:
    """A subquery of counted rows (columns: date, source_country, target_country, type, quad,
    cameo, intensity, reports, article_id) and its bound parameters. ``extra_where`` (over the
    events' own columns) and ``scope`` (the event filter the user chose: types, quads,
    confidence, actors ...) are applied before collapsing, so a pair's timeline only groups
    that pair's events and every view counts the events the event list shows."""
    if collapse not in COLLAPSE_MODES:
        raise QueryError(f"collapse must be one of {', '.join(COLLAPSE_MODES)}")
    dates, date_params = date_range(since, until)
    scoped, scope_params = (scope or EventFilter()).where()
    where = ["NOT negated", f"({extra_where})", f"({scoped})", *dates]
    params: list[Any] = [*(extra_params or []), *scope_params, *date_params]
    if collapse != "none":
        # Syndicated copies add no counts; the set of copies is small, so an anti-join is cheap.
        where.append("article_id NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL)")
    base = f"FROM events e WHERE {' AND '.join(where)}"
    if collapse == "none":
        sql = (f"(SELECT date, source_country, target_country, type, quad, cameo, intensity, "
               f"1 AS reports, article_id {base})")
    elif collapse == "event":
        sql = (f"(SELECT date, any_value(source_country) AS source_country, "
               f"any_value(target_country) AS target_country, type, any_value(quad) AS quad, "
               f"any_value(cameo) AS cameo, avg(intensity) AS intensity, count(*) AS reports, "
               f"min(article_id) AS article_id {base} "
               f"GROUP BY date, {_SOURCE_KEY}, source_sector, {_TARGET_KEY}, target_sector, type)")
    else:
        sql = (f"(SELECT date, source_country, target_country, any_value(type) AS type, "
               f"any_value(quad) AS quad, cameo, avg(intensity) AS intensity, "
               f"count(*) AS reports, min(article_id) AS article_id {base} "
               f"AND source_country IS NOT NULL AND target_country IS NOT NULL "
               f"GROUP BY date, source_country, target_country, cameo)")
    return sql, params


#: Condition for rows that belong to some country pair (a dyad).
DYADIC = ("source_country IS NOT NULL AND target_country IS NOT NULL "
          "AND source_country <> target_country")


def pair_condition(a: str, b: str, directed: bool) -> tuple[str, list[Any]]:
    """Rows of the pair a-b (either direction unless ``directed``)."""
    a, b = country(a), country(b)
    if directed:
        return "source_country = ? AND target_country = ?", [a, b]
    return ("((source_country = ? AND target_country = ?) OR "
            "(source_country = ? AND target_country = ?))"), [a, b, b, a]


QUAD_COLUMNS = """
    count(*) FILTER (WHERE quad = 1) AS verbal_coop,
    count(*) FILTER (WHERE quad = 2) AS material_coop,
    count(*) FILTER (WHERE quad = 3) AS verbal_conflict,
    count(*) FILTER (WHERE quad = 4) AS material_conflict,
    count(*) AS events,
    round(sum(intensity), 2) AS net_score,
    round(sum(intensity) / (10.0 * count(*)), 3) AS cooperation_index,
    round((count(*) FILTER (WHERE quad <= 2) - count(*) FILTER (WHERE quad >= 3))
          / count(*), 3) AS balance
"""
"""Per group: counts by quad class; ``net_score`` sums PLOVER intensities; ``cooperation_index``
is that sum over 10 x events (-1 all maximal conflict .. +1 all maximal cooperation); ``balance``
is (cooperative - conflictual) / events."""
