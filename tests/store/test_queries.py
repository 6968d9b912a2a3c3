from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eventwire.database import Database
from eventwire.schema import Article
from eventwire.store.db import EventStore
from eventwire.store.queries import EventFilter, events
from tests.conftest import make_event


@pytest.fixture()
def db(tmp_path: Path) -> Database:
    path = tmp_path / "q.duckdb"
    rows = [
        ("a1", [make_event("a1", "CONSULT", "IND", "TUR", date(2025, 1, 8), 1, 2.5),
                make_event("a1", "AGREE", "TUR", "IND", date(2025, 1, 8), 1, 2.5, start=40)]),
        ("a2", [make_event("a2", "ACCUSE", "IND", "TUR", date(2025, 5, 9), 3, -3.0),
                make_event("a2", "PROTEST", "IND", "TUR", date(2025, 5, 9), 4, -4.5, start=40)]),
        ("a3", [make_event("a3", "AID", "TUR", "PAK", date(2025, 5, 20), 2, 10.0),
                make_event("a3", "AID", "TUR", "PAK", date(2025, 5, 20), 2, 10.0, start=9,
                           negated=True, sentence="Turkey did not send aid.")]),
    ]
    with EventStore(path) as store:
        store.write([(Article(text=f"text {aid}", id=aid, date=evs[0].date), evs)
                     for aid, evs in rows])
    return Database(path)


def test_filters_by_actor_dyad_type_quad_dates_and_text(db: Database) -> None:
    con = db.con
    assert len(events(con, EventFilter(actor="TUR"))) == 5
    assert len(events(con, EventFilter(actor="TUR", include_negated=True))) == 6
    assert len(events(con, EventFilter(dyad=("TUR", "IND")))) == 4
    assert [r["type"] for r in events(con, EventFilter(source="IND", quad=4)).rows] == ["PROTEST"]
    assert len(events(con, EventFilter(since=date(2025, 5, 1), until=date(2025, 5, 10)))) == 2
    assert len(events(con, EventFilter(type="aid"))) == 1
    assert len(events(con, EventFilter(type="aid", include_negated=True))) == 2
    assert len(events(con, EventFilter(text="criticized"))) == 5
    assert len(events(con, EventFilter(text="%"))) == 0  # LIKE wildcards are literal
    with pytest.raises(ValueError):
        EventFilter(type="HUG").where()


def test_events_are_paged_newest_first(db: Database) -> None:
    page1 = events(db.con, limit=2).rows
    page2 = events(db.con, limit=2, offset=2).rows
    assert [r["date"] for r in page1 + page2] == sorted(
        [r["date"] for r in page1 + page2], reverse=True)
    assert not {r["id"] for r in page1} & {r["id"] for r in page2}


def test_results_as_pandas_and_arrow(db: Database) -> None:
    res = db.events(actor="PAK")
    assert res.df.shape[0] == 1 and res.arrow.num_rows == 1
    assert db.sql("SELECT count(*) AS n FROM articles").rows == [{"n": 3}]


def test_grouped_events_keep_every_report_as_evidence(tmp_path: Path) -> None:
    from eventwire.store.queries import grouped_events

    path = tmp_path / "g.duckdb"
    day = date(2025, 3, 3)
    with EventStore(path) as store:
        store.write([
            (Article(text="India criticized Turkey over drones.", id="g1", date=day),
             [make_event("g1", day=day)]),
            (Article(text="New Delhi criticized Ankara, officials said.", id="g2", date=day),
             [make_event("g2", day=day, sentence="New Delhi criticized Ankara.")]),
        ])
    with Database(path) as database:
        (row,) = grouped_events(database.con).rows
        assert (row["reports"], row["stories"]) == (2, 2)
        assert [e["article_id"] for e in row["evidence"]] == ["g1", "g2"]
        # every filter applies (the date is the event's, not the article's)
        flt = EventFilter(since=date(2025, 3, 1), until=date(2025, 3, 31), article_id="g2")
        (only,) = grouped_events(database.con, flt).rows
        assert only["reports"] == 1


def test_countries_match_by_code_whatever_the_name_and_never_as_substrings(tmp_path: Path) -> None:
    from eventwire.schema import Actor
    from eventwire.store.queries import QueryError

    day = date(2025, 4, 1)
    romanian = replace(make_event("r1", src=None, tgt="OMN", day=day),
                       source=Actor("Romanian officials", 0, 18, "ROU", "GOV"))
    warsaw = replace(make_event("w1", src=None, tgt="USA", day=day),
                     source=Actor("Warsaw", 0, 6, "POL", "GOV"))
    erdogan = replace(make_event("e1", src=None, tgt="IND", day=day),
                      source=Actor("President Erdogan", 0, 17, "TUR", "GOV",
                                   "Recep Tayyip Erdogan"))
    path = tmp_path / "c.duckdb"
    with EventStore(path) as store:
        store.write([(Article(text="x", id=e.article_id, date=day), [e])
                     for e in (romanian, warsaw, erdogan)])
    with Database(path) as database:
        def ids(**kw: object) -> list[str]:
            return sorted(r["article_id"] for r in events(database.con, EventFilter(**kw)).rows)

        assert ids(actor="Oman") == ["r1"]  # the target OMN, not the "Romanian" source
        assert ids(source="Romania") == ids(source="ROU") == ["r1"]
        assert ids(actor="Poland") == ids(actor="POL") == ids(actor="Polish") == ["w1"]
        assert ids(actor="Türkiye") == ids(actor="tur") == ["e1"]
        assert ids(source="Erdogan") == ["e1"] and ids(source="Erdo") == []
        assert ids(dyad=("Poland", "United States")) == ["w1"]
        with pytest.raises(QueryError, match="did you mean"):
            ids(actor="Pakistn")
        with pytest.raises(QueryError, match="unknown country"):
            ids(dyad=("Atlantis", "India"))
