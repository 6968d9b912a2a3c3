"""The monthly rollup: kept equal to a full recount by every write, and giving the same counts
as the events themselves for any date range."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from eventwire.analysis.counting import DYADIC, counted
from eventwire.schema import Article
from eventwire.store import rollup
from eventwire.store.db import EventStore
from eventwire.store.queries import EventFilter
from eventwire.when_where.dates import period_start
from tests.conftest import make_event

PAIRS = [("IND", "TUR"), ("TUR", "IND"), ("PAK", "TUR"), ("USA", "CHN"), ("IND", None)]
TYPES = [("ACCUSE", 3, -3.0), ("CONSULT", 1, 2.5), ("ASSAULT", 4, -9.0), ("AID", 2, 7.0)]


def random_articles(seed: int, n: int = 60) -> list[tuple[Article, list]]:
    rng = random.Random(seed)
    items = []
    for i in range(n):
        aid = f"r{seed}-{i}"
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(400))
        events = []
        for k in range(rng.randrange(1, 4)):
            src, tgt = rng.choice(PAIRS)
            type_, quad, score = rng.choice(TYPES)
            event = make_event(aid, type_, src, tgt, day if rng.random() < 0.9 else None,
                               quad, score, start=10 * k, negated=rng.random() < 0.1)
            # some dated only to a week (across two months at times), a month or a year: the
            # rollup leaves out those not inside one month, the events give them
            precision = rng.choice(["day"] * 7 + ["week", "month", "year"])
            if event.date is not None and precision != "day":
                event = replace(event, date=period_start(event.date, precision),
                                date_precision=precision)
            events.append(event)
        words = " ".join(f"w{rng.randrange(10**6)}" for _ in range(12))
        items.append((Article(text=f"Story {aid}: {words}", id=aid, date=day), events))
    return items


def rollup_rows(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return sorted([("typed", *r) for r in con.execute("SELECT * FROM monthly_counts").fetchall()]
                  + [("pairs", *r) for r in con.execute("SELECT * FROM monthly_pairs").fetchall()],
                  key=str)


def test_every_write_keeps_the_rollup_equal_to_a_full_recount(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    with EventStore(db) as store:
        store.write(random_articles(1))
        store.write(random_articles(2, 30))
        # a new version of an article moves its events to another month and type
        changed = Article(text="Story r1-0 rewritten entirely, with other words.", id="r1-0")
        store.write([(changed, [make_event("r1-0", "AID", "IND", "TUR", date(2025, 3, 3), 2,
                                           7.0)])])
        # a syndicated copy adds nothing
        original = store.con.execute("SELECT text FROM articles WHERE id = 'r2-0'").fetchone()
        assert original is not None
        store.write([(Article(text="WIRE - " + original[0], id="copy"),
                      [make_event("copy", "ASSAULT", "USA", "CHN", date(2024, 2, 2), 4, -9.0)])])
        incremental = rollup_rows(store.con)
        store.con.execute("BEGIN")
        rollup.refresh(store.con)
        assert rollup_rows(store.con) == incremental
        store.con.execute("ROLLBACK")
    assert incremental


def _by_pair(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> dict:
    rows = con.execute(f"""SELECT source_party, target_party, quad, sum(weight),
        round(sum(score), 6) FROM {sql} c GROUP BY ALL""", params).fetchall()
    return {r[:3]: r[3:] for r in rows}


@pytest.mark.parametrize(("since", "until"), [
    (None, None), (date(2024, 3, 1), None), (None, date(2024, 6, 30)),
    (date(2024, 2, 15), date(2024, 11, 3)), (date(2024, 5, 2), date(2024, 5, 20)),
    (date(2024, 4, 1), date(2024, 4, 30)), (date(2024, 12, 31), date(2025, 2, 1)),
])
def test_whole_months_from_the_rollup_and_edge_days_from_the_events_agree(
        tmp_path: Path, since: date | None, until: date | None) -> None:
    db = tmp_path / "r.duckdb"
    with EventStore(db) as store:
        store.write(random_articles(3, 120))
        con = store.con
        found = 0
        for scope, where in [(None, "TRUE"), (EventFilter(quad=3), DYADIC),
                             (EventFilter(type="ACCUSE"), "source_party = 'IND'")]:
            slow = _by_pair(con, *counted("event", since, until, where, scope=scope,
                                          monthly=False))
            for by_type in (True, False):
                fast = _by_pair(con, *counted("event", since, until, where, scope=scope,
                                              by_type=by_type))
                assert fast == slow
            found += len(slow)
        assert found

