"""Storage: the DuckDB schema and its migrations, the single writer, and the query functions."""

from eventwire.store.db import EventStore, WriteResult, connect
from eventwire.store.queries import EventFilter, events

__all__ = ["EventFilter", "EventStore", "WriteResult", "connect", "events"]
