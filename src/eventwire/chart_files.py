"""Charts as files a notebook can share: HTML that draws offline (the dashboard's vendored
Vega, Vega-Lite and vega-embed inlined, nothing fetched), the Vega-Lite JSON, or PNG/SVG/PDF
through Altair's converter (vl-convert-python, which carries its own Vega and fonts: no
network either)."""

from __future__ import annotations

import html
import importlib.util
import json
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.charts import to_altair

#: The vendored scripts, in the order a page loads them (as the dashboard's index.html does).
VENDORED = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")
#: What vega-embed's menu offers in a saved page: the picture, not the editor (which is online).
_ACTIONS = {"export": True, "source": False, "compiled": False, "editor": False}


def _script(name: str) -> str:
    text = resources.files("eventwire.web").joinpath(f"static/vendor/{name}").read_text("utf-8")
    # a script's text ends at the first "</script", whatever the JavaScript means by it
    return text.replace("</script", "<\\/script")


def offline_html(spec: dict[str, Any], title: str | None = None) -> str:
    """A whole HTML page that draws ``spec`` with no network: the scripts and data inline."""
    name = title or str(spec.get("description") or "eventwire chart")
    data = json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")
    scripts = "\n".join(f"<script>{_script(n)}</script>" for n in VENDORED)
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(name[:120])}</title></head>\n<body>\n"
            f"<div id=\"chart\" role=\"figure\" aria-label=\"{html.escape(name, quote=True)}\">"
            f"</div>\n{scripts}\n<script>\nvegaEmbed(\"#chart\", {data}, "
            f"{{renderer: \"svg\", actions: {json.dumps(_ACTIONS)}}});\n</script>\n"
            "</body></html>\n")


#: The Vega-Lite 6 mime type (Altair's), which JupyterLab, VS Code and nteract can draw themselves.
VEGALITE_MIME = "application/vnd.vegalite.v6.json"


def _height(spec: dict[str, Any]) -> int:
    """Roughly how tall the chart draws, for the frame that holds it in a notebook."""
    if "vconcat" in spec:
        return sum(int(p.get("height", 220)) + 90 for p in spec["vconcat"]) + 80
    height = spec.get("height", 400)
    return (int(height) if isinstance(height, int | float) else 600) + 160


def mimebundle(spec: dict[str, Any], summary: str) -> dict[str, Any]:
    """What a notebook displays for a chart: the Vega-Lite for front ends that draw it, and
    for the rest (classic Notebook, nbviewer with scripts) the offline page in a frame,
    which needs no network: the vendored scripts travel with it (about 0.85 MB a chart)."""
    frame = (f"<iframe srcdoc=\"{html.escape(offline_html(spec), quote=True)}\" "
             f"style=\"width: 100%; height: {_height(spec)}px; border: 0\" "
             f"title=\"{html.escape(str(spec.get('description') or 'chart'), quote=True)}\">"
             "</iframe>")
    return {VEGALITE_MIME: spec, "text/html": frame, "text/plain": summary}


def save(spec: dict[str, Any], path: str | Path) -> Path:
    """Write ``spec`` to ``path`` by its ending: .html (offline), .json (the spec), or .png,
    .svg, .pdf (Altair's converter, vl-convert-python)."""
    out = Path(path)
    kind = out.suffix.lower().lstrip(".")
    if kind in ("html", "htm"):
        out.write_text(offline_html(spec), "utf-8")
    elif kind == "json":
        out.write_text(json.dumps(spec, ensure_ascii=False, indent=1), "utf-8")
    elif kind in ("png", "svg", "pdf"):
        if importlib.util.find_spec("vl_convert") is None:  # a venv made before it was locked
            raise RuntimeError(f"{out}: saving .{kind} needs vl-convert-python, which is not "
                               "installed (run scripts/setup.sh again); save as .html (draws "
                               "offline) or .json")
        to_altair(spec).save(str(out))
    else:
        raise ValueError(f"{out}: give a file ending in .html, .json, .png, .svg or .pdf")
    return out
