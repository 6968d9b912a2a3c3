"""The server's wall against hostile or careless clients, over HTTP on a real uvicorn."""

from __future__ import annotations

import json
import resource
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from eventwire.api.app import EXTRACT_BODY_BYTES
from eventwire.api.guard import GuessLimit, host_name
from eventwire.limits import EXTRACT_SLOTS, MAX_EXTRACT_CHARS, MAX_TEXT_BYTES
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


def test_token_guesses_from_one_client_are_slowed_to_one_a_second(demo_db: Path) -> None:
    from tests.server import running_server

    with running_server(demo_db) as base, httpx.Client(base_url=base, timeout=30) as client:
        codes = [client.post("/api/feeds", json={"feeds": []},
                             headers={"Authorization": f"Bearer guess-{n}"}).status_code
                 for n in range(40)]
        assert codes.count(401) <= 11 and codes[-1] == 429, codes
        refused = client.post("/api/feeds", json={"feeds": []}, headers=AUTH)
        assert refused.status_code == 429  # checked before the token: no oracle while locked
        wait = int(refused.headers["retry-after"])
        assert 1 <= wait <= 2
        time.sleep(wait)
        assert client.post("/api/feeds", json={"feeds": []}, headers=AUTH).status_code == 200
        assert client.get("/api/health").status_code == 200  # reads are never throttled


def test_guess_limit_allows_a_burst_then_one_try_per_interval() -> None:
    now = [100.0]
    limit = GuessLimit(burst=3, every=2.0, clients=2, clock=lambda: now[0])
    for _ in range(3):
        assert limit.wait("a") == 0
        limit.failed("a")
    assert limit.wait("a") == 2.0 and limit.wait("b") == 0
    now[0] += 2.0
    assert limit.wait("a") == 0
    limit.failed("b")
    limit.failed("c")  # over the clients remembered: the paid-up ones are forgotten
    assert limit.wait("c") == 0


def test_extract_bodies_are_bounded_by_its_text_limit_not_the_article_limit(
        base_url: str) -> None:
    over = EXTRACT_BODY_BYTES + 1
    res = httpx.post(base_url + "/api/extract", timeout=60,
                     content=b'{"text": "' + b"x" * over + b'"}',
                     headers={"Content-Type": "application/json"})
    assert res.status_code == 413 and str(EXTRACT_BODY_BYTES) in res.json()["detail"]

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(over // 100_000 + 1):
            yield b"y" * 100_000
        yield b'"}'

    res = httpx.post(base_url + "/api/extract", content=chunks(), timeout=60,
                     headers={"Content-Type": "application/json"})
    assert res.status_code == 413
    # The largest text it takes, written as JSON escapes (12 bytes per character), still fits.
    text = "Turkey met Iran. " + "\U0001d54f" * (MAX_EXTRACT_CHARS - 17)
    body = json.dumps({"text": text}).encode()
    assert len(body) > 1_000_000
    res = httpx.post(base_url + "/api/extract", content=body, timeout=300,
                     headers={"Content-Type": "application/json"})
    assert res.status_code in (200, 422), res.text[:300]  # read and judged, not refused unread


def test_at_most_two_texts_are_coded_at_once_the_rest_told_to_retry(base_url: str) -> None:
    text = " ".join(f"Turkey accused Iran of attacking day {i}." for i in range(1500))

    def post(_: int) -> httpx.Response:
        return httpx.post(base_url + "/api/extract", json={"text": text}, timeout=600)

    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(post, range(6)))
    codes = sorted(r.status_code for r in answers)
    assert set(codes) == {200, 503} and codes.count(200) >= EXTRACT_SLOTS, codes
    busy = next(r for r in answers if r.status_code == 503)
    assert int(busy.headers["retry-after"]) > 0


def test_every_kind_of_bad_article_is_rejected_on_its_own(base_url: str) -> None:
    good = "Chile thanked Peru for the aid."
    items = [
        {"id": "p7-good", "text": good},
        {"id": "p7-day", "text": good, "date": "2025-02-30"},
        {"id": "p7-int-text", "text": 12345},
        {"id": "p7-surrogate", "text": "Chile thanked Peru. \udc00"},
        {"id": "p7-no-text", "title": "Nothing here"},
        {"id": "p7-" + "i" * 300, "text": good + " Again."},
        {"id": "p7-title", "title": "t" * 3000, "text": good + " Once more."},
        {"id": 7007, "text": "Peru thanked Chile for the aid."},
        "not an object",
        {"id": "p7-date-type", "text": good, "date": 20250101},
    ]
    body = json.dumps({"articles": items}).encode()  # json.dumps writes \udc00 as an escape
    res = httpx.post(base_url + "/api/articles", content=body, timeout=120,
                     headers={**AUTH, "Content-Type": "application/json"})
    assert res.status_code == 200, res.text[:500]
    out = res.json()
    assert out["article_ids"] == ["p7-good", "7007"]
    reasons = {r["index"]: r["reason"] for r in out["rejected"]}
    assert sorted(reasons) == [1, 2, 3, 4, 5, 6, 8, 9]
    assert "no such day" in reasons[1] and "'text' must be a string" in reasons[2]
    assert "lone surrogate" in reasons[3] and "'text'" in reasons[4]
    assert "'id' longer than 200" in reasons[5] and "'title' longer than 2000" in reasons[6]
    assert "not a JSON object" in reasons[8] and "date must be a string" in reasons[9]
    assert all(len(r) < 300 for r in reasons.values())  # reasons, not the input echoed back
    stored = httpx.get(base_url + "/api/articles/7007", timeout=30)
    assert stored.status_code == 200 and stored.json()["id"] == "7007"


def test_a_post_with_no_good_article_is_one_422_naming_each(base_url: str) -> None:
    res = httpx.post(base_url + "/api/articles", timeout=30, headers=AUTH,
                     json={"articles": [{"text": 1}, {"id": "x"}]})
    assert res.status_code == 422
    assert "articles[0]" in res.json()["detail"] and "articles[1]" in res.json()["detail"]
