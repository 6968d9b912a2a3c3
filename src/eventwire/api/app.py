"""FastAPI app: the JSON API under /api and the dashboard at /.

Every route is a thin shell over the library: ``store.queries`` for event listings and articles,
``analysis`` for dyads, networks and alerts, ``pipeline.Coder`` for coding. Parameters are always
bound, never spliced into SQL. One writer connection (serialised by a lock) stores articles;
each read runs on its own cursor, so readers never wait for each other.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import date as Date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from eventwire import __version__, analysis
from eventwire.ingest.readers import MAX_TEXT_BYTES, clean_text
from eventwire.pipeline import Coder
from eventwire.schema import Article
from eventwire.store.db import EventStore
from eventwire.store.queries import (
    EventFilter,
    article,
    count_events,
    events,
    grouped_events,
    summary,
)
from eventwire.store.rows import event_from_row

MAX_BODY_BYTES = 4 * MAX_TEXT_BYTES
MAX_ARTICLES_PER_POST = 100
MAX_PAGE = 500


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_BYTES)
    date: Date | None = None


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_BYTES)
    id: str | None = Field(default=None, max_length=200)
    date: Date | None = None
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=400)


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES_PER_POST)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def get_cursor(request: Request) -> Iterator[Any]:
    """A cursor of its own for each request: DuckDB cursors read concurrently."""
    cur = request.app.state.store.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


Cursor = Annotated[Any, Depends(get_cursor)]


def create_app(db: str | Path, token: str | None = None, model: str | None = None) -> FastAPI:
    """The app over one DuckDB file. ``token`` enables POST /api/articles (Bearer auth)."""
    store = EventStore(db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  description="PLOVER-coded political events: query, analyse, code.")
    write_lock = threading.Lock()
    coder_holder: dict[str, Coder] = {}

    def coder() -> Coder:
        """The pipeline, loaded on the first POST (a server that only answers queries never
        loads the spaCy model)."""
        if "coder" not in coder_holder:
            coder_holder["coder"] = Coder(model)
        return coder_holder["coder"]

    app.state.store = store

    @app.middleware("http")
    async def limit_body(request: Request,
                         call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return JSONResponse({"detail": f"request body over {MAX_BODY_BYTES} bytes"}, 413)
        return await call_next(request)

    @app.get("/api/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__}

    @app.post("/api/extract")
    def extract(body: ExtractRequest) -> dict[str, Any]:
        """Code a text and return its events; nothing is stored."""
        article = Article(text=clean_text(body.text), date=body.date)
        _, found = next(coder().code([article]))
        return {"text": article.text, "events": [e.to_dict() for e in found]}

    @app.post("/api/articles")
    def post_articles(body: ArticlesIn, authorization: Annotated[str | None, Header()] = None
                      ) -> dict[str, Any]:
        """Code and store articles (needs the token the server was started with)."""
        if not token or authorization != f"Bearer {token}":
            raise HTTPException(401, "a valid 'Authorization: Bearer <token>' is required",
                                headers={"WWW-Authenticate": "Bearer"})
        articles = [Article(text=clean_text(a.text), id=a.id or "", date=a.date, title=a.title,
                            url=a.url, source=a.source, origin="api") for a in body.articles]
        coded = list(coder().code(articles))
        with write_lock:
            result = store.write(coded)
        return {"added": result.added, "replaced": result.replaced,
                "unchanged": result.unchanged, "events": result.events,
                "article_ids": [a.id for a, _ in coded]}

    @app.get("/api/events")
    def list_events(
        cur: Cursor,
        actor: str | None = None, source: str | None = None, target: str | None = None,
        type: str | None = None, quad: Annotated[int | None, Query(ge=1, le=4)] = None,
        since: Date | None = None, until: Date | None = None,
        text: Annotated[str | None, Query(max_length=200)] = None,
        article_id: str | None = None, location: str | None = None,
        a: str | None = None, b: str | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Events matching the filters (``a`` and ``b`` together: either direction), newest
        first, a page at a time."""
        try:
            flt = EventFilter(actor=actor, source=source, target=target,
                              dyad=(a, b) if a and b else None, type=type, quad=quad,
                              since=since, until=until, text=text, article_id=article_id,
                              location=location)
            rows = events(cur, flt, limit=limit, offset=offset).rows
            total = count_events(cur, flt)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None
        return {"total": total, "limit": limit, "offset": offset,
                "events": [event_from_row(r).to_dict() for r in rows]}

    @app.get("/api/events/grouped")
    def list_grouped_events(
        cur: Cursor, actor: str | None = None, type: str | None = None,
        a: str | None = None, b: str | None = None,
        since: Date | None = None, until: Date | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> list[dict[str, Any]]:
        """Repeated reports of one event collapsed into one, with every report as evidence."""
        try:
            flt = EventFilter(actor=actor, type=type, dyad=(a, b) if a and b else None,
                              since=since, until=until)
            return _jsonable(grouped_events(cur, flt, limit, offset).rows)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.get("/api/dyads")
    def dyads(cur: Cursor, since: Date | None = None, until: Date | None = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 30,
              collapse: str = "event") -> list[dict[str, Any]]:
        """The most active country pairs."""
        try:
            return _jsonable(analysis.top_dyads(cur, since, until, limit, collapse=collapse))
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.get("/api/dyads/{a}/{b}/timeline")
    def dyad_timeline(cur: Cursor, a: str, b: str, interval: str = "month",
                      since: Date | None = None, until: Date | None = None,
                      directed: bool = False, collapse: str = "event") -> dict[str, Any]:
        """One pair's relations by period."""
        try:
            rows = analysis.timeline(cur, a, b, interval, since, until, directed, collapse)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None
        return {"a": a.upper(), "b": b.upper(), "interval": interval, "directed": directed,
                "periods": _jsonable(rows)}

    @app.get("/api/network")
    def get_network(cur: Cursor, since: Date | None = None, until: Date | None = None,
                    min_events: Annotated[int, Query(ge=1)] = 1,
                    collapse: str = "event") -> dict[str, Any]:
        """Countries and the weighted pairs between them, for a period."""
        try:
            return _jsonable(analysis.network(cur, since, until, min_events, collapse=collapse))
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.get("/api/alerts")
    def get_alerts(cur: Cursor, interval: str = "month",
                   baseline: Annotated[int, Query(ge=1, le=52)] = 3,
                   threshold: Annotated[float, Query(gt=0, le=10)] = 2.0,
                   since: Date | None = None, collapse: str = "event") -> list[dict[str, Any]]:
        """Pairs whose conflict or cooperation departs from their trailing baseline."""
        try:
            return _jsonable(analysis.shift_alerts(cur, interval, baseline, threshold,
                                                   since=since, collapse=collapse))
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.get("/api/locations")
    def locations(cur: Cursor, since: Date | None = None, until: Date | None = None
                  ) -> list[dict[str, Any]]:
        """Places where events happened, with counts and coordinates (for the map)."""
        return _jsonable(analysis.event_places(cur, since, until))

    @app.get("/api/articles/{article_id}")
    def get_article(cur: Cursor, article_id: str) -> dict[str, Any]:
        """An article's text and its events, with the character spans of the evidence."""
        found = article(cur, article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return _jsonable({**found, "events": [event_from_row(e).to_dict() for e in found["events"]]})

    @app.get("/api/summary")
    def get_summary(cur: Cursor) -> dict[str, Any]:
        """Totals of the database."""
        return _jsonable(summary(cur))

    static = Path(str(resources.files("eventwire.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", headers={"Cache-Control": "no-cache"})

    return app
