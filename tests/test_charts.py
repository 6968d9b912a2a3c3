"""The chart specs, built from hand-made rows, and their Altair form (validated against
Altair's own Vega-Lite schema)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire import charts


def period(day: date, **counts: int) -> dict:
    row = {"period": day, "verbal_coop": 0, "material_coop": 0, "verbal_conflict": 0,
           "material_conflict": 0, **counts}
    row["events"] = sum(v for k, v in counts.items())
    row["net_score"] = 1.0
    row["cooperation_index"] = 0.1 if row["events"] else None
    row["types"] = {"ACCUSE": counts.get("verbal_conflict", 0)} if row["events"] else {}
    return row


SERIES = [
    {"pair": "India – Turkey", "a": "IND", "b": "TUR", "directed": False,
     "periods": [period(date(2025, 4, 7), verbal_coop=2, material_conflict=3),
                 period(date(2025, 4, 14)),
                 period(date(2025, 4, 21), verbal_conflict=1)]},
    {"pair": "Pakistan → Turkey", "a": "PAK", "b": "TUR", "directed": True,
     "periods": [period(date(2025, 4, 7), material_coop=1)]},
]


def test_a_timeline_panel_per_pair_with_conflict_below_zero_and_both_axes() -> None:
    spec = charts.timeline_spec(SERIES, "week")
    assert [p["title"] for p in spec["vconcat"]] == ["India – Turkey", "Pakistan → Turkey"]
    bars, line = spec["vconcat"][0]["layer"]
    counts = {(r["period"], r["class"]): r["count"] for r in bars["data"]["values"]}
    assert counts == {("2025-04-07", "verbal cooperation"): 2,
                      ("2025-04-07", "material conflict"): -3,
                      ("2025-04-21", "verbal conflict"): -1}
    assert (bars["data"]["values"][0]["first"], bars["data"]["values"][0]["last"]) == (
        "2025-04-07", "2025-04-13")  # a week, for the click
    assert [r["period"] for r in line["data"]["values"]] == ["2025-04-07", "2025-04-21"]  # no
    # index for a quiet week
    assert bars["encoding"]["color"]["scale"]["domain"][2] == "verbal conflict"
    assert bars["encoding"]["x"]["axis"]["format"] == "%d %b %Y"  # weeks keep their day
    assert line["encoding"]["y"]["scale"]["domain"] == [-1, 1]
    assert line["encoding"]["y"]["axis"]["orient"] == "right"
    assert spec["vconcat"][0]["resolve"] == {"scale": {"y": "independent"}}
    assert spec["vconcat"][1]["layer"][0]["data"]["values"][0]["directed"] is True


def test_the_pair_matrix_is_symmetric_and_keeps_the_busiest_countries() -> None:
    network = {"nodes": [{"id": "IND", "events": 5}, {"id": "TUR", "events": 4},
                         {"id": "PAK", "events": 1}],
               "edges": [{"a": "IND", "b": "TUR", "events": 4, "cooperation": 1, "conflict": 3,
                          "balance": -0.5},
                         {"a": "IND", "b": "PAK", "events": 1, "cooperation": 1, "conflict": 0,
                          "balance": 1.0}]}
    spec = charts.matrix_spec(network, {"IND": "India", "TUR": "Turkey"}, limit=2)
    cells = {(c["a"], c["b"]) for c in spec["data"]["values"]}
    assert cells == {("IND", "TUR"), ("TUR", "IND")}  # Pakistan is not among the busiest two
    rect = spec["layer"][0]["encoding"]
    assert rect["x"]["sort"] == ["India", "Turkey"]
    assert rect["color"]["scale"]["domain"] == [-1, 1]


def test_the_map_projects_clusters_and_shades() -> None:
    places = [{"name": "Geneva", "country": "CHE", "lat": 46.2, "lon": 6.1, "events": 3,
               "conflict": 1},
              {"name": "Nowhere", "country": None, "lat": None, "lon": None, "events": 1,
               "conflict": 0}]
    countries = [{"code": "CHE", "name": "Switzerland", "numeric": "756", "events": 3,
                  "balance": 0.3}]
    spec = charts.map_spec(places, countries, "/world.json")
    assert spec["projection"]["type"] == "equalEarth"
    assert {p["name"] for p in spec["params"]} == {"zoom", "lon", "lat"}
    grey, shaded, dots = spec["layer"][1:]
    assert grey["data"]["url"] == "/world.json"
    assert shaded["transform"][0]["from"]["data"]["values"][0]["numeric"] == "756"
    assert [p["name"] for p in dots["data"]["values"]] == ["Geneva"]  # no coordinates, no dot
    assert "zoom" in dots["transform"][0]["calculate"]  # the clustering grid follows the zoom
    assert dots["encoding"]["size"]["legend"] and dots["encoding"]["color"]["legend"]


@pytest.mark.parametrize("build", [
    lambda: charts.timeline_spec(SERIES, "month"),
    lambda: charts.matrix_spec({"nodes": [{"id": "IND", "events": 1}], "edges": []}, {}),
    lambda: charts.map_spec([], [], charts.world_outline()),
    lambda: charts.partners_spec([], {}, "TUR"),
])
def test_every_spec_is_valid_vega_lite_for_altair(build) -> None:  # type: ignore[no-untyped-def]
    chart = charts.to_altair(build())
    assert chart.to_dict()["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
