"""The notebook handle: ``eventwire.open("events.duckdb").events(actor="TUR").df``. It sits above
the query functions (``store.queries``) and the analyses (``analysis``) that it calls."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from eventwire import analysis, charts
from eventwire.actors.countries import country_label
from eventwire.analysis import shift_alerts, timeline, top_dyads
from eventwire.store.db import EventStore
from eventwire.store.queries import EventFilter, Result, country, events, run_sql


@dataclass(frozen=True)
class Charted(Result):
    """Rows with the dashboard's chart of them: ``.df`` for the numbers, ``.chart()`` for the
    picture (an Altair chart), ``.spec`` for the Vega-Lite itself."""

    spec: dict[str, Any] = field(default_factory=dict)

    def chart(self) -> Any:
        return charts.to_altair(self.spec)


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

    def events(self, limit: int = 100, offset: int = 0, **filters: Any) -> Result:
        with self.session() as con:
            return events(con, EventFilter(**filters), limit=limit, offset=offset)

    def dyads(self, **kwargs: Any) -> Result:
        """Top country pairs (``analysis.top_dyads``)."""
        with self.session() as con:
            return Result.of(top_dyads(con, **kwargs))

    def dyad(self, a: str, b: str, **kwargs: Any) -> Result:
        """One pair's relations by period (``analysis.timeline``)."""
        with self.session() as con:
            return Result.of(timeline(con, a, b, **kwargs))

    def timeline(self, a: str, b: str, directed: bool = False, interval: str = "month",
                 **kwargs: Any) -> Charted:
        """One pair's relations by period, with the dashboard's chart: ``a`` towards ``b``
        only when ``directed`` (countries by name or code)."""
        return self.timelines([f"{a}{'>' if directed else ','}{b}"], interval, **kwargs)

    def timelines(self, pairs: list[str], interval: str = "month", scales: str = "shared",
                  **kwargs: Any) -> Charted:
        """Several pairs ("IND,PAK" both ways, "IND>PAK" one way), one panel each, their bars
        on one scale (``scales="independent"``: each its own); the rows have a ``pair``
        column."""
        with self.session() as con:
            series = analysis.timelines(con, pairs, interval, **kwargs)
        rows = [{"pair": s["pair"], **p} for s in series for p in s["periods"]]
        return Charted(Result.of(rows).arrow, charts.timeline_spec(series, interval,
                                                                   scales=scales))

    def pairs(self, limit: int = 30, **kwargs: Any) -> Charted:
        """Country pairs (the network's edges), with the dashboard's matrix chart."""
        with self.session() as con:
            net = analysis.network(con, limit=5000, **kwargs)
        names = {n["id"]: country_label(n["id"]) for n in net["nodes"]}
        return Charted(Result.of(net["edges"]).arrow, charts.matrix_spec(net, names, limit))

    def places(self, **kwargs: Any) -> Charted:
        """Where events happened, with the dashboard's map (world outline inline)."""
        with self.session() as con:
            places = analysis.event_places(con, **kwargs)
            shading = analysis.country_totals(con, **kwargs)
        return Charted(Result.of(places).arrow,
                       charts.map_spec(places, shading, charts.world_outline()))

    def partners(self, code: str, limit: int = 25, **kwargs: Any) -> Charted:
        """One country's relations with each partner, with the dashboard's chart."""
        found = country(code)
        with self.session() as con:
            rows = top_dyads(con, limit=limit, with_country=found, **kwargs)
        names = {c: country_label(c) for r in rows for c in (r["a"], r["b"])}
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
