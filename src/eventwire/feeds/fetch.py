"""Polite HTTP for feeds and article pages.

One ``Fetcher`` per run: it names itself (a User-Agent), waits between two requests to the same
host, asks conditionally (ETag / Last-Modified: an unchanged feed costs a 304), gives up on a
silent server after a timeout and on any URL after a total deadline (every read and write of
the connection is bounded by what is left of it, so a server that trickles a byte at a time
cannot hold a poll), retries what may pass (timeouts, 429, 5xx) with a growing backoff,
stops reading a body past a size limit (counted on the wire and again after decompression, which
it does itself, chunk by chunk, so a gzip bomb never grows past the limit), and refuses private,
loopback and link-local addresses (every hop of a redirect included) unless told they are
allowed: a feed must not be a way to reach the machine's own network. The address is checked
where the connection is made, and the connection goes to the address that was checked: a name
that resolves to a public address for the check and to a private one a moment later (DNS
rebinding) cannot slip between two lookups.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from eventwire import __version__

USER_AGENT = f"eventwire/{__version__} (political event coder; polite feed reader)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """A URL that could not be fetched, with the reason (one line)."""


#: IPv6 prefixes that carry an IPv4 address a gateway connects to (NAT64, RFC 6052 and 8215).
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def is_public(address: Address) -> bool:
    """A globally routed unicast address (not private, loopback, link-local or reserved), and
    so is any IPv4 address it carries (IPv4-mapped, 6to4, Teredo, NAT64): ``64:ff9b::7f00:1``
    counts as global in Python, yet a NAT64 gateway takes it to 127.0.0.1."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour or (
            address.teredo[1] if address.teredo else None)
        if any(address in net for net in _NAT64):
            inner = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if inner is not None and not is_public(inner):
            return False
    return address.is_global and not address.is_multicast


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 for an unchanged resource
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def text(self) -> str:
        """The body decoded by the charset the server names (UTF-8 when it names none or an
        unknown one); undecodable bytes become U+FFFD."""
        for part in self.content_type.split(";"):
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                try:
                    return self.body.decode(value.strip('"'), errors="replace")
                except LookupError:
                    break
        return self.body.decode("utf-8", errors="replace")


@dataclass
class Fetcher:
    """Fetches URLs politely; see the module's docstring."""

    allow_private: bool = False
    timeout: float = 10.0  # seconds of silence (connect, or one read) before a try gives up
    deadline: float = 30.0  # seconds for a whole URL: redirects, retries and backoff included
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubled for each next one
    per_host_interval: float = 1.0  # seconds between two requests to one host
    max_bytes: int = 5_000_000
    sleep: Callable[[float], None] = time.sleep
    resolve: Callable[..., list[Any]] = socket.getaddrinfo  # the one lookup of a connection
    allowed: Callable[[Address], bool] = is_public  # the addresses it may connect to
    _last: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None
    _until: float = float("inf")  # the monotonic time at which the current URL is given up
    _url: str = ""

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None
            ) -> Fetched:
        """The resource at ``url`` (status 304 and no body when the validators still hold)."""
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self._until, self._url = time.monotonic() + self.deadline, url
        for _ in range(6):  # at most five redirects, each hop checked
            self._check(url)
            response, body = self._with_retries(url, headers)
            if response.status_code in (301, 302, 303, 307, 308) and "location" in \
                    response.headers:
                url = urljoin(url, response.headers["location"])
                continue
            return self._result(url, response, body)
        raise FetchError(f"{url}: too many redirects")

    def close(self) -> None:
        """Close the kept connections (the fetcher opens new ones if used again)."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _check(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: not an http(s) URL")

    def _addresses(self, host: str, port: int) -> list[str]:
        """The addresses ``host`` resolves to, each one allowed (FetchError if any is not)."""
        try:
            infos = self._lookup(host, port)
        except OSError as exc:
            raise FetchError(f"{self._url}: cannot resolve {host} ({exc})") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        for text in addresses:
            address = ipaddress.ip_address(text.split("%", 1)[0])  # an IPv6 zone is not part
            if not self.allow_private and not self.allowed(address):
                raise FetchError(f"{self._url}: {host} is a private or local address "
                                 f"({address}); pass --allow-private to fetch it")
        if not addresses:
            raise FetchError(f"{self._url}: cannot resolve {host} (no address)")
        return addresses

    def _lookup(self, host: str, port: int) -> list[Any]:
        """``resolve``, given up like a connect (at ``timeout``, or the deadline if sooner): a
        lookup cannot be cancelled, so it runs in a daemon thread that is left to finish (a
        name server that never answers would otherwise hold the poll past every bound)."""
        wait = self._left(self.timeout)
        found: list[Any] = []
        answered = threading.Event()

        def ask() -> None:
            try:
                found.append(self.resolve(host, port, type=socket.SOCK_STREAM))
            except OSError as exc:
                found.append(exc)
            answered.set()

        threading.Thread(target=ask, name=f"lookup {host}", daemon=True).start()
        if not answered.wait(wait):
            raise FetchError(f"{self._url}: {host} not resolved in time (timeout "
                             f"{self.timeout:g} s, deadline {self.deadline:g} s)")
        if isinstance(found[0], OSError):
            raise found[0]
        return list(found[0])

    def _with_retries(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        wait = self.backoff
        for attempt in range(self.retries + 1):
            self._pace(url)
            try:
                response, body = self._send(url, headers)
            except httpx.TimeoutException:
                self._left()  # past the deadline: that, not the read, is the reason
                problem = f"no answer within {self.timeout:g} s"
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}"
            else:
                if response.status_code not in RETRY_STATUS:
                    return response, body
                problem = f"HTTP {response.status_code}"
            if attempt == self.retries or time.monotonic() + wait >= self._until:
                raise FetchError(f"{url}: {problem} (after {attempt + 1} tries)")
            self.sleep(wait)
            wait *= 2
        raise AssertionError("unreachable")

    def _send(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        if self._client is None:
            # The transport's connections go through ``_Bounded`` streams, which hold every
            # read and write to the deadline; with a transport given, httpx ignores proxy
            # variables, so the connection goes where the checks say.
            self._client = httpx.Client(timeout=self.timeout, follow_redirects=False,
                                        transport=_Transport(_Backend(self)))
        with self._client.stream("GET", url, headers=headers) as response:
            # The raw bytes, decoded here: httpx would inflate each chunk in full before the
            # size could be counted (a 3 KB stacked gzip became gigabytes).
            body = Body(url, response.headers.get("content-encoding", ""), self.max_bytes)
            for chunk in response.iter_raw():
                body.feed(chunk)
        return response, body.finish()

    def _left(self, timeout: float | None = None) -> float:
        """Seconds left for the current URL, at most ``timeout``; FetchError once none are."""
        left = self._until - time.monotonic()
        if left <= 0:
            raise FetchError(f"{self._url}: not fetched within the {self.deadline:g} s deadline")
        return left if timeout is None else min(timeout, left)

    def _pace(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        last = self._last.get(host)
        if last is not None:
            wait = self.per_host_interval - (time.monotonic() - last)
            if wait > 0:
                self.sleep(min(wait, self._left()))
        self._last[host] = time.monotonic()

    def _result(self, url: str, response: httpx.Response, body: bytes) -> Fetched:
        if response.status_code == 304:
            return Fetched(url, 304, etag=response.headers.get("etag"),
                           last_modified=response.headers.get("last-modified"))
        if response.status_code != 200:
            raise FetchError(f"{url}: HTTP {response.status_code}")
        return Fetched(url, 200, body, response.headers.get("etag"),
                       response.headers.get("last-modified"),
                       response.headers.get("content-type", ""))


class _Transport(httpx.HTTPTransport):
    """httpx's transport over a connection pool whose network backend is ours."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        super().__init__(trust_env=False)
        # httpx takes no backend argument; its pool is replaced by one that is given ours.
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                             network_backend=backend)


class _Backend(httpcore.NetworkBackend):
    """Opens the fetcher's connections: to an address resolved once and checked
    (``Fetcher._addresses``), and bounded by the deadline."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self.inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options: Any = None
                    ) -> httpcore.NetworkStream:
        failure: Exception = httpcore.ConnectError(f"cannot connect to {host}")
        for address in self.fetcher._addresses(host, port):
            try:
                # The checked address itself, not the name: no second lookup can answer
                # otherwise. TLS still checks the certificate against the name (httpcore
                # passes it as server_hostname to start_tls).
                stream = self.inner.connect_tcp(address, port, self.fetcher._left(timeout),
                                                local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return _Bounded(stream, self.fetcher)
        raise failure

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("no Unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _Bounded(httpcore.NetworkStream):
    """A connection whose every read and write waits no longer than the deadline leaves."""

    def __init__(self, stream: httpcore.NetworkStream, fetcher: Fetcher) -> None:
        self.stream, self.fetcher = stream, fetcher

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, self.fetcher._left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, self.fetcher._left(timeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Bounded(self.stream.start_tls(ssl_context, server_hostname,
                                              self.fetcher._left(timeout)), self.fetcher)

    def get_extra_info(self, info: str) -> Any:
        return self.stream.get_extra_info(info)


class Body:
    """A response body as it arrives, decoded from its content coding (gzip or deflate; stacked
    or unknown codings are refused), refused once it is larger than ``limit`` bytes on the wire
    or decoded. Inflating is bounded per chunk, so memory stays near the limit."""

    def __init__(self, url: str, encoding: str, limit: int) -> None:
        codings = [c.strip().lower() for c in encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1:
            raise FetchError(f"{url}: stacked content encodings ({encoding}) refused")
        self.coding = codings[0] if codings else ""
        if self.coding not in ("", "gzip", "x-gzip", "deflate"):
            raise FetchError(f"{url}: unsupported content encoding {self.coding!r}")
        self.url, self.limit = url, limit
        self.wire = self.size = 0
        self.head = b""  # deflate: the first bytes, until the zlib header can be told apart
        self.inflater: Any = (zlib.decompressobj(16 + zlib.MAX_WBITS)
                              if self.coding in ("gzip", "x-gzip") else None)
        self.chunks: list[bytes] = []

    def feed(self, chunk: bytes) -> None:
        self.wire += len(chunk)
        if self.wire > self.limit:
            self._too_large()
        if not self.coding:
            self._keep(chunk)
            return
        if self.inflater is None:  # deflate: zlib-wrapped as the standard says, or raw as some send
            self.head += chunk
            if len(self.head) < 2:
                return
            chunk, self.head = self.head, b""
            self._choose_deflate(chunk)
        self._inflate(chunk)

    def finish(self) -> bytes:
        if self.head:  # a deflate body shorter than two bytes
            self._choose_deflate(self.head)
            self._inflate(self.head)
        if self.inflater is not None and not self.inflater.eof:
            try:
                self._keep(self.inflater.flush())
            except zlib.error as exc:
                raise FetchError(f"{self.url}: body is not valid {self.coding} ({exc})") from None
        return b"".join(self.chunks)

    def _choose_deflate(self, start: bytes) -> None:
        wrapped = len(start) >= 2 and start[0] & 0x0F == 8 and \
            int.from_bytes(start[:2], "big") % 31 == 0
        self.inflater = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def _inflate(self, chunk: bytes) -> None:
        if self.inflater.eof:
            return  # bytes after the end of the stream: ignored, as browsers do
        try:
            # At most one byte past the room left: enough to know the limit is passed, and
            # no chunk, however well it compresses, inflates further than that.
            self._keep(self.inflater.decompress(chunk, self.limit - self.size + 1))
        except zlib.error as exc:
            raise FetchError(f"{self.url}: body is not valid {self.coding} ({exc})") from None

    def _keep(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            self._too_large()
        self.chunks.append(data)

    def _too_large(self) -> None:
        raise FetchError(f"{self.url}: larger than {self.limit} bytes")
