"""Shift alerts: pairs whose conflict or cooperation departs from their own trailing baseline."""

from __future__ import annotations

import statistics
from datetime import date as Date
from typing import Any

import duckdb

from eventwire.analysis.counting import DYADIC, counted
from eventwire.analysis.dyads import INTERVALS, _rows
from eventwire.store.queries import QueryError


def shift_alerts(con: duckdb.DuckDBPyConnection, interval: str = "month", baseline: int = 3,
                 threshold: float = 2.0, min_events: int = 2, since: Date | None = None,
                 collapse: str = "event", evidence: int = 5) -> list[dict[str, Any]]:
    """Periods in which a pair's conflict (quads 3-4) or cooperation (quads 1-2) count rises
    above its mean over the ``baseline`` previous periods by more than ``threshold`` standard
    deviations (at least one event more than the baseline allows, and ``min_events`` in all).
    Each alert lists the articles that drove it. Newest first."""
    if interval not in INTERVALS:
        raise QueryError(f"interval must be one of {', '.join(INTERVALS)}")
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
                spread = statistics.pstdev(history)
                value = point[measure]
                limit = mean + max(threshold * spread, 1.0)
                if value >= min_events and value > limit:
                    alerts.append({
                        "a": a, "b": b, "period": periods[i], "measure": measure,
                        "value": value, "baseline_mean": round(mean, 2),
                        "baseline_sd": round(spread, 2),
                        "score": round((value - mean) / spread, 2) if spread else None,
                    })
    alerts.sort(key=lambda x: (x["period"], x["value"]), reverse=True)
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
