"""The REST API over HTTP, against a real uvicorn on 127.0.0.1."""

from __future__ import annotations

import httpx
import pytest

from eventwire.schema import EVENT_KEYS
from tests.server import TOKEN

pytestmark = pytest.mark.slow


def get(base: str, path: str, **params: object) -> httpx.Response:
    return httpx.get(base + path, params=params, timeout=30)


def test_openapi_lists_the_routes(base_url: str) -> None:
    paths = get(base_url, "/openapi.json").json()["paths"]
    for route in ("/api/extract", "/api/articles", "/api/events", "/api/dyads/{a}/{b}/timeline",
                  "/api/network", "/api/alerts", "/api/articles/{article_id}"):
        assert route in paths


def test_extract_codes_without_storing(base_url: str) -> None:
    before = get(base_url, "/api/summary").json()["articles"]
    res = httpx.post(base_url + "/api/extract", json={"text": "Japan sent aid to Nepal.",
                                                      "date": "2025-03-01"}, timeout=30)
    assert res.status_code == 200
    (event,) = res.json()["events"]
    assert tuple(event) == EVENT_KEYS and event["type"] == "AID"
    assert event["date"] == "2025-03-01"
    assert get(base_url, "/api/summary").json()["articles"] == before


def test_storing_articles_needs_the_token(base_url: str) -> None:
    body = {"articles": [{"id": "api-1", "date": "2025-10-01",
                          "text": "Chile condemned Peru over the border incident."}]}
    assert httpx.post(base_url + "/api/articles", json=body, timeout=30).status_code == 401
    bad = {"Authorization": "Bearer nope"}
    assert httpx.post(base_url + "/api/articles", json=body, headers=bad,
                      timeout=30).status_code == 401
    ok = httpx.post(base_url + "/api/articles", json=body,
                    headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert ok.status_code == 200 and ok.json()["added"] == 1
    again = httpx.post(base_url + "/api/articles", json=body,
                       headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert again.json()["unchanged"] == 1
    assert get(base_url, "/api/events", article_id="api-1").json()["total"] == 1


def test_an_event_carries_the_deaths_its_sentence_counts(base_url: str) -> None:
    text = ("Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing at least "
            "12 civilians, officials said. Japan sent aid to Nepal.")
    res = httpx.post(base_url + "/api/extract", json={"text": text, "date": "2025-05-01"},
                     timeout=60)
    events = res.json()["events"]
    assert all("fatalities" in e for e in events)
    by_type = {e["type"]: e["fatalities"] for e in events}
    assert by_type.get("ASSAULT") == 12 and by_type.get("AID") is None, by_type


def test_events_filters_and_pages(base_url: str) -> None:
    page = get(base_url, "/api/events", a="IND", b="TUR", limit=5).json()
    assert page["total"] >= 10 and len(page["events"]) == 5
    assert all({e["source"]["country"], e["target"]["country"]} == {"IND", "TUR"}
               for e in page["events"])
    nxt = get(base_url, "/api/events", a="IND", b="TUR", limit=5, offset=5).json()
    assert not {e["id"] for e in page["events"]} & {e["id"] for e in nxt["events"]}
    quad4 = get(base_url, "/api/events", quad=4, since="2025-05-01", until="2025-05-31").json()
    assert quad4["total"] > 0 and all(e["quad"] == 4 for e in quad4["events"])
    assert get(base_url, "/api/events", type="HUG").status_code == 422
    assert get(base_url, "/api/events", limit=100000).status_code == 422


def test_parameters_are_bound_not_spliced(base_url: str) -> None:
    res = get(base_url, "/api/events", actor="x' OR 1=1 --", text="%' OR '1'='1")
    assert res.status_code == 200 and res.json()["total"] == 0
    assert get(base_url, "/api/dyads/IND/TUR/timeline",
               interval="month'); DROP TABLE events; --").status_code == 422
    assert get(base_url, "/api/summary").json()["events"] > 0


def test_timeline_network_alerts_and_article(base_url: str) -> None:
    tl = get(base_url, "/api/dyads/IND/TUR/timeline", interval="month").json()
    assert tl["periods"][0]["net_score"] > 0 > tl["periods"][-1]["net_score"]
    net = get(base_url, "/api/network", since="2025-01-01", until="2025-12-31").json()
    assert {"IND", "TUR", "PAK"} <= {n["id"] for n in net["nodes"]}
    alerts = get(base_url, "/api/alerts").json()
    assert alerts and all(a["articles"] for a in alerts)
    art = get(base_url, "/api/articles/demo-028").json()
    assert art["events"] and all(
        art["text"][e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
        for e in art["events"])
    assert get(base_url, "/api/articles/nope").status_code == 404


def test_request_size_limit(base_url: str) -> None:
    big = {"text": "x" * 9_000_000}
    assert httpx.post(base_url + "/api/extract", json=big, timeout=60).status_code == 413


def test_grouped_events_carry_their_evidence(base_url: str) -> None:
    rows = get(base_url, "/api/events/grouped", a="IND", b="TUR", limit=100).json()
    assert rows and all(r["reports"] == len(r["evidence"]) for r in rows)
    assert all(ev["sentence"] for r in rows for ev in r["evidence"])


def test_openapi_types_every_response_and_error(base_url: str) -> None:
    spec = get(base_url, "/openapi.json").json()
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            content = op["responses"]["200"]["content"]
            ok = content.get("application/json", {}).get("schema") or (  # files: their types
                path == "/api/events/export" and {"text/csv", "application/x-ndjson"} <= set(content))
            assert ok, f"{method} {path} has no response schema"
            if path.startswith("/api/") and method == "get" \
                    and path not in ("/api/health", "/api/status"):  # no parameters
                assert "422" in op["responses"], f"{method} {path} documents no 422"
    post = spec["paths"]["/api/articles"]["post"]
    assert {"401", "413"} <= set(post["responses"]) and post["security"]
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    params = {p["name"]: p for p in spec["paths"]["/api/dyads/{a}/{b}/timeline"]["get"]["parameters"]}
    assert params["interval"]["schema"]["enum"] == ["day", "week", "month", "quarter", "year"]
    assert params["collapse"]["description"]


def test_a_query_the_data_cannot_answer_is_one_line_422(base_url: str) -> None:
    res = get(base_url, "/api/events/grouped", type="HUG")
    assert res.status_code == 422 and res.json() == {"detail": "unknown PLOVER type 'HUG'"}
    assert get(base_url, "/api/dyads", collapse="maybe").status_code == 422


def test_countries_by_name_in_paths_and_filters(base_url: str) -> None:
    by_name = get(base_url, "/api/dyads/India/Türkiye/timeline").json()
    by_code = get(base_url, "/api/dyads/IND/TUR/timeline").json()
    assert (by_name["a"], by_name["b"]) == ("IND", "TUR") and by_name == by_code
    assert by_name["periods"]
    assert get(base_url, "/api/events", actor="Turkey").json()["total"] == \
        get(base_url, "/api/events", actor="TUR").json()["total"] > 0
    res = get(base_url, "/api/dyads/Atlantis/India/timeline")
    assert res.status_code == 422 and "unknown country, body or group 'Atlantis'" in res.json()["detail"]


def test_list_endpoints_answer_csv_with_the_json_values(base_url: str) -> None:
    import csv
    import io

    page = get(base_url, "/api/events", a="IND", b="TUR", limit=5).json()
    res = get(base_url, "/api/events", a="IND", b="TUR", limit=5, format="csv")
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
    assert res.headers["x-total-count"] == str(page["total"])
    rows = list(csv.DictReader(io.StringIO(res.text)))
    assert [r["id"] for r in rows] == [e["id"] for e in page["events"]]
    first = page["events"][0]
    assert rows[0]["source.country"] == first["source"]["country"]  # objects spread
    assert rows[0]["trigger.text"] == first["trigger"]["text"]
    timeline = get(base_url, "/api/dyads/India/Turkey/timeline", format="csv")
    periods = list(csv.DictReader(io.StringIO(timeline.text)))
    assert [p["period"] for p in periods] == [
        p["period"] for p in get(base_url, "/api/dyads/IND/TUR/timeline").json()["periods"]]
    for path in ("/api/dyads", "/api/events/grouped", "/api/alerts", "/api/locations"):
        res = get(base_url, path, format="csv")
        assert res.status_code == 200 and res.text.splitlines(), path
        assert "{" not in res.text.splitlines()[0], path  # a header of plain names
    assert get(base_url, "/api/dyads", format="xml").status_code == 422


def test_a_confidence_filter_keeps_only_surer_codings(base_url: str) -> None:
    every = get(base_url, "/api/events", limit=500).json()["events"]
    cut = sorted(e["confidence"] for e in every)[len(every) // 2]
    sure = get(base_url, "/api/events", limit=500, min_confidence=cut).json()["events"]
    assert sure and len(sure) < len(every) and all(e["confidence"] >= cut for e in sure)


def test_countries_and_a_countrys_pairs(base_url: str) -> None:
    rows = get(base_url, "/api/countries").json()
    turkey = next(r for r in rows if r["code"] == "TUR")
    assert turkey["name"] == "Turkey" and turkey["numeric"] == "792"
    assert turkey["events"] == turkey["cooperation"] + turkey["conflict"]
    pairs = get(base_url, "/api/dyads", country="Türkiye", limit=100).json()
    assert pairs and all("TUR" in (p["a"], p["b"]) for p in pairs)
    assert sum(p["events"] for p in pairs) <= turkey["events"]
    conflict = get(base_url, "/api/dyads", quad=4, limit=100).json()
    assert all(p["material_conflict"] == p["events"] for p in conflict)


def test_chart_specs_carry_the_same_numbers_as_the_json(base_url: str) -> None:
    spec = get(base_url, "/api/charts/timeline", pair=["India,Turkey", "PAK>TUR"]).json()
    assert [p["title"]["text"] for p in spec["vconcat"]] == ["India – Turkey",
                                                             "Pakistan → Turkey"]
    periods = get(base_url, "/api/dyads/IND/TUR/timeline").json()["periods"]
    bars = spec["vconcat"][0]["layer"][0]["data"]["values"]
    assert sum(abs(b["count"]) for b in bars) == sum(p["events"] for p in periods)
    assert get(base_url, "/api/charts/timeline", pair="India").status_code == 422
    bad = get(base_url, "/api/charts/timeline", pair="India,Turky")
    assert bad.status_code == 422 and "did you mean 'Turkey'" in bad.json()["detail"]
    matrix = get(base_url, "/api/charts/matrix").json()
    assert {c["a"] for c in matrix["data"]["values"]} >= {"IND", "TUR", "PAK"}
    world = get(base_url, "/api/charts/map").json()
    assert world["projection"]["type"] == "equalEarth"
    assert get(base_url, world["layer"][1]["data"]["url"]).status_code == 200  # served
    partners = get(base_url, "/api/charts/partners/Turkey").json()
    assert {v["b"] for v in partners["data"]["values"]} >= {"IND", "PAK"}


def test_grouped_events_take_the_event_lists_filters(base_url: str) -> None:
    every = get(base_url, "/api/events/grouped", limit=500).json()
    conflict = get(base_url, "/api/events/grouped", limit=500, quad=4).json()
    assert conflict and len(conflict) < len(every) and all(g["quad"] == 4 for g in conflict)
    turkey = get(base_url, "/api/events/grouped", limit=500, source="Türkiye").json()
    assert turkey and all(g["source_country"] == "TUR" for g in turkey)


@pytest.fixture(scope="module")
def party_url(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A real uvicorn over a real file of hand-built bloc, body and group events."""
    from eventwire.store.db import EventStore
    from tests.conftest import party_records
    from tests.server import running_server

    db = tmp_path_factory.mktemp("parties") / "p.duckdb"
    with EventStore(db) as store:
        store.write(party_records())
    with running_server(db) as url:
        yield url


def test_blocs_bodies_and_groups_are_parties_in_the_api(party_url: str) -> None:
    nato = httpx.get(f"{party_url}/api/dyads/NATO/RUS/timeline").json()
    assert (nato["a"], nato["b"]) == ("IGOWSTNAT", "RUS")
    assert [p["events"] for p in nato["periods"]] == [1, 1]
    eu = httpx.get(f"{party_url}/api/dyads/the%20EU/Russia/timeline").json()
    assert eu["a"] == "IGOEUREEC" and sum(p["events"] for p in eu["periods"]) == 1
    hamas = httpx.get(f"{party_url}/api/dyads/Hamas/ISR/timeline").json()
    assert hamas["a"] == "Hamas" and sum(p["events"] for p in hamas["periods"]) == 1
    events = httpx.get(f"{party_url}/api/events", params={"actor": "the Taliban"}).json()
    assert [e["source"]["code"] for e in events["events"]] == ["AFGREB"]
    pair = httpx.get(f"{party_url}/api/events", params={"a": "NATO", "b": "Russia"}).json()
    assert pair["total"] == 2 and {e["source"]["code"] for e in pair["events"]} == {"IGOWSTNAT"}
    countries = {c["code"]: c for c in httpx.get(f"{party_url}/api/countries").json()}
    assert countries["IGOWSTNAT"]["name"] == "NATO" and countries["IGOWSTNAT"]["kind"] == "body"
    wrong = httpx.get(f"{party_url}/api/dyads/Hammas/ISR/timeline")
    assert wrong.status_code == 422 and "did you mean 'Hamas'" in wrong.text
    assert "bahamas" not in httpx.get(f"{party_url}/api/events",
                                      params={"actor": "Hamas"}).text.lower()
