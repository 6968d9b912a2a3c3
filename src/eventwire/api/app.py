"""FastAPI app: the JSON API under /api and the dashboard at /.

``create_app`` puts the one writer and the settings in the app's state (``deps.ApiState``), adds
the routers of ``routes`` and one handler that turns a ``QueryError`` into a 422. Parameters are
always bound, never spliced into SQL. One writer connection (serialised by a lock) stores
articles; each read runs on its own cursor, so readers never wait for each other.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.api.deps import ApiState
from eventwire.api.routes import coding, records, relations
from eventwire.ingest.readers import MAX_TEXT_BYTES
from eventwire.store.db import EventStore
from eventwire.store.queries import QueryError

MAX_BODY_BYTES = 4 * MAX_TEXT_BYTES


def create_app(db: str | Path, token: str | None = None, model: str | None = None) -> FastAPI:
    """The app over one DuckDB file. ``token`` enables POST /api/articles (Bearer auth)."""
    store = EventStore(db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  description="PLOVER-coded political events: query, analyse, code.")
    app.state.api = ApiState(store, token, model)

    @app.middleware("http")
    async def limit_body(request: Request,
                         call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return JSONResponse({"detail": f"request body over {MAX_BODY_BYTES} bytes"}, 413)
        return await call_next(request)

    @app.exception_handler(QueryError)
    async def invalid_query(_: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, 422)

    for router in (coding, records, relations):
        app.include_router(router)

    static = Path(str(resources.files("eventwire.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", headers={"Cache-Control": "no-cache"})

    return app
