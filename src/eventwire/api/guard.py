"""The server's outer wall, as one plain ASGI middleware: it runs before FastAPI reads a byte.

- **Host**: only the names the server answers to (a DNS-rebinding page that points its own
  name at 127.0.0.1 is refused with 400).
- **Token first**: a write route without the right Bearer token is a 401 before its body is
  read, let alone validated.
- **Token guesses**: each client may get the token wrong a few times, then once a second
  (``GuessLimit``); beyond that a write is a 429 with ``Retry-After``, checked before the token
  is compared, so guessing runs at one try a second, not thousands.
- **Body size**: a declared ``Content-Length`` over the route's limit is a 413 at once; a
  chunked body is counted as it arrives and refused the moment it passes the limit (it is
  buffered up to the limit, never beyond).
- **Headers**: every response says what it is (``nosniff``), may not be framed, sends no
  referrer and carries a Content-Security-Policy that allows only the server's own scripts.
- **Failures**: an error the app has already answered (its JSON 500) is logged, not passed on
  to uvicorn, which would drop the client's keep-alive connection for it.
"""

from __future__ import annotations

import json
import logging
import math
import secrets
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("eventwire.api")
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
     b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
)


#: What a write without the right token is told (by the guard and by the route's dependency).
TOKEN_REQUIRED = "a valid 'Authorization: Bearer <token>' is required"


def token_matches(expected: str | None, given: str) -> bool:
    """The server has a token and ``given`` is it (compared in constant time)."""
    return bool(expected) and secrets.compare_digest(given.encode("utf-8", "replace"),
                                                     (expected or "").encode("utf-8"))


class GuessLimit:
    """Wrong tokens per client: ``burst`` at once, then one each ``every`` seconds (a
    generic cell rate: each failure pushes the client's next free time on by ``every``).
    At most ``clients`` are remembered; the ones whose debt is paid are forgotten first."""

    def __init__(self, burst: int = 10, every: float = 1.0, clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.burst = burst
        self.every = every
        self.clients = clients
        self.clock = clock
        self._free_at: dict[str, float] = {}

    def wait(self, client: str) -> float:
        """Seconds before ``client`` may try a token again (0: now)."""
        ahead = self._free_at.get(client, 0.0) - self.clock()
        return max(0.0, ahead - (self.burst - 1) * self.every)

    def failed(self, client: str) -> None:
        now = self.clock()
        if len(self._free_at) >= self.clients:
            self._free_at = {c: t for c, t in self._free_at.items() if t > now}
            if len(self._free_at) >= self.clients:  # a flood of addresses: start afresh
                self._free_at.clear()
        self._free_at[client] = max(self._free_at.get(client, 0.0), now) + self.every


def host_name(header: str) -> str:
    """The name in a Host header, without its port ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """Wraps the app: hosts, token-first writes, body size, security headers. ``body_limits``
    gives some paths a smaller body limit than ``max_body`` (a route whose input is small)."""

    def __init__(self, app: ASGIApp, max_body: int, hosts: Iterable[str] | None,
                 token: str | None, write_paths: Iterable[str],
                 body_limits: Mapping[str, int] | None = None,
                 guesses: GuessLimit | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.hosts = None if hosts is None else frozenset(h.lower() for h in hosts)
        self.token = token
        self.write_paths = frozenset(write_paths)
        self.body_limits = dict(body_limits or {})
        self.guesses = guesses or GuessLimit()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        answered = [False]
        send = _with_headers(send, answered)
        if self.hosts is not None and host_name(headers.get("host", "")) not in self.hosts:
            await _reply(send, 400, "unknown Host header (start the server with --allow-host "
                                    "NAME to answer to another name)")
            return
        if scope["method"] == "POST" and scope["path"] in self.write_paths:
            client = (scope.get("client") or ("?", 0))[0]
            wait = self.guesses.wait(client)
            if wait > 0:
                await _reply(send, 429, "too many wrong tokens from this address: retry "
                                        "later", [(b"retry-after", str(math.ceil(wait)).encode())])
                return
            if not self._authorised(headers.get("authorization", "")):
                self.guesses.failed(client)
                await _reply(send, 401, TOKEN_REQUIRED, [(b"www-authenticate", b"Bearer")])
                return
        limit = self.body_limits.get(scope["path"], self.max_body)
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit() or int(length) > limit:
                await _reply(send, 413, f"request body over {limit} bytes")
                return
            await self._inner(scope, receive, send, answered)
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self._inner(scope, receive, send, answered)
            return
        body = await _read_at_most(receive, limit)
        if body is None:
            await _reply(send, 413, f"request body over {limit} bytes")
            return
        await self._inner(scope, _replay(body), send, answered)

    async def _inner(self, scope: Scope, receive: Receive, send: Send,
                     answered: list[bool]) -> None:
        try:
            await self.app(scope, receive, send)
        except Exception:
            if not answered[0]:
                raise
            log.exception("%s %s failed", scope["method"], scope["path"])

    def _authorised(self, header: str) -> bool:
        scheme, _, given = header.partition(" ")
        return scheme.lower() == "bearer" and token_matches(self.token, given.strip())


async def _read_at_most(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it passes ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _with_headers(send: Send, answered: list[bool]) -> Send:
    """``send`` with the security headers added; ``answered[0]`` turns true once the whole
    response has gone."""
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            have = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = [*message.get("headers", []),
                                  *(h for h in SECURITY_HEADERS if h[0] not in have)]
        await send(message)
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            answered[0] = True

    return wrapped


async def _reply(send: Send, status: int, detail: str,
                 extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *(extra or [])]})
    await send({"type": "http.response.body", "body": body})
