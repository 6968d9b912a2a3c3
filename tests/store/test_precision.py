"""Schema v7: a database written before date precisions existed gets each event's precision
from the date expression it kept, its coarse dates moved to their period's first day, and the
rollup counted again, as a database written now would hold them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb

from eventwire.schema import Article, Event
from eventwire.store.db import SCHEMA_VERSION, EventStore, connect
from tests.conftest import make_event
from tests.store.older import older_file

PUBLISHED = date(2025, 10, 21)
#: (date expression, the date the coder stored before v7, the date and precision it stores now)
CASES = [
    ("In March 2019", date(2019, 3, 21), date(2019, 3, 1), "month"),
    ("last week", date(2025, 10, 14), date(2025, 10, 13), "week"),
    ("in 2019", date(2019, 10, 21), date(2019, 1, 1), "year"),
    ("on Monday", date(2025, 10, 20), date(2025, 10, 20), "day"),
    (None, PUBLISHED, PUBLISHED, "day"),  # the publication date
]


def _records(old: bool) -> list[tuple[Article, list[Event]]]:
    """Made-up events of one India-Pakistan story, dated as the coder before v7 (``old``) or
    now dates them."""
    events = []
    for n, (text, before, now, precision) in enumerate(CASES):
        e = make_event("p1", "CONSULT", "IND", "PAK", before if old else now, 1, 4.0,
                       start=10 * n)
        events.append(replace(
            e, date_source="article" if text is None else "explicit",
            attributes={"date_text": text} if text else {},
            date_precision="day" if old else precision))  # type: ignore[arg-type]
    article = Article(text="India and Pakistan held talks, a story made up for this test.",
                      id="p1", date=PUBLISHED)
    return [(article, events)]



def _dates(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute("""SELECT attributes, date, date_precision FROM events
        ORDER BY trigger_start""").fetchall()


def _rollup(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return sorted(con.execute("SELECT * FROM monthly_counts").fetchall(), key=str) + \
        sorted(con.execute("SELECT * FROM monthly_pairs").fetchall(), key=str)


def test_a_v6_file_gets_precisions_period_dates_and_its_rollup_on_open(tmp_path: Path) -> None:
    before = tmp_path / "before.duckdb"
    with EventStore(before) as store:
        store.write(_records(old=True))
    now = tmp_path / "now.duckdb"
    with EventStore(now) as store:
        store.write(_records(old=False))
        expected, expected_rollup = _dates(store.con), _rollup(store.con)
    old = tmp_path / "v6.duckdb"
    older_file(old, 6, before, rollup=True)
    check = duckdb.connect(str(old), read_only=True)
    assert check.execute("SELECT max(version) FROM schema_version").fetchone() == (6,)
    # v6 counted every dated event in its month: March and October 2019, October 2025
    assert check.execute("SELECT count(*) FROM monthly_counts").fetchone() == (3,)
    check.close()

    con = connect(old)  # migrates
    try:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() \
            == (SCHEMA_VERSION,)
        found = _dates(con)
        assert found == expected
        assert [(d, p) for _, d, p in found] == [(now, p) for _, _, now, p in CASES]
        # March 2019 and October 2025 (the week of the 13th and two days) are inside a month;
        # "in 2019" is not in the rollup
        assert _rollup(con) == expected_rollup
        months = {r[0] for r in con.execute("SELECT month FROM monthly_counts").fetchall()}
        assert months == {date(2019, 3, 1), date(2025, 10, 1)}
    finally:
        con.close()


def test_an_undated_event_keeps_no_precision(tmp_path: Path) -> None:
    db = tmp_path / "u.duckdb"
    with EventStore(db) as store:
        store.write([(Article(text="Undated, made up.", id="u1"),
                      [make_event("u1", day=None)])])  # type: ignore[arg-type]
        assert store.con.execute("SELECT date, date_precision FROM events").fetchall() == \
            [(None, None)]
