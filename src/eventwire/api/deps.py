"""What the routes need, as FastAPI dependencies over the app's state: a read cursor per request,
the coding pipeline (loaded on first use), and the write token."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from eventwire.api.guard import TOKEN_REQUIRED, token_matches
from eventwire.codebook import Codebook
from eventwire.pipeline import Coder
from eventwire.store.db import EventStore


@dataclass
class ApiState:
    """The one writer, the token that guards writes, and the pipeline, loaded on the first
    request that codes (a server that only answers queries never loads the spaCy model)."""

    store: EventStore
    token: str | None
    model: str | None
    codebook: Codebook | None = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _coder: Coder | None = None
    _coder_lock: threading.Lock = field(default_factory=threading.Lock)

    def coder(self) -> Coder:
        with self._coder_lock:
            if self._coder is None:
                self._coder = Coder(self.model, codebook=self.codebook)
            return self._coder


def state(request: Request) -> ApiState:
    api: ApiState = request.app.state.api
    return api


def get_cursor(request: Request) -> Iterator[Any]:
    """A cursor of its own for each request: DuckDB cursors read concurrently. The request
    holds a session of the shared store, so the file is free for other processes between
    bursts of requests (``store.db``). FastAPI may end it on another thread than it began."""
    with state(request).store.session(nests=False) as con:
        cur = con.cursor()
        try:
            yield cur
        finally:
            cur.close()


_bearer = HTTPBearer(auto_error=False, description="The token `eventwire serve --token` was "
                                                   "started with.")


def require_token(request: Request, credentials: Annotated[
        HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Writes need the server's token. The guard checks it before the body is read; this
    declares the security scheme for /docs and checks again behind the guard."""
    given = credentials.credentials if credentials else ""
    if not token_matches(state(request).token, given):
        raise HTTPException(401, TOKEN_REQUIRED, headers={"WWW-Authenticate": "Bearer"})


Cursor = Annotated[Any, Depends(get_cursor)]
State = Annotated[ApiState, Depends(state)]
