from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.jobs import Report, ingest

pytestmark = pytest.mark.slow


def test_ingest_reports_errors_as_they_come_and_stores_the_rest(tmp_path: Path, coder) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text("date 2025-04-01\nJapan sent aid to Nepal.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00")
    seen = []
    report = ingest([str(good), str(bad)], tmp_path / "e.duckdb", coder, on_error=seen.append)
    assert isinstance(report, Report) and not report.nothing_done
    assert report.articles == 1 and report.stored.added == 1 and len(seen) == 1
    con = duckdb.connect(str(tmp_path / "e.duckdb"), read_only=True)
    assert con.execute("SELECT type FROM events").fetchall() == [("AID",)]
    con.close()


def _lines(path: Path, records: list[dict[str, object]]) -> Path:
    import json

    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_an_id_given_twice_keeps_its_first_version_and_says_so(tmp_path: Path, coder) -> None:  # type: ignore[no-untyped-def]
    src = _lines(tmp_path / "a.jsonl", [
        {"id": "x", "text": "Turkey met Iran in Ankara."},
        {"id": 7, "text": "China met Japan."},
        {"id": "x", "text": "India accused Pakistan of shelling the border."},
        {"id": "7", "text": "China met Japan."},
    ])
    seen: list[str] = []
    # batch_size 1: the repeats reach the store in later transactions than their first version
    report = ingest([str(src)], tmp_path / "e.duckdb", coder, batch_size=1,
                    on_error=lambda e: seen.append(str(e)))
    assert report.stored.added == 2 and len(seen) == 2
    assert seen[0].startswith(f"{src}:3: id 'x' is already used by {src}:1")
    assert seen[1].startswith(f"{src}:4: repeats article '7' of {src}:2")
    con = duckdb.connect(str(tmp_path / "e.duckdb"), read_only=True)
    assert con.execute("SELECT text FROM articles WHERE id = 'x'").fetchall() == \
        [("Turkey met Iran in Ankara.",)]
    con.close()


def test_a_rerun_codes_only_what_is_not_stored_yet(tmp_path: Path, coder) -> None:  # type: ignore[no-untyped-def]
    first = _lines(tmp_path / "a.jsonl", [{"id": f"a{i}", "text": "Chile met Peru."}
                                          for i in range(3)])
    db = tmp_path / "e.duckdb"
    ingest([str(first)], db, coder)
    more = _lines(tmp_path / "b.jsonl", [{"id": f"a{i}", "text": "Chile met Peru."}
                                         for i in range(5)])
    report = ingest([str(more)], db, coder)
    assert report.articles == 2  # coded: only the two new ones
    assert (report.stored.added, report.stored.unchanged) == (2, 3)
    assert not report.nothing_done
