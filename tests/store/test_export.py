from __future__ import annotations

import csv
import io
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


def _text(path: Path) -> io.StringIO:
    """A written CSV/TSV file as the csv module reads it: as written (read_text would fold the
    cells' CRs), and with no file left open."""
    return io.StringIO(path.read_bytes().decode("utf-8"), newline="")


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
def test_every_format_says_how_precise_each_date_and_place_is(tmp_path: Path, fmt: str) -> None:
    from dataclasses import replace

    path = tmp_path / "p.duckdb"
    from eventwire.schema import Location

    month = replace(make_event("m1", day=date(2019, 3, 1)), date_precision="month",
                    location=Location("Seoul", "KOR", 37.57, 126.98, "dateline", "city"))
    with EventStore(path) as store:
        store.write([(Article(text="In March 2019 India criticized Turkey.", id="m1",
                              date=date(2025, 10, 21)), [month])])
    out = tmp_path / f"p.{fmt}"
    assert export_events(Database(path).con, out, fmt) == 1
    if fmt == "parquet":
        row = pq.read_table(out).to_pylist()[0]
    elif fmt == "csv":
        row = next(csv.DictReader(_text(out)))
    elif fmt == "plover":
        row = json.loads(out.read_text())
        row["date"] = row["event_date"]
        row.update({f"location_{k}": v for k, v in row["location"].items()})
    else:
        rows = list(csv.reader(_text(out), delimiter="\t"))
        row = dict(zip(TSV_COLUMNS, rows[1], strict=True))
    assert row["date_precision"] == "month"
    assert (row["location_role"], row["location_precision"]) == ("dateline", "city")
    assert str(row["date"]) in ("2019-03-01", "20190301")


@pytest.mark.parametrize("fmt", ["parquet", "csv", "plover", "tsv"])
def test_every_format_has_every_event(db: Database, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"e.{fmt}"
    assert export_events(db.con, out, fmt) == 2
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == 2
    elif fmt == "csv":
        assert len(list(csv.DictReader(_text(out)))) == 2
    elif fmt == "plover":
        rows = [json.loads(x) for x in out.read_text().splitlines()]
        assert {r["event_type"] for r in rows} == {"ACCUSE", "CONSULT"}
        assert rows[0]["actor"]["code"] == "INDGOV" and rows[0]["url"] == "https://example.org/a1"
    else:
        rows = list(csv.reader(_text(out), delimiter="\t"))
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


FORMULAS = ["=HYPERLINK(\"http://127.0.0.1/x\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(A1:A2)", "\tlead", "\rlead"]


@pytest.fixture()
def hostile_db(tmp_path: Path) -> Path:
    """Events whose sentences and actor names a spreadsheet would run as formulas."""
    path = tmp_path / "h.duckdb"
    with EventStore(path) as store:
        for i, formula in enumerate(FORMULAS):
            aid = f"h{i}"
            store.write([(Article(text=f"{formula} India criticized Turkey.", id=aid,
                                  date=date(2025, 5, 1), url=f"https://example.org/{aid}"),
                          [make_event(aid, sentence=formula)])])
    return path


def _formula_cells(rows: list[list[str]]) -> list[str]:
    """Cells a spreadsheet would run: a formula start that is not a plain number."""
    def number(cell: str) -> bool:
        try:
            float(cell)
        except ValueError:
            return False
        return True

    return [cell for row in rows for cell in row
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not number(cell)]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_export_prefixes_formula_cells_and_leaves_numbers(hostile_db: Path, tmp_path: Path,
                                                          fmt: str) -> None:
    out = tmp_path / f"e.{fmt}"
    export_events(Database(hostile_db).con, out, fmt, collapse="none")  # every report
    rows = list(csv.reader(_text(out), delimiter="," if fmt == "csv" else "\t"))
    assert _formula_cells(rows) == []
    sentences = {cell for row in rows for cell in row if cell.startswith("'")}
    # (the TSV layout folds a sentence's whitespace, so its tab and CR starts are gone there)
    assert {f"'{f}" for f in FORMULAS if fmt == "csv" or not f[0].isspace()} <= sentences
    # a negative intensity is a number: left alone
    header = rows[0]
    column = header.index("intensity")
    assert {float(row[column]) for row in rows[1:]} == {-3.0}


def test_query_format_csv_prefixes_formula_cells(hostile_db: Path) -> None:
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "eventwire.cli", "query", "events", "--db",
                          str(hostile_db), "--format", "csv", "--collapse", "none"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    rows = list(csv.reader(res.stdout.splitlines()))
    assert len(rows) == 1 + len(FORMULAS)
    assert _formula_cells(rows) == []
    column = rows[0].index("intensity")
    assert {row[column] for row in rows[1:]} == {"-3.0"}


def test_csv_safe_is_owasps_rule() -> None:
    from eventwire.store.export import csv_safe

    assert [csv_safe(f) for f in FORMULAS] == ["'" + f for f in FORMULAS]
    assert [csv_safe(v) for v in (-3.5, 2, "-3.5", "+1e3", "India", None, "")] == [
        -3.5, 2, "-3.5", "+1e3", "India", None, ""]


def test_write_csv_used_by_query_and_the_api_prefixes_formula_cells() -> None:
    import io

    from eventwire.store.export import write_csv

    buffer = io.StringIO()
    write_csv([{"sentence": f, "n": -4, "actor": {"text": "@x"}} for f in FORMULAS], buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert _formula_cells(rows) == [] and rows[1][1:] == ["-4", "'@x"]


@pytest.mark.parametrize("fmt", ["parquet", "csv", "plover", "tsv"])
def test_every_format_carries_the_fatalities(tmp_path: Path, fmt: str) -> None:
    from dataclasses import replace

    path = tmp_path / "f.duckdb"
    struck = replace(make_event("f1"), fatalities=12, id="e-f1")
    quiet = replace(make_event("f1", "CONSULT", "IND", "PAK", quad=1, intensity=2.5, start=30),
                    id="e-f2")
    with EventStore(path) as store:
        store.write([(Article(text="A strike killed 12, made up. India criticized Turkey.",
                              id="f1", date=date(2025, 5, 1)), [struck, quiet])])
    out = tmp_path / f"f.{fmt}"
    assert export_events(Database(path).con, out, fmt) == 2
    if fmt == "parquet":
        rows = pq.read_table(out).to_pylist()
    elif fmt == "csv":
        rows = list(csv.DictReader(_text(out)))
    elif fmt == "plover":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
    else:
        found = list(csv.reader(_text(out), delimiter="\t"))
        rows = [dict(zip(TSV_COLUMNS, r, strict=True)) for r in found[1:]]
    by_id = {r.get("id") or r.get("event_id"): r.get("fatalities") for r in rows}
    assert str(by_id["e-f1"]) == "12" and by_id["e-f2"] in (None, "")
