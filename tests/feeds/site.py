"""A small news site on 127.0.0.1 for the watcher's tests: feeds and article pages written by
the project, served by a real HTTP server that honours ETags, can be slow, and logs requests."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLES = {
    "/news/talks": ("Turkey and Iran hold border talks", "2025-05-26",
                    "ANKARA - Turkey and Iran held talks in Ankara on Monday about security on "
                    "their shared border, officials from both governments said after the meeting. "
                    "The two foreign ministers agreed to meet again next month in Tehran to "
                    "discuss trade, energy and the return of refugees, according to a statement "
                    "released by the Turkish foreign ministry on Monday evening."),
    "/news/arrests": ("Police detain protesters in Nairobi", "2025-05-27",
                      "NAIROBI - Kenyan police arrested dozens of protesters in Nairobi on "
                      "Tuesday as thousands marched against new taxes on fuel and bread. "
                      "Witnesses said officers fired tear gas to disperse the crowd near "
                      "parliament, and rights groups condemned the arrests as an attack on the "
                      "freedom of assembly guaranteed by the constitution of Kenya."),
    "/news/islands": ("China accuses Japan over islands", "2025-05-28",
                      "BEIJING - China accused Japan on Wednesday of provocations near the "
                      "disputed islands in the East China Sea, after Japanese coast guard ships "
                      "shadowed Chinese vessels in the area for a second day. A spokeswoman for "
                      "the Chinese foreign ministry told reporters that Tokyo must stop what she "
                      "called dangerous moves that threaten peace and stability in the region."),
}


def article_page(title: str, day: str, text: str) -> bytes:
    return (f"<html><head><title>{title} | Test Wire</title>"
            f'<meta property="article:published_time" content="{day}T08:00:00Z"></head>'
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
            f"<h1>{title}</h1><p>{text}</p></article><footer>© Test Wire</footer></body>"
            "</html>").encode()


def rss(paths: list[str], base: str) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link>"
                    f"<pubDate>Mon, 26 May 2025 08:00:00 GMT</pubDate></item>" for p in paths)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
            f"<link>{base}/</link><description>test</description>{items}</channel></rss>").encode()


@dataclass
class Site:
    base: str = ""
    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    slow: dict[str, float] = field(default_factory=dict)  # path -> seconds before answering
    requests: list[tuple[str, dict[str, str], int]] = field(default_factory=list)

    def feed(self, path: str, items: list[str]) -> None:
        self.pages[path] = (200, "application/rss+xml", rss(items, self.base))

    def fetched(self, path: str) -> list[int]:
        """The statuses given for every request of ``path``."""
        return [status for p, _, status in self.requests if p == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(site.slow.get(self.path, 0))
            status, ctype, body = site.pages.get(self.path, (404, "text/plain", b"not found"))
            etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                status, body = 304, b""
            site.requests.append((self.path, dict(self.headers), status))
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up (the slow page)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def news_site() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    for path, (title, day, text) in ARTICLES.items():
        site.pages[path] = (200, "text/html; charset=utf-8", article_page(title, day, text))
    site.pages["/login"] = (200, "text/html", b"<html><body><form>Sign in to read this story."
                                              b"<input name=user></form></body></html>")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
