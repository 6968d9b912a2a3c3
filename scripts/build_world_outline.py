"""Build the dashboard's offline world map (src/eventwire/web/static/world.json) from the npm
package world-atlas (ISC licence; Natural Earth data, public domain):

    npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    .venv/bin/python scripts/build_world_outline.py package/countries-110m.json

Decodes the TopoJSON arcs and writes one SVG path per country in an equirectangular projection
(x = longitude + 180, y = 90 - latitude, so the viewBox is 0 0 360 180).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "src/eventwire/web/static/world.json"


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for r in rings:
        coords = [f"{lon + 180:.1f},{90 - lat:.1f}" for lon, lat in r]
        parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def main() -> None:
    topo = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom["type"] == "Polygon":
            polys = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polys = geom["arcs"]
        else:
            continue
        rings = [ring(arcs, r) for poly in polys for r in poly]
        countries.append({"id": geom.get("id"), "name": geom["properties"].get("name"),
                          "d": path(rings)})
    OUT.write_text(json.dumps(countries, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {len(countries)} countries to {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
