"""CAMEO actor codes and parties, from the actor tables.

Every resolved actor gets a CAMEO-style code, as the ICEWS and Phoenix toolchains key on:
country + sector (``USAGOV``, ``PAKMIL``; ``countries.tsv`` gives the CAMEO country code where
it is not the ISO one, ``sector_codes.tsv`` the sector's), a body's own code (``IGOUNO``,
``IGOEUREEC``, ``igos.tsv``), an armed group's (``PSEREBHMS``, ``AFGREB``, ``groups.tsv``).

A *party* is what the relations views count: a country (its ISO3), or an intergovernmental body
(its code) for actors that belong to no country. An armed group with a home country counts under
that country there (as Phoenix and ICEWS aggregate), and is a party of its own when a query names
it (``analysis.parties``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.actors.gazetteer import OFFICE_TABLES, office_terms
from eventwire.tables import package_data, read_rows


@dataclass(frozen=True, eq=False)  # one loaded set of tables is one object (hashable)
class CodeTables:
    """What the codes are made from: the actor tables' code columns."""

    countries: dict[str, str]  # ISO3 -> CAMEO country code, where they differ
    sectors: dict[str, str]  # project sector -> CAMEO sector code
    bodies: dict[str, str]  # igos.tsv key (an IGO actor's ``name``) -> its code
    body_names: dict[str, str]  # igos.tsv key -> its first name ("European Union")
    groups: dict[str, str]  # groups.tsv name (a group actor's ``name``) -> its code
    heads: dict[str, str]  # name of someone who led a body (leaders.tsv) -> the body's code


@lru_cache(maxsize=4)
def code_tables(directory: Path | None = None) -> CodeTables:
    """The code columns of the tables in ``directory`` (default: the package's own)."""
    directory = directory or package_data("eventwire.actors")
    countries = {row[0]: row[4] for row in read_rows(directory, "countries.tsv")
                 if len(row) > 4 and row[4]}
    sectors = {row[0]: row[1] for row in read_rows(directory, "sector_codes.tsv")}
    bodies: dict[str, str] = {}
    body_names: dict[str, str] = {}
    for row in read_rows(directory, "igos.tsv"):
        key, names, _sector, code = (row + ["", "", ""])[:4]
        bodies[key] = code or f"IGO{key}"
        body_names[key] = names.split("|")[0].strip() or key
    groups = {row[0]: row[4] for row in read_rows(directory, "groups.tsv")
              if len(row) > 4 and row[4]}
    heads = {term.name: bodies[term.country] for table in OFFICE_TABLES
             for term in office_terms(table, directory) if term.country in bodies}
    return CodeTables(countries, sectors, bodies, body_names, groups, heads)


def actor_code(country: str | None, sector: str | None, name: str | None,
               tables: CodeTables | None = None) -> str | None:
    """The CAMEO code of an actor: a body's or group's own, else country + sector; None when
    neither is known. (An IGO actor's ``name`` is its table key, a group's its table name.)"""
    t = tables or code_tables()
    if name is not None:
        own = t.bodies.get(name) or t.groups.get(name)
        if own is not None:
            return own
        if not country and name in t.heads:
            # Someone who leads a body, in that office (no country); the same person in a
            # national office ("Mark Rutte" as Dutch prime minister) has their country's code.
            return t.heads[name]
    if not country and not sector:
        return None
    place = t.countries.get(country, country) if country else ""
    return f"{place}{t.sectors.get(sector, sector) if sector else ''}"


def actor_party(country: str | None, code: str | None,
                tables: CodeTables | None = None) -> str | None:
    """The party an actor counts for: its country, else the body its code names (a shipped
    body's, or a body of the user's own codebook), else None."""
    if country:
        return country
    if code is None:
        return None
    return code if code in body_codes(tables or code_tables()) or is_body_code(code) else None


def is_body_code(code: str) -> bool:
    """An intergovernmental body's CAMEO code (``IGO`` + the body's letters: ``IGOUNO``, a user's
    ``IGOSHP``), as a user's dictionary may give for a body the shipped tables do not hold. A
    bare ``IGO`` is a sector, no body."""
    return len(code) > 3 and code.startswith("IGO") and code.isalnum() and code.isupper()


@lru_cache(maxsize=4)
def _body_codes(tables: CodeTables) -> frozenset[str]:
    return frozenset(tables.bodies.values())


def body_codes(tables: CodeTables | None = None) -> frozenset[str]:
    """Every intergovernmental body's code (the parties that are no country)."""
    return _body_codes(tables or code_tables())
