"""A hostile feed server on 127.0.0.1, for the watcher's tests and benchmarks/hostile_feeds.py:
decompression bombs (one gzip layer, and stacked ``gzip, gzip``), an entity-expansion feed, a
feed that trickles one byte every few seconds, a huge feed of many entries (each a real page),
a plain good feed and a 404. Every body is made here from made-up text."""

from __future__ import annotations

import gzip
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.feeds.site import article_page, rss

WORDS = ("ministers", "talks", "border", "trade", "officials", "agreed", "meeting", "security",
         "statement", "capital", "delegation", "week", "government", "leaders", "visit")


def story(n: int) -> tuple[str, str]:
    """A made-up story, different for each ``n``: (title, text of about 60 words)."""
    words = [WORDS[(n * 7 + i * (n % 5 + 1)) % len(WORDS)] for i in range(50)]
    return (f"Report {n}", f"Officials said on Monday that report number {n} was filed. "
            + " ".join(words) + ".")


def gzip_bomb(inflated: int, layers: int) -> bytes:
    """``inflated`` zero bytes, gzipped ``layers`` times (each layer shrinks it again); the
    first layer is made a megabyte at a time, so a gigabyte bomb never is a gigabyte here."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [packer.compress(block[:min(len(block), inflated - done)])
             for done in range(0, inflated, len(block))]
    body = b"".join(parts) + packer.flush()
    for _ in range(layers - 1):
        body = gzip.compress(body, compresslevel=9)
    return body


def entity_bomb(entity_bytes: int, references: int, base: str = "http://127.0.0.1:1") -> bytes:
    """A feed whose DOCTYPE declares one plain-text entity of ``entity_bytes`` characters that
    the feed then references ``references`` times; its one entry links to ``base``/story/1."""
    refs = "&big;" * references
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY big "{"A" * entity_bytes}">\n]>\n'
            f'<rss version="2.0"><channel><title>Bomb</title><link>http://x/</link>'
            f"<description>{refs}</description><item><title>one</title>"
            f"<link>{base}/story/1</link></item></channel></rss>").encode()


@dataclass
class Hostile:
    base: str = ""
    bomb_bytes: int = 64_000_000  # what the bombs inflate to
    entity_bytes: int = 2_000
    entity_refs: int = 20_000
    trickle_every: float = 2.0  # seconds between two bytes of the trickling feed
    huge_entries: int = 2_000
    stopping: threading.Event = field(default_factory=threading.Event)
    requests: list[str] = field(default_factory=list)
    trickled: int = 0  # bytes the trickling feed got out before the client went away
    on_request: dict[str, threading.Event] = field(default_factory=dict)  # path -> set when asked

    def url(self, path: str) -> str:
        return self.base + path

    def asked(self, prefix: str) -> int:
        return sum(1 for p in self.requests if p.startswith(prefix))


def _handler(h: Hostile, bodies: dict[str, tuple[int, dict[str, str], bytes]],
             lazy: dict[str, Callable[[], tuple[int, dict[str, str], bytes]]]
             ) -> type[BaseHTTPRequestHandler]:
    making = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            h.requests.append(self.path)
            if self.path in h.on_request:
                h.on_request[self.path].set()
            try:
                if self.path == "/trickle.rss":
                    self._trickle()
                    return
                status, headers, body = self._body()
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up

        def _body(self) -> tuple[int, dict[str, str], bytes]:
            with making:
                if self.path in lazy:
                    bodies[self.path] = lazy.pop(self.path)()
            if self.path in bodies:
                return bodies[self.path]
            if self.path.startswith("/story/"):
                n = int(self.path.rsplit("/", 1)[1])
                title, text = story(n)
                return 200, {"Content-Type": "text/html; charset=utf-8"}, \
                    article_page(title, "2025-05-26", text)
            return 404, {"Content-Type": "text/plain"}, b"not found"

        def _trickle(self) -> None:
            body = rss(["/story/0"], h.base)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.flush()
            for i in range(len(body)):
                if h.stopping.wait(h.trickle_every):
                    return
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                h.trickled += 1

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def hostile_server(**settings: object) -> Iterator[Hostile]:
    """The hostile server, on a free port of 127.0.0.1, for the length of the block."""
    h = Hostile(**settings)  # type: ignore[arg-type]
    bodies: dict[str, tuple[int, dict[str, str], bytes]] = {}
    lazy: dict[str, Callable[[], tuple[int, dict[str, str], bytes]]] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(h, bodies, lazy))
    server.daemon_threads = True
    # A client that hangs up mid-bomb is the point, not an error to print.
    server.handle_error = lambda request, address: None  # type: ignore[method-assign]
    h.base = f"http://127.0.0.1:{server.server_address[1]}"
    feed = {"Content-Type": "application/rss+xml"}
    # The bombs are made at the first request for them (making one takes a second or two).
    lazy["/gzip.rss"] = lambda: (200, {**feed, "Content-Encoding": "gzip"},
                                 gzip_bomb(h.bomb_bytes, 1))
    lazy["/stacked.rss"] = lambda: (200, {**feed, "Content-Encoding": "gzip, gzip"},
                                    gzip_bomb(h.bomb_bytes, 2))
    bodies["/entities.rss"] = (200, feed, entity_bomb(h.entity_bytes, h.entity_refs, h.base))
    bodies["/huge.rss"] = (200, feed, rss([f"/story/{n}" for n in range(1, h.huge_entries + 1)],
                                          h.base))
    bodies["/good.rss"] = (200, feed, rss(["/story/0"], h.base))
    bodies["/gzipped.rss"] = (200, {**feed, "Content-Encoding": "gzip"},
                              gzip.compress(rss(["/story/0"], h.base)))
    bodies["/deflated.rss"] = (200, {**feed, "Content-Encoding": "deflate"},
                               zlib.compress(rss(["/story/0"], h.base)))
    bodies["/raw-deflated.rss"] = (200, {**feed, "Content-Encoding": "deflate"},
                                   zlib.compress(rss(["/story/0"], h.base), wbits=-15))
    bodies["/dead-links.rss"] = (200, feed, rss(["/gone/1", "/gone/2"], h.base))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield h
    finally:
        h.stopping.set()
        server.shutdown()
        server.server_close()
