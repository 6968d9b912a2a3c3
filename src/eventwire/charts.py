"""The charts, as Vega-Lite specs with their data inline: the dashboard draws them with vega-embed
(vendored, offline) and a notebook gets the same chart from Altair
(``eventwire.open(db).timeline("IND", "PAK").chart()``). Each function takes the rows the
analysis functions return, so a chart shows exactly what the JSON and CSV endpoints give.
"""

from __future__ import annotations

import json
import math
from datetime import date as Date
from datetime import timedelta
from importlib import resources
from typing import Any

from eventwire.analysis.dyads import next_period

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
#: Quad classes as the charts name and colour them (conflict drawn below zero): blues for
#: cooperation, oranges for conflict, which readers with red-green colour blindness (the
#: commonest kinds) tell apart; each at least 3:1 against the white page (WCAG 1.4.11), the
#: material class the darker.
CLASSES: tuple[tuple[str, str, int, str], ...] = (
    ("verbal_coop", "verbal cooperation", 1, "#4393c3"),
    ("material_coop", "material cooperation", 1, "#1f4e8c"),
    ("verbal_conflict", "verbal conflict", -1, "#e66101"),
    ("material_conflict", "material conflict", -1, "#8c3b00"),
)
#: How each interval is bucketed and labelled on a time axis (weeks keep their day, so two
#: weeks of one month never share a label).
TIME_UNITS = {"day": ("yearmonthdate", "%d %b %Y"), "week": ("yearmonthdate", "%d %b %Y"),
              "month": ("yearmonth", "%b %Y"), "quarter": ("yearquarter", "Q%q %Y"),
              "year": ("year", "%Y")}
#: Balance -1 (conflict) .. +1 (cooperation): orange through white to blue (Vega's blueorange,
#: reversed), no red-green.
BALANCE_SCALE = {"scheme": "blueorange", "reverse": True, "domain": [-1, 1]}
#: A place's share of conflict, 0 .. 1: cooperation's blue to conflict's orange.
CONFLICT_SHARE_SCALE = {"domain": [0, 1], "range": ["#2166ac", "#e66101"], "interpolate": "lab"}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, Date) else value


def timeline_spec(series: list[dict[str, Any]], interval: str = "month",
                  width: int = 760, scales: str = "shared",
                  normalize: str = "none") -> dict[str, Any]:
    """One panel per pair: stacked bars of events by quad class (cooperation up, conflict
    down) on the left axis and the cooperation index (-1 .. +1) as a line on the right axis.

    The two axes cannot mislead: both are symmetric about zero (bars -D .. +D, the index
    -1 .. +1), so their zeros are one line, drawn across the panel; a positive index is
    always above it. The line breaks at periods without events instead of joining across
    them. With ``scales="shared"`` (the default) every panel has the same D, so one event
    looks as tall in every pair; ``"independent"`` gives each panel its own and says so in
    its subtitle. ``series``: ``[{"pair": "IND – TUR", "a": ..., "b": ..., "directed": ...,
    "periods": analysis.timeline(...)}]``. Each bar's datum carries ``pair``, ``a``, ``b``,
    ``directed`` and the period's ``first`` and ``last`` day, for a click to open its
    events.

    ``normalize="stories"`` draws each class's events per 100 stories coded in the period
    (each period's ``stories``: ``analysis.timelines(..., stories=True)``), so that a rise in
    coverage is not read as a rise in relations; a period with events but no story published
    in it (events dated to it by stories of other periods) has no rate and is left out, and
    the panel says how many such periods there are."""
    if scales not in SCALE_MODES:
        raise ValueError(f"scales must be one of {', '.join(SCALE_MODES)}, not {scales!r}")
    if normalize not in NORMALIZE_MODES:
        raise ValueError(f"normalize must be one of {', '.join(NORMALIZE_MODES)}, "
                         f"not {normalize!r}")
    per_story = normalize == "stories"
    if per_story:
        series = [_per_100_stories(s) for s in series]
    if scales not in SCALE_MODES:
        raise ValueError(f"scales must be one of {', '.join(SCALE_MODES)}, not {scales!r}")
    unit, fmt = TIME_UNITS[interval]
    x = {"field": "period", "type": "temporal", "timeUnit": unit, "title": None,
         "axis": {"format": fmt, "labelOverlap": "greedy"}}
    when = {"field": "period", "type": "temporal", "format": fmt, "title": "period"}
    rows = [_timeline_rows(s, interval) for s in series]
    everywhere = max([_reach(s["periods"]) for s in series] or [1])
    panels = []
    for s, (bars, lines) in zip(series, rows, strict=True):
        reach = everywhere if scales == "shared" else _reach(s["periods"])
        events = {"domain": [-reach, reach], "zero": True, "nice": False}
        unit_name = "events per 100 stories" if per_story else "event"
        note = (f"{unit_name} scale ±{reach:g}, the same in every panel" if scales == "shared"
                else f"own {unit_name} scale ±{reach:g}: compare heights within this panel only")
        if s.get("no_stories"):
            note += (f"; {s['no_stories']} period{'s' if s['no_stories'] > 1 else ''} with "
                     "events but no story coded in it not drawn")
        if not bars:
            note = "no events for this pair with these filters"
        if s.get("unplaced"):  # dated to a month in a weekly series, a year in a monthly one
            note += (f"; {s['unplaced']} event{'s' if s['unplaced'] > 1 else ''} dated too "
                     f"coarsely for {interval}s not drawn")
        # name: the pair in codes ("IND,TUR", "PAK>TUR"), for a page to keep in its URL
        code = f"{s['a']}{'>' if s['directed'] else ','}{s['b']}"
        layers: list[dict[str, Any]] = [
            {"data": {"values": bars}, "mark": {"type": "bar", "cursor": "pointer"},
             "encoding": {
                 "x": x,
                 "y": {"field": "count", "type": "quantitative", "stack": True,
                       "scale": events,
                       "title": ("events per 100 stories coded (conflict below zero)"
                                 if per_story else "events (conflict below zero)"),
                       "axis": {} if per_story else {"tickMinStep": 1}},
                 "color": {"field": "class", "type": "nominal", "title": "event class",
                           "scale": {"domain": [c[1] for c in CLASSES],
                                     "range": [c[3] for c in CLASSES]},
                           "legend": {"orient": "top"}},
                 "tooltip": [{"field": "pair"}, when, {"field": "class"},
                             {"field": "count", "title": ("per 100 stories (signed)"
                                                          if per_story else "events (signed)")},
                             *([{"field": "stories", "title": "stories coded"}]
                               if per_story else []),
                             {"field": "events", "title": "all events"},
                             {"field": "net_score", "title": "net score"},
                             {"field": "types"}]}},
            # the zero both axes share, drawn so that no reader has to find it
            {"mark": {"type": "rule", "color": "#1d2733", "strokeWidth": 1},
             "encoding": {"y": {"datum": 0, "type": "quantitative", "scale": events,
                                "axis": None}}},
            {"data": {"values": lines},
             # null index (a period without events): the line stops there, it does not
             # join the periods on either side
             "mark": {"type": "line", "color": "#1d2733", "strokeWidth": 2,
                      "invalid": "break-paths-filter-domains",
                      "point": {"filled": True, "fill": "#1d2733", "stroke": "#ffffff",
                                "size": 40}},
             "encoding": {
                 "x": {**x, "bandPosition": 0.5},  # the middle of its period's bar
                 "y": {"field": "cooperation_index", "type": "quantitative",
                       "scale": {"domain": [-1, 1], "zero": True, "nice": False},
                       "title": "cooperation index (line, -1 .. +1)",
                       "axis": {"orient": "right"}},
                 "tooltip": [{"field": "pair"}, when,
                             {"field": "cooperation_index", "title": "cooperation index"}]}}]
        if not bars:  # an empty panel says so, instead of a blank frame
            layers.append({"data": {"values": [{}]},
                           "mark": {"type": "text", "fontSize": 14, "color": "#5f6b78"},
                           "encoding": {"text": {"value": "No events for this pair"}}})
        panels.append({"name": code, "title": {"text": s["pair"], "subtitle": note},
                       "width": width, "height": 220, "layer": layers,
                       "resolve": {"scale": {"y": "independent"}}})
    # one time axis for all panels, so that pairs can be compared period by period
    return {"$schema": SCHEMA, "description": _timeline_description(series, scales),
            "config": _CONFIG, "vconcat": panels, "resolve": {"scale": {"x": "shared"}},
            "usermeta": {"scales": scales, "normalize": normalize}}


#: How a timeline's stacked panels scale their bars (``timeline_spec``'s ``scales``).
SCALE_MODES = ("shared", "independent")
#: What a timeline's bars count (``timeline_spec``'s ``normalize``): events, or events per 100
#: stories coded in the period.
NORMALIZE_MODES = ("none", "stories")


def _per_100_stories(s: dict[str, Any]) -> dict[str, Any]:
    """A pair's series with each class's count per 100 stories of its period (rounded to 0.01;
    ``events`` and the index stay as counted); periods with no story are left out."""
    kept, dropped = [], 0
    for p in s["periods"]:
        if not p.get("stories"):
            if p["events"]:  # no rate without stories; a quiet period stays (the line breaks)
                dropped += 1
                continue
            kept.append(p)
            continue
        scaled = {k: round(100.0 * p[k] / p["stories"], 2) for k, *_ in CLASSES}
        kept.append({**p, **scaled, "counted": {k: p[k] for k, *_ in CLASSES}})
    return {**s, "periods": kept, "no_stories": dropped}


def _reach(periods: list[dict[str, Any]]) -> float:
    """The tallest stack of a pair, up or down: its bars' half-range (at least 1; a rate's
    rounded up to a whole number)."""
    tallest = max([max(p["verbal_coop"] + p["material_coop"],
                       p["verbal_conflict"] + p["material_conflict"]) for p in periods] or [1])
    return math.ceil(tallest) or 1


def _timeline_description(series: list[dict[str, Any]], scales: str) -> str:
    """What a screen reader says for the chart: the pairs and their totals."""
    parts = [f"{s['pair']}: {sum(p['events'] for p in s['periods'])} events" for s in series]
    return (f"Relations by period ({'; '.join(parts) or 'no pairs'}). Bars: events by class, "
            f"cooperation above zero, conflict below; line: cooperation index on the right "
            f"axis, same zero; {scales} event scales.")


def _timeline_rows(s: dict[str, Any], interval: str
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One pair's bar rows (one per period and quad class) and line rows (one per period)."""
    bars: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for p in s["periods"]:
        end = next_period(p["period"], interval) - timedelta(days=1)
        # period is parsed into a date by Vega-Lite; first/last stay ISO text for a click
        base = {"pair": s["pair"], "a": s["a"], "b": s["b"], "directed": s["directed"],
                "period": _iso(p["period"]), "first": _iso(p["period"]), "last": _iso(end),
                "events": p["events"], **({"stories": p["stories"]} if "stories" in p else {}),
                "net_score": p["net_score"],
                "types": ", ".join(f"{t} {n}" for t, n in sorted(p["types"].items()))}
        for quad, (key, label, sign, _) in enumerate(CLASSES, 1):
            if p[key]:  # quad: for a click to open this class's events
                bars.append({**base, "class": label, "quad": quad, "count": sign * p[key]})
        # every period, a quiet one with a null index, so that the line breaks there
        lines.append({**base, "cooperation_index": p["cooperation_index"]})
    return bars, lines


def matrix_spec(network: dict[str, Any], names: dict[str, str],
                limit: int = 30) -> dict[str, Any]:
    """Country pairs as a matrix (the busiest ``limit`` countries, busiest first): colour is
    the balance of cooperation and conflict, the number is the pair's events. Each cell's
    datum carries ``a`` and ``b``."""
    keep = [n["id"] for n in network["nodes"][:limit]]
    order = [names.get(c, c) for c in keep]
    cells: list[dict[str, Any]] = []
    for e in network["edges"]:
        if e["a"] in keep and e["b"] in keep:
            for a, b in ((e["a"], e["b"]), (e["b"], e["a"])):
                cells.append({"a": a, "b": b, "a_name": names.get(a, a), "b_name": names.get(b, b),
                              "events": e["events"], "cooperation": e["cooperation"],
                              "conflict": e["conflict"], "balance": e["balance"]})
    size = max(14, min(26, 640 // max(1, len(keep))))
    enc = {"x": {"field": "b_name", "type": "nominal", "sort": order, "title": None,
                 "axis": {"orient": "top", "labelAngle": -50}},
           "y": {"field": "a_name", "type": "nominal", "sort": order, "title": None}}
    tooltip = [{"field": "a_name", "title": "country"}, {"field": "b_name", "title": "with"},
               {"field": "events"}, {"field": "cooperation"}, {"field": "conflict"},
               {"field": "balance"}]
    description = (f"Country pairs of the {len(keep)} busiest countries: {len(cells) // 2} "
                   "pairs, colour the balance from orange (conflict) to blue (cooperation), "
                   "the number in a cell the pair's events.")
    return {"$schema": SCHEMA, "description": description, "config": _CONFIG,
            "data": {"values": cells}, "width": size * len(keep), "height": size * len(keep),
            "layer": [
                {"mark": {"type": "rect", "cursor": "pointer", "stroke": "#fff"},
                 "encoding": {**enc, "color": {
                     "field": "balance", "type": "quantitative", "scale": BALANCE_SCALE,
                     "title": ["balance", "-1 conflict .. +1 cooperation"]},
                     "tooltip": tooltip}},
                {"mark": {"type": "text", "fontSize": 9},
                 "encoding": {**enc, "text": {"field": "events"}, "tooltip": tooltip,
                              # white only on the darkest cells of each end (the text's
                              # contrast is at least 3.9:1 either side of the switch)
                              "color": {"condition": {"test": "datum.balance < -0.8 || "
                                                              "datum.balance > 0.75",
                                                      "value": "#ffffff"},
                                        "value": "#1d2733"}}}]}


def network_spec(network: dict[str, Any], names: dict[str, str], limit: int = 30,
                 size: int = 560) -> dict[str, Any]:
    """The busiest ``limit`` parties on a circle, busiest first clockwise from the top, and
    a line for each pair between them: its width the pair's events, its colour the balance
    (the matrix's scale). A circle's area is the party's events. No force layout: the same
    data always draws the same picture, so two screenshots can be compared. Each line's datum
    carries ``a`` and ``b``, each circle's ``code``."""
    keep = [n for n in network["nodes"][:limit]]
    at: dict[str, tuple[float, float]] = {}
    nodes = []
    for i, n in enumerate(keep):
        angle = math.pi / 2 - 2 * math.pi * i / max(1, len(keep))
        at[n["id"]] = (round(math.cos(angle), 4), round(math.sin(angle), 4))
        nodes.append({"code": n["id"], "name": names.get(n["id"], n["id"]), "events": n["events"],
                      "x": at[n["id"]][0], "y": at[n["id"]][1],
                      # the label just outside the circle, on the node's own radius
                      "label_x": round(1.2 * at[n["id"]][0], 4),
                      "label_y": round(1.14 * at[n["id"]][1], 4)})
    edges = [{"a": e["a"], "b": e["b"], "a_name": names.get(e["a"], e["a"]),
              "b_name": names.get(e["b"], e["b"]), "events": e["events"],
              "cooperation": e["cooperation"], "conflict": e["conflict"],
              "balance": e["balance"], "x": at[e["a"]][0], "y": at[e["a"]][1],
              "x2": at[e["b"]][0], "y2": at[e["b"]][1]}
             for e in network["edges"] if e["a"] in at and e["b"] in at and e["a"] != e["b"]]
    axis = {"type": "quantitative", "axis": None,
            "scale": {"domain": [-1.45, 1.45], "nice": False, "zero": False}}
    description = (f"Network of the {len(keep)} busiest parties and the {len(edges)} pairs "
                   "between them: line width the pair's events, colour the balance from "
                   "orange (conflict) to blue (cooperation), circle size a party's events.")
    edge_tip = [{"field": "a_name", "title": "country"}, {"field": "b_name", "title": "with"},
                {"field": "events"}, {"field": "cooperation"}, {"field": "conflict"},
                {"field": "balance"}]
    return {"$schema": SCHEMA, "description": description, "config": _CONFIG,
            "width": size, "height": size, "layer": [
                {"data": {"values": edges}, "mark": {"type": "rule", "cursor": "pointer",
                                                     "opacity": 0.85},
                 "encoding": {"x": {"field": "x", **axis}, "y": {"field": "y", **axis},
                              "x2": {"field": "x2"}, "y2": {"field": "y2"},
                              "strokeWidth": {"field": "events", "type": "quantitative",
                                              "scale": {"range": [1, 9]},
                                              "title": "events of a pair"},
                              "color": {"field": "balance", "type": "quantitative",
                                        "scale": BALANCE_SCALE,
                                        "title": ["balance", "-1 conflict .. +1 cooperation"]},
                              "tooltip": edge_tip}},
                {"data": {"values": nodes},
                 "mark": {"type": "circle", "cursor": "pointer", "color": "#1d2733",
                          "opacity": 1, "stroke": "#ffffff"},
                 "encoding": {"x": {"field": "x", **axis}, "y": {"field": "y", **axis},
                              "size": {"field": "events", "type": "quantitative",
                                       "scale": {"range": [40, 600]}, "legend": None},
                              "tooltip": [{"field": "name", "title": "country"},
                                          {"field": "events"}]}},
                {"data": {"values": nodes},
                 "mark": {"type": "text", "fontSize": 11, "align": "center",
                          "baseline": "middle"},
                 "encoding": {"x": {"field": "label_x", **axis},
                              "y": {"field": "label_y", **axis}, "text": {"field": "name"}}},
            ]}


def map_spec(places: list[dict[str, Any]], countries: list[dict[str, Any]],
             world: str | dict[str, Any], width: int = 900, height: int = 470
             ) -> dict[str, Any]:
    """A world map: countries shaded by the balance of their events, event places as circles
    sized by their events and coloured by their share of conflict, clustered on a grid that
    shrinks as ``zoom`` grows (a place's datum carries ``name``, ``places`` and
    ``events``). ``zoom``, ``lon`` and ``lat`` are parameters a page can set; the projection
    (Equal Earth) clips at the antimeridian. ``world``: the TopoJSON's URL or its content."""
    shading = [{"numeric": c["numeric"], "code": c["code"], "name": c["name"],
                "events": c["events"], "balance": c["balance"]}
               for c in countries if c.get("numeric")]
    world_data = ({"url": world} if isinstance(world, str) else {"values": world}) | {
        "format": {"type": "topojson", "feature": "countries"}}
    projection = {"type": "equalEarth", "scale": {"expr": "zoom * width / 5.6"},
                  "rotate": {"expr": "[-lon, 0, 0]"}, "center": {"expr": "[0, lat]"},
                  "translate": {"expr": "[width / 2, height / 2]"}}
    return {
        "$schema": SCHEMA, "config": _CONFIG,
        "description": (f"Where events happened: {len(places)} places with "
                        f"{sum(p['events'] for p in places)} events, circles sized by events "
                        "and coloured from blue (cooperation) to orange (conflict); "
                        f"{len(shading)} countries shaded by their balance."),
        "width": width, "height": height, "projection": projection,
        "params": [{"name": "zoom", "value": 1}, {"name": "lon", "value": 10},
                   {"name": "lat", "value": 0}],
        # two colour legends: the countries' balance and the places' share of conflict
        "resolve": {"scale": {"color": "independent"}},
        "layer": [
            {"data": {"sphere": True}, "mark": {"type": "geoshape", "fill": "#eef4f8"}},
            # every country in grey, then the countries with events shaded over them
            {"data": world_data, "mark": {"type": "geoshape", "fill": "#e3e7e0",
                                          "stroke": "#ffffff", "strokeWidth": 0.5}},
            {"data": world_data,
             "transform": [{"lookup": "id", "from": {"data": {"values": shading},
                                                     "key": "numeric",
                                                     "fields": ["code", "events", "balance"]}},
                           {"calculate": "datum.properties.name", "as": "country"}],
             "mark": {"type": "geoshape", "stroke": "#ffffff", "strokeWidth": 0.5,
                      "cursor": "pointer"},
             "encoding": {
                 "color": {"field": "balance", "type": "quantitative", "scale": BALANCE_SCALE,
                           "title": ["country balance", "-1 conflict .. +1 cooperation"],
                           "legend": _BELOW},
                 "tooltip": [{"field": "country"}, {"field": "events"},
                             {"field": "balance"}]}},
            {"data": {"values": [{**p, "lat": p["lat"], "lon": p["lon"]} for p in places
                                 if p.get("lat") is not None and p.get("lon") is not None]},
             "transform": [
                 {"calculate": "12 / zoom", "as": "cell"},
                 {"calculate": "floor(datum.lon / datum.cell) + '/' + "
                               "floor(datum.lat / datum.cell)", "as": "cluster"},
                 {"joinaggregate": [{"op": "max", "field": "events", "as": "top"}],
                  "groupby": ["cluster"]},
                 {"aggregate": [{"op": "sum", "field": "events", "as": "events"},
                                {"op": "sum", "field": "conflict", "as": "conflict"},
                                {"op": "count", "as": "places"},
                                {"op": "mean", "field": "lat", "as": "lat"},
                                {"op": "mean", "field": "lon", "as": "lon"},
                                {"op": "argmax", "field": "events", "as": "biggest"}],
                  "groupby": ["cluster"]},
                 {"calculate": "datum.biggest.name", "as": "name"},
                 {"calculate": "datum.conflict / datum.events", "as": "conflict_share"},
                 {"calculate": "datum.places > 1 ? datum.name + ' and ' + (datum.places - 1) "
                               "+ ' more' : datum.name", "as": "label"}],
             "mark": {"type": "circle", "stroke": "#1d2733", "strokeWidth": 0.6,
                      "opacity": 0.85, "cursor": "pointer"},
             "encoding": {
                 "longitude": {"field": "lon", "type": "quantitative"},
                 "latitude": {"field": "lat", "type": "quantitative"},
                 "size": {"field": "events", "type": "quantitative", "title": "events",
                          "scale": {"range": [30, 900]}, "legend": _BELOW},
                 "color": {"field": "conflict_share", "type": "quantitative",
                           "title": "share of conflict",
                           "scale": CONFLICT_SHARE_SCALE,
                           "legend": _BELOW},
                 "tooltip": [{"field": "label", "title": "place"}, {"field": "events"},
                             {"field": "conflict"}]}},
        ],
    }


def partners_spec(rows: list[dict[str, Any]], names: dict[str, str], code: str,
                  width: int = 560) -> dict[str, Any]:
    """One country's partners: cooperative events to the right, conflictual to the left.
    Each bar's datum carries ``a`` and ``b`` (the pair)."""
    values: list[dict[str, Any]] = []
    order: list[str] = []
    for r in rows:
        other = r["b"] if r["a"] == code else r["a"]
        order.append(names.get(other, other))
        for key, label, sign, _ in CLASSES:
            if r[key]:
                values.append({"partner": names.get(other, other), "a": code, "b": other,
                               "class": label, "count": sign * r[key], "events": r["events"],
                               "balance": r["balance"]})
    description = (f"Relations of {names.get(code, code)} with {len(order)} partners: "
                   "cooperative events to the right, conflictual to the left.")
    return {"$schema": SCHEMA, "description": description,
            "config": _CONFIG, "data": {"values": values}, "width": width,
            "height": {"step": 18},
            "mark": {"type": "bar", "cursor": "pointer"},
            "encoding": {
                "y": {"field": "partner", "type": "nominal", "sort": order, "title": None},
                "x": {"field": "count", "type": "quantitative", "stack": True,
                      "title": "events (conflict to the left)"},
                "color": {"field": "class", "type": "nominal", "title": "event class",
                          "scale": {"domain": [c[1] for c in CLASSES],
                                    "range": [c[3] for c in CLASSES]},
                          "legend": {"orient": "top"}},
                "tooltip": [{"field": "partner"}, {"field": "class"},
                            {"field": "count", "title": "events (signed)"},
                            {"field": "events", "title": "all events"},
                            {"field": "balance"}]}}


#: Legends under a chart that fills the page's width.
_BELOW = {"orient": "bottom", "direction": "horizontal", "tickMinStep": 1}
def to_altair(spec: dict[str, Any]) -> Any:
    """The spec as an Altair chart (validated against Altair's Vega-Lite schema), for notebooks:
    display it, ``.save("chart.html")``, or restyle it."""
    import altair as alt  # only notebooks need it, and it is slow to load

    kind = (alt.VConcatChart if "vconcat" in spec else alt.LayerChart if "layer" in spec
            else alt.Chart)
    return kind.from_dict(spec)


def world_outline() -> dict[str, Any]:
    """The vendored world TopoJSON (Natural Earth via npm's world-atlas), for maps drawn
    outside the dashboard."""
    path = resources.files("eventwire.web").joinpath("static/vendor/countries-110m.json")
    outline: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return outline


_CONFIG = {"font": "system-ui, sans-serif", "view": {"stroke": "#e2e6ea"},
           "axis": {"labelColor": "#5f6b78", "titleColor": "#1d2733"},
           "legend": {"labelColor": "#1d2733", "titleColor": "#1d2733"}}
