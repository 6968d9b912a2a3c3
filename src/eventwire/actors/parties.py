"""Parties by name: what a user types for one side of a relation ("Turkey", "the EU", "NATO",
"Hamas", "the Taliban") to the party the store counts.

A party is a country (ISO3), an intergovernmental body (its CAMEO code, ``IGOWSTNAT`` for NATO;
stored as the events' ``*_party``) or an armed group or other named body of ``groups.tsv``
(matched by the name the coder gives its actors; it counts under its home country in the
relations views, as in Phoenix and ICEWS, and is a party of its own when a query names it).
Names come from the actor tables; a name that is none of them gets suggestions from the names
(not from codes: "EU" is no typo of "ECU").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from eventwire.actors.codes import code_tables, is_body_code
from eventwire.actors.countries import country_code, country_label
from eventwire.limits import echo
from eventwire.tables import package_data, read_rows

PartyKind = Literal["country", "body", "group"]


class UnknownParty(ValueError):
    """A name that is no country, body or group, with the closest names in the message."""


@dataclass(frozen=True, slots=True)
class Party:
    """One side of a relation, as the store finds its events."""

    kind: PartyKind
    key: str  # ISO3, a body's code (IGOEUREEC) or a group's name (Hamas)
    label: str  # "Russia", "European Union", "Hamas"
    country: str | None = None  # a group's home country

    @property
    def counted(self) -> bool:
        """The relations views (and their monthly rollup) count this party as it is: a
        country or a body; a group's events are found by its name."""
        return self.kind != "group"

    def clause(self, role: str) -> tuple[str, list[str]]:
        """SQL over ``events`` for this party on one side (``source`` or ``target``)."""
        if self.kind == "group":
            # The group's own name, or a name that contains it ("Hamas political bureau").
            words = r"\b" + re.escape(self.key) + r"\b"
            return (f"({role}_name = ? OR regexp_matches({role}_name, ?))", [self.key, words])
        return f"{role}_party = ?", [self.key]


def _norm(name: str) -> str:
    return " ".join(name.split()).lower().removeprefix("the ")


@lru_cache(maxsize=1)
def party_names() -> dict[str, Party]:
    """Lower-cased name, alias or code -> the body or group it names (a name two groups share
    is left out: it names neither)."""
    directory = package_data("eventwire.actors")
    tables = code_tables()
    found: dict[str, set[Party]] = {}
    for row in read_rows(directory, "igos.tsv"):
        key, names = (row + [""])[:2]
        body = Party("body", tables.bodies[key], tables.body_names[key])
        for alias in [a for a in names.split("|") if a.strip()] + [key, tables.bodies[key]]:
            found.setdefault(_norm(alias), set()).add(body)
    for row in read_rows(directory, "groups.tsv"):
        name, aliases, home = (row + ["", ""])[:3]
        group = Party("group", name, name, home or None)
        for alias in [name, *[a for a in aliases.split("|") if a.strip()]]:
            found.setdefault(_norm(alias), set()).add(group)
    return {alias: next(iter(parties)) for alias, parties in found.items() if len(parties) == 1}


@lru_cache(maxsize=1)
def _suggestible() -> dict[str, str]:
    """Lower-cased names a suggestion may come from -> the name as written: countries' names
    and the bodies' and groups' names and aliases, never a bare code."""
    directory = package_data("eventwire.actors")
    names: dict[str, str] = {}
    for row in read_rows(directory, "countries.tsv"):
        for name in row[1].split("|"):
            names.setdefault(_norm(name), name.strip())
    for table, cell in (("igos.tsv", 1), ("groups.tsv", 0), ("groups.tsv", 1)):
        for row in read_rows(directory, table):
            if len(row) > cell:
                for name in row[cell].split("|"):
                    if name.strip():
                        names.setdefault(_norm(name), name.strip())
    return names


def find_party(name: str) -> Party | None:
    """The party ``name`` stands for, or None: a country first (by any of its names or codes),
    then a body or group."""
    code = country_code(name)
    if code is not None:
        return Party("country", code, country_label(code), code)
    found = party_names().get(_norm(name))
    if found is None and is_body_code(name.strip()):
        # A body of the user's own codebook, stored under its code; named by that code.
        return Party("body", name.strip(), party_label(name.strip()))
    return found


def close_names(name: str, cutoff: float = 0.7) -> list[str]:
    """Up to three known names closest to ``name`` (whole names, not codes)."""
    names = _suggestible()
    return [names[n] for n in difflib.get_close_matches(_norm(name), list(names), n=3,
                                                         cutoff=cutoff)]


def resolve_party(name: str) -> Party:
    """The party of ``name``; ``UnknownParty`` (suggesting close names) otherwise."""
    found = find_party(name)
    if found is not None:
        return found
    close = close_names(name)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownParty(f"unknown country, body or group {echo(name)}{hint}")


def looks_like_a_party(name: str) -> bool:
    """A near miss of a known name (a typo: "Pakistn", "Hammas"), not some other actor."""
    return bool(close_names(name, cutoff=0.88))


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    tables = code_tables()
    return {code: tables.body_names[key] for key, code in tables.bodies.items()}


def party_label(key: str) -> str:
    """A party's everyday name: a country's ("Russia"), a body's ("NATO" for IGOWSTNAT), a
    group's own."""
    return _labels().get(key) or country_label(key)


def party_kind(key: str) -> PartyKind:
    """What a stored party key is: a body's code, else a country (a group is no stored party)."""
    return "body" if key in _labels() or is_body_code(key) else "country"
