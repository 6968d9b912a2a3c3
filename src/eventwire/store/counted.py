"""The counted events themselves: one row per event as a collapse mode counts it, with the story
it came from. The event list, the map and every export read these rows, so each of them adds up
to what the relations views (``analysis.counting``, from the same rule) show.

``none``: every event that is not denied, syndicated copies included (each row one report).
``event``: repeated reports of one event (same day, source, target, their sectors and type)
are one row, and events in syndicated copies (``articles.duplicate_of``) are not counted: the
row is the event's first report (one with a place where there is one) and ``reports`` says how
many reports it stands for. ``strict``: Phoenix's one-a-day filter, one row per source country,
target country, CAMEO root and day, over the same counted events.

Every row carries the event's columns and the story's: ``outlet``, ``title``, ``published``,
``url``, ``duplicate_of`` and ``reports``. With ``include_negated``, denied events are listed
as well (each a row of its own with ``negated`` true; they never count).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import duckdb

from eventwire.store.queries import EventFilter, QueryError, Result, run_sql

COLLAPSE_MODES: tuple[str, ...] = ("none", "event", "strict")

#: The key of one event's repeated reports (``rollup.collapsed_sql`` groups by the same).
EVENT_KEY = ("date, date_precision, coalesce(source_party, '?' || lower(source_text)), "
             "source_sector, coalesce(target_party, '?' || lower(target_text)), target_sector, "
             "type")
STRICT_KEY = "date, source_party, target_party, cameo"
#: The first report of a group stands for it: one placed where the act happened first, then
#: one with coordinates (a dateline), then by article.
_FIRST = ("location_lat IS NULL OR location_role IS DISTINCT FROM 'event', location_lat IS NULL, "
          "article_id, trigger_start, id")
#: The story's columns every counted row carries.
STORY_COLUMNS = ("outlet", "title", "published", "url", "duplicate_of", "reports")


def counted_events_sql(flt: EventFilter | None = None,
                       collapse: str = "event") -> tuple[str, list[Any]]:
    """A subquery of counted event rows matching ``flt`` (module docstring) and its
    parameters. The filter is applied before collapsing, as in every relations view."""
    if collapse not in COLLAPSE_MODES:
        raise QueryError(f"collapse must be one of {', '.join(COLLAPSE_MODES)}")
    flt = flt or EventFilter()
    where, params = replace(flt, include_negated=False).where()
    story = ("SELECT e.*, a.source AS outlet, a.title, a.date AS published, a.url, "
             "a.duplicate_of FROM (SELECT * FROM events WHERE {where}) e "
             "JOIN articles a ON a.id = e.article_id")
    base = story.format(where=where)
    if collapse == "none":
        sql = f"SELECT *, 1::BIGINT AS reports FROM ({base}) b"
    else:
        key = EVENT_KEY if collapse == "event" else STRICT_KEY
        dyadic = "" if collapse == "event" else \
            " AND source_party IS NOT NULL AND target_party IS NOT NULL"
        sql = (f"SELECT * EXCLUDE (first_report) FROM ("
               f"SELECT *, count(*) OVER (PARTITION BY {key}) AS reports, "
               f"row_number() OVER (PARTITION BY {key} ORDER BY {_FIRST}) AS first_report "
               f"FROM ({base}) b WHERE duplicate_of IS NULL{dyadic}) c WHERE first_report = 1")
    if flt.include_negated:
        denied, denied_params = replace(flt, include_negated=True).where()
        sql = (f"{sql} UNION ALL BY NAME SELECT *, 1::BIGINT AS reports "
               f"FROM ({story.format(where=denied)}) d WHERE d.negated")
        params = [*params, *denied_params]
    return f"({sql})", params


#: The event list's order: newest first, then in the order of the text.
ORDER = "date DESC NULLS LAST, article_id, trigger_start, id"


def counted_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None,
                   collapse: str = "event", limit: int = 100, offset: int = 0) -> Result:
    """A page of counted events (newest first), each with its story and ``reports``."""
    rows, params = counted_events_sql(flt, collapse)
    limit = max(0, min(int(limit), 100_000))
    return run_sql(con, f"SELECT * FROM {rows} c ORDER BY {ORDER} LIMIT ? OFFSET ?",
                   [*params, limit, max(0, int(offset))])


def count_counted(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None,
                  collapse: str = "event") -> int:
    """How many events ``collapse`` counts for ``flt`` (denied ones too if the filter
    includes them): the event list's total, which a chart's bar for the same filter shows."""
    rows, params = counted_events_sql(flt, collapse)
    found = con.execute(f"SELECT count(*) FROM {rows} c", params).fetchall()
    return int(found[0][0])
