"""Loads the project's actor tables (``data/*.tsv``) into one lookup structure.

Kinds of entry: ``country`` (names), ``demonym`` (adjectives and nationals), ``capital`` (capitals and
seats of power used as metonyms), ``leader`` (dated office holders: heads of state and government
in ``leaders.tsv``, foreign, defence and interior ministers in ``ministers.tsv``), ``igo`` and ``group``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pycountry

from eventwire.actors.tabari import Discard
from eventwire.tables import package_data, read_lines, read_rows

ActorKind = Literal["country", "demonym", "capital", "leader", "igo", "group", "ner", "noun",
                    "implied"]  # implied: named by no words (the police who made an arrest)

#: Sector implied by a leader's office.
ROLE_SECTOR = {"HOS": "GOV", "HOG": "GOV", "FM": "GOV", "DEF": "GOV", "INT": "GOV", "GOV": "GOV",
               "MIL": "MIL", "REB": "REB", "IGO": "IGO"}

#: Tables of dated office holders; same columns (name, aliases, iso3, role, start, end).
OFFICE_TABLES = ("leaders.tsv", "ministers.tsv")


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """What the gazetteer says about one alias."""

    kind: ActorKind
    country: str | None
    sector: str | None = None
    name: str | None = None
    start: Date | None = None  # office term, for leaders
    end: Date | None = None
    role: str | None = None  # office, for leaders (HOS, HOG, FM, DEF, INT, MIL ...)
    code: str | None = None  # a CAMEO code the entry gives itself (a user's dictionary)

    def in_office(self, on: Date | None) -> bool:
        """True when a dated entry covers ``on`` (an undated article takes the current term)."""
        if self.kind != "leader":
            return True
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True, eq=False)  # one loaded set of tables is one object (hashable)
class Gazetteer:
    """Alias -> candidate entries, plus the sector nouns and blocker phrases."""

    aliases: dict[str, tuple[ActorInfo, ...]]
    sectors: dict[str, str]
    blockers: frozenset[str]
    #: Phrases whose sentence (or story) is left uncoded (a user's TABARI discards).
    discards: tuple[Discard, ...] = ()

    def lookup(self, alias: str, on: Date | None = None) -> ActorInfo | None:
        """The entry an alias stands for on a date; dated leaders are chosen by their term."""
        cands = self.aliases.get(alias) or self.aliases.get(alias.lower())
        if not cands:
            return None
        live = [c for c in cands if c.in_office(on)]
        if live:
            return live[0]
        # No term covers the date: a leader out of office still belongs to their country.
        leaders = sorted((c for c in cands if c.kind == "leader"),
                         key=lambda c: c.end or Date.max, reverse=True)
        if leaders and len({c.country for c in leaders}) == 1:
            best = leaders[0]
            return ActorInfo("leader", best.country, best.sector, best.name, role=best.role)
        return None


def case_sensitive(alias: str) -> bool:
    """Acronyms and very short names match only as written ("US" is not "us", "AU" not "au")."""
    letters = [c for c in alias if c.isalpha()]
    return len(alias) <= 3 or (bool(letters) and all(c.isupper() for c in letters))


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _spellings(name: str) -> list[str]:
    """A personal name as written and, for Korean-style given names, with a space: "Choe Son-hui"
    is also written "Choe Son Hui". Only a hyphen before a lower-case syllable is read so;
    "Bar-On" must not become the words "bar on"."""
    spaced = re.sub(r"(?<=\w)-(?=[a-z])", " ", name)
    return [name, spaced] if spaced != name else [name]


def _date(cell: str) -> Date | None:
    return Date.fromisoformat(cell) if cell else None


@dataclass(frozen=True, slots=True)
class OfficeTerm:
    """One row of an office table: who held which office of which country, when."""

    name: str
    aliases: tuple[str, ...]
    country: str
    role: str
    start: Date
    end: Date | None


def _office_term(table_name: str, row: list[str]) -> OfficeTerm:
    name, aliases, iso3, role, start, end = (row + [""] * 6)[:6]
    if not start:
        raise ValueError(f"{table_name}: {name!r} has no start date")
    return OfficeTerm(name, tuple(_split(aliases)), iso3, role, Date.fromisoformat(start), _date(end))


def office_terms(table_name: str, directory: Path | None = None) -> Iterator[OfficeTerm]:
    """The rows of ``leaders.tsv`` or ``ministers.tsv``; every term has a start date."""
    for row in read_rows(directory or package_data("eventwire.actors"), table_name):
        yield _office_term(table_name, row)


def table_entries(name: str, row: list[str]) -> Iterator[tuple[str, ActorInfo]]:
    """The (alias, entry) pairs one row of the actor table ``name`` makes (``countries.tsv``,
    ``leaders.tsv``, ``ministers.tsv``, ``igos.tsv``, ``groups.tsv``); a bad cell raises
    ValueError. A user's table may add a CAMEO code column, as the shipped ones have."""
    if name == "countries.tsv":
        iso3, names, demonyms, capitals = (row + ["", "", ""])[:4]
        country = pycountry.countries.get(alpha_3=iso3)
        official = [getattr(country, a) for a in ("name", "official_name", "common_name")
                    if country is not None and hasattr(country, a)]
        for alias in _split(names) + official:
            yield alias, ActorInfo("country", iso3, None, None)
        for alias in _split(demonyms):
            yield alias, ActorInfo("demonym", iso3, None, None)
        for alias in _split(capitals):
            yield alias, ActorInfo("capital", iso3, "GOV", None)
    elif name in OFFICE_TABLES:
        term = _office_term(name, row)
        info = ActorInfo("leader", term.country if len(term.country) == 3 else None,
                         ROLE_SECTOR.get(term.role, "GOV"), term.name, term.start, term.end,
                         term.role or None)
        for alias in [term.name, *term.aliases]:
            for spelling in _spellings(alias):
                yield spelling, info
    elif name == "igos.tsv":
        code, names, sector = (row + ["", ""])[:3]
        for alias in _split(names):
            yield alias, ActorInfo("igo", None, sector or "IGO", code)
    elif name == "groups.tsv":
        group, aliases, iso3, sector = (row + ["", "", ""])[:4]
        for alias in [group, *_split(aliases)]:
            yield alias, ActorInfo("group", iso3 or None, sector or None, group)
    else:
        raise ValueError(f"{name} is no actor table")


#: The actor tables ``table_entries`` reads, in the order they are loaded.
ACTOR_TABLES = ("countries.tsv", *OFFICE_TABLES, "igos.tsv", "groups.tsv")


#: The folder of the converted OEDA tables (``scripts/convert_oeda.py``) and the list, in it,
#: of those loaded by default (the others are there for ``--actors``).
OEDA = "oeda"
DEFAULT_PARTS = "default.txt"


def default_parts(directory: Path) -> list[str]:
    """The OEDA tables loaded with the project's own (``oeda/default.txt``); only sector nouns
    (``*.sectors.tsv``) and office holders (``*.leaders.tsv``) can be."""
    if not (directory / OEDA / DEFAULT_PARTS).is_file():
        return []
    parts = read_lines(directory / OEDA, DEFAULT_PARTS)
    for part in parts:
        if not part.endswith((".sectors.tsv", ".leaders.tsv")):
            raise ValueError(f"{directory / OEDA / DEFAULT_PARTS}: {part} cannot be loaded by "
                             "default (sector nouns and office holders only; use --actors)")
    return parts


def alias_key(alias: str) -> str:
    """How an alias is looked up: as written when case matters, else in lower case."""
    return alias if case_sensitive(alias) else alias.lower()


@lru_cache(maxsize=4)
def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Read all tables of ``directory`` (default: the package's own) once per process."""
    directory = directory or package_data("eventwire.actors")
    table: dict[str, list[ActorInfo]] = {}
    for name in ACTOR_TABLES:
        for row in read_rows(directory, name):
            for alias, info in table_entries(name, row):
                entries = table.setdefault(alias_key(alias), [])
                if info not in entries:
                    entries.append(info)
    sectors = {row[0].lower(): row[1] for row in read_rows(directory, "sectors.tsv") if len(row) >= 2}
    for part in default_parts(directory):  # converted OEDA tables: after the project's own
        rows = read_rows(directory / OEDA, part)
        if part.endswith(".sectors.tsv"):
            for row in rows:
                if len(row) >= 2:
                    sectors.setdefault(row[0].lower(), row[1])  # the project's noun wins
            continue
        for row in rows:
            for alias, info in table_entries("leaders.tsv", row):
                entries = table.setdefault(alias_key(alias), [])
                if info not in entries:
                    entries.append(info)
    blockers = frozenset(read_lines(directory, "blockers.txt"))
    return Gazetteer({k: tuple(v) for k, v in table.items()}, sectors, blockers)
