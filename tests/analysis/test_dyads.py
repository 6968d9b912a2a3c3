"""Blocs, bodies and armed groups as parties beside countries, over a real DuckDB file of
hand-built records (tests.conftest.party_records)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.analysis import country_totals, network, shift_alerts, timeline, top_dyads
from eventwire.analysis.dyads import timelines
from eventwire.store.db import EventStore
from eventwire.store.queries import EventFilter, QueryError, count_events
from tests.conftest import party_records


def _surge() -> list:
    """Three more NATO -> Russia threats in May 2025, on three days (a shift to alert on)."""
    items = []
    for day in (5, 12, 19):
        [(article, [event])] = [r for r in party_records() if r[0].id == "party-2"]
        aid = f"surge-{day}"
        items.append((replace(article, id=aid, date=date(2025, 5, day)),
                      [replace(event, id=f"e-{aid}", article_id=aid, date=date(2025, 5, day))]))
    return items


@pytest.fixture()
def con(tmp_path: Path):  # type: ignore[no-untyped-def]
    with EventStore(tmp_path / "p.duckdb") as store:
        store.write(party_records() + _surge())
        yield store.con


def _events(rows: list[dict]) -> dict:
    return {r["period"]: r["events"] for r in rows if r["events"]}


@pytest.mark.parametrize("collapse", ["event", "none", "strict"])
def test_a_bloc_and_a_country_have_a_timeline(con: duckdb.DuckDBPyConnection,
                                              collapse: str) -> None:
    assert _events(timeline(con, "EU", "RUS", collapse=collapse)) == {date(2025, 3, 1): 1}
    assert _events(timeline(con, "NATO", "Russia", collapse=collapse)) \
        == {date(2025, 3, 1): 1, date(2025, 4, 1): 1, date(2025, 5, 1): 3}
    assert _events(timeline(con, "Russia", "NATO", directed=True, collapse=collapse)) == {}
    # a whole-month range (served by the rollup) counts what the events give
    assert _events(timeline(con, "the EU", "Russia", since=date(2025, 1, 1),
                            until=date(2025, 12, 31), collapse=collapse)) == {date(2025, 3, 1): 1}


def test_a_group_is_a_party_when_named(con: duckdb.DuckDBPyConnection) -> None:
    for since in (None, date(2025, 1, 1)):
        assert _events(timeline(con, "Hamas", "Israel", since=since,
                                until=date(2025, 12, 31))) == {date(2025, 4, 1): 1}
    assert _events(timeline(con, "the Taliban", "PAK")) == {date(2025, 4, 1): 1}
    assert _events(timeline(con, "Hamas", "Pakistan")) == {}
    # ... and counts under its home country in the country-level views
    assert _events(timeline(con, "PSE", "ISR")) == {date(2025, 4, 1): 1}


def test_filters_take_parties(con: duckdb.DuckDBPyConnection) -> None:
    assert count_events(con, EventFilter(actor="NATO")) == 5
    assert count_events(con, EventFilter(actor="Hamas")) == 1
    assert count_events(con, EventFilter(source="the EU")) == 1
    assert count_events(con, EventFilter(dyad=("EU", "RUS"))) == 1
    assert count_events(con, EventFilter(dyad=("Russia", "NATO"))) == 5
    assert count_events(con, EventFilter(actor="Russia")) == 6
    with pytest.raises(QueryError, match="did you mean 'Hamas'"):
        count_events(con, EventFilter(actor="Hammas"))


def test_pairs_network_totals_and_alerts_count_bodies(con: duckdb.DuckDBPyConnection) -> None:
    pairs = {(r["a"], r["b"]): r["events"] for r in top_dyads(con, limit=20)}
    assert pairs[("IGOEUREEC", "RUS")] == 1 and pairs[("IGOWSTNAT", "RUS")] == 5
    assert pairs[("ISR", "PSE")] == 1 and pairs[("IND", "TUR")] == 1
    mine = {(r["a"], r["b"]) for r in top_dyads(con, with_country="NATO")}
    assert mine == {("IGOWSTNAT", "RUS")}
    hamas = {(r["a"], r["b"]) for r in top_dyads(con, with_country="Hamas")}
    assert hamas == {("ISR", "PSE")}
    net = network(con)
    assert {"IGOWSTNAT", "IGOEUREEC", "RUS"} <= {n["id"] for n in net["nodes"]}
    totals = {r["code"]: r for r in country_totals(con)}
    assert totals["IGOWSTNAT"]["name"] == "NATO" and totals["IGOWSTNAT"]["kind"] == "body"
    assert totals["IGOWSTNAT"]["numeric"] is None and totals["RUS"]["kind"] == "country"
    assert totals["RUS"]["events"] == 6
    alerts = shift_alerts(con, baseline=2, threshold=1.0, min_events=3)
    assert [(a["a"], a["b"], a["period"], a["value"]) for a in alerts] \
        == [("IGOWSTNAT", "RUS", date(2025, 5, 1), 3)]


def test_timelines_are_labelled_by_party_names(con: duckdb.DuckDBPyConnection) -> None:
    [nato, hamas] = timelines(con, ["NATO>Russia", "Hamas,ISR"])
    assert (nato["pair"], nato["a"], nato["b"], nato["directed"]) \
        == ("NATO → Russia", "IGOWSTNAT", "RUS", True)
    assert (hamas["pair"], hamas["a"]) == ("Hamas – Israel", "Hamas")
