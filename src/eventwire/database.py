"""The notebook handle: ``eventwire.open("events.duckdb").events(actor="TUR").df``. It sits above
the query functions (``store.queries``) and the analyses (``analysis``) that it calls, and takes
the API's filter names (``a``/``b``, ``type``, ``quad``, ``since``, ``min_confidence``,
``collapse`` ...), so a URL's query reads as a call."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

import duckdb

from eventwire import analysis, chart_files, charts
from eventwire.actors.parties import party_label
from eventwire.analysis import shift_alerts, timeline, top_dyads
from eventwire.store.counted import count_counted, counted_events
from eventwire.store.db import EventStore
from eventwire.store.queries import EventFilter, QueryError, Result, party, run_sql


class CutWarning(UserWarning):
    """``events()`` returned fewer rows than match: its ``limit`` cut the list."""


@dataclass(frozen=True)
class Events(Result):
    """A page of events: the rows, and ``total``, how many match (as ``collapse`` counts)."""

    total: int = 0
    collapse: str = "none"


@dataclass(frozen=True)
class Charted(Result):
    """Rows with the dashboard's chart of them: ``.df`` for the numbers, ``.chart()`` for the
    picture (an Altair chart), ``.spec`` for the Vega-Lite itself, ``.save("x.html")`` for a
    page that draws offline. Displayed in Jupyter, it is the chart."""

    spec: dict[str, Any] = field(default_factory=dict)

    def chart(self) -> Any:
        return charts.to_altair(self.spec)

    def save(self, path: str | Path) -> Path:
        """.html (offline: the vendored Vega inline), .json, or .png/.svg/.pdf
        (vl-convert-python)."""
        return chart_files.save(self.spec, path)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        # Not Altair's renderer: outside JupyterLab it loads Vega from a CDN (blank offline)
        return chart_files.mimebundle(
            self.spec, f"<{len(self)} rows: {self.spec.get('description', 'chart')}>")


def _day(value: Date | str | None, name: str) -> Date | None:
    """A date as the API takes it: a ``date`` or ISO text (``"2025-05-01"``)."""
    if value is None or isinstance(value, Date):
        return value
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _scope(type: str | None, quad: int | None, min_confidence: float | None) -> EventFilter:
    """The event filters every relations view applies before counting (the API's scope)."""
    return EventFilter(type=type, quad=quad, min_confidence=min_confidence)


class Database:
    """A read-only handle for notebooks: ``eventwire.open("events.duckdb").events(actor="TUR").df``.

    It opens the file for each call and lets it go soon after, so a notebook left open does not
    keep a running ``serve`` or ``ingest`` from writing."""

    def __init__(self, path: str | Path, read_only: bool = True) -> None:
        # linger 0: a notebook's calls are minutes apart, and the same process may write next
        self._store = EventStore(path, read_only=read_only, hold=False, linger=0)
        self._pinned = False

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection, kept open until ``close()``."""
        if not self._pinned:
            self._store.hold()
            self._pinned = True
        return self._store.con

    @contextmanager
    def session(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection, for several queries in a row."""
        with self._store.session() as con:
            yield con

    def events(self, limit: int = 100, offset: int = 0, *, actor: str | None = None,
               source: str | None = None, target: str | None = None, a: str | None = None,
               b: str | None = None, type: str | None = None, quad: int | None = None,
               since: Date | str | None = None, until: Date | str | None = None,
               text: str | None = None, article_id: str | None = None,
               location: str | None = None, place_role: str = "event",
               min_confidence: float | None = None,
               include_negated: bool = False, collapse: str = "none") -> Events:
        """Events matching the filters, newest first, with their story and ``reports``: the
        API's ``/api/events`` (same names; ``a`` and ``b`` together: the pair, either way;
        ``collapse="event"`` counts as the relations views do). At most ``limit`` rows: a
        ``CutWarning`` says when more match (``.total``); ``eventwire export`` (or
        ``/api/events/export``) writes them all."""
        if (a is None) != (b is None):
            raise QueryError("give both a and b (a pair), or neither")
        flt = EventFilter(actor=actor, source=source, target=target,
                          dyad=(a, b) if a and b else None, type=type, quad=quad,
                          since=_day(since, "since"), until=_day(until, "until"), text=text,
                          article_id=article_id, location=location, place_role=place_role,
                          min_confidence=min_confidence, include_negated=include_negated)
        with self.session() as con:
            page = counted_events(con, flt, collapse, limit=limit, offset=offset)
            total = count_counted(con, flt, collapse)
        if offset + len(page) < total:
            warnings.warn(f"events(): {len(page)} of {total} matching events (rows "
                          f"{offset + 1}-{offset + len(page)}, limit={limit}); raise limit, "
                          "page with offset, or write them all with 'eventwire export'",
                          CutWarning, stacklevel=2)
        return Events(page.arrow, total=total, collapse=collapse)

    def dyads(self, limit: int = 10, since: Date | str | None = None,
              until: Date | str | None = None, country: str | None = None,
              type: str | None = None, quad: int | None = None,
              min_confidence: float | None = None, collapse: str = "event") -> Result:
        """Top country pairs (``/api/dyads``; ``country``: only its pairs)."""
        with self.session() as con:
            return Result.of(top_dyads(con, _day(since, "since"), _day(until, "until"), limit,
                                       collapse=collapse,
                                       scope=_scope(type, quad, min_confidence),
                                       with_country=country))

    def dyad(self, a: str, b: str, interval: str = "month", since: Date | str | None = None,
             until: Date | str | None = None, directed: bool = False,
             type: str | None = None, quad: int | None = None,
             min_confidence: float | None = None, collapse: str = "event") -> Result:
        """One pair's relations by period (``/api/dyads/{a}/{b}/timeline``)."""
        with self.session() as con:
            return Result.of(timeline(con, a, b, interval, _day(since, "since"),
                                      _day(until, "until"), directed, collapse,
                                      _scope(type, quad, min_confidence)))

    def timeline(self, a: str, b: str, directed: bool = False, interval: str = "month",
                 **filters: Any) -> Charted:
        """One pair's relations by period, with the dashboard's chart: ``a`` towards ``b``
        only when ``directed`` (countries by name or code); filters as ``timelines``."""
        return self.timelines([f"{a}{'>' if directed else ','}{b}"], interval, **filters)

    def timelines(self, pairs: list[str], interval: str = "month", scales: str = "shared",
                  since: Date | str | None = None, until: Date | str | None = None,
                  type: str | None = None, quad: int | None = None,
                  min_confidence: float | None = None, collapse: str = "event",
                  normalize: str = "none") -> Charted:
        """Several pairs ("IND,PAK" both ways, "IND>PAK" one way), one panel each, their bars
        on one scale (``scales="independent"``: each its own): ``/api/charts/timeline``, same
        parameters (``normalize="stories"``: bars per 100 stories coded, and the rows get a
        ``stories`` column); the rows have a ``pair`` column."""
        if normalize not in charts.NORMALIZE_MODES:  # before any work, as the chart would
            raise ValueError(f"normalize must be one of {', '.join(charts.NORMALIZE_MODES)}, "
                             f"not {normalize!r}")
        with self.session() as con:
            series = analysis.timelines(con, pairs, interval, _day(since, "since"),
                                        _day(until, "until"), collapse,
                                        _scope(type, quad, min_confidence),
                                        stories=normalize == "stories")
        rows = [{"pair": s["pair"], **p} for s in series for p in s["periods"]]
        return Charted(Result.of(rows).arrow, charts.timeline_spec(series, interval,
                                                                   scales=scales,
                                                                   normalize=normalize))

    def pairs(self, limit: int = 30, since: Date | str | None = None,
              until: Date | str | None = None, type: str | None = None,
              quad: int | None = None, min_confidence: float | None = None,
              collapse: str = "event") -> Charted:
        """Country pairs (the network's edges), with the dashboard's matrix chart
        (``/api/charts/matrix``)."""
        with self.session() as con:
            net = analysis.network(con, _day(since, "since"), _day(until, "until"), limit=5000,
                                   collapse=collapse, scope=_scope(type, quad, min_confidence))
        names = {n["id"]: party_label(n["id"]) for n in net["nodes"]}
        return Charted(Result.of(net["edges"]).arrow, charts.matrix_spec(net, names, limit))

    def places(self, since: Date | str | None = None, until: Date | str | None = None,
               type: str | None = None, quad: int | None = None,
               min_confidence: float | None = None, collapse: str = "event",
               place_role: str = "event") -> Charted:
        """Where events happened, with the dashboard's map (world outline inline;
        ``/api/charts/map``); ``place_role``: ``event`` (the acts' places), ``dateline``
        (where the stories were filed) or ``any``."""
        first, last = _day(since, "since"), _day(until, "until")
        scope = _scope(type, quad, min_confidence)
        with self.session() as con:
            places = analysis.event_places(con, first, last, scope=scope, collapse=collapse,
                                           role=place_role)
            shading = analysis.country_totals(con, first, last, collapse, scope)
        return Charted(Result.of(places).arrow,
                       charts.map_spec(places, shading, charts.world_outline()))

    def partners(self, code: str, limit: int = 25, since: Date | str | None = None,
                 until: Date | str | None = None, type: str | None = None,
                 quad: int | None = None, min_confidence: float | None = None,
                 collapse: str = "event") -> Charted:
        """One party's relations with each partner, with the dashboard's chart
        (``/api/charts/partners/{code}``; a group's are its events, under the party they
        count for: its home country)."""
        me = party(code)
        found = me.key if me.counted else me.country or me.key
        with self.session() as con:
            rows = top_dyads(con, _day(since, "since"), _day(until, "until"), limit,
                             collapse=collapse, scope=_scope(type, quad, min_confidence),
                             with_country=me.key)
        names = {c: party_label(c) for r in rows for c in (r["a"], r["b"])}
        return Charted(Result.of(rows).arrow, charts.partners_spec(rows, names, found))

    def alerts(self, **kwargs: Any) -> Result:
        """Shift alerts (``analysis.shift_alerts``)."""
        with self.session() as con:
            return Result.of(shift_alerts(con, **kwargs))

    def sql(self, query: str, params: list[Any] | None = None) -> Result:
        """Any read-only SQL over the documented tables."""
        with self.session() as con:
            return run_sql(con, query, params or [])

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
