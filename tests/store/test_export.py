from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventwire.database import Database
from eventwire.schema import Article
from eventwire.store.db import EventStore
from eventwire.store.export import TSV_COLUMNS, export_events
from eventwire.store.queries import EventFilter
from tests.conftest import make_event


@pytest.fixture()
def db(tmp_path: Path) -> Database:
    path = tmp_path / "x.duckdb"
    with EventStore(path) as store:
        store.write([(Article(text="India criticized Turkey.", id="a1", date=date(2025, 5, 1),
                              url="https://example.org/a1"),
                      [make_event("a1"), make_event("a1", "CONSULT", "IND", "PAK", quad=1,
                                                    intensity=2.5, start=30)])])
    return Database(path)


@pytest.mark.parametrize("fmt", ["parquet", "csv", "plover", "tsv"])
def test_every_format_has_every_event(db: Database, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"e.{fmt}"
    assert export_events(db.con, out, fmt) == 2
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == 2
    elif fmt == "csv":
        assert len(list(csv.DictReader(out.open()))) == 2
    elif fmt == "plover":
        rows = [json.loads(x) for x in out.read_text().splitlines()]
        assert {r["event_type"] for r in rows} == {"ACCUSE", "CONSULT"}
        assert rows[0]["actor"]["code"] == "INDGOV" and rows[0]["url"] == "https://example.org/a1"
    else:
        rows = list(csv.reader(out.open(), delimiter="\t"))
        assert rows[0] == TSV_COLUMNS and len(rows) == 3
        first = dict(zip(TSV_COLUMNS, rows[1], strict=True))
        assert first["date"] == "20250501" and first["cameo_root"] in ("11", "04")


def test_export_filters_and_rejects_unknown_format(db: Database, tmp_path: Path) -> None:
    assert export_events(db.con, tmp_path / "f.tsv", "tsv", EventFilter(type="CONSULT")) == 1
    with pytest.raises(ValueError):
        export_events(db.con, tmp_path / "x.xml", "xml")


def test_the_format_follows_the_file_name_unless_given() -> None:
    from eventwire.store.export import format_of

    assert format_of(Path("out.csv"), None) == "csv"
    assert format_of(Path("out.PARQUET"), None) == "parquet"
    assert format_of(Path("out.jsonl"), None) == "plover"
    assert format_of(Path("out.csv"), "tsv") == "tsv"
    with pytest.raises(ValueError, match="give --format"):
        format_of(Path("out.data"), None)


def test_csv_cells_are_flat() -> None:
    import csv
    import io

    from eventwire.store.export import write_csv

    buffer = io.StringIO()
    write_csv([{"id": "e1", "source": {"text": "India", "country": "IND"}, "tags": ["a", "b"],
                "types": {"ACCUSE": 2}},
               {"id": "e2", "source": None, "tags": [{"x": 1}], "types": {"AID": 1}}], buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert list(rows[0]) == ["id", "source.text", "source.country", "tags", "types.ACCUSE",
                             "source", "types.AID"]
    assert rows[0]["source.country"] == "IND" and rows[0]["tags"] == "a; b"
    assert rows[1]["types.AID"] == "1" and rows[1]["tags"] == '{"x": 1}'
    assert not any(cell.startswith("{'") for row in rows for cell in row.values())
