"""The JSON routes, grouped by what they serve: coding, events and articles, relations. Each is a
thin shell over a library function; a ``QueryError`` from any of them becomes a 422 (one
handler in ``app``)."""

from __future__ import annotations

import threading
from datetime import date as Date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query

from eventwire import __version__, analysis
from eventwire.api.deps import Cursor, State, require_token
from eventwire.api.models import (
    Alert,
    ArticleOut,
    ArticlesIn,
    Dyad,
    EventOut,
    EventsPage,
    ExtractRequest,
    ExtractResponse,
    FeedsIn,
    FeedStatus,
    GroupedEvent,
    Health,
    Network,
    Place,
    Problem,
    Rejected,
    Status,
    StoredResponse,
    Summary,
    Timeline,
)
from eventwire.ingest.readers import article_from_record
from eventwire.jobs import FirstVersion
from eventwire.limits import EXTRACT_SLOTS
from eventwire.schema import Article
from eventwire.store.queries import (
    EventFilter,
    article,
    count_events,
    country,
    events,
    grouped_events,
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
Collapse = Annotated[CollapseMode, Query(description="none | event (repeated reports once) | "
                                                    "strict (one a day per pair and CAMEO root)")]
Interval = Annotated[IntervalName, Query(description="Period length.")]


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
        try:
            article = article_from_record(item.model_dump(), f"articles[{n}]").with_id()
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
    coded = list(st.coder().code(articles))
    with st.write_lock:
        result = st.store.write(coded)
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


@records.get("/events")
def list_events(
    cur: Cursor,
    actor: str | None = None, source: str | None = None, target: str | None = None,
    type: Annotated[str | None, Query(description="PLOVER type.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4)] = None,
    since: Since = None, until: Until = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in the sentence.")]
    = None,
    article_id: str | None = None, location: str | None = None,
    a: Annotated[str | None, Query(description="With b: events between a and b.")] = None,
    b: str | None = None,
    limit: Limit = 50, offset: Offset = 0,
) -> EventsPage:
    """Events matching the filters (``a`` and ``b`` together: either direction), newest
    first, a page at a time."""
    flt = EventFilter(actor=actor, source=source, target=target,
                      dyad=(a, b) if a and b else None, type=type, quad=quad,
                      since=since, until=until, text=text, article_id=article_id,
                      location=location)
    rows = events(cur, flt, limit=limit, offset=offset).rows
    return EventsPage(total=count_events(cur, flt), limit=limit, offset=offset,
                      events=[_event(r) for r in rows])


@records.get("/events/grouped")
def list_grouped_events(cur: Cursor, actor: str | None = None, type: str | None = None,
                        a: str | None = None, b: str | None = None,
                        since: Since = None, until: Until = None,
                        limit: Limit = 50, offset: Offset = 0) -> list[GroupedEvent]:
    """Repeated reports of one event collapsed into one, with every report as evidence."""
    flt = EventFilter(actor=actor, type=type, dyad=(a, b) if a and b else None,
                      since=since, until=until)
    return [GroupedEvent.model_validate(r) for r in grouped_events(cur, flt, limit, offset).rows]


@records.get("/articles/{article_id}",
             responses={404: {"model": Problem, "description": "No such article"}})
def get_article(cur: Cursor, article_id: str) -> ArticleOut:
    """An article's text and its events, with the character spans of the evidence."""
    found = article(cur, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return ArticleOut.model_validate({**found, "events": [_event(e) for e in found["events"]]})


@records.get("/summary")
def get_summary(cur: Cursor) -> Summary:
    """Totals of the database."""
    return Summary.model_validate(summary(cur))


relations = APIRouter(prefix="/api", tags=["relations"], responses=_INVALID)


@relations.get("/dyads")
def dyads(cur: Cursor, since: Since = None, until: Until = None,
          limit: Annotated[int, Query(ge=1, le=500)] = 30,
          collapse: Collapse = "event") -> list[Dyad]:
    """The most active country pairs."""
    return [Dyad.model_validate(r)
            for r in analysis.top_dyads(cur, since, until, limit, collapse=collapse)]


@relations.get("/dyads/{a}/{b}/timeline")
def dyad_timeline(cur: Cursor, a: str, b: str, interval: Interval = "month",
                  since: Since = None, until: Until = None, directed: bool = False,
                  collapse: Collapse = "event") -> Timeline:
    """One pair's relations by period."""
    rows = analysis.timeline(cur, a, b, interval, since, until, directed, collapse)
    return Timeline.model_validate({"a": country(a), "b": country(b), "interval": interval,
                                    "directed": directed, "periods": rows})


@relations.get("/network")
def get_network(cur: Cursor, since: Since = None, until: Until = None,
                min_events: Annotated[int, Query(ge=1)] = 1,
                collapse: Collapse = "event") -> Network:
    """Countries and the weighted pairs between them, for a period."""
    return Network.model_validate(analysis.network(cur, since, until, min_events,
                                                   collapse=collapse))


@relations.get("/alerts")
def get_alerts(cur: Cursor, interval: Interval = "month",
               baseline: Annotated[int, Query(ge=1, le=52)] = 3,
               threshold: Annotated[float, Query(gt=0, le=10)] = 2.0,
               since: Since = None, collapse: Collapse = "event") -> list[Alert]:
    """Pairs whose conflict or cooperation departs from their trailing baseline."""
    return [Alert.model_validate(r) for r in analysis.shift_alerts(
        cur, interval, baseline, threshold, since=since, collapse=collapse)]


@relations.get("/locations")
def locations(cur: Cursor, since: Since = None, until: Until = None) -> list[Place]:
    """Places where events happened, with counts and coordinates (for the map)."""
    return [Place.model_validate(r) for r in analysis.event_places(cur, since, until)]
