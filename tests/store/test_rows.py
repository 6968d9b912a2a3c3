"""One stored shape of an event: the column list matches the migrated table, and a row read back
is the record that was written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyarrow as pa

from eventwire.schema import Article, Location
from eventwire.store.db import EventStore, connect
from eventwire.store.queries import EventFilter, events
from eventwire.store.rows import EVENT_COLUMNS, EVENT_SCHEMA, event_from_row, event_row
from tests.conftest import make_event


def test_the_column_list_is_the_events_table(tmp_path: Path) -> None:
    con = connect(tmp_path / "e.duckdb")
    table = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    assert table == [c.name for c in EVENT_COLUMNS]
    assert EVENT_SCHEMA.names == table


def test_a_row_read_back_is_the_event_written(tmp_path: Path) -> None:
    coded = make_event()
    assert coded.source is not None and coded.target is not None
    coded = replace(coded, source=replace(coded.source, code="INDGOV"),
                    target=replace(coded.target, code="TUR"))
    event = replace(coded, location=Location("Ankara", "TUR", 39.9, 32.8),
                    attributes={"amounts": [{"value": 5e9, "unit": "USD"}], "quote": 0},
                    mode="visit", confidence=0.61, rule="verb:meet; args:nsubj")
    assert event_from_row(event_row(event)) == event
    no_actors = replace(event, target=None, location=None, attributes={})
    assert event_from_row(event_row(no_actors)) == no_actors
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write([(Article(text=event.sentence, id=event.article_id), [event])])
        rows = events(store.con, EventFilter(), 10).rows
    assert [event_from_row(r) for r in rows] == [event]
    assert pa.Table.from_pylist([event_row(event)], schema=EVENT_SCHEMA).num_rows == 1


def test_a_record_made_without_codes_is_stored_with_the_codes_its_actors_give() -> None:
    uncoded = make_event()  # (by hand: no codes)
    back = event_from_row(event_row(uncoded))
    assert back.source is not None and back.target is not None
    assert (back.source.code, back.target.code) == ("INDGOV", "TUR")
    assert event_row(uncoded)["source_party"] == "IND"
