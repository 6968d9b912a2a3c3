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
