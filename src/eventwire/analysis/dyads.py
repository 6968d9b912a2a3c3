"""Dyads: the most active pairs (countries and bodies) and one pair's relations over time (any
two parties: countries, bodies, groups; ``actors.parties``)."""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta
from typing import Any

import duckdb

from eventwire.actors.parties import party_label
from eventwire.analysis.counting import DYADIC, QUAD_COLUMNS, counted, pair_condition
from eventwire.limits import echo
from eventwire.store.queries import EventFilter, QueryError, party
from eventwire.store.rollup import placed_in

INTERVALS = ("day", "week", "month", "quarter", "year")
#: Intervals made of whole months (the monthly rollup can serve them).
MONTHLY_INTERVALS = ("month", "quarter", "year")


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    rel = con.execute(sql, params)
    cols = [d[0] for d in rel.description]
    return [dict(zip(cols, row, strict=True)) for row in rel.fetchall()]


def top_dyads(con: duckdb.DuckDBPyConnection, since: Date | None = None,
              until: Date | None = None, limit: int = 10, directed: bool = False,
              collapse: str = "event", scope: EventFilter | None = None,
              with_country: str | None = None) -> list[dict[str, Any]]:
    """The most active pairs of parties, with counts per quad class and the cooperation
    measures; ``with_country``: only that party's pairs (its relations; a group's are its
    events, under the parties they count for)."""
    where, extra, monthly = DYADIC, [], True
    if with_country:
        me = party(with_country)
        (s, s_params), (t, t_params) = me.clause("source"), me.clause("target")
        where, extra = f"{DYADIC} AND ({s} OR {t})", [*s_params, *t_params]
        monthly = me.counted
    rows, params = counted(collapse, since, until, where, extra, scope, by_type=False,
                           monthly=monthly)
    a, b = (("source_party", "target_party") if directed else
            ("least(source_party, target_party)", "greatest(source_party, target_party)"))
    sql = f"""SELECT {a} AS a, {b} AS b, {QUAD_COLUMNS}
        FROM {rows} c GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?"""
    return _rows(con, sql, [*params, max(1, min(int(limit), 10_000))])


def timeline(con: duckdb.DuckDBPyConnection, a: str, b: str, interval: str = "month",
             since: Date | None = None, until: Date | None = None, directed: bool = False,
             collapse: str = "event", scope: EventFilter | None = None) -> list[dict[str, Any]]:
    """A pair's relations by period: counts per quad class and per type, summed intensity, the
    net cooperation index. Undirected by default; ``directed`` counts only a -> b. Either side
    is a party by any of its names: "EU", "NATO", "Hamas", "India". Only events whose date
    period lies in one period are drawn (``unplaced`` counts the others: "in March 2019" in a
    weekly series)."""
    if interval not in INTERVALS:
        raise QueryError(f"interval must be one of {', '.join(INTERVALS)}")
    pair, pair_params, by_party = pair_condition(party(a), party(b), directed)
    rows, params = counted(collapse, since, until, pair, pair_params, scope, dated=True,
                           monthly=interval in MONTHLY_INTERVALS and by_party, placed=interval)
    # One pass over the pair's events; the per-period figures are added up here.
    cells = _rows(con, f"""SELECT date_trunc('{interval}', date)::DATE AS period, type, quad,
               sum(weight)::BIGINT AS n, sum(score) AS score
        FROM {rows} c GROUP BY 1, 2, 3 ORDER BY 1, 2""", params)
    periods: dict[Date, dict[str, Any]] = {}
    for cell in cells:
        row = periods.setdefault(cell["period"], {"period": cell["period"], **_empty()})
        row[_QUAD_KEYS[cell["quad"]]] += cell["n"]
        row["events"] += cell["n"]
        row["net_score"] += cell["score"]
        row["types"][cell["type"]] = row["types"].get(cell["type"], 0) + cell["n"]
    out = []
    for row in periods.values():
        n = row["events"]
        coop = row["verbal_coop"] + row["material_coop"]
        row["net_score"] = round(row["net_score"], 2)
        row["cooperation_index"] = round(row["net_score"] / (10.0 * n), 3)
        row["balance"] = round((coop - (n - coop)) / n, 3)
        out.append(row)
    return _fill_gaps(out, interval)


def unplaced(con: duckdb.DuckDBPyConnection, a: str, b: str, interval: str = "month",
             since: Date | None = None, until: Date | None = None, directed: bool = False,
             collapse: str = "event", scope: EventFilter | None = None) -> int:
    """The pair's counted events that ``timeline`` leaves out at this interval: dated only to
    a period longer than it or across two of its periods (a year in a monthly series)."""
    if interval not in INTERVALS:
        raise QueryError(f"interval must be one of {', '.join(INTERVALS)}")
    pair, pair_params, _ = pair_condition(party(a), party(b), directed)
    rows, params = counted(collapse, since, until, f"({pair}) AND NOT ({placed_in(interval)})",
                           pair_params, scope, dated=True, monthly=False)
    found = con.execute(f"SELECT coalesce(sum(weight), 0) FROM {rows} c", params).fetchall()
    return int(found[0][0])


def parse_pair(text: str) -> tuple[str, str, bool]:
    """"IND,TUR" (both directions) or "IND>TUR" (IND towards TUR only), names or codes: the
    two parties' keys (``Party.key``: ISO3, a body's code, a group's name) and the direction."""
    directed = ">" in text
    parts = text.split(">" if directed else ",")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise QueryError(f"pair {echo(text)}: give 'A,B' (both directions) or 'A>B' (A towards B)")
    return party(parts[0].strip()).key, party(parts[1].strip()).key, directed


def stories_per_period(con: duckdb.DuckDBPyConnection, interval: str = "month"
                       ) -> dict[Date, int]:
    """Stories coded per period of their publication date, syndicated copies left out: the
    news volume a count is divided by (GDELT's normalisation), so that a month with twice the
    coverage does not look like twice the relations."""
    if interval not in INTERVALS:
        raise QueryError(f"interval must be one of {', '.join(INTERVALS)}")
    return {row[0]: int(row[1]) for row in con.execute(f"""SELECT
        date_trunc('{interval}', date)::DATE, count(*) FROM articles
        WHERE date IS NOT NULL AND duplicate_of IS NULL GROUP BY 1""").fetchall()}


def timelines(con: duckdb.DuckDBPyConnection, pairs: list[str], interval: str = "month",
              since: Date | None = None, until: Date | None = None, collapse: str = "event",
              scope: EventFilter | None = None, stories: bool = False) -> list[dict[str, Any]]:
    """Several pairs' timelines (``parse_pair`` forms), each with its label, codes and
    direction: what ``charts.timeline_spec`` draws, one panel a pair (a pair given twice, by
    two names for the same parties, is one panel). ``stories``: each period also carries the
    stories coded in it (``stories_per_period``)."""
    coded = stories_per_period(con, interval) if stories else None
    series = []
    seen: set[tuple[str, str, bool]] = set()
    for text in pairs:
        a, b, directed = parse_pair(text)
        if (a, b, directed) in seen or (not directed and (b, a, directed) in seen):
            continue
        seen.add((a, b, directed))
        label = f"{party_label(a)} {'→' if directed else '–'} {party_label(b)}"
        series.append({"pair": label, "a": a, "b": b, "directed": directed,
                       "periods": [{**p, "stories": coded.get(p["period"], 0)}
                                   if coded is not None else p
                                   for p in timeline(con, a, b, interval, since, until,
                                                     directed, collapse, scope)],
                       "unplaced": unplaced(con, a, b, interval, since, until, directed,
                                            collapse, scope)})
    return series


_QUAD_KEYS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}


def _empty() -> dict[str, Any]:
    return {"verbal_coop": 0, "material_coop": 0, "verbal_conflict": 0, "material_conflict": 0,
            "events": 0, "net_score": 0.0, "cooperation_index": None, "balance": None,
            "types": {}}


def next_period(day: Date, interval: str) -> Date:
    if interval == "day":
        return day + timedelta(days=1)
    if interval == "week":
        return day + timedelta(weeks=1)
    months = {"month": 1, "quarter": 3, "year": 12}[interval]
    total = day.year * 12 + day.month - 1 + months
    return Date(total // 12, total % 12 + 1, 1)


#: The longest series a timeline fills in (13 years of days, 96 of weeks): one stray date must
#: not turn a pair's timeline into a hundred thousand empty periods.
MAX_PERIODS = 5000
_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.3, "year": 365.25}


def _fill_gaps(rows: list[dict[str, Any]], interval: str) -> list[dict[str, Any]]:
    """Every period from the first to the last: a quiet month is part of the series (zero
    events; the ratios are undefined, so None). A span over ``MAX_PERIODS`` is a QueryError."""
    if len(rows) < 2:
        return rows
    span = (rows[-1]["period"] - rows[0]["period"]).days / _PERIOD_DAYS[interval]
    if span >= MAX_PERIODS:
        raise QueryError(f"{rows[0]['period']}..{rows[-1]['period']} is over {MAX_PERIODS} "
                         f"{interval}s: give since/until or a longer interval")
    have = {r["period"]: r for r in rows}
    out, day = [], rows[0]["period"]
    while day <= rows[-1]["period"]:
        out.append(have.get(day) or {"period": day, **_empty()})
        day = next_period(day, interval)
    return out
