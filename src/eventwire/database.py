"""The notebook handle: ``eventwire.open("events.duckdb").events(actor="TUR").df``. It sits above
the query functions (``store.queries``) and the analyses (``analysis``) that it calls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.analysis import shift_alerts, timeline, top_dyads
from eventwire.store.db import connect
from eventwire.store.queries import EventFilter, Result, events, run_sql


class Database:
    """A read-only handle for notebooks: ``eventwire.open("events.duckdb").events(actor="TUR").df``."""

    def __init__(self, path: str | Path, read_only: bool = True) -> None:
        self.con = connect(path, read_only=read_only)

    def events(self, limit: int = 100, offset: int = 0, **filters: Any) -> Result:
        return events(self.con, EventFilter(**filters), limit=limit, offset=offset)

    def dyads(self, **kwargs: Any) -> Result:
        """Top country pairs (``analysis.top_dyads``)."""
        return Result.of(top_dyads(self.con, **kwargs))

    def dyad(self, a: str, b: str, **kwargs: Any) -> Result:
        """One pair's relations by period (``analysis.timeline``)."""
        return Result.of(timeline(self.con, a, b, **kwargs))

    def alerts(self, **kwargs: Any) -> Result:
        """Shift alerts (``analysis.shift_alerts``)."""
        return Result.of(shift_alerts(self.con, **kwargs))

    def sql(self, query: str, params: list[Any] | None = None) -> Result:
        """Any read-only SQL over the documented tables."""
        return run_sql(self.con, query, params or [])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
