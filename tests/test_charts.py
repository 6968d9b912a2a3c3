"""The chart specs, built from hand-made rows, and their Altair form (validated against
Altair's own Vega-Lite schema)."""

from __future__ import annotations

import json
import re
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
    assert [p["title"]["text"] for p in spec["vconcat"]] == ["India – Turkey", "Pakistan → Turkey"]
    bars, _zero, line = spec["vconcat"][0]["layer"]
    counts = {(r["period"], r["class"]): r["count"] for r in bars["data"]["values"]}
    assert counts == {("2025-04-07", "verbal cooperation"): 2,
                      ("2025-04-07", "material conflict"): -3,
                      ("2025-04-21", "verbal conflict"): -1}
    assert (bars["data"]["values"][0]["first"], bars["data"]["values"][0]["last"]) == (
        "2025-04-07", "2025-04-13")  # a week, for the click
    assert bars["encoding"]["color"]["scale"]["domain"][2] == "verbal conflict"
    assert bars["encoding"]["x"]["axis"]["format"] == "%d %b %Y"  # weeks keep their day
    assert line["encoding"]["y"]["axis"]["orient"] == "right"
    assert spec["vconcat"][1]["layer"][0]["data"]["values"][0]["directed"] is True


def _zero_at(domain: list[float]) -> float:
    """Where zero sits on a linear axis, as a fraction of its height from the bottom."""
    low, high = domain
    return (0 - low) / (high - low)


def test_the_index_and_the_bars_share_their_zero() -> None:
    for scales in charts.SCALE_MODES:
        for panel in charts.timeline_spec(SERIES, "week", scales=scales)["vconcat"]:
            bars, zero, line = panel["layer"][:3]
            events, index = bars["encoding"]["y"]["scale"], line["encoding"]["y"]["scale"]
            assert index["domain"] == [-1, 1]
            assert _zero_at(events["domain"]) == _zero_at(index["domain"]) == 0.5
            # no "nice" rounding may move either domain away from its symmetric bounds
            assert events["nice"] is False and index["nice"] is False
            assert zero["mark"]["type"] == "rule" and zero["encoding"]["y"]["datum"] == 0
            assert zero["encoding"]["y"]["scale"] == events


def test_the_line_breaks_at_a_period_without_events() -> None:
    line = charts.timeline_spec(SERIES, "week")["vconcat"][0]["layer"][2]
    index = [(r["period"], r["cooperation_index"]) for r in line["data"]["values"]]
    assert index == [("2025-04-07", 0.1), ("2025-04-14", None), ("2025-04-21", 0.1)]
    assert line["mark"]["invalid"] == "break-paths-filter-domains"  # not joined across


def test_stacked_panels_share_their_event_scale_or_say_they_do_not() -> None:
    shared = charts.timeline_spec(SERIES, "week")["vconcat"]
    # IND-TUR's tallest stack is 3 (conflict), PAK-TUR's 1: both panels are drawn to +-3
    assert [p["layer"][0]["encoding"]["y"]["scale"]["domain"] for p in shared] == [[-3, 3]] * 2
    assert all("same in every panel" in p["title"]["subtitle"] for p in shared)
    own = charts.timeline_spec(SERIES, "week", scales="independent")["vconcat"]
    assert [p["layer"][0]["encoding"]["y"]["scale"]["domain"] for p in own] == [[-3, 3],
                                                                               [-1, 1]]
    assert all("own event scale" in p["title"]["subtitle"] for p in own)
    with pytest.raises(ValueError, match="scales must be one of"):
        charts.timeline_spec(SERIES, scales="free")


def test_a_pair_without_events_says_so_in_its_panel() -> None:
    quiet = [{"pair": "Chile – Peru", "a": "CHL", "b": "PER", "directed": False,
              "periods": []}]
    panel = charts.timeline_spec(quiet)["vconcat"][0]
    assert panel["layer"][-1]["encoding"]["text"]["value"] == "No events for this pair"
    assert "no events" in panel["title"]["subtitle"]
    assert "Chile – Peru: 0 events" in charts.timeline_spec(quiet)["description"]


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


def contrast(colour: str, against: str = "#ffffff") -> float:
    """WCAG 2 contrast ratio of two sRGB colours."""
    def luminance(hex_: str) -> float:
        channels = [int(hex_.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    light, dark = sorted((luminance(colour), luminance(against)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast("#000000") == pytest.approx(21.0)
    assert contrast("#9ccc9c") == pytest.approx(1.8, abs=0.05)  # the old light green: too pale


def test_every_class_colour_stands_out_from_the_page() -> None:
    assert all(contrast(colour) >= 3.0 for *_, colour in charts.CLASSES)


def _is_greenish(hex_: str) -> bool:
    r, g, b = (int(hex_.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return g > r + 30 and g > b + 10


def test_no_scale_is_red_against_green() -> None:
    """Cooperation in blues, conflict in oranges: the scales name no red-green scheme, and
    none of their colours is a green."""
    specs = [charts.timeline_spec(SERIES), charts.matrix_spec({"nodes": [], "edges": []}, {}),
             charts.map_spec([], [], "/w.json"), charts.partners_spec([], {}, "TUR")]
    text = json.dumps(specs)
    for scheme in ("redyellowgreen", "redgreen", "greenred", "spectral", "redyellowblue"):
        assert scheme not in text.lower()
    colours = re.findall(r'"(#[0-9a-fA-F]{6})"', json.dumps(
        [charts.CLASSES, charts.BALANCE_SCALE, charts.CONFLICT_SHARE_SCALE]))
    assert colours and not [c for c in colours if _is_greenish(c)]
    assert charts.BALANCE_SCALE["scheme"] == "blueorange" and charts.BALANCE_SCALE["reverse"]


def test_every_chart_describes_itself_for_a_screen_reader() -> None:
    network = {"nodes": [{"id": "IND", "events": 4}, {"id": "TUR", "events": 4}],
               "edges": [{"a": "IND", "b": "TUR", "events": 4, "cooperation": 1, "conflict": 3,
                          "balance": -0.5}]}
    assert "India – Turkey: 6 events" in charts.timeline_spec(SERIES)["description"]
    assert "1 pairs" in charts.matrix_spec(network, {})["description"]
    places = [{"name": "Geneva", "lat": 46.2, "lon": 6.1, "events": 3, "conflict": 1}]
    assert "1 places with 3 events" in charts.map_spec(places, [], "/w.json")["description"]


@pytest.mark.parametrize("build", [
    lambda: charts.timeline_spec(SERIES, "month"),
    lambda: charts.timeline_spec(SERIES, "month", scales="independent"),
    lambda: charts.timeline_spec([{"pair": "x", "a": "CHL", "b": "PER", "directed": False,
                                   "periods": []}]),
    lambda: charts.matrix_spec({"nodes": [{"id": "IND", "events": 1}], "edges": []}, {}),
    lambda: charts.map_spec([], [], charts.world_outline()),
    lambda: charts.partners_spec([], {}, "TUR"),
    lambda: charts.timeline_spec([{**SERIES[1], "periods": [
        {**SERIES[1]["periods"][0], "stories": 3}]}], "week", normalize="stories"),
    lambda: charts.network_spec(NETWORK, {"IND": "India"}),
])
def test_every_spec_is_valid_vega_lite_for_altair(build) -> None:  # type: ignore[no-untyped-def]
    chart = charts.to_altair(build())
    assert chart.to_dict()["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")


def test_bars_per_100_stories_divide_each_class_by_its_periods_stories() -> None:
    stories = {date(2025, 4, 7): 40, date(2025, 4, 14): 10}  # none published on 21 April
    series = [{**s, "periods": [{**p, "stories": stories.get(p["period"], 0)}
                                for p in s["periods"]]} for s in SERIES]
    spec = charts.timeline_spec(series, "week", normalize="stories")
    bars, _zero, line = spec["vconcat"][0]["layer"]
    counts = {(r["period"], r["class"]): r["count"] for r in bars["data"]["values"]}
    assert counts == {("2025-04-07", "verbal cooperation"): 5.0,  # 2 of 40 stories
                      ("2025-04-07", "material conflict"): -7.5}  # 3 of 40
    assert bars["encoding"]["y"]["title"].startswith("events per 100 stories coded")
    assert bars["encoding"]["y"]["scale"]["domain"] == [-8, 8]  # the tallest rate, rounded up
    subtitle = spec["vconcat"][0]["title"]["subtitle"]
    assert "per 100 stories" in subtitle and "1 period with events but no story" in subtitle
    # the index is a ratio of the period's own events: unchanged
    plain = charts.timeline_spec(SERIES, "week")["vconcat"][0]["layer"][2]
    assert line["data"]["values"][0]["cooperation_index"] == \
        plain["data"]["values"][0]["cooperation_index"]
    assert spec["usermeta"]["normalize"] == "stories"
    with pytest.raises(ValueError, match="normalize must be one of"):
        charts.timeline_spec(series, "week", normalize="articles")


NETWORK = {"nodes": [{"id": "IND", "events": 5}, {"id": "TUR", "events": 4},
                     {"id": "PAK", "events": 1}, {"id": "CHN", "events": 1}],
           "edges": [{"a": "IND", "b": "TUR", "events": 4, "cooperation": 1, "conflict": 3,
                      "balance": -0.5},
                     {"a": "IND", "b": "PAK", "events": 1, "cooperation": 1, "conflict": 0,
                      "balance": 1.0},
                     {"a": "CHN", "b": "PAK", "events": 1, "cooperation": 1, "conflict": 0,
                      "balance": 1.0}]}


def test_the_network_puts_the_busiest_on_a_circle_and_a_line_per_pair_between_them() -> None:
    spec = charts.network_spec(NETWORK, {"IND": "India", "TUR": "Turkey"}, limit=3)
    edges, nodes = spec["layer"][0]["data"]["values"], spec["layer"][1]["data"]["values"]
    assert [n["code"] for n in nodes] == ["IND", "TUR", "PAK"]  # China is not among three
    assert (nodes[0]["x"], nodes[0]["y"]) == (0.0, 1.0)  # the busiest at the top
    assert all(abs(n["x"] ** 2 + n["y"] ** 2 - 1) < 1e-3 for n in nodes)
    assert {(e["a"], e["b"]) for e in edges} == {("IND", "TUR"), ("IND", "PAK")}
    tur = next(e for e in edges if e["b"] == "TUR")
    assert (tur["x"], tur["y"], tur["x2"], tur["y2"]) == (
        nodes[0]["x"], nodes[0]["y"], nodes[1]["x"], nodes[1]["y"])
    assert tur["a_name"] == "India" and tur["b_name"] == "Turkey"
    assert spec["layer"][0]["encoding"]["color"]["scale"] == charts.BALANCE_SCALE
    assert "3 busiest parties and the 2 pairs" in spec["description"]
