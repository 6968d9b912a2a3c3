"""The notebook handle: rows and the dashboard's charts from Python."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import eventwire
from eventwire.analysis import timeline
from eventwire.schema import Article
from eventwire.store.db import EventStore
from tests.conftest import make_event


def test_a_timeline_comes_with_its_chart_and_lets_the_file_go(tmp_path: Path) -> None:
    db = tmp_path / "n.duckdb"
    with EventStore(db) as store:
        store.write([(Article(text="India criticized Turkey.", id="a1"),
                      [make_event("a1", day=date(2025, 5, 1))]),
                     (Article(text="Turkey praised India warmly.", id="a2"),
                      [make_event("a2", "SUPPORT", "TUR", "IND", date(2025, 7, 2), 1, 5.0)])])
    handle = eventwire.open(db)
    result = handle.timeline("India", "Türkiye")
    with EventStore(db) as store:  # the handle does not keep the file between calls
        expected = timeline(store.con, "IND", "TUR")
    assert [r["events"] for r in result.rows] == [p["events"] for p in expected] == [1, 0, 1]
    assert result.spec["vconcat"][0]["title"]["text"] == "India – Turkey"
    chart = result.chart()
    assert type(chart).__name__ == "VConcatChart"
    one_way = handle.timeline("TUR", "IND", directed=True)
    assert one_way.spec["vconcat"][0]["title"]["text"] == "Turkey → India"
    assert [r["events"] for r in one_way.rows] == [1]
    assert type(handle.places().chart()).__name__ == "LayerChart"
    assert handle.partners("Turkey").rows[0]["events"] == 2
    handle.close()
