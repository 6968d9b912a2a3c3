"""The JSON routes, grouped by what they serve: coding, events and articles, relations. Each is a
thin shell over a library function; a ``QueryError`` from any of them becomes a 422 (one
handler in ``app``)."""

from __future__ import annotations

import io
import os
import tempfile
import threading
from dataclasses import replace
from datetime import date as Date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Response
from fastapi.responses import FileResponse
from pydantic import BaseModel
from starlette.background import BackgroundTask

from eventwire import __version__, analysis, charts
from eventwire.actors.parties import party_label
from eventwire.api.deps import Cursor, State, require_token
from eventwire.api.models import (
    FIELD_CHARS,
    Alert,
    ArticleOut,
    ArticlesIn,
    CountryRow,
    Dyad,
    EventOut,
    EventsPage,
    ExtractRequest,
    ExtractResponse,
    FeedsIn,
    FeedStatus,
    GroupedEvent,
    Health,
    ListedEvent,
    Network,
    Period,
    Place,
    Problem,
    Rejected,
    Status,
    StoredResponse,
    Summary,
    Timeline,
    flat_columns,
)
from eventwire.ingest.readers import article_from_record
from eventwire.jobs import FirstVersion
from eventwire.limits import EXTRACT_SLOTS, echo
from eventwire.schema import Article
from eventwire.store.counted import STORY_COLUMNS, count_counted, counted_events
from eventwire.store.export import export_events, write_csv
from eventwire.store.queries import (
    EventFilter,
    article,
    grouped_events,
    party,
    run_sql,
    summary,
)
from eventwire.store.rows import event_from_row

MAX_PAGE = 500
MAX_OFFSET = 1_000_000_000
_INVALID: dict[int | str, dict[str, Any]] = {422: {"model": Problem, "description": "Invalid query"}}

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Since = Annotated[Date | None, Query(description="First day (YYYY-MM-DD).")]
Until = Annotated[Date | None, Query(description="Last day (YYYY-MM-DD).")]
#: The values of ``analysis.COLLAPSE_MODES`` and ``analysis.dyads.INTERVALS`` (a test keeps them
#: equal), as types, so /docs lists them and a wrong one is a 422.
CollapseMode = Literal["none", "event", "strict"]
IntervalName = Literal["day", "week", "month", "quarter", "year"]
ScaleMode = Literal["shared", "independent"]  # charts.SCALE_MODES
Normalize = Literal["none", "stories"]  # charts.NORMALIZE_MODES
Collapse = Annotated[CollapseMode, Query(description="none | event (repeated reports once) | "
                                                    "strict (one a day per pair and CAMEO root)")]
Interval = Annotated[IntervalName, Query(description="Period length.")]
PlaceRoleName = Literal["event", "dateline", "any"]  # store.queries.PLACE_ROLES
PlaceRole = Annotated[PlaceRoleName, Query(description=(
    "Whose places: event (where the sentence puts the act, the default), dateline (where "
    "stories were filed) or any (both, each row saying which)"))]


OutFormat = Annotated[Literal["json", "csv"], Query(
    alias="format", description="json, or csv with flat cells (objects spread into `key.sub` "
                                "columns, lists joined with '; ')")]
#: How list endpoints document their CSV form.
_CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}},
                                               "description": "The rows (JSON, or CSV)"}}


def _rows_as(items: list[Any], fmt: str, name: str, headers: dict[str, str] | None = None,
             model: type[BaseModel] | None = None) -> Any:
    """The items as they are (FastAPI writes JSON) or, for ``format=csv``, one flat CSV row
    each: the same rows and values, so a spreadsheet sees what a script sees; with no rows,
    the header of ``model``'s columns."""
    if fmt != "csv":
        return items
    buffer = io.StringIO()
    write_csv([i.model_dump(mode="json") if isinstance(i, BaseModel) else i for i in items],
              buffer, flat_columns(model) if model else None)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{name}.csv"', **(headers or {})})


def event_scope(
    type: Annotated[str | None, Query(description="PLOVER type.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description=(
        "Least confidence of the coding (0-1)."))] = None,
) -> EventFilter:
    """The event filters every relations view applies before counting, as the event list does."""
    return EventFilter(type=type, quad=quad, min_confidence=min_confidence)


EventScope = Annotated[EventFilter, Depends(event_scope)]


def _event(row: dict[str, Any]) -> EventOut:
    return EventOut.model_validate(event_from_row(row).to_dict())


coding = APIRouter(prefix="/api", tags=["coding"])


@coding.get("/health")
def health() -> Health:
    return Health(status="ok", version=__version__)


#: Routes that need the token: the guard checks it before a byte of the body is read.
WRITE_PATHS = ("/api/articles", "/api/feeds")
_extract_slots = threading.BoundedSemaphore(EXTRACT_SLOTS)


@coding.post("/extract", responses={
    413: {"model": Problem, "description": "Body too large"},
    422: {"model": Problem, "description": "Not an article (empty, not valid Unicode, a date "
                                           "outside the accepted window ...)"},
    503: {"model": Problem, "description": "Busy: retry after the seconds in Retry-After"}})
def extract(body: ExtractRequest, st: State) -> ExtractResponse:
    """Code a text and return its events; nothing is stored."""
    try:
        article = article_from_record(body.model_dump(), "request")
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    if not _extract_slots.acquire(blocking=False):
        raise HTTPException(503, f"{EXTRACT_SLOTS} texts are being coded; retry shortly",
                            headers={"Retry-After": "5"})
    try:
        _, found = next(st.coder().code([article]))
    finally:
        _extract_slots.release()
    return ExtractResponse(text=article.text,
                           events=[EventOut.model_validate(e.to_dict()) for e in found])


@coding.post("/articles", dependencies=[Depends(require_token)],
             responses={401: {"model": Problem, "description": "No or wrong token"},
                        413: {"model": Problem, "description": "Body too large"},
                        422: {"model": Problem, "description": "No article could be stored"}})
def post_articles(body: ArticlesIn, st: State) -> StoredResponse:
    """Code and store articles (needs the token the server was started with). Each article is
    checked on its own: a bad one is listed in ``rejected`` and the rest are stored; an id
    given twice keeps its first version."""
    articles: list[Article] = []
    rejected: list[Rejected] = []
    first = FirstVersion()
    for n, item in enumerate(body.articles):
        raw: object = item  # as posted: ArticlesIn leaves the items to be checked here
        try:
            article = article_from_record(raw, f"articles[{n}]")
            too_long = [f"'{k}' longer than {limit} characters" for k, limit in FIELD_CHARS.items()
                        if len(getattr(article, k) or "") > limit]
            if too_long:
                raise ValueError("; ".join(too_long))
            article = article.with_id()
        except ValueError as exc:
            rejected.append(Rejected(index=n, reason=str(exc)))
            continue
        repeat = first.reject(article)
        if repeat is not None:
            rejected.append(Rejected(index=n, reason=repeat.reason))
            continue
        articles.append(article)
    if not articles:
        raise HTTPException(422, "; ".join(f"articles[{r.index}]: {r.reason}" for r in rejected))
    coder = st.coder()
    coded = list(coder.code(articles))
    with st.write_lock:
        result = st.store.write(coded, coder.codebook_id)
    return StoredResponse(added=result.added, replaced=result.replaced,
                          unchanged=result.unchanged, events=result.events,
                          article_ids=[a.id for a, _ in coded], rejected=rejected)


@coding.post("/feeds", dependencies=[Depends(require_token)],
             responses={401: {"model": Problem, "description": "No or wrong token"}})
def post_feeds(body: FeedsIn, st: State) -> dict[str, int]:
    """Record the status of watched feeds (``eventwire watch --server`` calls this)."""
    with st.write_lock:
        st.store.record_feeds([f.model_dump() for f in body.feeds])
    return {"feeds": len(body.feeds)}


@coding.get("/status")
def get_status(cur: Cursor) -> Status:
    """Totals and, per watched feed, its last poll, last new article and errors."""
    totals = summary(cur)
    rows = run_sql(cur, "SELECT * FROM feeds ORDER BY url", []).rows
    return Status(articles=totals["articles"], events=totals["events"],
                  feeds=[FeedStatus.model_validate(r) for r in rows])


records = APIRouter(prefix="/api", tags=["events and articles"], responses=_INVALID)


def listing_filter(
    actor: str | None = None, source: str | None = None, target: str | None = None,
    type: Annotated[str | None, Query(description="PLOVER type.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4)] = None,
    since: Since = None, until: Until = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in the sentence.")]
    = None,
    article_id: str | None = None, location: str | None = None,
    place_role: Annotated[PlaceRoleName, Query(description=(
        "Which places `location` matches: event (the act's, the default), dateline (where "
        "stories were filed) or any."))] = "event",
    a: Annotated[str | None, Query(description="With b: events between a and b.")] = None,
    b: str | None = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description=(
        "Least confidence of the coding (0-1)."))] = None,
    include_negated: Annotated[bool, Query(description=(
        "List denied events too (flagged `negated`; they never count)."))] = False,
) -> EventFilter:
    """The event list's filters (``a`` and ``b`` together: either direction)."""
    return EventFilter(actor=actor, source=source, target=target,
                       dyad=(a, b) if a and b else None, type=type, quad=quad,
                       since=since, until=until, text=text, article_id=article_id,
                       location=location, place_role=place_role,
                       min_confidence=min_confidence, include_negated=include_negated)


ListingFilter = Annotated[EventFilter, Depends(listing_filter)]
ListCollapse = Annotated[CollapseMode, Query(description=(
    "none (every report, the default here), event (the relations views' count: repeated "
    "reports once, syndicated copies not at all) or strict"))]


def _listed(row: dict[str, Any]) -> ListedEvent:
    return ListedEvent.model_validate({**event_from_row(row).to_dict(),
                                       **{k: row[k] for k in STORY_COLUMNS}})


@records.get("/events", response_model=EventsPage, responses=_CSV)
def list_events(cur: Cursor, flt: ListingFilter, collapse: ListCollapse = "none",
                limit: Limit = 50, offset: Offset = 0, fmt: OutFormat = "json") -> Any:
    """Events matching the filters, newest first, a page at a time, counted as ``collapse``
    counts them (with ``collapse=event`` the total is what a relations view shows for the
    same filters). As CSV, the page's events, with the total in ``X-Total-Count``; every
    matching event at once: ``/api/events/export``."""
    rows = [_listed(r) for r in counted_events(cur, flt, collapse, limit, offset).rows]
    total = count_counted(cur, flt, collapse)
    if fmt == "csv":
        return _rows_as(rows, fmt, "events", {"X-Total-Count": str(total),
                                              "X-Collapse": collapse}, ListedEvent)
    return EventsPage(total=total, limit=limit, offset=offset, collapse=collapse, events=rows)


#: The formats of ``/api/events/export``: file ending, media type, ``export_events`` format.
EXPORTS = {"csv": (".csv", "text/csv; charset=utf-8", "csv"),
           "parquet": (".parquet", "application/vnd.apache.parquet", "parquet"),
           "jsonl": (".jsonl", "application/x-ndjson", "plover")}


@records.get("/events/export", response_class=FileResponse, responses={
    200: {"content": {v[1].split(";")[0]: {} for v in EXPORTS.values()},
          "description": "Every matching event, as a file"}})
def export_matching(cur: Cursor, flt: ListingFilter, collapse: Collapse = "event",
                    fmt: Annotated[Literal["csv", "parquet", "jsonl"], Query(
                        alias="format", description="csv, parquet or jsonl (PLOVER style)")]
                    = "csv") -> FileResponse:
    """Every event matching the filters, with no page limit, counted as ``collapse`` counts
    them (default ``event``, as the relations views): one row per counted event with its
    story (article id, outlet, title, publication date, URL, ``duplicate_of``) and
    ``reports``. Written to a temporary file first (memory stays flat), then sent; an empty
    result keeps its header. ``X-Total-Count`` gives the rows, ``X-Collapse`` the mode."""
    suffix, media, kind = EXPORTS[fmt]
    handle, name = tempfile.mkstemp(prefix="eventwire-export-", suffix=suffix)
    os.close(handle)
    path = Path(name)
    try:
        n = export_events(cur, path, kind, flt, collapse)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return FileResponse(path, media_type=media, filename=f"events-{collapse}{suffix}",
                        headers={"X-Total-Count": str(n), "X-Collapse": collapse},
                        background=BackgroundTask(path.unlink, missing_ok=True))


@records.get("/events/grouped", response_model=list[GroupedEvent], responses=_CSV)
def list_grouped_events(cur: Cursor, scope: EventScope, actor: str | None = None,
                        source: str | None = None, target: str | None = None,
                        a: str | None = None, b: str | None = None,
                        since: Since = None, until: Until = None,
                        text: Annotated[str | None, Query(max_length=200)] = None,
                        location: str | None = None, place_role: PlaceRole = "event",
                        limit: Limit = 50, offset: Offset = 0, fmt: OutFormat = "json") -> Any:
    """Repeated reports of one event collapsed into one, with every report as evidence (the
    event list's filters)."""
    flt = replace(scope, actor=actor, source=source, target=target,
                  dyad=(a, b) if a and b else None, since=since, until=until, text=text,
                  location=location, place_role=place_role)
    return _rows_as([GroupedEvent.model_validate(r)
                     for r in grouped_events(cur, flt, limit, offset).rows], fmt, "grouped",
                     model=GroupedEvent)


@records.get("/articles/{article_id}",
             responses={404: {"model": Problem, "description": "No such article"}})
def get_article(cur: Cursor, article_id: str) -> ArticleOut:
    """An article's text and its events, with the character spans of the evidence."""
    found = article(cur, article_id)
    if found is None:
        raise HTTPException(404, f"no article {echo(article_id)}")
    return ArticleOut.model_validate({**found, "events": [_event(e) for e in found["events"]]})


@records.get("/summary")
def get_summary(cur: Cursor) -> Summary:
    """Totals of the database."""
    return Summary.model_validate(summary(cur))


relations = APIRouter(prefix="/api", tags=["relations"], responses=_INVALID)


@relations.get("/dyads", response_model=list[Dyad], responses=_CSV)
def dyads(cur: Cursor, scope: EventScope, since: Since = None, until: Until = None,
          limit: Annotated[int, Query(ge=1, le=500)] = 30,
          country: Annotated[str | None, Query(description=(
              "Only this country's pairs (a name or a code)."))] = None,
          collapse: Collapse = "event", fmt: OutFormat = "json") -> Any:
    """The most active country pairs."""
    return _rows_as([Dyad.model_validate(r) for r in analysis.top_dyads(
        cur, since, until, limit, collapse=collapse, scope=scope, with_country=country)],
        fmt, "dyads", model=Dyad)


@relations.get("/countries", response_model=list[CountryRow], responses=_CSV)
def countries(cur: Cursor, scope: EventScope, since: Since = None, until: Until = None,
              collapse: Collapse = "event", fmt: OutFormat = "json") -> Any:
    """Every country with events, as either party: counts, balance, name, busiest first."""
    return _rows_as([CountryRow.model_validate(r) for r in analysis.country_totals(
        cur, since, until, collapse, scope)], fmt, "countries", model=CountryRow)


@relations.get("/dyads/{a}/{b}/timeline", response_model=Timeline, responses=_CSV)
def dyad_timeline(cur: Cursor, scope: EventScope, a: str, b: str, interval: Interval = "month",
                  since: Since = None, until: Until = None, directed: bool = False,
                  collapse: Collapse = "event", fmt: OutFormat = "json") -> Any:
    """One pair's relations by period (as CSV: one row a period)."""
    rows = analysis.timeline(cur, a, b, interval, since, until, directed, collapse, scope)
    left = analysis.unplaced(cur, a, b, interval, since, until, directed, collapse, scope)
    found = Timeline.model_validate({"a": party(a).key, "b": party(b).key, "interval": interval,
                                     "directed": directed, "periods": rows, "unplaced": left})
    return _rows_as(found.periods, fmt, f"{found.a}-{found.b}", model=Period) \
        if fmt == "csv" else found


@relations.get("/network")
def get_network(cur: Cursor, scope: EventScope, since: Since = None, until: Until = None,
                min_events: Annotated[int, Query(ge=1)] = 1,
                collapse: Collapse = "event") -> Network:
    """Countries and the weighted pairs between them, for a period."""
    return Network.model_validate(analysis.network(cur, since, until, min_events,
                                                   collapse=collapse, scope=scope))


@relations.get("/alerts", response_model=list[Alert], responses=_CSV)
def get_alerts(cur: Cursor, interval: Interval = "month",
               baseline: Annotated[int, Query(ge=1, le=52, description=(
                   "Trailing periods the expected rate is taken from."))] = 3,
               threshold: Annotated[float, Query(gt=0, le=50, description=(
                   "Least surprise, -log10 of the Poisson tail: 2 is 1 in 100, 3 is 1 in "
                   "1,000."))] = 3.0,
               min_events: Annotated[int, Query(ge=1, description=(
                   "Least events in the period."))] = 3,
               since: Since = None, collapse: Collapse = "event",
               limit: Annotated[int, Query(ge=1, le=1000, description=(
                   "Most alerts (newest, then most surprising, first)."))] = 100,
               fmt: OutFormat = "json") -> Any:
    """Pairs whose conflict or cooperation is surprising against their trailing baseline
    (a Poisson test with a minimum expected rate; see docs/analysis.md)."""
    return _rows_as([Alert.model_validate(r) for r in analysis.shift_alerts(
        cur, interval, baseline, threshold, min_events, since=since, collapse=collapse,
        limit=limit)],
        fmt, "alerts", model=Alert)


@relations.get("/locations", response_model=list[Place], responses=_CSV)
def locations(cur: Cursor, scope: EventScope, since: Since = None, until: Until = None,
              collapse: Collapse = "event", place_role: PlaceRole = "event",
              fmt: OutFormat = "json") -> Any:
    """Places where events happened, with counts (as ``collapse`` counts them) and
    coordinates (the map); datelines (where stories were filed) only on request."""
    return _rows_as([Place.model_validate(r) for r in analysis.event_places(
        cur, since, until, scope=scope, collapse=collapse, role=place_role)], fmt, "places",
        model=Place)


chart_routes = APIRouter(prefix="/api/charts", tags=["charts"], responses=_INVALID)
#: A Vega-Lite spec, data inline (what the dashboard draws and Altair reads).
Spec = dict[str, Any]
WORLD_URL = "/static/vendor/countries-110m.json"


@chart_routes.get("/timeline")
def timeline_chart(cur: Cursor, scope: EventScope,
                   pair: Annotated[list[str], Query(min_length=1, max_length=8, description=(
                       "'A,B' (both directions) or 'A>B' (A towards B); repeat for several "
                       "pairs, one panel each."), examples=["IND,TUR"])],
                   interval: Interval = "month", since: Since = None, until: Until = None,
                   collapse: Collapse = "event",
                   scales: Annotated[ScaleMode, Query(description=(
                       "shared: every panel's bars on one scale (the default); "
                       "independent: each pair's own, said in its subtitle"))] = "shared",
                   normalize: Annotated[Normalize, Query(description=(
                       "none: bars count events; stories: events per 100 stories coded in "
                       "the period (publication dates, syndicated copies left out), GDELT's "
                       "answer to changing news volume"))] = "none",
                   ) -> Spec:
    """Relations of one or more pairs by period, as a Vega-Lite spec."""
    return charts.timeline_spec(analysis.timelines(cur, pair, interval, since, until, collapse,
                                                   scope, stories=normalize == "stories"),
                                interval, scales=scales, normalize=normalize)


@chart_routes.get("/matrix")
def matrix_chart(cur: Cursor, scope: EventScope, since: Since = None, until: Until = None,
                 limit: Annotated[int, Query(ge=2, le=60)] = 30,
                 collapse: Collapse = "event") -> Spec:
    """The busiest countries' pairs as a matrix, as a Vega-Lite spec."""
    return charts.matrix_spec(*_named_network(cur, scope, since, until, collapse), limit)


@chart_routes.get("/network")
def network_chart(cur: Cursor, scope: EventScope, since: Since = None, until: Until = None,
                  limit: Annotated[int, Query(ge=2, le=60)] = 30,
                  collapse: Collapse = "event") -> Spec:
    """The busiest parties and the pairs between them as a network, as a Vega-Lite spec."""
    return charts.network_spec(*_named_network(cur, scope, since, until, collapse), limit)


def _named_network(cur: Any, scope: EventFilter, since: Date | None,
                   until: Date | None, collapse: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The network the matrix and network charts draw (their ``limit`` cuts it), and its
    parties' names."""
    net = analysis.network(cur, since, until, collapse=collapse, scope=scope, limit=5000)
    return net, {n["id"]: party_label(n["id"]) for n in net["nodes"]}


@chart_routes.get("/map")
def map_chart(cur: Cursor, scope: EventScope, since: Since = None, until: Until = None,
              collapse: Collapse = "event", place_role: PlaceRole = "event") -> Spec:
    """Places and country shading, as a Vega-Lite spec (the world outline by URL)."""
    return charts.map_spec(analysis.event_places(cur, since, until, scope=scope,
                                                 collapse=collapse, role=place_role),
                           analysis.country_totals(cur, since, until, collapse, scope),
                           WORLD_URL)


@chart_routes.get("/partners/{code}")
def partners_chart(cur: Cursor, scope: EventScope, code: str, since: Since = None,
                   until: Until = None, limit: Annotated[int, Query(ge=1, le=100)] = 25,
                   collapse: Collapse = "event") -> Spec:
    """One party's partners, cooperation right and conflict left, as a Vega-Lite spec (a
    group's are its events, under the party they count for: its home country)."""
    me = party(code)
    found = me.key if me.counted else me.country or me.key
    rows = analysis.top_dyads(cur, since, until, limit, collapse=collapse, scope=scope,
                              with_country=me.key)
    names = {c: party_label(c) for r in rows for c in (r["a"], r["b"])}
    return charts.partners_spec(rows, names, found)
