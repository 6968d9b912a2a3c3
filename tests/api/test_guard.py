"""The server's wall against hostile or careless clients, over HTTP on a real uvicorn."""

from __future__ import annotations

import json
import resource
from collections.abc import Iterator

import httpx
import pytest

from eventwire.api.guard import host_name
from eventwire.limits import MAX_EXTRACT_CHARS, MAX_TEXT_BYTES
from tests.server import TOKEN

pytestmark = pytest.mark.slow
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_host_names_lose_their_port() -> None:
    assert host_name("127.0.0.1:8000") == "127.0.0.1"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("LocalHost") == "localhost"


def test_every_response_carries_the_security_headers(base_url: str) -> None:
    for path in ("/", "/api/health", "/api/events?quad=9", "/nosuch"):
        res = httpx.get(base_url + path, timeout=30)
        assert res.headers["x-content-type-options"] == "nosniff", path
        assert res.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in res.headers["content-security-policy"]


def test_a_foreign_host_header_is_refused(base_url: str) -> None:
    res = httpx.get(base_url + "/api/summary", headers={"Host": "evil.example:8000"}, timeout=30)
    assert res.status_code == 400 and "--allow-host" in res.json()["detail"]
    assert httpx.get(base_url + "/api/summary", headers={"Host": "localhost"},
                     timeout=30).status_code == 200


def test_the_token_is_checked_before_the_body_is_read(base_url: str) -> None:
    res = httpx.post(base_url + "/api/articles", content=b"{not json", timeout=30,
                     headers={"Content-Type": "application/json"})
    assert res.status_code == 401


def test_a_chunked_body_over_the_limit_is_refused_without_holding_it(base_url: str) -> None:
    # The server runs in this process (tests/server.py): its peak memory is ours.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def chunks() -> Iterator[bytes]:
        for _ in range(200):  # 200 MB with no Content-Length
            yield b" " * 1_000_000

    try:
        res = httpx.post(base_url + "/api/extract", content=chunks(), timeout=60,
                         headers={"Content-Type": "application/json"})
        assert res.status_code == 413
    except httpx.HTTPError:
        pass  # the server may close the connection before the client finishes sending
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak) / 1024
    assert grown_mb < 100


def test_invalid_requests_get_4xx_that_do_not_echo_the_input(base_url: str) -> None:
    secret = "needle-" * 1000
    res = httpx.post(base_url + "/api/extract", json={"text": secret, "date": "not a date"},
                     timeout=30)
    assert res.status_code == 422 and "needle" not in res.text
    nested = '{"text": "Turkey met Iran.", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    res = httpx.post(base_url + "/api/extract", content=nested.encode(), timeout=30,
                     headers={"Content-Type": "application/json"})
    assert 400 <= res.status_code < 500
    surrogate = b'{"text": "Turkey met Iran. \\udc00"}'
    res = httpx.post(base_url + "/api/extract", content=surrogate, timeout=30,
                     headers={"Content-Type": "application/json"})
    assert res.status_code == 422 and "unicode" in res.text.lower()
    res = httpx.post(base_url + "/api/extract", timeout=30,
                     json={"text": "Turkey met Iran.", "date": "9999-12-31"})
    assert res.status_code == 422 and "outside" in res.json()["detail"]
    res = httpx.post(base_url + "/api/extract", json={"text": "x" * (MAX_EXTRACT_CHARS + 1)},
                     timeout=30)
    assert res.status_code == 422
    res = httpx.get(base_url + "/api/events", params={"offset": 10**30}, timeout=30)
    assert res.status_code == 422


def test_one_bad_article_in_a_post_is_rejected_and_the_others_stored(base_url: str) -> None:
    body = {"articles": [
        {"id": "g-1", "date": "2025-10-02", "text": "Chile condemned Peru over the border."},
        {"id": "g-2", "text": "y " * (MAX_TEXT_BYTES // 2 + 10)},
        {"id": "g-3", "text": "Mali thanked Niger.", "date": "9999-12-31"},
        {"id": "g-1", "text": "A different text under the same id."},
    ]}
    res = httpx.post(base_url + "/api/articles", content=json.dumps(body).encode(), timeout=60,
                     headers={**AUTH, "Content-Type": "application/json"})
    assert res.status_code == 200, res.text
    out = res.json()
    assert out["article_ids"] == ["g-1"]
    assert [r["index"] for r in out["rejected"]] == [1, 2, 3]
    assert "larger than" in out["rejected"][0]["reason"]
    assert "already used" in out["rejected"][2]["reason"]


def test_a_connection_stays_usable_after_an_error(base_url: str) -> None:
    with httpx.Client(base_url=base_url, timeout=30) as client:
        for _ in range(3):
            assert client.post("/api/extract", content=b"[", headers={
                "Content-Type": "application/json"}).status_code == 422
            assert client.get("/api/events", params={"offset": -1}).status_code == 422
            assert client.get("/api/health").status_code == 200


def test_an_unforeseen_failure_is_a_json_500_and_the_connection_lives_on(demo_db) -> None:  # type: ignore[no-untyped-def]
    from fastapi import FastAPI

    from tests.server import running_server

    def add_failing_route(app: FastAPI) -> None:
        @app.get("/api/boom")
        def boom() -> None:
            raise RuntimeError("something nobody foresaw")

    with running_server(demo_db, extend=add_failing_route) as base, \
            httpx.Client(base_url=base, timeout=30) as client:
        for _ in range(3):
            res = client.get("/api/boom")
            assert res.status_code == 500
            assert res.json() == {"detail": "internal error (RuntimeError)"}
            assert res.headers["x-content-type-options"] == "nosniff"
            assert client.get("/api/health").status_code == 200


@pytest.mark.parametrize("path,params", [
    ("/api/events", {"type": "Z" * 60_000}),
    ("/api/charts/partners/" + "Z" * 60_000, {}),
    ("/api/charts/timeline", {"pair": "Z" * 60_000}),
    ("/api/articles/" + "Z" * 60_000, {}),
    ("/api/dyads", {"country": "Z" * 60_000}),
])
def test_a_parameter_error_quotes_a_huge_input_cut_short(base_url: str, path: str,
                                                         params: dict[str, str]) -> None:
    res = httpx.get(base_url + path, params=params, timeout=30)
    assert res.status_code in (404, 422), res.text[:300]
    assert len(res.text) < 600 and "ZZZZZZZZ" in res.text  # quoted, so still recognisable
