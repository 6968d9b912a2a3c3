"""What the API takes and gives, as pydantic models, so /docs shows every request and response.
The event shapes mirror ``schema.Event.to_dict``; the relation shapes mirror ``analysis``."""

from __future__ import annotations

import typing
from datetime import date as Date
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, SkipValidation

from eventwire.limits import MAX_EXTRACT_CHARS, MAX_TEXT_BYTES

MAX_ARTICLES_PER_POST = 100
#: The longest ``id``, ``title``, ``url`` and ``source`` an article posted to the API may have.
FIELD_CHARS = {"id": 200, "title": 2000, "url": 4000, "source": 400}


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_EXTRACT_CHARS,
                      description=f"The article text (at most {MAX_EXTRACT_CHARS} characters: "
                                  "this route needs no token, so its work is bounded).")
    date: Date | None = Field(default=None, description="Publication date (for event dates).")


class ArticleIn(BaseModel):
    """One article to store, as /docs shows it. The route checks each article itself
    (``ArticlesIn``), so one bad article is reported in ``rejected`` and the others stored."""

    text: str = Field(description=f"The article text (at most {MAX_TEXT_BYTES} bytes).")
    id: Annotated[str, Field(max_length=FIELD_CHARS["id"])] | int | None = Field(
        default=None, description="42 and \"42\" are the same id.")
    date: Date | None = Field(default=None, description="YYYY-MM-DD (or an ISO timestamp).")
    title: str | None = Field(default=None, max_length=FIELD_CHARS["title"])
    url: str | None = Field(default=None, max_length=FIELD_CHARS["url"])
    source: str | None = Field(default=None, max_length=FIELD_CHARS["source"])


class ArticlesIn(BaseModel):
    #: Items are passed on unvalidated (the schema still shows ``ArticleIn``): validating them
    #: here would refuse the whole request for one bad article.
    articles: list[SkipValidation[ArticleIn]] = Field(min_length=1,
                                                      max_length=MAX_ARTICLES_PER_POST)


class Rejected(BaseModel):
    index: int = Field(description="Position of the article in the request.")
    reason: str


class ActorOut(BaseModel):
    text: str = Field(description="As written in the article.")
    start: int = Field(description="Character offset into the article text.")
    end: int
    country: str | None = Field(description="ISO 3166 alpha-3.")
    sector: str | None = Field(description="PLOVER sector code: GOV, MIL, COP, REB, CVL ...")
    name: str | None = Field(description="Named person or organisation, where known.")
    code: str | None = Field(default=None, description=(
        "CAMEO actor code: country + sector (USAGOV, PAKMIL), a body's (IGOUNO, IGOWSTNAT for "
        "NATO) or an armed group's (PSEREBHMS)."))


class TextSpanOut(BaseModel):
    text: str
    start: int
    end: int


class LocationOut(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    role: Literal["event", "dateline"] | None = Field(default=None, description=(
        "event: the sentence names it as where the act happened; dateline: only the story's "
        "dateline, where it was filed."))
    precision: Literal["city", "region", "country"] | None = Field(default=None, description=(
        "city; region (a place the gazetteer cannot put on the map: no coordinates); country "
        "(its capital's coordinates stand in)."))


class EventOut(BaseModel):
    """One coded event with its evidence (the ``eventwire extract --format jsonl`` record)."""

    id: str
    article_id: str
    type: str = Field(description="PLOVER event type.")
    mode: str | None
    context: str | None
    quad: int = Field(description="1 verbal coop, 2 material coop, 3 verbal conflict, "
                                   "4 material conflict.")
    cameo: str = Field(description="CAMEO root code.")
    intensity: float = Field(description="PLOVER conflict-cooperation score, -10 ... +10.")
    source: ActorOut | None
    target: ActorOut | None
    sentence: str
    trigger: TextSpanOut
    date: Date | None
    date_source: str
    date_precision: Literal["day", "week", "month", "year"] | None = Field(default="day", description=(
        "How much of the date the text gives: day, week, month or year; the date is that "
        "period's first day (a week's Monday). 'In March 2019' is 2019-03-01, month. Null "
        "when there is no date."))
    location: LocationOut | None
    negated: bool
    modality: str
    attributes: dict[str, Any]
    confidence: float = Field(description="Calibrated type probability times the certainty "
                                          "of the actors.")
    rule: str = Field(description="The lexicon entry, rules and learned decision behind it.")
    fatalities: int | None = Field(default=None, description=(
        "People killed, from the sentence's casualty counts ('killed 12', 'at least 30 people "
        "died'): the largest count given, null when the sentence gives none."))


class ExtractResponse(BaseModel):
    text: str = Field(description="The text as coded (cleaned).")
    events: list[EventOut]


class StoredResponse(BaseModel):
    added: int
    replaced: int
    unchanged: int
    events: int
    article_ids: list[str] = Field(description="Ids of the articles accepted, in order.")
    rejected: list[Rejected] = Field(default_factory=list,
                                     description="Articles not stored, each with the reason.")


class ListedEvent(EventOut):
    """A stored event with the story it came from and how many reports it stands for."""

    outlet: str | None = Field(description="The article's source (outlet).")
    title: str | None
    published: Date | None = Field(description="The article's publication date.")
    url: str | None
    duplicate_of: str | None = Field(description="The story this article is a syndicated "
                                                 "copy of, if it is one.")
    reports: int = Field(description="Reports this row stands for (1 unless collapsed).")


class EventsPage(BaseModel):
    total: int = Field(description="Events the collapse mode counts for these filters.")
    limit: int
    offset: int
    collapse: str = Field(description="How events were counted: none, event or strict.")
    events: list[ListedEvent]


class Evidence(BaseModel):
    event_id: str
    article_id: str
    sentence: str


class GroupedEvent(BaseModel):
    """Repeated reports of one event (same pair, type and day) as one."""

    id: str
    date: Date | None
    date_precision: str | None = Field(default=None, description=(
        "day, week, month or year: how much of the date the text gives (the date is the "
        "period's first day)."))
    fatalities: int | None = Field(default=None, description=(
        "People killed: the largest figure its reports give (null: none gives one)."))
    type: str
    source_text: str | None
    source_country: str | None
    source_sector: str | None
    source_code: str | None = Field(default=None, description="CAMEO actor code.")
    target_text: str | None
    target_country: str | None
    target_sector: str | None
    target_code: str | None = Field(default=None, description="CAMEO actor code.")
    quad: int
    cameo: str
    intensity: float
    reports: int
    stories: int = Field(description="Distinct stories once syndicated copies are folded.")
    evidence: list[Evidence]


class QuadCounts(BaseModel):
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    events: int
    net_score: float = Field(description="Sum of the events' intensities.")
    cooperation_index: float | None = Field(description="Mean intensity / 10, -1 ... +1.")
    balance: float | None = Field(description="(cooperation - conflict) / events.")


class Dyad(QuadCounts):
    a: str
    b: str


class Period(QuadCounts):
    period: Date
    types: dict[str, int]


class Timeline(BaseModel):
    a: str
    b: str
    interval: str
    directed: bool
    periods: list[Period]
    unplaced: int = Field(default=0, description=(
        "Events of the pair not drawn at this interval: dated only to a longer period (a "
        "month in a weekly series) or to one across two periods."))


class NetworkNode(BaseModel):
    id: str
    events: int


class NetworkEdge(Dyad):
    cooperation: int
    conflict: int


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class AlertArticle(BaseModel):
    id: str
    title: str | None
    date: Date | None
    url: str | None
    events: int
    net_score: float


class Alert(BaseModel):
    a: str
    b: str
    period: Date
    measure: Literal["conflict", "cooperation"]
    value: int = Field(description="Events in the period.")
    baseline_mean: float = Field(description="Mean over the baseline periods before it.")
    expected: float = Field(description="The rate tested against: the baseline mean, at least "
                                        "the minimum rate.")
    surprise: float = Field(description="-log10 P(at least this many events | expected); "
                                        "3 is one chance in a thousand.")
    articles: list[AlertArticle]


class CountryRow(QuadCounts):
    code: str = Field(description=(
        "ISO 3166 alpha-3 of a country, or the CAMEO code of an intergovernmental body "
        "(IGOEUREEC: the EU), which is a party of its own."))
    name: str
    kind: Literal["country", "body"] = Field(default="country", description=(
        "A country or an intergovernmental body."))
    numeric: str | None = Field(description="ISO 3166 numeric (world maps key shapes by it).")
    cooperation: int
    conflict: int


class Place(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    events: int
    conflict: int
    role: Literal["event", "dateline"] | None = Field(default=None, description=(
        "event: where acts happened; dateline: where stories were filed."))
    precision: Literal["city", "region", "country"] | None = None


class QuoteOut(BaseModel):
    text: str
    start: int
    end: int
    kind: Literal["direct", "indirect"]
    speaker: ActorOut | None


class ArticleOut(BaseModel):
    id: str
    date: Date | None
    title: str | None
    url: str | None
    source: str | None
    text: str
    duplicate_of: str | None = Field(description="The original of a syndicated copy.")
    quotes: list[QuoteOut]
    copies: list[str] = Field(description="Ids of this article's syndicated copies.")
    events: list[EventOut]


class Summary(BaseModel):
    articles: int
    events: int
    first: Date | None
    last: Date | None


class Health(BaseModel):
    status: Literal["ok"]
    version: str


class Problem(BaseModel):
    """An error: what was wrong, in one line."""

    detail: str | list[Any]


class FeedStatus(BaseModel):
    """One watched feed (``eventwire watch``)."""

    url: str = Field(min_length=1, max_length=4000)
    last_poll: datetime | None = Field(default=None, description="When it was last asked (UTC).")
    last_ok: datetime | None = Field(default=None, description="When it last answered.")
    last_new: datetime | None = Field(default=None,
                                      description="When it last gave a new article.")
    articles: int = Field(default=0, ge=0, le=2**31 - 1,
                          description="Articles stored from it so far.")
    errors: int = Field(default=0, ge=0, le=2**31 - 1,
                        description="Errors in a row (0 after a good poll).")
    last_error: str | None = Field(default=None, max_length=2000)


class FeedsIn(BaseModel):
    feeds: list[FeedStatus] = Field(max_length=1000)


class Status(BaseModel):
    articles: int
    events: int
    feeds: list[FeedStatus]


def flat_columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The CSV columns of a model's rows: nested models spread into ``key.sub`` columns (the
    header an empty result still has)."""
    out: list[str] = []
    for name, info in model.model_fields.items():
        inner = [t for t in (info.annotation, *typing.get_args(info.annotation))
                 if isinstance(t, type) and issubclass(t, BaseModel)]
        out += flat_columns(inner[0], f"{prefix}{name}.") if inner else [prefix + name]
    return out
