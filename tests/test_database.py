"""The notebook handle: rows and the dashboard's charts from Python."""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path

import pytest

import eventwire
import eventwire.database
from eventwire.analysis import timeline
from eventwire.schema import Article
from eventwire.store.db import EventStore
from eventwire.store.queries import QueryError
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


def test_a_timeline_per_100_stories_coded_from_the_notebook(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with EventStore(db) as store:
        store.write([(Article(text="India criticized Turkey.", id="a1", date=date(2025, 5, 1)),
                      [make_event("a1", day=date(2025, 5, 1))]),
                     (Article(text="Ministers met, made up.", id="a2", date=date(2025, 5, 3)),
                      []),
                     (Article(text="Ministers met again, made up.", id="a3",
                              date=date(2025, 5, 9)), [])])
    handle = eventwire.open(db)
    result = handle.timeline("IND", "TUR", normalize="stories")
    assert [(r["events"], r["stories"]) for r in result.rows] == [(1, 3)]
    bars = result.spec["vconcat"][0]["layer"][0]["data"]["values"]
    assert [b["count"] for b in bars] == [-33.33]  # one event in three stories
    with pytest.raises(ValueError, match="normalize must be one of"):
        handle.timeline("IND", "TUR", normalize="words")
    handle.close()


def _three_accusations(db: Path) -> None:
    with EventStore(db) as store:
        store.write([(Article(text=f"India criticized Turkey, take {n}.", id=f"c{n}"),
                      [make_event(f"c{n}", day=date(2025, 5, n + 1))]) for n in range(3)]
                    + [(Article(text="Pakistan criticized Iran.", id="p1"),
                        [make_event("p1", src="PAK", tgt="IRN", day=date(2025, 6, 1))])])


def test_events_warn_when_their_limit_cuts_the_list(tmp_path: Path) -> None:
    import warnings

    db = tmp_path / "n.duckdb"
    _three_accusations(db)
    handle = eventwire.open(db)
    with pytest.warns(eventwire.database.CutWarning, match="2 of 4 matching events"):
        page = handle.events(limit=2)
    assert len(page) == 2 and page.total == 4
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # everything fits: no warning
        assert len(handle.events(limit=4)) == 4
        assert len(handle.events(limit=2, offset=2)) == 2  # the last page is not cut


def test_the_notebook_takes_the_apis_filter_names(tmp_path: Path) -> None:
    db = tmp_path / "n.duckdb"
    _three_accusations(db)
    handle = eventwire.open(db)
    pair = handle.events(a="Türkiye", b="IND", since="2025-05-02")  # as /api/events?a=&b=
    assert pair.total == 2 and {r["article_id"] for r in pair.rows} == {"c1", "c2"}
    assert "reports" in pair.df.columns and "outlet" in pair.df.columns  # the API's columns
    with pytest.raises(QueryError, match="both a and b"):
        handle.events(a="IND")
    with pytest.raises(QueryError, match="since: 'May' is not a date"):
        handle.events(since="May")
    with pytest.raises(TypeError):
        handle.events(dyad=("IND", "TUR"))  # type: ignore[call-arg]  # not an API name
    assert [r["events"] for r in handle.dyad("IND", "TUR", type="ACCUSE",
                                             collapse="none").rows] == [3]
    assert handle.dyads(quad=3, since="2025-06-01").rows[0]["b"] in ("IRN", "PAK")
    assert len(handle.timeline("IND", "TUR", quad=1).rows) == 0
    assert handle.places(min_confidence=0.5, collapse="none").spec["layer"]


def test_a_chart_displays_itself_in_jupyter_and_saves_offline(tmp_path: Path) -> None:
    db = tmp_path / "n.duckdb"
    _three_accusations(db)
    tl = eventwire.open(db).timeline("India", "Turkey")
    bundle = tl._repr_mimebundle_()
    assert bundle["application/vnd.vegalite.v6.json"] == tl.spec
    assert bundle["text/html"].startswith("<iframe srcdoc=") and "vegaEmbed" in bundle["text/html"]
    assert "<script src" not in html.unescape(bundle["text/html"])  # nothing fetched
    assert bundle["text/plain"].startswith("<1 rows")
    page = tl.save(tmp_path / "t.html").read_text("utf-8")
    assert "<script src" not in page and page.count("<script>") == 4
    assert json.loads((tl.save(tmp_path / "t.json")).read_text("utf-8")) == tl.spec


def test_the_notebook_counts_the_acts_places_and_datelines_on_request(tmp_path: Path) -> None:
    from dataclasses import replace

    from eventwire.schema import Location

    db = tmp_path / "p.duckdb"
    seoul = Location("Seoul", "KOR", 37.57, 126.98, "dateline", "city")
    with EventStore(db) as store:
        # two unlike stories (neither a syndicated copy of the other)
        store.write([(Article(text=text, id=f"s{n}", date=date(2025, 10, 20 + n)),
                      [replace(make_event(f"s{n}", day=date(2025, 10, 20 + n)),
                               location=replace(seoul, role=role))])
                     for n, (role, text) in enumerate((
                         ("dateline", "SEOUL - India criticized Turkey, a made-up dispatch."),
                         ("event", "Delegates marched in Seoul on Tuesday, made up too.")))])
    handle = eventwire.open(db)
    assert [(r["name"], r["role"], r["events"]) for r in handle.places().rows] == \
        [("Seoul", "event", 1)]
    assert [r["role"] for r in handle.places(place_role="any").rows] == ["dateline", "event"]
    assert {r["article_id"] for r in handle.events(location="Seoul").rows} == {"s1"}
    assert {r["article_id"] for r in
            handle.events(location="Seoul", place_role="dateline").rows} == {"s0"}
