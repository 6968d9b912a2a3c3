"""Shift alerts: pairs whose conflict or cooperation departs from their own trailing baseline.

The rule is a Poisson surprise. A pair's count of conflict (or cooperation) events in a period is
compared with the rate its previous ``baseline`` periods lead one to expect; that rate is never
taken below ``min_rate`` (a pair that was quiet is not infinitely surprising: two events after
three empty months is news, not an alarm). The alert's ``surprise`` is -log10 of the chance of
seeing at least that many events at that rate, so 3 means "one chance in a thousand". An alert
needs ``surprise >= threshold`` and at least ``min_events`` events.
"""

from __future__ import annotations

import math
import statistics
from datetime import date as Date
from typing import Any

import duckdb

from eventwire.analysis.counting import DYADIC, counted
from eventwire.analysis.dyads import INTERVALS, _rows
from eventwire.store.queries import QueryError

#: Events per period a quiet pair is still expected to have.
MIN_RATE = 0.5


def log_tail(k: int, rate: float) -> float:
    """ln P(X >= k) for X ~ Poisson(rate), exact far into the tail (no underflow)."""
    if k <= 0:
        return 0.0
    if rate <= 0:
        return -math.inf
    if k <= rate:  # the bulk: one minus the (short) head
        head = sum(math.exp(-rate + j * math.log(rate) - math.lgamma(j + 1)) for j in range(k))
        return math.log(max(1.0 - head, 1e-300))
    # The tail: its first term times 1 + r1 + r1 r2 + ..., the ratios rate/(j+1) < 1.
    first = -rate + k * math.log(rate) - math.lgamma(k + 1)
    total, term, j = 1.0, 1.0, k
    while term > total * 1e-16:
        term *= rate / (j + 1)
        total += term
        j += 1
    return first + math.log(total)


def poisson_tail(k: int, rate: float) -> float:
    """P(X >= k) for X ~ Poisson(rate)."""
    return math.exp(log_tail(k, rate))


def surprise(k: int, rate: float) -> float:
    """-log10 P(X >= k) at this rate (0: no surprise at all)."""
    return max(0.0, -log_tail(k, rate) / math.log(10))


def shift_alerts(con: duckdb.DuckDBPyConnection, interval: str = "month", baseline: int = 3,
                 threshold: float = 3.0, min_events: int = 3, since: Date | None = None,
                 collapse: str = "event", evidence: int = 5,
                 min_rate: float = MIN_RATE) -> list[dict[str, Any]]:
    """Periods in which a pair's conflict (quads 3-4) or cooperation (quads 1-2) count is
    surprising (``surprise >= threshold``) against its mean over the ``baseline`` previous
    periods, with at least ``min_events`` events (module docstring). Each alert lists the
    articles that drove it. Newest first."""
    if interval not in INTERVALS:
        raise QueryError(f"interval must be one of {', '.join(INTERVALS)}")
    if baseline < 1 or threshold <= 0 or min_rate <= 0:
        raise QueryError("baseline must be at least 1, threshold and min_rate above 0")
    rows, params = counted(collapse, extra_where=f"{DYADIC} AND date IS NOT NULL")
    series = _rows(con, f"""SELECT least(source_country, target_country) AS a,
               greatest(source_country, target_country) AS b,
               date_trunc('{interval}', date)::DATE AS period,
               count(*) FILTER (WHERE quad >= 3) AS conflict,
               count(*) FILTER (WHERE quad <= 2) AS cooperation
        FROM {rows} c GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""", params)
    if not series:
        return []
    # Every period from the first to the last, empty ones included: a quiet month is baseline.
    first, last = min(r["period"] for r in series), max(r["period"] for r in series)
    periods = [row[0] for row in con.execute(
        f"SELECT unnest(generate_series(?::DATE, ?::DATE, INTERVAL 1 {interval}))::DATE",
        [first, last]).fetchall()]
    index = {p: i for i, p in enumerate(periods)}
    by_pair: dict[tuple[str, str], dict[int, dict[str, Any]]] = {}
    for r in series:
        by_pair.setdefault((r["a"], r["b"]), {})[index[r["period"]]] = r
    alerts: list[dict[str, Any]] = []
    for (a, b), points in by_pair.items():
        for i, point in points.items():
            if i < baseline or (since and periods[i] < since):
                continue
            for measure in ("conflict", "cooperation"):
                history = [points.get(j, {}).get(measure, 0) for j in range(i - baseline, i)]
                mean = statistics.fmean(history)
                rate = max(mean, min_rate)
                value = point[measure]
                score = surprise(value, rate)
                if value >= min_events and value > rate and score >= threshold:
                    alerts.append({
                        "a": a, "b": b, "period": periods[i], "measure": measure,
                        "value": value, "baseline_mean": round(mean, 2),
                        "expected": round(rate, 2), "surprise": round(score, 2),
                    })
    alerts.sort(key=lambda x: (x["period"], x["surprise"]), reverse=True)
    for alert in alerts:
        alert["articles"] = _drivers(con, alert, interval, evidence)
    return alerts


def _drivers(con: duckdb.DuckDBPyConnection, alert: dict[str, Any], interval: str,
             limit: int) -> list[dict[str, Any]]:
    quads = (3, 4) if alert["measure"] == "conflict" else (1, 2)
    return _rows(con, f"""SELECT a.id, a.title, a.date, a.url, count(*) AS events,
               round(sum(e.intensity), 1) AS net_score
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE NOT e.negated AND a.duplicate_of IS NULL AND e.quad IN (?, ?)
          AND date_trunc('{interval}', e.date)::DATE = ?
          AND least(e.source_country, e.target_country) = ?
          AND greatest(e.source_country, e.target_country) = ?
        GROUP BY a.id, a.title, a.date, a.url
        ORDER BY abs(sum(e.intensity)) DESC, a.id LIMIT ?""",
                 [*quads, alert["period"], alert["a"], alert["b"], limit])
