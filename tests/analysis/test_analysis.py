"""Aggregations on a small database built from hand-made records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.analysis import network, shift_alerts, timeline, top_dyads
from eventwire.schema import Article
from eventwire.store.db import EventStore
from tests.conftest import make_event


def build(path: Path, rows: list[tuple[str, str, list]]) -> duckdb.DuckDBPyConnection:
    with EventStore(path) as store:
        store.write([(Article(text=text, id=aid, date=evs[0].date if evs else None), evs)
                     for aid, text, evs in rows])
    return duckdb.connect(str(path), read_only=True)


@pytest.fixture()
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    story = "India and Turkey held talks in Ankara on trade and tourism on Wednesday, " \
            "officials from both governments said after the meeting ended."
    rows = [
        ("a1", story, [make_event("a1", "CONSULT", "IND", "TUR", date(2025, 1, 8), 1, 2.5),
                       make_event("a1", "SUPPORT", "TUR", "IND", date(2025, 1, 8), 1, 5.0,
                                  start=40)]),
        # the same talks reported again the same day by another outlet: counted once
        ("a2", "In other words: " + story[:60] + " different wording entirely here today.",
         [make_event("a2", "CONSULT", "IND", "TUR", date(2025, 1, 8), 1, 2.5)]),
        # a syndicated copy of a1 a day later: its events add nothing to the counts
        ("a3", "NEW DELHI (Wire) - " + story, [make_event("a3", "CONSULT", "IND", "TUR",
                                                          date(2025, 1, 9), 1, 2.5)]),
        ("a4", "India condemned Turkey for backing Pakistan in the crisis this week.",
         [make_event("a4", "ACCUSE", "IND", "TUR", date(2025, 5, 9), 3, -3.0)]),
        ("a5", "Indian traders boycotted Turkish apples and marble across the country.",
         [make_event("a5", "PROTEST", "IND", "TUR", date(2025, 5, 14), 4, -4.5),
          make_event("a5", "SANCTION", "IND", "TUR", date(2025, 5, 14), 4, -6.0, start=30)]),
        ("a6", "Turkey sent aid to Pakistan after the floods in the north of the country.",
         [make_event("a6", "AID", "TUR", "PAK", date(2025, 2, 20), 2, 10.0)]),
    ]
    return build(tmp_path / "a.duckdb", rows)


def test_repeated_reports_and_syndicated_copies_are_counted_once(con) -> None:
    assert [r["events"] for r in top_dyads(con, collapse="none")][:1] == [7]
    ind_tur = top_dyads(con)[0]
    assert (ind_tur["a"], ind_tur["b"], ind_tur["events"]) == ("IND", "TUR", 5)
    strict = top_dyads(con, collapse="strict")[0]
    assert strict["events"] == 5  # distinct CAMEO roots per day here


def test_timeline_by_month_with_types_and_indices(con) -> None:
    rows = timeline(con, "tur", "ind", "month")
    # quiet months are part of the series, with zero events
    assert [(r["period"].month, r["events"]) for r in rows] == [(1, 2), (2, 0), (3, 0), (4, 0),
                                                                 (5, 3)]
    assert rows[1]["cooperation_index"] is None and rows[1]["types"] == {}
    jan, may = rows[0], rows[-1]
    assert jan["types"] == {"CONSULT": 1, "SUPPORT": 1} and jan["balance"] == 1.0
    assert may["material_conflict"] == 2 and may["cooperation_index"] < 0
    directed = timeline(con, "TUR", "IND", "month", directed=True)
    assert [r["types"] for r in directed] == [{"SUPPORT": 1}]
    with pytest.raises(ValueError):
        timeline(con, "TUR", "IND", "fortnight; DROP TABLE events")


def test_network_nodes_and_weighted_edges(con) -> None:
    net = network(con)
    assert {n["id"] for n in net["nodes"]} == {"IND", "TUR", "PAK"}
    edge = next(e for e in net["edges"] if (e["a"], e["b"]) == ("IND", "TUR"))
    assert (edge["cooperation"], edge["conflict"]) == (2, 3)


def test_shift_alert_names_the_articles_behind_it(con) -> None:
    alerts = shift_alerts(con, interval="month", baseline=3, min_events=2, threshold=1.5)
    conflict = [a for a in alerts if a["measure"] == "conflict"]
    assert [(a["a"], a["b"], a["period"].month) for a in conflict] == [("IND", "TUR", 5)]
    assert {x["id"] for x in conflict[0]["articles"]} == {"a4", "a5"}


def test_one_stray_date_cannot_stretch_a_timeline_over_millennia(tmp_path: Path) -> None:
    from eventwire.store.queries import QueryError

    rows = [("b1", "India met Turkey.", [make_event("b1", day=date(2025, 1, 8))]),
            ("b2", "India met Turkey again.", [make_event("b2", day=date(9999, 12, 1))])]
    con = build(tmp_path / "b.duckdb", rows)
    with pytest.raises(QueryError, match="over 5000 months"):
        timeline(con, "IND", "TUR", "month")
    assert len(timeline(con, "IND", "TUR", "month", until=date(2025, 12, 31))) == 1
    with pytest.raises(QueryError, match="over 5000 years"):
        timeline(con, "IND", "TUR", "year")


def test_country_totals_count_each_side_once(con) -> None:
    from eventwire.analysis import country_totals

    rows = {r["code"]: r for r in country_totals(con)}
    assert (rows["TUR"]["events"], rows["TUR"]["cooperation"], rows["TUR"]["conflict"]) == (6, 3, 3)
    assert rows["PAK"]["events"] == 1 and rows["PAK"]["name"] == "Pakistan"
    assert rows["TUR"]["numeric"] == "792"  # the key of world maps


def test_one_scope_filters_every_aggregate(con) -> None:
    from eventwire.analysis import country_totals
    from eventwire.store.queries import EventFilter

    conflict = EventFilter(quad=4)
    assert [(d["a"], d["b"], d["events"]) for d in top_dyads(con, scope=conflict)] == [
        ("IND", "TUR", 2)]
    assert {r["code"] for r in country_totals(con, scope=conflict)} == {"IND", "TUR"}
    assert sum(p["events"] for p in timeline(con, "IND", "TUR", scope=EventFilter(
        type="ACCUSE"))) == 1
    assert [d["b"] for d in top_dyads(con, with_country="Pakistan")] == ["TUR"]


def _precise(article: str, day: date, precision: str, start: int = 0):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(make_event(article, "CONSULT", "IND", "PAK", day, 1, 4.0, start=start),
                   date_precision=precision)


def test_a_series_never_puts_a_coarse_date_on_a_made_up_day(tmp_path: Path) -> None:
    """"In March 2019" is in March 2019 and in 2019, on no day and in no week; "in 2019" in
    no month; each series says how many it left out, and the totals count them all."""
    from eventwire.analysis import unplaced

    db = build(tmp_path / "p.duckdb", [
        ("p1", "India and Pakistan met on 5 March 2019, a made-up story.",
         [_precise("p1", date(2019, 3, 5), "day")]),
        ("p2", "In March 2019, India and Pakistan held talks, made up.",
         [_precise("p2", date(2019, 3, 1), "month")]),
        ("p3", "In 2019, India and Pakistan held talks, also made up.",
         [_precise("p3", date(2019, 1, 1), "year")]),
        ("p4", "Last week India and Pakistan met, late in April 2019, made up.",
         [_precise("p4", date(2019, 4, 29), "week")]),  # 29 April - 5 May: two months
    ])

    def drawn(interval: str) -> dict[date, int]:
        return {r["period"]: r["events"] for r in timeline(db, "IND", "PAK", interval)
                if r["events"]}

    assert drawn("day") == {date(2019, 3, 5): 1}
    assert unplaced(db, "IND", "PAK", "day") == 3
    assert drawn("week") == {date(2019, 3, 4): 1, date(2019, 4, 29): 1}
    assert unplaced(db, "IND", "PAK", "week") == 2
    for interval in ("month", "quarter"):
        expect = {date(2019, 3, 1): 2} if interval == "month" else {date(2019, 1, 1): 2,
                                                                    date(2019, 4, 1): 1}
        assert drawn(interval) == expect
        assert unplaced(db, "IND", "PAK", interval) == (2 if interval == "month" else 1)
    assert drawn("year") == {date(2019, 1, 1): 4}
    assert unplaced(db, "IND", "PAK", "year") == 0
    # the series starts at its first drawn period, not at the year's January 1st
    assert timeline(db, "IND", "PAK", "month")[0]["period"] == date(2019, 3, 1)
    # counted once each in the pair's totals, over all time and over 2019's whole months
    for since, until in ((None, None), (date(2019, 1, 1), date(2019, 12, 31))):
        assert top_dyads(db, since, until)[0]["events"] == 4


def test_stories_per_period_leave_out_syndicated_copies(con) -> None:
    from eventwire.analysis.dyads import stories_per_period, timelines
    from eventwire.store.queries import QueryError

    # January: a1, a2 and a3, a syndicated copy of a1 (not counted); May: a4, a5; February: a6
    assert stories_per_period(con, "month") == {
        date(2025, 1, 1): 2, date(2025, 2, 1): 1, date(2025, 5, 1): 2}
    (series,) = timelines(con, ["IND,TUR"], "month", stories=True)
    assert [(p["period"], p["events"], p["stories"]) for p in series["periods"]] == [
        (date(2025, 1, 1), 2, 2), (date(2025, 2, 1), 0, 1), (date(2025, 3, 1), 0, 0),
        (date(2025, 4, 1), 0, 0), (date(2025, 5, 1), 3, 2)]
    (plain,) = timelines(con, ["IND,TUR"], "month")
    assert all("stories" not in p for p in plain["periods"])
    with pytest.raises(QueryError):
        stories_per_period(con, "fortnight")
