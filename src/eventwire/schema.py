"""Typed records: the only shapes that leave the pipeline.

Inside the pipeline annotations live on the spaCy ``Doc``; the store, the CLI, the exporters and the
evaluation see only these records. ``to_dict`` gives the stable JSON form documented in the README.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, replace
from datetime import date as Date
from typing import Any, Literal

DateSource = Literal["explicit", "relative", "article", "unknown"]
#: How much of an event's date the text supports; the stored date is the first day of that
#: period ("in March 2019" is 2019-03-01 with ``month``, never a day made up from the article).
DatePrecision = Literal["day", "week", "month", "year"]
Modality = Literal["asserted", "future", "hypothetical", "reported"]
#: How an event's place was found: named in its sentence as where the act happened
#: (``event``), or only the story's dateline, where it was filed (``dateline``).
PlaceRole = Literal["event", "dateline"]
#: What the place is: a city (its coordinates), a region, district or site the gazetteer cannot
#: place (``region``: no coordinates), or a whole country (its capital's coordinates stand in).
PlacePrecision = Literal["city", "region", "country"]


@dataclass(frozen=True, slots=True)
class Actor:
    """One participant as written in the sentence, with what the gazetteer knows of it."""

    text: str
    start: int  # character offsets into the article text, [start, end)
    end: int
    country: str | None = None  # ISO 3166 alpha-3 (PSE for Palestine, XKX for Kosovo)
    sector: str | None = None  # PLOVER sector: GOV, MIL, COP, JUD, LEG, OPP, REB, CVL, LAB, JRN, MED ...
    name: str | None = None  # a named person or organisation, where known
    code: str | None = None  # CAMEO actor code: USAGOV, PAKMIL, IGOUNO, PSEREBHMS (actors.codes)


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event took place."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    role: PlaceRole = "event"
    precision: PlacePrecision = "city"


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of the article text, with character offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in an article: the words, where they are, and who said them."""

    text: str
    start: int
    end: int
    kind: Literal["direct", "indirect"]
    speaker: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Article:
    """A dated news article as read from input."""

    text: str
    id: str = ""
    date: Date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # file (and line) it came from, for error messages and audits
    quotes: tuple[Quote, ...] = ()  # filled by coding

    @property
    def content_hash(self) -> str:
        """Hash of everything that changes the coding: re-ingesting an unchanged article is a no-op."""
        h = hashlib.sha256()
        for part in (self.title or "", self.text, self.date.isoformat() if self.date else ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()

    def with_id(self) -> Article:
        """The article with a stable id: the given one, else derived from its URL or its content."""
        if self.id:
            return self
        basis = self.url or self.content_hash
        new_id = "a-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
        return replace(self, id=new_id)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded interaction: who did what to whom, when and where, with its evidence."""

    id: str
    article_id: str
    type: str  # PLOVER type
    mode: str | None
    context: str | None
    quad: int
    cameo: str
    intensity: float
    source: Actor | None
    target: Actor | None
    sentence: str
    trigger: TextSpan
    date: Date | None
    date_source: DateSource
    #: None only when there is no date
    date_precision: DatePrecision | None = "day"
    location: Location | None = None
    negated: bool = False
    modality: Modality = "asserted"
    attributes: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.5
    rule: str = ""
    #: people killed, from the sentence's casualty counts (``when_where.amounts.fatalities``);
    #: None when it gives none
    fatalities: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: every documented key present, null when unknown."""
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        return d


EVENT_KEYS: tuple[str, ...] = (
    "id", "article_id", "type", "mode", "context", "quad", "cameo", "intensity", "source",
    "target", "sentence", "trigger", "date", "date_source", "date_precision", "location",
    "negated", "modality", "attributes", "confidence", "rule", "fatalities",
)


def event_id(article_id: str, trigger_start: int, source: Actor | None, target: Actor | None,
             event_type: str) -> str:
    """A stable id: the same article coded twice gives the same event ids. Offsets and the
    resolved actors both count ("both sides" is one phrase for two actors)."""
    def part(actor: Actor | None) -> str:
        return f"{actor.start}:{actor.country}:{actor.name}" if actor else "-"

    key = "|".join([article_id, str(trigger_start), event_type, part(source), part(target)])
    return "e-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
