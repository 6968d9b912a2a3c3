"""FastAPI app: the JSON API under /api and the dashboard at /.

``create_app`` puts the one writer and the settings in the app's state (``deps.ApiState``), adds
the routers of ``routes`` and one handler that turns a ``QueryError`` into a 422. Parameters are
always bound, never spliced into SQL. One writer connection (serialised by a lock) stores
articles; each read runs on its own cursor, so readers never wait for each other. The server
holds the file only while requests come in, so ``query``, ``export`` and ``ingest`` run
beside it (``store.db``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from eventwire import __version__
from eventwire.api.deps import ApiState
from eventwire.api.guard import LOOPBACK_HOSTS, Guard
from eventwire.api.routes import WRITE_PATHS, chart_routes, coding, records, relations
from eventwire.codebook import Codebook
from eventwire.limits import MAX_EXTRACT_CHARS, MAX_TEXT_BYTES
from eventwire.store.db import EventStore, StoreBusy
from eventwire.store.queries import QueryError

MAX_BODY_BYTES = 4 * MAX_TEXT_BYTES
#: ``POST /api/extract`` takes one text of at most ``MAX_EXTRACT_CHARS`` characters: 12 bytes
#: each at most as JSON (an astral character is two ``\uXXXX`` escapes), and room for the rest.
EXTRACT_BODY_BYTES = 12 * MAX_EXTRACT_CHARS + 16_384
#: Seconds a request waits while another process holds the file before it is told 503 with
#: ``Retry-After`` (a ``query`` or an ``ingest`` batch holds it for well under a second).
SERVE_WAIT = 5.0
RETRY_AFTER = "2"
#: The longest error message a client is sent (a message never needs to carry its input).
MAX_DETAIL = 500


def create_app(db: str | Path, token: str | None = None, model: str | None = None,
               hosts: Iterable[str] | None = LOOPBACK_HOSTS,
               codebook: Codebook | None = None) -> Guard:
    """The app over one DuckDB file. ``token`` enables POST /api/articles (Bearer auth);
    ``hosts`` are the names the server answers to (None: any)."""
    store = EventStore(db, hold=False, wait=SERVE_WAIT)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  description="PLOVER-coded political events: query, analyse, code.")
    app.state.api = ApiState(store, token, model, codebook)

    @app.exception_handler(QueryError)
    async def invalid_query(_: Request, exc: QueryError) -> JSONResponse:
        # The messages quote the input cut short (limits.echo); the cap is the backstop.
        return JSONResponse({"detail": str(exc)[:MAX_DETAIL]}, 422)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        # Where and why, never the input itself: echoing a megabyte body back helps no one.
        return JSONResponse({"detail": [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""),
                                         "type": e.get("type", "")} for e in exc.errors()]}, 422)

    @app.exception_handler(StoreBusy)
    async def busy(_: Request, exc: StoreBusy) -> JSONResponse:
        who = f"process {exc.holder}" if exc.holder else "another process"
        return JSONResponse({"detail": f"the database is in use by {who}: retry in a few "
                                       "seconds"}, 503, headers={"Retry-After": RETRY_AFTER})

    @app.exception_handler(Exception)
    async def failed(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"}, 500)

    for router in (coding, records, relations, chart_routes):
        app.include_router(router)

    static = Path(str(resources.files("eventwire.web").joinpath("static")))
    app.mount("/static/swagger", StaticFiles(directory=str(swagger_ui_path)), name="swagger")
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(static / "docs.html")

    return Guard(app, MAX_BODY_BYTES, hosts, token, WRITE_PATHS,
                 body_limits={"/api/extract": EXTRACT_BODY_BYTES})
