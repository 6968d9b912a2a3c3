"""What is counted: the rows every aggregation starts from.

``none``: every event. ``event`` (default): repeated reports of one event (same source, target,
type and day) collapse into one row that keeps the number of reports, and syndicated copies of an
article (``articles.duplicate_of``) add no new counts. ``strict``: Phoenix's one-a-day filter, one
row per (source country, target country, CAMEO root code, day).

Every counted row carries a ``weight`` (how many events it stands for) and a ``score`` (their
summed intensity), and aggregations add those up: in ``event`` mode, whole months come from the
monthly rollup (``store.rollup``: one row per month, pair, type and quad class) and only the
days at the edges of a date range, and undated events, are read from the events themselves.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta
from typing import Any, Literal

from eventwire.actors.parties import Party
from eventwire.store.counted import COLLAPSE_MODES
from eventwire.store.queries import EventFilter, QueryError, date_range, pair_clause
from eventwire.store.rollup import (
    COUNTED_WHERE,
    IN_A_MONTH,
    collapsed_sql,
    placed_in,
    rollup_sql,
    within,
)

Collapse = Literal["none", "event", "strict"]


def counted(collapse: str, since: Date | None = None, until: Date | None = None,
            extra_where: str = "TRUE", extra_params: list[Any] | None = None,
            scope: EventFilter | None = None, dated: bool = False,
            monthly: bool = True, by_type: bool = True,
            placed: str | None = None) -> tuple[str, list[Any]]:
    """A subquery of counted rows (columns: date, source_party, target_party, type, quad,
    cameo, intensity, reports, article_id, weight, score) and its bound parameters.

    ``extra_where`` (over the country columns only, so that the rollup can apply it too) and
    ``scope`` (the event filter the user chose) are applied before collapsing, so a pair's
    timeline only groups that pair's events and every view counts what the event list shows.
    ``dated``: leave out events with no date. ``monthly``: whole months may come from the
    rollup (not for weekly or daily series, whose periods cut across months). ``by_type=False``:
    the caller does not look at ``type`` (rows from the rollup may have none), so the smaller
    rollup without types serves it unless the scope filters by type. ``placed``: an interval
    (``analysis.dyads.INTERVALS``); only events whose date period lies in one period of it
    (``rollup.placed_in``: no "March 2019" in a daily series). The rollup holds only events
    placed in one month (``rollup.IN_A_MONTH``); the others are read from the events."""
    if collapse not in COLLAPSE_MODES:
        raise QueryError(f"collapse must be one of {', '.join(COLLAPSE_MODES)}")
    scope = scope or EventFilter()
    scoped, scope_params = scope.where()
    dates, date_params = date_range(since, until)
    where = [f"({extra_where})", f"({scoped})", *dates]
    params: list[Any] = [*(extra_params or []), *scope_params, *date_params]
    if dated:
        where.append("date IS NOT NULL")
    if placed is not None:
        where.append(f"({placed_in(placed)})")
    span = _whole_months(since, until) if collapse == "event" and monthly \
        and _rollup_can_filter(scope) else None
    if span is not None:  # the days outside the whole months (and undated ones, and those the
        # rollup leaves out as not inside one month), from the events
        inside, inside_params = within("date", *span)
        where.append(f"({'' if dated else 'date IS NULL OR '}NOT ({inside}) "
                     f"OR NOT ({IN_A_MONTH}))")
        params += inside_params
    if collapse == "none":
        sql = (f"(SELECT date, source_party, target_party, type, quad, cameo, intensity, "
               f"1 AS reports, article_id, 1 AS weight, intensity AS score "
               f"FROM events e WHERE NOT negated AND {' AND '.join(where)})")
    elif collapse == "event":
        sql = (f"(SELECT *, 1 AS weight, intensity AS score FROM "
               f"{collapsed_sql(' AND '.join([COUNTED_WHERE, *where]))} c0)")
    else:
        sql = (f"(SELECT date, source_party, target_party, any_value(type) AS type, "
               f"any_value(quad) AS quad, cameo, avg(intensity) AS intensity, "
               f"count(*) AS reports, min(article_id) AS article_id, 1 AS weight, "
               f"avg(intensity) AS score FROM events e "
               f"WHERE {' AND '.join([COUNTED_WHERE, *where])} "
               f"AND source_party IS NOT NULL AND target_party IS NOT NULL "
               f"GROUP BY date, source_party, target_party, cameo)")
    if span is None:
        return sql, params
    first, end = span
    if first is not None and end is not None and first >= end:
        return sql, params  # no whole month in the range: the events alone
    rolled, rolled_params = _rollup_where(scope, extra_where, extra_params)
    monthly_sql, monthly_params = rollup_sql(rolled, first, end,
                                             by_type=by_type or scope.type is not None)
    return f"({sql} UNION ALL BY NAME {monthly_sql})", [*params, *rolled_params,
                                                        *monthly_params]


def _rollup_can_filter(scope: EventFilter) -> bool:
    """The rollup keeps pairs, types and quad classes: a filter on anything else (an actor's
    name, words, confidence, places ...) needs the events themselves."""
    return scope == EventFilter(type=scope.type, quad=scope.quad)


def _rollup_where(scope: EventFilter, extra_where: str,
                  extra_params: list[Any] | None) -> tuple[str, list[Any]]:
    """The caller's condition and the scope's type and quad class, over the rollup's columns
    (it counts no denials, so there is no ``negated`` to test)."""
    kept, kept_params = EventFilter(type=scope.type, quad=scope.quad,
                                    include_negated=True).where()
    return f"({extra_where}) AND ({kept})", [*(extra_params or []), *kept_params]


def _whole_months(since: Date | None, until: Date | None) -> tuple[Date | None, Date | None]:
    """The first day of the first whole month in [since, until] and the day after the last
    whole month (None: open)."""
    first = None if since is None else (
        since if since.day == 1 else _month_after(since.replace(day=1)))
    end = None
    if until is not None:
        after = until + timedelta(days=1)
        end = after if after.day == 1 else until.replace(day=1)
    return first, end


def _month_after(day: Date) -> Date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


#: Condition for rows that belong to some pair of parties (a dyad: countries, bodies).
DYADIC = ("source_party IS NOT NULL AND target_party IS NOT NULL "
          "AND source_party <> target_party")


def pair_condition(a: Party, b: Party, directed: bool) -> tuple[str, list[Any], bool]:
    """Rows of the pair a-b (either direction unless ``directed``), and whether the monthly
    rollup can apply the condition (not for a group, found by its name in the events)."""
    sql, params = pair_clause(a, b, directed)
    return sql, params, a.counted and b.counted


QUAD_COLUMNS = """
    coalesce(sum(weight) FILTER (WHERE quad = 1), 0)::BIGINT AS verbal_coop,
    coalesce(sum(weight) FILTER (WHERE quad = 2), 0)::BIGINT AS material_coop,
    coalesce(sum(weight) FILTER (WHERE quad = 3), 0)::BIGINT AS verbal_conflict,
    coalesce(sum(weight) FILTER (WHERE quad = 4), 0)::BIGINT AS material_conflict,
    sum(weight)::BIGINT AS events,
    round(sum(score), 2) AS net_score,
    round(sum(score) / (10.0 * sum(weight)), 3) AS cooperation_index,
    round((coalesce(sum(weight) FILTER (WHERE quad <= 2), 0)
           - coalesce(sum(weight) FILTER (WHERE quad >= 3), 0)) / sum(weight), 3) AS balance
"""
"""Per group: counts by quad class; ``net_score`` sums PLOVER intensities; ``cooperation_index``
is that sum over 10 x events (-1 all maximal conflict .. +1 all maximal cooperation); ``balance``
is (cooperative - conflictual) / events."""
