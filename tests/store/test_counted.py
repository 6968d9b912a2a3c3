"""One counting rule: the event list, the map and the exports count what the relations views
count, with the story of every row and, on request, the denied events."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventwire import analysis
from eventwire.database import Database
from eventwire.schema import Article, Location
from eventwire.store.counted import count_counted, counted_events
from eventwire.store.db import EventStore
from eventwire.store.export import export_events, write_csv
from eventwire.store.queries import EventFilter
from tests.conftest import make_event

STORY = ("Officials in the capital said on Tuesday that the border talks had stalled again "
         "after a long night of argument over the river crossings and the grazing rights.")
PORT = Location("Karachi", "PAK", 24.86, 67.01)


def _located(event, place=PORT):  # type: ignore[no-untyped-def]
    return replace(event, location=place)


@pytest.fixture()
def db(tmp_path: Path) -> Database:
    """March 2025: one IND->PAK accusation reported by two stories (a1, a2) and copied by a
    syndicated copy of a1 (a1-copy); one PAK->IND threat; a denied accusation. April: one
    consultation."""
    path = tmp_path / "c.duckdb"
    day = date(2025, 3, 4)
    accusation = dict(type_="ACCUSE", src="IND", tgt="PAK", day=day, quad=3, intensity=-3.0)
    with EventStore(path) as store:
        store.write([(Article(text=STORY, id="a1", date=day, title="Talks stall",
                              url="https://example.org/a1", source="Wire One"),
                      [_located(make_event("a1", **accusation)),
                       make_event("a1", "THREATEN", "PAK", "IND", day, 3, -4.4, start=40),
                       make_event("a1", "ACCUSE", "IND", "PAK", day, 3, -3.0, start=80,
                                  negated=True, sentence="India did not accuse Pakistan.")])])
        store.write([(Article(text="A different story on the same accusation. " * 3, id="a2",
                              date=day, source="Paper Two"),
                      [_located(make_event("a2", **accusation))])])
        store.write([(Article(text=STORY, id="a1-copy", date=day,
                              source="Reprinter"),
                      [_located(make_event("a1-copy", **accusation))])])
        store.write([(Article(text="An April story about a meeting. " * 3, id="a3",
                              date=date(2025, 4, 2)),
                      [make_event("a3", "CONSULT", "IND", "PAK", date(2025, 4, 2), 1, 1.0)])])
    return Database(path)


MARCH = EventFilter(dyad=("IND", "PAK"), since=date(2025, 3, 1), until=date(2025, 3, 31))


def test_the_copy_is_marked(db: Database) -> None:
    dup = db.sql("SELECT duplicate_of FROM articles WHERE id = 'a1-copy'").rows
    assert dup == [{"duplicate_of": "a1"}]


def test_an_export_reproduces_the_timelines_count_for_a_pair_and_period(
        db: Database, tmp_path: Path) -> None:
    month = analysis.timeline(db.con, "IND", "PAK")[0]
    assert month["period"] == date(2025, 3, 1) and month["events"] == 2
    out = tmp_path / "march.csv"
    assert export_events(db.con, out, "csv", MARCH) == month["events"]
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == month["events"]
    accusation = next(r for r in rows if r["type"] == "ACCUSE")
    assert accusation["reports"] == "2" and accusation["duplicate_of"] == ""
    assert accusation["outlet"] == "Wire One" and accusation["title"] == "Talks stall"
    assert accusation["published"] == "2025-03-04"
    assert accusation["url"] == "https://example.org/a1" and accusation["article_id"] == "a1"
    assert accusation["negated"] == "false"
    # every report: the copy too, marked as one
    out_all = tmp_path / "all.parquet"
    assert export_events(db.con, out_all, "parquet", MARCH, collapse="none") == 4
    table = pq.read_table(out_all)
    assert table.schema.metadata[b"eventwire.collapse"] == b"none"
    assert "a1" in table.column("duplicate_of").to_pylist()


def test_denied_events_only_on_request_and_flagged(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "d.csv"
    assert export_events(db.con, out, "csv", replace(MARCH, include_negated=True)) == 3
    flags = sorted(r["negated"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert flags == ["false", "false", "true"]


def test_the_event_list_and_the_map_count_as_the_views_do(db: Database) -> None:
    assert count_counted(db.con, MARCH, "event") == 2
    assert count_counted(db.con, MARCH, "none") == 4
    page = counted_events(db.con, MARCH, "event").rows
    assert sorted(r["reports"] for r in page) == [1, 2]
    places = {p["name"]: p["events"] for p in analysis.event_places(db.con)}
    assert places == {"Karachi": 1}
    assert analysis.event_places(db.con, collapse="none")[0]["events"] == 3


@pytest.mark.parametrize("fmt", ["csv", "parquet", "tsv"])
def test_an_empty_export_keeps_its_header(db: Database, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"none.{fmt}"
    nothing = EventFilter(since=date(2030, 1, 1))
    assert export_events(db.con, out, fmt, nothing) == 0
    if fmt == "parquet":
        assert {"article_id", "reports", "cameo"} <= set(pq.read_table(out).column_names)
        return
    header = out.read_text(encoding="utf-8").splitlines()
    assert len(header) == 1 and "article_id" in header[0] and "reports" in header[0]


def test_csv_rows_keep_codes_as_text_and_an_empty_result_its_header() -> None:
    buffer = io.StringIO()
    write_csv([{"cameo": "010", "events": 3}], buffer)
    assert buffer.getvalue().splitlines()[1] == '"010",3'
    empty = io.StringIO()
    write_csv([], empty, ["a", "b"])
    assert empty.getvalue().strip() == '"a","b"'
