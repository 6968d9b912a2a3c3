"""A real uvicorn server on 127.0.0.1 over a real demo database, for API and browser tests."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI
from rich.console import Console

from eventwire.api import create_app
from eventwire.demo import run_demo
from eventwire.pipeline import Coder
from eventwire.schema import Article
from eventwire.store.db import EventStore
from tests.conftest import make_event

TOKEN = "test-token"
XSS_TEXT = ("Kenya praised Uganda for its help. <script>window.pwned = true;</script> "
            "<img src=x onerror=\"window.pwned = true\">")
#: An actor's name carrying markup (a hand-made record: the coder would not pick such a name).
XSS_ACTOR = "<img src=x onerror=\"window.pwned = true\">Kenyan rebels"


def build_demo_db(folder: Path) -> Path:
    """The demo corpus, plus an article whose text carries markup that must stay text."""
    db = folder / "demo.duckdb"
    run_demo(db, Console(file=io.StringIO()))
    coder = Coder()
    with EventStore(db) as store:
        store.write(coder.code([Article(text=XSS_TEXT, id="xss", date=date(2025, 9, 20),
                                        title="<b>Markup</b> in a title")]))
        marked = make_event("xss-actor", "THREATEN", "KEN", "UGA", date(2025, 9, 21), 3, -4.0,
                            sentence=f"{XSS_ACTOR} threatened Uganda.")
        marked = replace(marked, source=replace(marked.source, text=XSS_ACTOR, name=XSS_ACTOR))
        store.write([(Article(text=marked.sentence, id="xss-actor", date=date(2025, 9, 21)),
                      [marked])])
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(base: str, seconds: float) -> None:
    """Return once the server at ``base`` answers /api/health (or the time is up)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.05)


@contextmanager
def running_server(db: Path, token: str | None = TOKEN,
                   extend: Callable[[FastAPI], None] | None = None,
                   max_body: int | None = None) -> Iterator[str]:
    """A real uvicorn in a thread; ``extend`` may add routes to the FastAPI app first, and
    ``max_body`` makes its guard refuse bodies over that many bytes."""
    port = free_port()
    app = create_app(db, token=token)
    if extend is not None:
        extend(app.app)  # type: ignore[arg-type]
    if max_body is not None:
        app.max_body = max_body
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base, 30)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)
