"""Query functions over the database. Every caller (CLI, Python, later the API and the dashboard)
goes through these, so a filter means the same thing everywhere. Parameters are always bound,
never spliced into SQL; only whitelisted identifiers (interval names) are formatted in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from eventwire.actors.countries import UnknownCountry, looks_like_a_country, resolve_country
from eventwire.actors.parties import (
    Party,
    UnknownParty,
    find_party,
    looks_like_a_party,
    resolve_party,
)
from eventwire.limits import echo
from eventwire.ontology.plover import PLOVER_TYPES


class QueryError(ValueError):
    """A query the data cannot answer as asked (an unknown type, interval, collapse mode ...):
    the caller's mistake, said in one line (the API answers it with 422)."""


#: ``EventFilter.place_role``'s values: the act's place, the dateline's, either.
PLACE_ROLES = ("event", "dateline", "any")


@dataclass(frozen=True)
class Result:
    """A query result; ``.df`` for pandas, ``.arrow`` for Arrow, ``.rows`` for dicts."""

    arrow: pa.Table

    @property
    def df(self) -> pd.DataFrame:
        return self.arrow.to_pandas()

    @property
    def rows(self) -> list[dict[str, Any]]:
        return self.arrow.to_pylist()

    def __len__(self) -> int:
        return self.arrow.num_rows

    @classmethod
    def of(cls, rows: list[dict[str, Any]]) -> Result:
        return cls(pa.Table.from_pylist(rows))


@dataclass(frozen=True)
class EventFilter:
    """Filters for event listings. A side is a party by any of its names (a country, a body
    such as the EU or NATO, an armed group such as Hamas: ``actors.parties``); any other actor
    value matches names and text by whole words."""

    actor: str | None = None  # either side
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # two parties, either direction
    type: str | None = None
    quad: int | None = None
    since: Date | None = None
    until: Date | None = None
    text: str | None = None  # words in the evidence sentence
    article_id: str | None = None
    location: str | None = None  # place name where the event happened
    #: whose places ``location`` matches: ``event`` (the act's), ``dateline`` (where stories
    #: were filed) or ``any``
    place_role: str = "event"
    min_confidence: float | None = None  # least confidence of the coding, 0-1
    include_negated: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """SQL WHERE clause and its bound parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if not self.include_negated:
            clauses.append("NOT negated")
        for role, value in (("source", self.source), ("target", self.target)):
            if value:
                clause, ps = _actor_clause(role, value)
                clauses.append(clause)
                params += ps
        if self.actor:
            c1, p1 = _actor_clause("source", self.actor)
            c2, p2 = _actor_clause("target", self.actor)
            clauses.append(f"({c1} OR {c2})")
            params += p1 + p2
        if self.dyad:
            clause, ps = pair_clause(party(self.dyad[0]), party(self.dyad[1]), directed=False)
            clauses.append(clause)
            params += ps
        if self.type:
            if self.type.upper() not in PLOVER_TYPES:
                raise QueryError(f"unknown PLOVER type {echo(self.type)}")
            clauses.append("type = ?")
            params.append(self.type.upper())
        if self.quad is not None:
            if self.quad not in (1, 2, 3, 4):
                raise QueryError("quad must be 1, 2, 3 or 4")
            clauses.append("quad = ?")
            params.append(self.quad)
        dates, date_params = date_range(self.since, self.until)
        clauses += dates
        params += date_params
        if self.text:
            clauses.append("sentence ILIKE ?")
            params.append(f"%{_escape_like(self.text)}%")
        if self.article_id:
            clauses.append("article_id = ?")
            params.append(self.article_id)
        if self.location:
            clauses.append("location_name = ?")
            params.append(self.location)
            if self.place_role not in PLACE_ROLES:
                raise QueryError(f"place_role must be one of {', '.join(PLACE_ROLES)}")
            if self.place_role != "any":
                clauses.append("location_role = ?")
                params.append(self.place_role)
        if self.min_confidence is not None:
            clauses.append("confidence >= ?")
            params.append(float(self.min_confidence))
        return (" AND ".join(clauses) or "TRUE"), params


def date_range(since: Date | None, until: Date | None) -> tuple[list[str], list[Any]]:
    """SQL conditions (and parameters) for events dated within [since, until]."""
    clauses: list[str] = []
    params: list[Any] = []
    if since:
        clauses.append("date >= ?")
        params.append(since)
    if until:
        clauses.append("date <= ?")
        params.append(until)
    return clauses, params


def run_sql(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Result:
    """Run a bound query straight into Arrow (no row-by-row copy)."""
    return Result(con.sql(sql, params=params).to_arrow_table())


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _actor_clause(role: str, value: str) -> tuple[str, list[Any]]:
    """A party by any of its names (a country, a body, a group), matched by its code or the
    group's name; else a named actor, matched by whole words ("Erdogan" finds "Recep Tayyip
    Erdogan"; "Oman" never finds "Romanian"). A near miss of a party's name is an error that
    suggests the right one."""
    found = find_party(value)
    if found is not None:
        return found.clause(role)
    if looks_like_a_party(value) or looks_like_a_country(value):
        party(value)  # raises, with suggestions
    words = r"(?i)\b" + re.escape(value.strip()) + r"\b"
    return (f"(regexp_matches({role}_name, ?) OR regexp_matches({role}_text, ?))",
            [words, words])


def pair_clause(a: Party, b: Party, directed: bool) -> tuple[str, list[Any]]:
    """Events between two parties (a towards b only if ``directed``)."""
    a_to_b, a_to_b_params = _directed(a, b)
    if directed:
        return a_to_b, a_to_b_params
    b_to_a, b_to_a_params = _directed(b, a)
    return f"({a_to_b} OR {b_to_a})", [*a_to_b_params, *b_to_a_params]


def _directed(source: Party, target: Party) -> tuple[str, list[Any]]:
    (s, s_params), (t, t_params) = source.clause("source"), target.clause("target")
    return f"({s} AND {t})", [*s_params, *t_params]


def party(name: str) -> Party:
    """The party (country, body, group) named any way; a ``QueryError`` with suggestions from
    the known names if none."""
    try:
        return resolve_party(name)
    except UnknownParty as exc:
        raise QueryError(str(exc)) from None


def country(name: str) -> str:
    """The ISO3 code of a country named any way; a ``QueryError`` with suggestions if none."""
    try:
        return resolve_country(name)
    except UnknownCountry as exc:
        raise QueryError(str(exc)) from None


def events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None,
           limit: int = 100, offset: int = 0) -> Result:
    """Events matching a filter, newest first."""
    where, params = (flt or EventFilter()).where()
    limit = max(0, min(int(limit), 100_000))
    sql = (f"SELECT * FROM events WHERE {where} "
           "ORDER BY date DESC NULLS LAST, article_id, trigger_start, id LIMIT ? OFFSET ?")
    return run_sql(con, sql, [*params, limit, max(0, int(offset))])


def grouped_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None,
                   limit: int = 100, offset: int = 0) -> Result:
    """Repeated reports of one event (same source, target, type and day) as one row, newest
    first, with every report kept as evidence: ``reports``, ``stories`` (distinct stories once
    syndicated copies are folded) and ``evidence`` (event id, article id, sentence of each)."""
    where, params = (flt or EventFilter()).where()
    limit = max(0, min(int(limit), 100_000))
    sql = f"""SELECT min(e.id) AS id, e.date, e.date_precision, max(e.fatalities) AS fatalities,
            e.type,
            any_value(e.source_text) AS source_text, any_value(e.source_country) AS source_country,
            e.source_sector, any_value(e.source_code) AS source_code,
            any_value(e.target_text) AS target_text,
            any_value(e.target_country) AS target_country, e.target_sector,
            any_value(e.target_code) AS target_code,
            any_value(e.quad) AS quad, any_value(e.cameo) AS cameo, avg(e.intensity) AS intensity,
            count(*) AS reports, count(DISTINCT coalesce(a.duplicate_of, a.id)) AS stories,
            list({{'event_id': e.id, 'article_id': e.article_id, 'sentence': e.sentence}}
                 ORDER BY e.article_id, e.id) AS evidence
        FROM (SELECT * FROM events WHERE {where}) e JOIN articles a ON a.id = e.article_id
        GROUP BY e.date, e.date_precision,
                 coalesce(e.source_party, '?' || lower(e.source_text)), e.source_sector,
                 coalesce(e.target_party, '?' || lower(e.target_text)), e.target_sector, e.type
        ORDER BY e.date DESC NULLS LAST, id LIMIT ? OFFSET ?"""
    return run_sql(con, sql, [*params, limit, max(0, int(offset))])


def count_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> int:
    where, params = (flt or EventFilter()).where()
    rows = con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchall()
    return int(rows[0][0])


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """An article with its events (negated ones included, in text order) and the ids of its
    syndicated copies; None when there is no such article."""
    rows = run_sql(con, """SELECT id, date, title, url, source, text, duplicate_of, quotes
                        FROM articles WHERE id = ?""", [article_id]).rows
    if not rows:
        return None
    found = events(con, EventFilter(article_id=article_id, include_negated=True), 1000).rows
    copies = run_sql(con, "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id",
                  [article_id]).rows
    quotes = json.loads(rows[0]["quotes"]) if rows[0]["quotes"] else []
    return {**rows[0], "quotes": quotes, "copies": [c["id"] for c in copies],
            "events": sorted(found, key=lambda e: e["trigger_start"])}


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Totals: articles, events (not negated), first and last event date."""
    return run_sql(con, """SELECT (SELECT count(*) FROM articles) AS articles,
        (SELECT count(*) FROM events WHERE NOT negated) AS events,
        (SELECT min(date) FROM events) AS first, (SELECT max(date) FROM events) AS last""",
                []).rows[0]
