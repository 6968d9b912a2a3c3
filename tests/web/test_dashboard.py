"""The dashboard in a real Chromium (Debian's package), driven by Playwright, on a real server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.server import XSS_ACTOR, build_demo_db, running_server

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_demo_db(tmp_path_factory.mktemp("web"))
    with running_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.fail("chromium is not installed (scripts/test.sh installs Debian's package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@contextmanager
def offline_page(browser, site: str):  # type: ignore[no-untyped-def]
    """A 1280x900 page on which every request not to ``site`` is refused (the dashboard must
    work offline); a script error on it fails the test."""
    # Playwright's wait_for_function evaluates strings, which the server's CSP forbids; the
    # pages themselves are checked under the CSP in test_pages_run_under_the_servers_csp.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site)
                  else route.abort())
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    assert not errors, errors
    context.close()


@pytest.fixture()
def page(browser, site: str):  # type: ignore[no-untyped-def]
    with offline_page(browser, site) as pg:
        pg.goto(site + "/")
        yield pg


def wait_for_chart(page, box: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector(f"{box} svg .mark-rect path, {box} svg .mark-shape path, "
                           f"{box} svg .mark-symbol path", state="attached")


def test_pairs_by_name_draw_a_timeline_whose_bars_open_their_events(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/relations")
    page.wait_for_function("location.hash.includes('pair=')")  # the busiest pair by default
    page.fill("#pair-picker input[name=a]", "Pakistan")
    page.fill("#pair-picker input[name=b]", "Türkiye")
    page.select_option("#pair-picker select[name=direction]", "ab")
    page.click("#pair-picker button[type=submit]")
    page.wait_for_function("location.hash.includes('pair=PAK%3ETUR')")  # names become codes
    assert "Pair Pakistan → Turkey" in page.inner_text("#chips")
    wait_for_chart(page, "#timeline")
    titles = page.locator("#timeline svg .role-title-text").evaluate_all(
        "ts => ts.map(t => t.textContent)")
    assert "India – Turkey" in titles and "Pakistan → Turkey" in titles
    assert page.locator("#timeline svg .role-legend").count() >= 1  # a colour key
    assert page.locator("#timeline svg .role-axis").count() >= 3  # time, events, index
    page.locator("#timeline svg .mark-rect path").first.click()
    page.wait_for_function("location.hash.startsWith('#/events?')")
    page.wait_for_selector("#events-table tbody tr td.sentence")
    assert "Pair India (IND) – Turkey (TUR)" in page.inner_text("#chips")
    assert "From 2025-01-01" in page.inner_text("#chips")


#: Per y axis of the timeline, as drawn: its aria label and where its zero tick label sits.
ZEROS = """() => [...document.querySelectorAll('#timeline svg .role-axis')]
  .filter(a => (a.getAttribute('aria-label') || '').startsWith('Y-axis'))
  .map(a => { const zero = [...a.querySelectorAll('.role-axis-label text')]
                .find(t => Number(t.textContent.replace('\u2212', '-')) === 0);
              const box = zero.getBoundingClientRect();
              return [a.getAttribute('aria-label'), box.y + box.height / 2]; })"""


def test_the_timeline_cannot_mislead(page, site: str) -> None:  # type: ignore[no-untyped-def]
    """Bars and index share their zero, the line breaks at quiet months, and the stacked
    panels share one event scale (or each says it has its own)."""
    page.goto(site + "/#/relations?pair=IND%2CTUR&pair=PAK%2CTUR")
    wait_for_chart(page, "#timeline")
    axes = page.evaluate(ZEROS)
    assert len(axes) == 4  # events and index, in each of the two panels
    for (events, y_events), (index, y_index) in zip(axes[::2], axes[1::2], strict=True):
        assert "events" in events and "cooperation index" in index
        assert abs(y_events - y_index) < 1.5  # one zero, drawn at one height
    assert len({label for label, _ in axes[::2]}) == 1  # the same event scale in both panels
    subtitles = page.locator("#timeline svg .role-title-subtitle").evaluate_all(
        "ts => ts.map(t => t.textContent)")
    assert len(subtitles) == 2 and all("same in every panel" in t for t in subtitles)
    # India-Turkey has no events in February and April 2025: its line is not one stroke
    strokes = page.locator("#timeline svg .mark-line path").first.get_attribute("d") or ""
    assert strokes.count("M") >= 3
    page.select_option("#scales", "independent")
    page.wait_for_function("location.hash.includes('scales=independent')")
    page.wait_for_function("[...document.querySelectorAll('#timeline svg .role-title-subtitle')]"
                           ".every(t => t.textContent.includes('own event scale'))")
    axes = page.evaluate(ZEROS)
    assert len({label for label, _ in axes[::2]}) == 2  # each pair its own, and said so
    for (_, y_events), (_, y_index) in zip(axes[::2], axes[1::2], strict=True):
        assert abs(y_events - y_index) < 1.5


def test_a_slow_answer_is_marked_stale_and_never_shows_under_a_newer_chip(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/relations?pair=IND%2CTUR")
    wait_for_chart(page, "#timeline")
    page.wait_for_function("document.querySelector('main').dataset.for === location.hash")
    assert page.is_hidden("#loading")
    held: list = []  # the chart requests the test answers late, in its own order
    def hold(route) -> None:  # type: ignore[no-untyped-def]
        held.append(route)

    page.route("**/api/charts/timeline?*", hold)
    page.select_option("#scope select[name=type]", "ACCUSE")
    page.click("#scope button[type=submit]")
    page.wait_for_function("document.getElementById('chips').textContent.includes('ACCUSE')")
    page.wait_for_function("document.getElementById('loading').hidden === false")
    # the chart of before is still there, but marked as such while the answer is out
    assert page.get_attribute("#view-relations", "aria-busy") == "true"
    assert "stale" in (page.get_attribute("#view-relations", "class") or "")
    assert float(page.evaluate(
        "getComputedStyle(document.getElementById('timeline')).opacity")) < 0.5
    assert len(held) == 1
    # a newer filter before the slow answer is in: the slow one must never be drawn
    page.select_option("#scope select[name=type]", "CONSULT")
    page.click("#scope button[type=submit]")
    page.wait_for_function("document.getElementById('chips').textContent.includes('CONSULT')")
    assert len(held) == 2 and "ACCUSE" in held[0].request.url
    held[1].continue_()
    page.wait_for_function("document.querySelector('main').dataset.for === location.hash")
    assert page.is_hidden("#loading")
    assert page.get_attribute("#view-relations", "aria-busy") == "false"
    drawn = page.evaluate("document.getElementById('timeline').view.data('data_0')"
                          ".map(d => d.types)")
    held[0].continue_()  # the older answer, late: its request was cancelled, nothing redraws
    page.wait_for_timeout(300)
    assert page.evaluate("document.getElementById('timeline').view.data('data_0')"
                         ".map(d => d.types)") == drawn
    assert drawn and all("CONSULT" in t and "ACCUSE" not in t for t in drawn)
    page.unroute("**/api/charts/timeline?*", hold)
    assert "Type CONSULT" in page.inner_text("#chips")


def test_an_empty_answer_says_so_instead_of_a_blank_frame(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/relations?pair=IND%2CTUR&since=2031-01-01")
    page.wait_for_selector("#timeline p.empty")
    assert "No events for India – Turkey" in page.inner_text("#timeline")
    assert page.locator("#timeline svg").count() == 0 and page.is_hidden("#loading")
    page.goto(site + "/#/pairs?since=2031-01-01")
    page.wait_for_selector("#matrix p.empty")
    assert "No country pairs" in page.inner_text("#matrix")
    page.goto(site + "/#/map?since=2031-01-01")
    page.wait_for_selector("#map-empty:not([hidden])")
    page.goto(site + "/#/country/TUR?since=2031-01-01")
    page.wait_for_selector("#partners p.empty")
    page.goto(site + "/#/relations?pair=IND%2CTUR")  # and back: the chart replaces the note
    wait_for_chart(page, "#timeline")
    assert page.locator("#timeline p.empty").count() == 0


def _rgb(fill: str) -> tuple[int, int, int]:
    """A fill as the SVG gives it ('#4393c3' or 'rgb(67, 147, 195)')."""
    if fill.startswith("#"):
        return (int(fill[1:3], 16), int(fill[3:5], 16), int(fill[5:7], 16))
    r, g, b = (int(float(x)) for x in fill[fill.index("(") + 1:fill.index(")")].split(",")[:3])
    return (r, g, b)


def _luminance(rgb: tuple[int, int, int]) -> float:
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
           for c in (x / 255 for x in rgb)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _fills(page, selector: str) -> list[tuple[int, int, int]]:  # type: ignore[no-untyped-def]
    found = page.locator(selector).evaluate_all("ps => ps.map(p => p.getAttribute('fill'))")
    return [_rgb(f) for f in found if f and (f.startswith("#") or f.startswith("rgb("))]


@pytest.mark.parametrize(("hash_", "box", "marks"), [
    ("#/relations?pair=IND%2CTUR&pair=PAK%2CTUR", "#timeline", ".mark-rect path"),
    ("#/pairs", "#matrix", ".mark-rect path"),
    ("#/map", "#map", ".mark-symbol path"),
    ("#/country/TUR", "#partners", ".mark-rect path"),
])
def test_charts_are_colour_blind_safe_labelled_and_reachable_by_keyboard(  # type: ignore[no-untyped-def]
        page, site: str, hash_: str, box: str, marks: str) -> None:
    page.goto(site + "/" + hash_)
    wait_for_chart(page, box)
    page.wait_for_function("document.querySelector('main').dataset.for === location.hash")
    fills = _fills(page, f"{box} svg {marks}")
    assert fills
    # no drawn mark is a green (cooperation is blue, conflict orange)
    assert not [c for c in fills if c[1] > c[0] + 30 and c[1] > c[2] + 10], fills
    if box in ("#timeline", "#partners"):  # bars: at least 3:1 against the white frame
        assert min((1.05 / (_luminance(c) + 0.05)) for c in fills) >= 3.0
    assert page.get_attribute(box, "role") == "figure"
    label = page.get_attribute(box, "aria-label") or ""
    assert len(label) > 30 and "event" in label
    assert page.evaluate(f"document.querySelector('{box}').tabIndex") == 0
    page.focus(box)
    page.keyboard.press("Shift+Tab")  # off the chart and back onto it with Tab
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == box[1:]
    if box == "#map":  # the keyboard zooms the focused map
        page.keyboard.press("+")
        page.wait_for_function("document.getElementById('map').dataset.zoom === '2'")


def test_a_misspelt_pair_from_the_picker_is_not_a_chip(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/relations?pair=IND%2CTUR")
    wait_for_chart(page, "#timeline")
    page.wait_for_function("document.querySelector('main').dataset.for === location.hash")
    before = page.evaluate("location.hash")
    page.fill("#pair-picker input[name=a]", "Pakistan")
    page.fill("#pair-picker input[name=b]", "Turky")
    page.click("#pair-picker button[type=submit]")
    page.wait_for_selector("#pair-error:not([hidden])")
    assert "did you mean" in page.inner_text("#pair-error")
    assert page.evaluate("location.hash") == before
    assert page.locator("#chips .chip").count() == 1 and "Turky" not in page.inner_text("#chips")
    assert page.input_value("#pair-picker input[name=b]") == "Turky"  # kept, to correct
    page.fill("#pair-picker input[name=b]", "Turkey")
    page.click("#pair-picker button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#chips .chip').length === 2")
    assert page.is_hidden("#pair-error")


def test_the_country_view_is_in_the_navigation(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/relations?since=2025-01-01")
    page.wait_for_function("document.querySelector('main').dataset.for === location.hash")
    page.click("nav a[data-view=country]")
    page.wait_for_function("location.hash.startsWith('#/country/')")  # the busiest country
    wait_for_chart(page, "#partners")
    assert "since=2025-01-01" in page.evaluate("location.hash")
    assert "active" in (page.get_attribute("nav a[data-view=country]", "class") or "")
    page.goto(site + "/#/country/PAK")
    page.wait_for_function("document.getElementById('country-title').textContent"
                           ".startsWith('Pakistan')")
    page.click("nav a[data-view=pairs]")
    page.wait_for_function("location.hash.startsWith('#/pairs')")
    assert page.get_attribute("nav a[data-view=country]", "href") == "#/country/PAK"


def test_the_page_has_a_favicon(page, site: str) -> None:  # type: ignore[no-untyped-def]
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    page.goto(site + "/#/pairs")
    wait_for_chart(page, "#matrix")
    href = page.get_attribute("link[rel=icon]", "href")
    assert href and page.request.get(site + href).headers["content-type"].startswith(
        "image/svg+xml")
    assert not missing, missing


def test_an_alerts_links_keep_its_period(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/alerts")
    page.wait_for_selector("#alerts li a.alert-events")
    item = page.locator("#alerts li").first
    period = item.get_attribute("data-period") or ""
    year, month = int(period[:4]), int(period[5:7])
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).isoformat()
    events = item.locator("a.alert-events").get_attribute("href") or ""
    assert f"since={period}" in events and f"until={last}" in events
    pair = item.locator("a.alert-pair").get_attribute("href") or ""
    assert f"until={last}" in pair and "since=" in pair
    item.locator("a.alert-events").click()
    page.wait_for_function("document.getElementById('events-table').dataset.for "
                           "=== location.hash")
    dates = page.locator("#events-table td[data-label=Date]").all_inner_texts()
    assert dates and all(period <= d <= last for d in dates)


def test_alert_settings_in_the_dashboard_drive_the_api_and_the_links(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/alerts")
    page.wait_for_selector("#alerts li")
    form = "#alert-controls"
    page.select_option(f"{form} select[name=interval]", "quarter")
    page.fill(f"{form} input[name=baseline]", "1")
    page.fill(f"{form} input[name=threshold]", "2")
    page.fill(f"{form} input[name=min_events]", "2")
    page.click(f"{form} button[type=submit]")
    page.wait_for_function("location.hash.includes('interval=quarter') && "
                           "document.querySelector('main').dataset.for === location.hash")
    query = "interval=quarter&baseline=1&threshold=2&min_events=2"
    for part in query.split("&"):
        assert part in page.url
    expected = page.request.get(f"{site}/api/alerts?{query}").json()
    items = page.locator("#alerts li[data-period]")
    assert expected and items.count() == len(expected)
    assert "previous 1 quarter " in page.inner_text("#alerts-about")
    assert "interval=quarter" in (page.get_attribute("#alerts-csv", "href") or "")
    first = items.first
    period = first.get_attribute("data-period") or ""
    assert period == expected[0]["period"]
    year, month = int(period[:4]), int(period[5:7])
    nxt = date(year + (month + 2) // 12, (month + 2) % 12 + 1, 1)
    last = (nxt - timedelta(days=1)).isoformat()
    before = date(year - (month < 4), (month - 4) % 12 + 1, 1).isoformat()
    assert f" Q{(month + 2) // 3} " in first.inner_text()
    pair = first.locator("a.alert-pair").get_attribute("href") or ""
    assert f"since={before}" in pair and f"until={last}" in pair and "interval=quarter" in pair
    events = first.locator("a.alert-events")
    assert events.inner_text() == "that quarter's events"
    assert f"since={period}" in (events.get_attribute("href") or "")
    events.click()
    page.wait_for_function("document.getElementById('events-table').dataset.for "
                           "=== location.hash")
    dates = page.locator("#events-table td[data-label=Date]").all_inner_texts()
    assert dates and all(period <= d <= last for d in dates)
    # looser settings: as many alerts as the API gives for them
    page.goto(site + "/#/alerts?baseline=1&threshold=1&min_events=1")
    page.wait_for_function("document.querySelector('main').dataset.for === location.hash")
    assert page.input_value(f"{form} input[name=threshold]") == "1"
    many = page.request.get(f"{site}/api/alerts?baseline=1&threshold=1&min_events=1").json()
    assert page.locator("#alerts li[data-period]").count() == len(many) > len(expected)


def test_bars_per_100_stories_coded_are_a_timeline_choice(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/relations?pair=IND%2CTUR")
    wait_for_chart(page, "#timeline")
    axis = "#timeline svg .role-axis-title text"
    texts = "ts => ts.map(t => t.textContent)"
    assert not any("per 100 stories" in t for t in page.locator(axis).evaluate_all(texts))
    page.select_option("#normalize", "stories")
    page.wait_for_function("location.hash.includes('normalize=stories') && "
                           "document.querySelector('main').dataset.for === location.hash")
    wait_for_chart(page, "#timeline")
    titles = page.locator(axis).evaluate_all(texts)
    assert any(t.startswith("events per 100 stories coded") for t in titles), titles
    spec = page.request.get(site + "/api/charts/timeline?pair=IND,TUR&normalize=stories").json()
    bars = spec["vconcat"][0]["layer"][0]["data"]["values"]
    assert bars and all(b["stories"] > 0 for b in bars)
    assert page.input_value("#normalize") == "stories"


def test_the_network_view_draws_every_pair_and_opens_a_pairs_relations(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/network")
    wait_for_chart(page, "#network")
    spec = page.request.get(site + "/api/charts/network").json()
    edges, nodes = spec["layer"][0]["data"]["values"], spec["layer"][1]["data"]["values"]
    assert edges and nodes
    # one drawn line per pair, one circle and one label per country
    assert page.locator("#network svg .mark-rule line").count() == len(edges)
    assert page.locator("#network svg .mark-symbol path").count() == len(nodes)
    labels = page.locator("#network svg .mark-text.role-mark text").evaluate_all(
        "ts => ts.map(t => t.textContent)")
    assert sorted(labels) == sorted(n["name"] for n in nodes)
    assert page.get_attribute("#network", "role") == "figure"
    assert page.locator("nav a[data-view=network].active").count() == 1
    page.locator("#network svg .mark-rule line").first.click(force=True)
    page.wait_for_function("location.hash.startsWith('#/relations?') && "
                           "location.hash.includes('pair=')")
    page.goto(site + "/#/network?since=2099-01-01")
    page.wait_for_function("document.querySelector('main').dataset.for === location.hash")
    assert "No country pairs" in page.inner_text("#network")


@pytest.mark.parametrize("collapse", ["event", "none"])
def test_a_bars_count_equals_its_event_list(page, site: str, collapse: str) -> None:  # type: ignore[no-untyped-def]
    """Every bar of a pair, clicked in Chromium: the event list it opens has as many events as
    the bar counts, under each counting rule."""
    from urllib.parse import parse_qs

    counting = "" if collapse == "event" else f"&collapse={collapse}"
    start = f"/#/relations?pair=IND%2CTUR{counting}"
    spec = page.request.get(f"{site}/api/charts/timeline?pair=IND,TUR{counting}").json()
    bars = spec["vconcat"][0]["layer"][0]["data"]["values"]
    assert bars
    for n in range(len(bars)):
        page.goto(site + start)
        page.wait_for_function("document.querySelector('main').dataset.for === location.hash")
        wait_for_chart(page, "#timeline")
        bar_path = page.locator("#timeline svg .mark-rect path").nth(n)
        box = bar_path.bounding_box()
        assert box is not None
        # off the middle, where the index line's point may lie over the bar
        page.mouse.click(box["x"] + 0.2 * box["width"], box["y"] + 0.5 * box["height"])
        page.wait_for_function("location.hash.startsWith('#/events?') && "
                               "document.getElementById('events-table').dataset.for "
                               "=== location.hash")
        query = parse_qs(page.evaluate("location.hash").split("?", 1)[1])
        (bar,) = [b for b in bars if b["first"] == query["since"][0]
                  and str(b["quad"]) == query["quad"][0]]
        shown = page.inner_text("#events-count")
        assert shown.startswith(f"{abs(bar['count'])} events"), (bar, shown)
        assert query.get("collapse", ["event"])[0] == collapse


def test_the_maps_counts_follow_the_collapse_mode(page, site: str) -> None:  # type: ignore[no-untyped-def]
    """The map asks for the chosen counting rule and draws the counts the API gives for it:
    its label's total is the sum over /api/locations under that rule, for each rule."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/charts/map" in r.url else None)
    for collapse in ("none", "event", "strict"):
        page.goto(site + f"/#/map?collapse={collapse}")
        page.wait_for_function("document.querySelector('main').dataset.for === location.hash")
        wait_for_chart(page, "#map")
        label = page.get_attribute("#map", "aria-label") or ""
        drawn = int(label.split(" places with ")[1].split(" events")[0])
        places = page.request.get(f"{site}/api/locations?collapse={collapse}").json()
        assert drawn == sum(p["events"] for p in places) > 0
        assert f"collapse={collapse}" in asked[-1]


def test_the_map_shows_where_acts_happened_or_where_stories_were_filed(page, site: str) -> None:  # type: ignore[no-untyped-def]
    def drawn() -> int:
        page.wait_for_function("document.querySelector('main').dataset.for === location.hash")
        wait_for_chart(page, "#map")
        label = page.get_attribute("#map", "aria-label") or ""
        return int(label.split(" places with ")[1].split(" events")[0])

    def api_total(role: str) -> int:
        places = page.request.get(f"{site}/api/locations?place_role={role}").json()
        return sum(p["events"] for p in places)

    page.goto(site + "/#/map")
    acts = drawn()
    assert acts == api_total("event") and page.input_value("#place-role") == "event"
    page.select_option("#place-role", "dateline")
    page.wait_for_function("location.hash.includes('place_role=dateline')")
    filed = drawn()
    assert filed == api_total("dateline") != acts  # the demo's stories are mostly datelined
    assert "place_role=dateline" in (page.get_attribute("#places-csv", "href") or "")
    page.reload()  # the choice is in the URL
    assert drawn() == filed and page.input_value("#place-role") == "dateline"


def test_the_article_page_does_not_scroll_sideways_at_390px(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    for article in ("demo-028", "xss-actor"):
        page.goto(site + f"/#/article/{article}")
        page.wait_for_selector("#article-events li")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390, article
    context.close()


def test_a_country_name_filter_and_a_chip_removal(page, site: str) -> None:  # type: ignore[no-untyped-def]
    def rows() -> tuple[str, list[str]]:
        """The count line and the ids on the page, once drawn for the URL's state."""
        page.wait_for_function("document.getElementById('events-table').dataset.for "
                               "=== location.hash")
        return page.inner_text("#events-count"), page.locator(
            "#events-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.event)")

    page.goto(site + "/#/events?actor=TUR")
    by_code = rows()
    page.fill("#scope input[name=actor]", "Türkiye")
    page.click("#scope button[type=submit]")
    page.wait_for_function("location.hash.includes('actor=T%C3%BCrkiye')")
    page.wait_for_function("document.getElementById('chips').textContent.includes('Türkiye')")
    assert rows() == by_code and by_code
    page.select_option("#scope select[name=type]", "ACCUSE")
    page.click("#scope button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#chips .chip').length === 2")
    accusations = rows()
    assert 0 < int(accusations[0].split()[0]) < int(by_code[0].split()[0])
    page.click("#chips .chip:has-text('Type ACCUSE') button.remove")
    page.wait_for_function("!location.hash.includes('type=')")
    page.wait_for_function("document.querySelectorAll('#chips .chip').length === 1")
    assert page.input_value("#scope select[name=type]") == ""
    assert rows() == by_code
    page.fill("#scope input[name=actor]", "Turky")
    page.click("#scope button[type=submit]")
    page.wait_for_selector("#error:not([hidden])")
    assert "did you mean" in page.inner_text("#error")


def test_a_shared_url_restores_the_whole_state(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    url = (site + "/#/relations?pair=IND%2CTUR&pair=PAK%3ETUR&interval=quarter"
           "&since=2025-01-01&type=ACCUSE")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(url)
    wait_for_chart(page, "#timeline")
    assert page.input_value("#interval") == "quarter"
    assert page.input_value("#scope input[name=since]") == "2025-01-01"
    assert page.input_value("#scope select[name=type]") == "ACCUSE"
    chips = page.inner_text("#chips")
    for label in ("From 2025-01-01", "Type ACCUSE", "India – Turkey", "Pakistan → Turkey"):
        assert label in chips
    assert page.locator("#timeline svg .role-title-text").count() == 2
    # The global date range follows to every view through the navigation.
    page.click("nav a[data-view=pairs]")
    page.wait_for_function("location.hash.startsWith('#/pairs?') && "
                           "location.hash.includes('since=2025-01-01')")
    context.close()


def test_a_chart_exports_as_svg_and_its_data_as_csv(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/pairs")
    wait_for_chart(page, "#matrix")
    page.click("#matrix details summary")
    with page.expect_download() as download:
        page.click("#matrix .vega-actions a:has-text('SVG')")
    saved = Path(download.value.path()).read_text()
    assert saved.startswith("<svg") and "India" in saved
    with page.expect_download() as download:
        page.click("#pairs-csv")
    import csv

    header, *rows = list(csv.reader(Path(download.value.path()).read_text().splitlines()))
    assert {"a", "b", "events", "balance"} <= set(header) and rows


def test_the_map_at_two_zoom_levels(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/map")
    wait_for_chart(page, "#map")
    page.wait_for_selector("#map svg .mark-symbol path", state="attached")

    def spread() -> float:
        """Width of the drawn countries: it grows as the map zooms in."""
        return page.locator("#map svg .mark-shape").nth(2).evaluate(
            "g => g.getBBox().width")

    countries = page.locator("#map svg .mark-shape").nth(1).locator("path").count()
    assert countries > 150  # the whole world, antimeridian clipped (no stripes)
    whole, dots = spread(), page.locator("#map svg .mark-symbol path").count()
    page.click("#zoom-in")
    page.wait_for_function("document.getElementById('map').dataset.zoom === '2'")
    page.click("#zoom-in")
    page.wait_for_function("document.getElementById('map').dataset.zoom === '4'")
    page.wait_for_timeout(200)
    assert spread() > 2 * whole
    assert page.locator("#map svg .mark-symbol path").count() >= dots  # clusters split
    assert "zoom=4" in page.evaluate("location.hash")  # the URL keeps the view
    assert page.locator("#map svg .role-legend").count() >= 2
    page.click("#zoom-reset")
    page.wait_for_function("document.getElementById('map').dataset.zoom === '1'")


def test_a_narrow_screen_shows_events_as_cards_with_the_evidence_first(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    page.goto(site + "/#/events?a=IND&b=TUR")
    page.wait_for_selector("#events-table tbody tr td.sentence a")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    card = page.locator("#events-table tbody tr").first
    evidence = card.locator("td.sentence").bounding_box()
    date_cell = card.locator("td[data-label=Date]").bounding_box()
    assert evidence and date_cell and evidence["y"] < date_cell["y"]  # evidence on top
    assert evidence["x"] + evidence["width"] <= 390
    page.goto(site + "/#/relations")
    wait_for_chart(page, "#timeline")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the chart scrolls
    context.close()


def test_a_missing_article_says_so_and_keeps_nothing_from_before(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/article/demo-028")
    page.wait_for_selector("#article-text mark.trigger")
    page.goto(site + "/#/article/nosuch")
    page.wait_for_function("document.getElementById('article-title').textContent"
                           ".includes('No article')")
    assert page.inner_text("#article-title") == "No article “nosuch” in this database."
    assert page.is_hidden("#article-body")
    assert page.locator("#article-text mark").count() == 0
    assert "{" not in page.inner_text("header") and page.is_hidden("#error")


def test_the_event_you_came_from_is_highlighted_in_its_article(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/events?a=IND&b=TUR")
    page.wait_for_selector("#events-table tbody tr td.sentence a")
    row = page.locator("#events-table tbody tr").nth(1)
    event_id = row.get_attribute("data-event")
    row.locator("td.sentence a").click()
    page.wait_for_selector("#article-text mark.trigger.focus")
    assert page.locator("#article-text mark.focus").get_attribute("data-event") == event_id
    assert page.locator("#article-events li.focus").count() == 1
    assert page.locator("#article-text span.actor.source").count() >= 1


def test_markup_in_article_text_and_actor_names_stays_text(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/article/xss")
    page.wait_for_function("document.getElementById('article-text').textContent.length > 0")
    assert "<script>window.pwned = true;</script>" in page.inner_text("#article-text")
    assert page.inner_text("#article-title") == "<b>Markup</b> in a title"
    page.goto(site + "/#/events?actor=Kenyan%20rebels")
    page.wait_for_selector("#events-table tbody tr td.sentence a")
    assert XSS_ACTOR in page.inner_text("#events-table")
    assert XSS_ACTOR in page.inner_text("#chips") or "Kenyan rebels" in page.inner_text("#chips")
    page.goto(site + "/#/events?actor=" + quote(XSS_ACTOR))
    page.wait_for_selector("#chips .chip")
    page.goto(site + "/#/article/xss-actor")
    page.wait_for_selector("#article-events li")
    page.goto(site + "/#/pairs")
    wait_for_chart(page, "#matrix")
    assert page.evaluate("window.pwned === undefined")
    assert page.locator("main img, #chips img, main script").count() == 0


def test_network_map_and_alerts_render(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/country/Turkey")
    page.wait_for_function("document.getElementById('country-title').textContent"
                           " === 'Turkey (TUR)'")
    wait_for_chart(page, "#partners")
    page.locator("#partners svg .mark-rect path").first.click()
    page.wait_for_function("location.hash.startsWith('#/relations?') && "
                           "location.hash.includes('pair=TUR')")
    page.goto(site + "/#/alerts")
    page.wait_for_selector("#alerts li a")
    assert "surprise" in page.inner_text("#alerts")


def test_screenshots_for_the_docs(page, site: str) -> None:  # type: ignore[no-untyped-def]
    """Keeps docs/screenshots current when EVENTWIRE_SCREENSHOTS is set (not in CI)."""
    import os

    folder = os.environ.get("EVENTWIRE_SCREENSHOTS")
    if not folder:
        pytest.skip("set EVENTWIRE_SCREENSHOTS=docs/screenshots to refresh the screenshots")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, hash_, ready, width in [
        ("relations", "#/relations?pair=IND%2CTUR&pair=PAK%2CTUR", "#timeline svg", 1280),
        ("pairs", "#/pairs", "#matrix svg", 1280),
        ("network", "#/network", "#network svg .mark-rule", 1280),
        ("map", "#/map", "#map svg .mark-symbol", 1280),
        ("map-zoomed", "#/map?zoom=3&lon=55&lat=30", "#map svg .mark-symbol", 1280),
        ("country", "#/country/TUR", "#partners svg", 1280),
        ("events", "#/events?a=IND&b=TUR", "#events-table tbody tr", 1280),
        ("events-390px", "#/events?a=IND&b=TUR", "#events-table tbody tr", 390),
        ("article", "#/article/demo-028", "#article-text mark.trigger", 1280),
        ("article-390px", "#/article/demo-028", "#article-text mark.trigger", 390),
        ("alerts", "#/alerts", "#alerts li", 1280),
    ]:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + "/" + hash_)
        page.wait_for_selector(ready, state="attached")
        page.wait_for_timeout(500)
        page.screenshot(path=str(out / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(("path", "ready"), [("/", "#timeline svg .mark-rect"),
                                             ("/docs", "#swagger-ui .opblock")])
def test_pages_run_under_the_servers_csp_offline(browser, site: str, path: str,  # type: ignore[no-untyped-def]
                                                 ready: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site)
                  else route.abort())
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    response = pg.goto(site + path)
    assert response is not None
    assert "default-src 'self'" in (response.headers.get("content-security-policy") or "")
    pg.wait_for_selector(ready, state="attached", timeout=15000)
    context.close()
    assert not problems, problems


@pytest.fixture(scope="module")
def party_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server over hand-built bloc, body and group events (tests.conftest)."""
    from eventwire.store.db import EventStore
    from tests.conftest import party_records

    db = tmp_path_factory.mktemp("web-parties") / "p.duckdb"
    with EventStore(db) as store:
        store.write(party_records())
    with running_server(db) as url:
        yield url


def test_the_pair_picker_takes_nato_by_name(browser, party_site: str) -> None:  # type: ignore[no-untyped-def]
    with offline_page(browser, party_site) as page:
        page.goto(party_site + "/#/relations?pair=IND,TUR")
        page.wait_for_function("document.querySelectorAll('#country-names option').length > 0")
        offered = page.locator("#country-names option").evaluate_all("os => os.map(o => o.value)")
        assert "NATO" in offered and "European Union" in offered  # bodies by name, beside countries
        page.fill("#pair-picker input[name=a]", "NATO")
        page.fill("#pair-picker input[name=b]", "Russia")
        page.click("#pair-picker button[type=submit]")
        page.wait_for_function("location.hash.includes('pair=IND%2CTUR&pair=IGOWSTNAT%2CRUS')")
        page.wait_for_function("document.getElementById('chips').innerText"
                               ".includes('Pair NATO – Russia')")
        wait_for_chart(page, "#timeline")
        titles = page.locator("#timeline svg .role-title-text").evaluate_all(
            "ts => ts.map(t => t.textContent)")
        assert "NATO – Russia" in titles and "India – Turkey" in titles
        # the same pair again by other names is the same panel, not a second one
        page.fill("#pair-picker input[name=a]", "Russia")
        page.fill("#pair-picker input[name=b]", "the North Atlantic Treaty Organization")
        page.click("#pair-picker button[type=submit]")
        page.wait_for_function("location.hash.endsWith('pair=IND%2CTUR&pair=IGOWSTNAT%2CRUS')")
        wait_for_chart(page, "#timeline")
        assert page.locator("#timeline svg .role-title-text").count() == 2
        assert "unknown" not in page.inner_text("body").lower()
        # the pair's events by name, with the body's CAMEO code
        page.goto(party_site + "/#/events?a=NATO&b=Russia")
        page.wait_for_function("document.querySelector('main').dataset.for === location.hash")
        # The table says which state it was drawn for; an error on the page says why not.
        page.wait_for_function("document.getElementById('events-table').dataset.for"
                               " === location.hash || document.getElementById('error')"
                               ".innerText.trim() !== ''")
        shown = page.inner_text("#events-table")
        assert "IGOWSTNAT" in shown, (page.inner_text("#error"), shown)
        # the matrix has NATO as a party beside the countries
        page.goto(party_site + "/#/pairs")
        wait_for_chart(page, "#matrix")
        assert "NATO" in page.inner_text("#matrix")


@pytest.fixture(scope="module")
def precision_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server over hand-built events: one dated to a month, one to a day; one placed
    by its dateline, one where the act happened."""
    from dataclasses import replace

    from eventwire.schema import Article, Location
    from eventwire.store.db import EventStore
    from tests.conftest import make_event

    db = tmp_path_factory.mktemp("web-precision") / "p.duckdb"
    seoul = Location("Seoul", "KOR", 37.57, 126.98, "dateline", "city")
    beijing = Location("Beijing", "CHN", 39.91, 116.40, "event", "city")
    made = [("m1", date(2019, 3, 1), "month", seoul,
             "In March 2019 North Korea threatened the South, a made-up Seoul dispatch."),
            ("d1", date(2019, 3, 5), "day", beijing,
             "Chinese and North Korean officials met in Beijing on 5 March 2019, made up.")]
    with EventStore(db) as store:
        store.write([(Article(text=text, id=aid, date=date(2025, 10, 21)),
                      [replace(make_event(aid, "THREATEN", "PRK", "KOR", day, 3, -4.0),
                               date_precision=precision, location=place)])  # type: ignore[arg-type]
                     for aid, day, precision, place, text in made])
    with running_server(db) as url:
        yield url


def test_the_event_list_shows_dates_and_places_as_found(browser, precision_site: str) -> None:  # type: ignore[no-untyped-def]
    with offline_page(browser, precision_site) as page:
        page.goto(precision_site + "/#/events")
        page.wait_for_function("document.getElementById('events-table').dataset.for "
                               "=== location.hash")
        rows = page.locator("#events-table tbody tr").evaluate_all(
            "rs => rs.map(r => [r.querySelector('td[data-label=Date]').innerText,"
            " r.querySelector('td[data-label=Where]').innerText])")
    # a month is shown as the month, never as its first day; a dateline says it is one
    assert sorted(rows) == [["2019-03", "Seoul (dateline)"], ["2019-03-05", "Beijing"]]


def test_a_busy_database_is_waited_for_not_shown_as_an_error(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Another process holds the file for 8 s: the server answers 503 with Retry-After after its
    # own wait, and the dashboard asks again as told instead of showing an error.
    import subprocess
    import sys

    from eventwire.store.db import EventStore
    from tests.conftest import party_records

    db = tmp_path / "busy.duckdb"
    with EventStore(db) as store:
        store.write(party_records())
    with running_server(db) as url, offline_page(browser, url) as page:
        holder = subprocess.Popen([sys.executable, "-c", (
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('ok', "
            "flush=True); time.sleep(8)"), str(db)], stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
            page.goto(url + "/#/events?a=NATO&b=Russia")
            page.wait_for_function("document.querySelector('main').dataset.for"
                                   " === location.hash", timeout=90_000)
            assert page.inner_text("#error").strip() == ""
            assert "IGOWSTNAT" in page.inner_text("#events-table")
        finally:
            holder.kill()
            holder.communicate()
