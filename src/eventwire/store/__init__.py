"""Storage: the DuckDB schema and its migrations, the single writer, and the query functions."""

from eventwire.store.db import EventStore, WriteResult, connect
from eventwire.store.queries import Database, EventFilter, events

__all__ = ["Database", "EventFilter", "EventStore", "WriteResult", "connect", "events"]
