"""Query times on a DuckDB file of 10 million synthetic events: every query the dashboard makes,
through the functions its API routes call (target on 2 cores: each under 200 ms median).

    .venv/bin/python benchmarks/query_speed.py [--events 10000000] [--db /tmp/ew-10m.duckdb] [--json]

The file is built once (through the project's schema and migrations, rows generated inside
DuckDB) and reused. Each query runs through the same functions the API calls, on a fresh cursor,
several times; the median and the slowest run are reported.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path

from eventwire.analysis import (
    country_totals,
    event_places,
    network,
    shift_alerts,
    timeline,
    timelines,
    top_dyads,
)
from eventwire.store import rollup
from eventwire.store.db import connect
from eventwire.store.queries import EventFilter, count_events, events, summary

COUNTRIES = ["USA", "CHN", "RUS", "UKR", "IND", "PAK", "TUR", "IRN", "ISR", "PSE", "SAU", "EGY",
             "GBR", "FRA", "DEU", "JPN", "KOR", "PRK", "BRA", "MEX", "NGA", "ETH", "KEN", "SYR",
             "IRQ", "AFG", "QAT", "ARE", "AZE", "ARM", "POL", "ITA", "ESP", "CAN", "AUS", "IDN",
             "PHL", "VNM", "THA", "MMR", "SDN", "LBY", "YEM", "LBN", "JOR", "GRC", "SRB", "TWN",
             "VEN", "COL"]
TYPES = [("AGREE", 1, "03", 2.5), ("CONSULT", 1, "04", 2.5), ("SUPPORT", 1, "05", 5.0),
         ("CONCEDE", 1, "08", 4.5), ("COOPERATE", 2, "06", 9.5), ("AID", 2, "07", 10.0),
         ("RETREAT", 2, "08", 6.5), ("REQUEST", 3, "10", 0.0), ("ACCUSE", 3, "11", -3.0),
         ("REJECT", 3, "12", -2.0), ("THREATEN", 3, "13", -3.5), ("PROTEST", 4, "14", -5.0),
         ("SANCTION", 4, "16", -6.0), ("MOBILIZE", 4, "15", -5.5), ("COERCE", 4, "17", -7.0),
         ("ASSAULT", 4, "18", -9.0)]


def build(path: Path, n_events: int) -> None:
    con = connect(path)
    have = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    if have >= n_events:
        con.close()
        return
    n_articles = max(1, n_events // 8)
    countries = "[" + ",".join(f"'{c}'" for c in COUNTRIES) + "]"
    types = "[" + ",".join(f"{{'t':'{t}','q':{q},'c':'{c}','i':{i}}}" for t, q, c, i in TYPES) + "]"
    con.execute("BEGIN")
    con.execute(f"""INSERT INTO articles BY NAME
        SELECT 'a' || i AS id, md5(i::VARCHAR) AS content_hash,
               DATE '2021-01-01' + (i % 1826)::INTEGER AS date, 'Synthetic ' || i AS title,
               NULL AS url, 'bench' AS source, 'Synthetic article ' || i AS text,
               'bench' AS origin, 8 AS n_events, now()::TIMESTAMP AS coded_at,
               'bench' AS coder_version, (hash(i) >> 1)::BIGINT AS simhash, NULL AS duplicate_of,
               true AS dedup_checked
        FROM range({n_articles}) r(i)""")
    con.execute(f"""INSERT INTO events BY NAME
        SELECT 'e' || i AS id, 'a' || (i // 8) AS article_id, ty.t AS type, NULL AS mode,
               NULL AS context, ty.q AS quad, ty.c AS cameo, ty.i AS intensity,
               sc AS source_text, 0 AS source_start, 3 AS source_end, sc AS source_country,
               'GOV' AS source_sector, NULL AS source_name,
               tc AS target_text, 10 AS target_start, 13 AS target_end, tc AS target_country,
               NULL AS target_sector, NULL AS target_name,
               'Synthetic sentence ' || i AS sentence, 'acted' AS trigger_text,
               5 AS trigger_start, 10 AS trigger_end,
               DATE '2021-01-01' + ((i // 8) % 1826)::INTEGER AS date, 'article' AS date_source,
               NULL AS location_name, NULL AS location_country, NULL AS location_lat,
               NULL AS location_lon, false AS negated, 'asserted' AS modality, '{{}}' AS attributes,
               0.7 AS confidence, 'bench' AS rule
        FROM (SELECT i,
                     {countries}[1 + (hash(i) % {len(COUNTRIES)})::INTEGER] AS sc,
                     {countries}[1 + (hash(i * 7 + 3) % {len(COUNTRIES)})::INTEGER] AS tc,
                     {types}[1 + (hash(i * 13 + 5) % {len(TYPES)})::INTEGER] AS ty
              FROM range({n_events}) r(i))""")
    rollup.refresh(con)  # as every write does for the months it touches
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    con.close()


def timed(func, runs: int = 7) -> dict[str, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/ew-10m.duckdb"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    build(args.db, args.events)
    built = time.perf_counter() - started
    con = connect(args.db, read_only=True)
    n = con.execute("SELECT count(*) FROM events").fetchall()[0][0]

    def cur():  # type: ignore[no-untyped-def]
        return con.cursor()

    result = {
        "events": n, "build_seconds": round(built, 1),
        "dyad_timeline_month": timed(lambda: timeline(cur(), "IND", "PAK", "month")),
        "dyad_timeline_week_one_year": timed(lambda: timeline(
            cur(), "USA", "CHN", "week", since=date(2024, 1, 1), until=date(2024, 12, 31))),
        "events_page_dyad": timed(lambda: events(cur(), EventFilter(dyad=("IND", "PAK")),
                                                 limit=50).rows),
        "events_page_unfiltered": timed(lambda: events(cur(), EventFilter(), limit=50).rows),
        "events_page_type_and_dates": timed(lambda: events(cur(), EventFilter(
            type="ASSAULT", since=date(2023, 1, 1)), limit=50, offset=500).rows),
        "events_count_dyad": timed(lambda: count_events(cur(), EventFilter(dyad=("IND", "PAK")))),
        "top_dyads": timed(lambda: top_dyads(cur(), limit=20)),
        # The dashboard's other calls (the routes in api/routes.py call these functions).
        "summary (header)": timed(lambda: summary(cur())),
        "countries (names, map shading)": timed(lambda: country_totals(cur())),
        "busiest pair (landing view)": timed(lambda: top_dyads(cur(), limit=1)),
        "two pairs' timelines (relations)": timed(lambda: timelines(
            cur(), ["IND,PAK", "TUR>IND"], "month")),
        "pair matrix (pairs view)": timed(lambda: network(cur(), limit=5000)),
        "places (map)": timed(lambda: event_places(cur())),
        "one country's partners (country view)": timed(lambda: top_dyads(
            cur(), limit=25, with_country="TUR")),
        "alerts by month": timed(lambda: shift_alerts(cur(), "month")),
        "top dyads, one year, conflict only": timed(lambda: top_dyads(
            cur(), date(2024, 1, 1), date(2024, 12, 31), 20, scope=EventFilter(quad=4))),
        "top dyads, 15 Mar 2022 to 10 Jun 2023 (edges from events)": timed(lambda: top_dyads(
            cur(), date(2022, 3, 15), date(2023, 6, 10), 20)),
    }
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
