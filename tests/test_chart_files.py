"""Charts saved as files: the offline page drawn by a real Chromium with every request
refused, the JSON, and PNG and SVG drawn with no network."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from eventwire import chart_files, charts
from tests.test_charts import SERIES


def test_the_page_carries_its_scripts_and_data(tmp_path: Path) -> None:
    spec = charts.timeline_spec(SERIES, "week")
    page = chart_files.save(spec, tmp_path / "t.html").read_text("utf-8")
    assert "<script src" not in page and page.count("<script>") == len(chart_files.VENDORED) + 1
    assert "India – Turkey" in page and 'role="figure"' in page
    assert json.loads(chart_files.save(spec, tmp_path / "t.json").read_text("utf-8")) == spec


def test_a_closing_script_tag_in_the_data_stays_data(tmp_path: Path) -> None:
    series = [{**SERIES[0], "pair": "</script><script>window.pwned = 1</script>"}]
    page = chart_files.offline_html(charts.timeline_spec(series))
    assert "</script><script>window.pwned" not in page


def test_png_and_svg_are_drawn_by_the_locked_converter(tmp_path: Path) -> None:
    spec = charts.timeline_spec(SERIES, "week")
    png = chart_files.save(spec, tmp_path / "t.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert width > 400 and height > 400  # two panels, drawn, not an empty frame
    svg = ET.parse(chart_files.save(spec, tmp_path / "t.svg")).getroot()
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "India – Turkey" in texts and "Pakistan → Turkey" in texts
    assert svg.iter("{http://www.w3.org/2000/svg}path")  # the bars
    with pytest.raises(ValueError, match=r"give a file ending in \.html"):
        chart_files.save(spec, tmp_path / "t.gif")


@pytest.mark.skipif(shutil.which("unshare") is None or
                    subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode,
                    reason="no network namespace here to take the network away")
def test_png_and_svg_need_no_network(tmp_path: Path) -> None:
    """Saved with no network at all (a fresh network namespace: not even loopback is up)."""
    script = ("import sys; from eventwire import chart_files, charts; "
              "from tests.test_charts import SERIES; "
              "[chart_files.save(charts.timeline_spec(SERIES), sys.argv[1] + e) "
              "for e in ('.png', '.svg')]")
    run = subprocess.run(["unshare", "-n", sys.executable, "-c", script, str(tmp_path / "c")],
                         capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "c.png").stat().st_size > 1000
    assert "India – Turkey" in (tmp_path / "c.svg").read_text("utf-8")


@pytest.mark.slow
def test_the_saved_page_draws_in_chromium_with_no_network(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail("chromium is not installed (scripts/test.sh installs Debian's package)")
    from playwright.sync_api import sync_playwright

    path = chart_files.save(charts.timeline_spec(SERIES, "week"), tmp_path / "t.html")
    quiet = {**SERIES[0], "periods": [{**SERIES[0]["periods"][1], "period": date(2025, 4, 14)}]}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        asked: list[str] = []
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
            "file://") else (asked.append(route.request.url), route.abort()))
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(path.as_uri())
        page.wait_for_selector("#chart svg .mark-rect path", state="attached")
        titles = page.locator("#chart svg .role-title-text").evaluate_all(
            "ts => ts.map(t => t.textContent)")
        assert titles == ["India – Turkey", "Pakistan → Turkey"]
        assert not asked and not errors
        chart_files.save(charts.timeline_spec([quiet]), tmp_path / "q.html")
        page.goto((tmp_path / "q.html").as_uri())
        page.wait_for_selector("#chart svg .mark-text text", state="attached")
        assert "No events for this pair" in page.inner_text("#chart")
        browser.close()
