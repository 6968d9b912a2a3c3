"""eventwire: dated news articles in, PLOVER-coded political event data out.

Notebook use::

    import eventwire
    events = eventwire.extract("date 2025-05-26\\nTurkey and Pakistan agreed to boost trade.")
    db = eventwire.open("events.duckdb")
    db.events(actor="TUR").df
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import date

    from eventwire.database import Database
    from eventwire.schema import Event

__all__ = ["__version__", "extract", "open"]


def extract(text: str, date: date | str | None = None, model: str | None = None) -> list[Event]:
    """Code one article text (with an optional publication date) into typed event records."""
    from eventwire.pipeline import extract as _extract

    return _extract(text, date, model)


def open(path: str, **kwargs: Any) -> Database:
    """Open an eventwire DuckDB file read-only for querying (pandas or Arrow results)."""
    from eventwire.database import Database

    return Database(path, **kwargs)
