"""The fetcher against a hostile server on 127.0.0.1 (tests/feeds/hostile.py): bodies are
decoded with the size limit counted as they inflate, so a decompression bomb is refused while
memory stays near the limit (measured with tracemalloc, which sees every bytes object made)."""

from __future__ import annotations

import contextlib
import socket
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire.feeds.fetch import Body, Fetcher, FetchError
from tests.feeds.hostile import Hostile, hostile_server

LIMIT = 1_000_000


@pytest.fixture(scope="module")
def hostile() -> Iterator[Hostile]:
    with hostile_server(bomb_bytes=32_000_000) as h:  # each bomb inflates 32 times the limit
        for path in ("/gzip.rss", "/stacked.rss"):  # the server makes them, outside the count
            with contextlib.suppress(FetchError):
                fetcher().get(h.url(path))
        yield h


def fetcher() -> Fetcher:
    return Fetcher(allow_private=True, timeout=5.0, retries=0, per_host_interval=0.0,
                   max_bytes=LIMIT)


def peak_bytes(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        call()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def test_a_gzip_bomb_is_refused_before_it_inflates_past_the_limit(hostile: Hostile) -> None:
    def fetch() -> None:
        with pytest.raises(FetchError, match=f"larger than {LIMIT} bytes"):
            fetcher().get(hostile.url("/gzip.rss"))

    assert peak_bytes(fetch) < 4 * LIMIT


def test_stacked_encodings_are_refused(hostile: Hostile) -> None:
    def fetch() -> None:
        with pytest.raises(FetchError, match=r"stacked content encodings \(gzip, gzip\)"):
            fetcher().get(hostile.url("/stacked.rss"))

    assert peak_bytes(fetch) < 4 * LIMIT


@pytest.mark.parametrize("path", ["/gzipped.rss", "/deflated.rss", "/raw-deflated.rss"])
def test_compressed_feeds_within_the_limit_are_decoded(hostile: Hostile, path: str) -> None:
    plain = fetcher().get(hostile.url("/good.rss")).body
    assert plain.startswith(b"<?xml") and fetcher().get(hostile.url(path)).body == plain


def test_the_limit_counts_decoded_bytes_chunk_by_chunk() -> None:
    import zlib

    packed = zlib.compress(bytes(50_000))
    body = Body("http://x/", "deflate", 10_000)
    with pytest.raises(FetchError, match="larger than 10000 bytes"):
        for i in range(0, len(packed), 7):  # as it comes off the wire, a few bytes at a time
            body.feed(packed[i:i + 7])
    assert body.size <= 10_001
    with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
        Body("http://x/", "br", 10)
    broken = Body("http://x/", "gzip", 100)
    with pytest.raises(FetchError, match="not valid gzip"):
        broken.feed(b"this is not gzip at all")


ASKED: dict[str, int] = {}


@contextlib.contextmanager
def serving(host: str, port: int, body: bytes) -> Iterator[int]:
    """A server on ``host``:``port`` (0: any free port) that answers ``body``; yields its port
    and counts its requests in ASKED."""
    ASKED[host] = 0

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            ASKED[host] += 1
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


class Rebinding:
    """A name server that rebinds: its first answer for a name is the allowed address, every
    later one the machine's own (a DNS reply with a zero TTL does this). It answers through the
    fetcher's ``resolve``, since the system resolver cannot be pointed at a test's server."""

    def __init__(self, first: str, then: str) -> None:
        self.answers = [first, then]
        self.asked = 0

    def __call__(self, host: str, port: int, **kwargs: object) -> list[tuple[object, ...]]:
        self.asked += 1
        address = self.answers[min(self.asked - 1, 1)]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]


def test_the_connection_goes_to_the_address_that_was_checked() -> None:
    # 127.0.0.2 stands for a public address (the only one allowed here), 127.0.0.1 for the
    # machine's own network: both servers listen on one port, as a host's two faces would.
    with serving("127.0.0.2", 0, b"public story") as port, \
            serving("127.0.0.1", port, b"internal secret") as internal_port:
        assert internal_port == port
        resolve = Rebinding("127.0.0.2", "127.0.0.1")
        fetch = Fetcher(timeout=5.0, retries=0, per_host_interval=0.0, resolve=resolve,
                        allowed=lambda address: str(address) == "127.0.0.2")
        assert fetch.get(f"http://rebind.test:{port}/").body == b"public story"
        assert resolve.asked == 1  # one lookup, whose answer was checked and connected to
        fetch.close()  # a new connection: the name is looked up again, and now rebinds
        with pytest.raises(FetchError, match=r"private or local address \(127\.0\.0\.1\)"):
            fetch.get(f"http://rebind.test:{port}/")
        assert ASKED["127.0.0.1"] == 0 and ASKED["127.0.0.2"] == 1
    both = Fetcher(retries=0, resolve=lambda *a, **k: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.2", 80)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 80))],
        allowed=lambda address: str(address) == "127.0.0.2")
    with pytest.raises(FetchError, match=r"private or local address \(127\.0\.0\.1\)"):
        both.get("http://two-faced.test/")


def test_a_server_trickling_its_headers_is_given_up_at_the_deadline() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    sent: list[int] = []
    done = threading.Event()

    def trickle() -> None:  # a status line and headers, a byte every 0.5 s: no read times out
        conn, _ = listener.accept()
        conn.recv(4096)
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok":
            if done.wait(0.5):
                break
            try:
                conn.send(bytes([byte]))
            except OSError:
                break
            sent.append(byte)
        conn.close()

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    try:
        with pytest.raises(FetchError, match="not fetched within the 2 s deadline"):
            Fetcher(allow_private=True, timeout=5.0, deadline=2.0, retries=2,
                    per_host_interval=0.0).get(f"http://127.0.0.1:{port}/")
        assert len(sent) <= 6  # about 2 s of it, of the 60 bytes, and no second try
    finally:
        done.set()
        thread.join()
        listener.close()


def test_an_ipv6_address_carrying_a_private_ipv4_one_is_not_public() -> None:
    from ipaddress import ip_address

    from eventwire.feeds.fetch import is_public

    for private in ("::ffff:127.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a00:1",
                    "2002:7f00:1::", "2001:0:4136:e378:8000:63bf:f5ff:fffe", "fe80::1", "::1"):
        assert not is_public(ip_address(private)), private
    for public in ("93.184.216.34", "2606:4700::6810:84e5", "64:ff9b::5db8:d822",
                   "2002:5db8:d822::"):
        assert is_public(ip_address(public)), public


def test_a_name_server_that_never_answers_is_given_up_at_the_deadline() -> None:
    release = threading.Event()

    def silent(host: str, port: int, **kwargs: object) -> list[tuple[object, ...]]:
        release.wait(120)  # a lookup that hangs (a dead resolver; getaddrinfo has no timeout)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.2", port))]

    fetch = Fetcher(timeout=10.0, deadline=0.5, retries=0, per_host_interval=0.0,
                    resolve=silent, allowed=lambda address: True)
    try:
        with pytest.raises(FetchError, match=r"slow\.test not resolved in time"):
            fetch.get("http://slow.test/feed.xml")
    finally:
        release.set()
        fetch.close()
