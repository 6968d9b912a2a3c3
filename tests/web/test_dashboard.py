"""The dashboard in a real Chromium (Debian's package), driven by Playwright, on a real server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server import build_demo_db, running_server

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


@pytest.fixture()
def page(browser, site: str):  # type: ignore[no-untyped-def]
    # Playwright's wait_for_function evaluates strings, which the server's CSP forbids; the
    # pages themselves are checked under the CSP in test_pages_run_under_the_servers_csp.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    # The page must work offline: block every request that is not to the test server.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site)
                  else route.abort())
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(site + "/")
    yield pg
    assert not errors, errors
    context.close()


def test_dyad_picker_draws_the_timeline_and_links_to_events(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("#dyad-picker option", state="attached")
    page.select_option("#dyad-picker", "PAK/TUR")
    page.wait_for_function("document.getElementById('timeline-title').textContent"
                           ".startsWith('PAK – TUR')")
    page.select_option("#dyad-picker", "IND/TUR")
    page.wait_for_function("document.getElementById('timeline-title').textContent"
                           ".startsWith('IND – TUR')")
    assert page.locator("#timeline g.period").count() >= 3
    assert page.locator("#timeline rect.q4, #timeline rect.q3").count() > 0
    page.locator("#timeline g.period").last.locator("rect").first.click()
    page.wait_for_function("location.hash.startsWith('#/events?a=IND&b=TUR')")
    page.wait_for_selector("#events-table tbody tr")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() > 0
    assert "IND" in page.inner_text("#events-table") and "TUR" in page.inner_text("#events-table")


def test_article_view_highlights_triggers_and_actors(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/events?a=IND&b=TUR")
    page.wait_for_selector("#events-table tbody tr td.sentence a")
    page.locator("#events-table tbody tr td.sentence a").first.click()
    page.wait_for_selector("#article-text mark.trigger")
    assert page.locator("#article-text mark.trigger").count() >= 1
    assert page.locator("#article-text span.actor.source").count() >= 1
    assert page.locator("#article-events li").count() >= 1


def test_article_markup_is_shown_as_text_never_run(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/article/xss")
    page.wait_for_function("document.getElementById('article-text').textContent.length > 0")
    assert "<script>window.pwned = true;</script>" in page.inner_text("#article-text")
    assert page.inner_text("#article-title") == "<b>Markup</b> in a title"
    assert page.evaluate("window.pwned === undefined")
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.locator("#article-quotes script, #article-quotes img").count() == 0


def test_network_map_and_alerts_render(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/network")
    page.wait_for_selector("#network line.edge")
    assert page.locator("#network g.node").count() >= 10
    page.goto(site + "/#/map")
    page.wait_for_selector("#map path.country")
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map circle.place").count() > 0
    page.locator("#map circle.place").first.dispatch_event("click")
    page.wait_for_function("location.hash.startsWith('#/events?location=')")
    page.wait_for_selector("#events-table tbody tr")
    assert page.inner_text("#events-count").split()[0] != "0"
    page.goto(site + "/#/alerts")
    page.wait_for_selector("#alerts li a")
    assert page.locator("#alerts li").count() >= 1


def test_event_filters(page, site: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/#/events")
    page.wait_for_selector("#events-table tbody tr")
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('type=ASSAULT')")
    page.wait_for_function("[...document.querySelectorAll('#events-table tbody td.type')]"
                           ".every(td => td.textContent.startsWith('ASSAULT'))")
    types = page.locator("#events-table tbody td.type").all_inner_texts()
    assert types and all(t.startswith("ASSAULT") for t in types)


def test_screenshots_for_the_docs(page, site: str) -> None:  # type: ignore[no-untyped-def]
    """Keeps docs/screenshots current when EVENTWIRE_SCREENSHOTS is set (not in CI)."""
    import os

    folder = os.environ.get("EVENTWIRE_SCREENSHOTS")
    if not folder:
        pytest.skip("set EVENTWIRE_SCREENSHOTS=docs/screenshots to refresh the screenshots")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, hash_, ready in [
        ("relations", "#/relations/IND/TUR", "#timeline g.period"),
        ("network", "#/network", "#network line.edge"),
        ("map", "#/map", "#map circle.place"),
        ("events", "#/events?a=IND&b=TUR", "#events-table tbody tr"),
        ("article", "#/article/demo-028", "#article-text mark.trigger"),
    ]:
        page.goto(site + "/" + hash_)
        page.wait_for_selector(ready)
        page.wait_for_timeout(300)
        page.screenshot(path=str(out / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(("path", "ready"), [("/", "#dyad-picker option"),
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
