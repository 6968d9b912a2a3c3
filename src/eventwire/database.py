"""The notebook handle: ``eventwire.open("events.duckdb").events(actor="TUR").df``. It sits above
the query functions (``store.queries``) and the analyses (``analysis``) that it calls."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from eventwire.analysis import shift_alerts, timeline, top_dyads
from eventwire.store.db import EventStore
from eventwire.store.queries import EventFilter, Result, events, run_sql


class Database:
    """A read-only handle for notebooks: ``eventwire.open("events.duckdb").events(actor="TUR").df``.

    It opens the file for each call and lets it go soon after, so a notebook left open does not
    keep a running ``serve`` or ``ingest`` from writing."""

    def __init__(self, path: str | Path, read_only: bool = True) -> None:
        self._store = EventStore(path, read_only=read_only, hold=False)
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
