"""What is counted: the rows every aggregation starts from.

``none``: every event. ``event`` (default): repeated reports of one event (same source, target,
type and day) collapse into one row that keeps the number of reports, and syndicated copies of an
article (``articles.duplicate_of``) add no new counts. ``strict``: Phoenix's one-a-day filter, one
row per (source country, target country, CAMEO root code, day).
"""

from __future__ import annotations

from datetime import date as Date
from typing import Any, Literal

Collapse = Literal["none", "event", "strict"]
COLLAPSE_MODES: tuple[str, ...] = ("none", "event", "strict")

_SOURCE_KEY = "coalesce(e.source_country, '?' || lower(e.source_text))"
_TARGET_KEY = "coalesce(e.target_country, '?' || lower(e.target_text))"


def counted(collapse: str, since: Date | None = None, until: Date | None = None,
            extra_where: str = "TRUE") -> tuple[str, list[Any]]:
    """A subquery of counted rows (columns: date, source_country, target_country, type, quad,
    cameo, intensity, reports, article_id) and its bound parameters."""
    if collapse not in COLLAPSE_MODES:
        raise ValueError(f"collapse must be one of {', '.join(COLLAPSE_MODES)}")
    where = ["NOT e.negated", extra_where]
    params: list[Any] = []
    if since:
        where.append("e.date >= ?")
        params.append(since)
    if until:
        where.append("e.date <= ?")
        params.append(until)
    if collapse != "none":
        where.append("a.duplicate_of IS NULL")
    cond = " AND ".join(where)
    base = f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {cond}"
    if collapse == "none":
        sql = (f"(SELECT e.date, e.source_country, e.target_country, e.type, e.quad, e.cameo, "
               f"e.intensity, 1 AS reports, e.article_id {base})")
    elif collapse == "event":
        sql = (f"(SELECT e.date, any_value(e.source_country) AS source_country, "
               f"any_value(e.target_country) AS target_country, e.type, any_value(e.quad) AS quad,"
               f" any_value(e.cameo) AS cameo, avg(e.intensity) AS intensity, count(*) AS reports,"
               f" min(e.article_id) AS article_id {base} "
               f"GROUP BY e.date, {_SOURCE_KEY}, e.source_sector, {_TARGET_KEY}, e.target_sector,"
               f" e.type)")
    else:
        sql = (f"(SELECT e.date, e.source_country, e.target_country, any_value(e.type) AS type, "
               f"any_value(e.quad) AS quad, e.cameo, avg(e.intensity) AS intensity, "
               f"count(*) AS reports, min(e.article_id) AS article_id {base} "
               f"AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL "
               f"GROUP BY e.date, e.source_country, e.target_country, e.cameo)")
    return sql, params


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
