"""Shift alerts: pairs whose conflict or cooperation departs from their own trailing baseline.

The rule is a Poisson surprise. A pair's count of conflict (or cooperation) events in a period is
compared with the rate its previous ``baseline`` periods lead one to expect; that rate is never
taken below ``min_rate`` (a pair that was quiet is not infinitely surprising: two events after
three empty months is news, not an alarm). A pair's history starts at its first period with
events: the periods before it are not zeros, and a pair is tested once it has ``baseline``
periods of history. The alert's ``surprise`` is -log10 of the chance of
seeing at least that many events at that rate, so 3 means "one chance in a thousand". An alert
needs ``surprise >= threshold`` and at least ``min_events`` events.
"""

from __future__ import annotations

import math
from datetime import date as Date
from typing import Any

import duckdb

from eventwire.analysis.counting import DYADIC, counted
from eventwire.analysis.dyads import INTERVALS, MONTHLY_INTERVALS, _rows
from eventwire.store.queries import QueryError
from eventwire.store.rollup import placed_in

#: Events per period a quiet pair is still expected to have.
MIN_RATE = 0.5


def log_tail(k: int, rate: float) -> float:
    """ln P(X >= k) for X ~ Poisson(rate), exact far into the tail (no underflow)."""
    if k <= 0:
        return 0.0
    if rate <= 0:
        return -math.inf
    if k <= rate:  # the bulk: one minus the (short) head
        head = sum(math.exp(_log_pmf(j, rate)) for j in range(k))
        return math.log(max(1.0 - head, 1e-300))
    # The tail: its first term times 1 + r1 + r1 r2 + ..., the ratios rate/(j+1) < 1.
    first = _log_pmf(k, rate)
    total, term, j = 1.0, 1.0, k
    while term > total * 1e-16:
        term *= rate / (j + 1)
        total += term
        j += 1
    return first + math.log(total)


def _log_pmf(k: int, rate: float) -> float:
    return -rate + k * math.log(rate) - math.lgamma(k + 1)


def poisson_tail(k: int, rate: float) -> float:
    """P(X >= k) for X ~ Poisson(rate)."""
    return math.exp(log_tail(k, rate))


def surprise(k: int, rate: float) -> float:
    """-log10 P(X >= k) at this rate (0: no surprise at all)."""
    return max(0.0, -log_tail(k, rate) / math.log(10))


def shift_alerts(con: duckdb.DuckDBPyConnection, interval: str = "month", baseline: int = 3,
                 threshold: float = 3.0, min_events: int = 3, since: Date | None = None,
                 collapse: str = "event", evidence: int = 5,
                 min_rate: float = MIN_RATE, limit: int = 100) -> list[dict[str, Any]]:
    """Periods in which a pair's conflict (quads 3-4) or cooperation (quads 1-2) count is
    surprising (``surprise >= threshold``) against its mean over the ``baseline`` previous
    periods, with at least ``min_events`` events (module docstring). Each alert lists the
    articles that drove it. Newest first, then most surprising; at most ``limit``."""
    if interval not in INTERVALS:
        raise QueryError(f"interval must be one of {', '.join(INTERVALS)}")
    if baseline < 1 or threshold <= 0 or min_rate <= 0:
        raise QueryError("baseline must be at least 1, threshold and min_rate above 0")
    # Only events dated inside one period count in it (no "in 2019" in a January).
    rows, params = counted(collapse, extra_where=DYADIC, dated=True, by_type=False,
                           monthly=interval in MONTHLY_INTERVALS, placed=interval)
    # In SQL: each pair's counts on the grid of every period from its own first (before it the
    # pair was not covered: those months are unknown, not zeros, so the month a pair first
    # appears is never a surprise) to the last (a quiet period since is part of the baseline),
    # the trailing means, and a first cut that keeps only the
    # periods whose surprise could reach the threshold: -log10 P(X = k) bounds it from above,
    # since P(X >= k) >= P(X = k). Python computes the exact tail of the few that pass.
    candidates = _rows(con, f"""WITH series AS (
            SELECT least(source_party, target_party) AS a,
                   greatest(source_party, target_party) AS b,
                   date_trunc('{interval}', date)::DATE AS period,
                   coalesce(sum(weight) FILTER (WHERE quad >= 3), 0)::BIGINT AS conflict,
                   coalesce(sum(weight) FILTER (WHERE quad <= 2), 0)::BIGINT AS cooperation
            FROM {rows} c GROUP BY 1, 2, 3),
        periods AS (SELECT unnest(generate_series(min(period), max(period),
                                                  INTERVAL 1 {interval}))::DATE AS period
                    FROM series),
        grid AS (SELECT p.a, p.b, periods.period, coalesce(s.conflict, 0) AS conflict,
                        coalesce(s.cooperation, 0) AS cooperation, s.period IS NOT NULL AS seen,
                        row_number() OVER (PARTITION BY p.a, p.b ORDER BY periods.period) AS i
                 FROM (SELECT a, b, min(period) AS first FROM series GROUP BY 1, 2) p
                 JOIN periods ON periods.period >= p.first
                 LEFT JOIN series s ON s.a = p.a AND s.b = p.b AND s.period = periods.period),
        windowed AS (SELECT *,
                avg(conflict) OVER w AS conflict_mean, avg(cooperation) OVER w AS cooperation_mean
            FROM grid WINDOW w AS (PARTITION BY a, b ORDER BY period
                                   ROWS BETWEEN {int(baseline)} PRECEDING AND 1 PRECEDING)),
        tests AS (SELECT a, b, period, 'conflict' AS measure, conflict AS value,
                         conflict_mean AS mean, i, seen FROM windowed
                  UNION ALL
                  SELECT a, b, period, 'cooperation', cooperation, cooperation_mean, i, seen
                  FROM windowed)
        SELECT a, b, period, measure, value, mean, greatest(mean, ?) AS rate FROM tests
        WHERE seen AND i > ? AND value >= ? AND value > greatest(mean, ?)
          AND (greatest(mean, ?) - value * ln(greatest(mean, ?)) + lgamma(value + 1))
              / ln(10) >= ?
          AND (?::DATE IS NULL OR period >= ?::DATE)""",
                       [*params, min_rate, baseline, min_events, min_rate, min_rate, min_rate,
                        threshold, since, since])
    alerts: list[dict[str, Any]] = []
    for c in candidates:
        score = surprise(c["value"], c["rate"])
        if score >= threshold:
            alerts.append({"a": c["a"], "b": c["b"], "period": c["period"],
                           "measure": c["measure"], "value": c["value"],
                           "baseline_mean": round(c["mean"], 2), "expected": round(c["rate"], 2),
                           "surprise": round(score, 2)})
    alerts.sort(key=lambda x: (x["period"], x["surprise"]), reverse=True)
    alerts = alerts[:limit]
    drivers = _drivers(con, alerts, interval, evidence)
    for n, alert in enumerate(alerts):
        alert["articles"] = drivers.get(n, [])
    return alerts


def _drivers(con: duckdb.DuckDBPyConnection, alerts: list[dict[str, Any]], interval: str,
             limit: int) -> dict[int, list[dict[str, Any]]]:
    """For each alert (by its index), the articles whose events drove it, strongest first: one
    pass over the events for all of them."""
    if not alerts:
        return {}
    wanted = [{"n": n, "a": al["a"], "b": al["b"], "period": al["period"],
               "conflict": al["measure"] == "conflict"} for n, al in enumerate(alerts)]
    # Both orientations of each pair, joined on the stored columns as they are: an equality
    # join DuckDB hashes, ten times faster than matching least()/greatest() of every event.
    rows = _rows(con, f"""WITH wanted AS (SELECT unnest(?, recursive := true)),
        sides AS (SELECT n, a AS source, b AS target, period, conflict FROM wanted
                  UNION ALL SELECT n, b, a, period, conflict FROM wanted),
        hits AS (SELECT w.n, e.article_id, e.intensity FROM events e JOIN sides w
            ON e.source_party = w.source AND e.target_party = w.target
           AND e.date >= w.period AND e.date < w.period + INTERVAL 1 {interval}
           AND (e.quad >= 3) = w.conflict
          WHERE NOT e.negated AND {placed_in(interval)})
        SELECT h.n, a.id, a.title, a.date, a.url, count(*) AS events,
               round(sum(h.intensity), 1) AS net_score
        FROM hits h JOIN articles a ON a.id = h.article_id AND a.duplicate_of IS NULL
        GROUP BY h.n, a.id, a.title, a.date, a.url
        QUALIFY row_number() OVER (PARTITION BY h.n
                                   ORDER BY abs(sum(h.intensity)) DESC, a.id) <= ?
        ORDER BY h.n, abs(sum(h.intensity)) DESC, a.id""", [wanted, limit])
    found: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        found.setdefault(row.pop("n"), []).append(row)
    return found
