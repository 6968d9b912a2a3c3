"""Storage: the DuckDB schema and its migrations, the single writer, and the query functions."""

from eventwire.store.db import EventStore, WriteResult, connect
from eventwire.store.queries import dyad_summary, events, top_dyads

__all__ = ["EventStore", "WriteResult", "connect", "dyad_summary", "events", "top_dyads"]
