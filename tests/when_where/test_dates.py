from __future__ import annotations

from datetime import date

import pytest

from eventwire.when_where.dates import resolve

ARTICLE = date(2025, 5, 26)  # a Monday


@pytest.mark.parametrize(("expr", "expected", "source"), [
    ("this evening", date(2025, 5, 26), "relative"),
    ("overnight", date(2025, 5, 26), "relative"),
    ("yesterday", date(2025, 5, 25), "relative"),
    ("last Tuesday", date(2025, 5, 20), "relative"),
    ("on Sunday", date(2025, 5, 25), "relative"),
    ("Monday", date(2025, 5, 26), "relative"),      # the article's own weekday is that day
    ("earlier this month", date(2025, 5, 26), "relative"),
    ("two days ago", date(2025, 5, 24), "relative"),
    ("on May 24", date(2025, 5, 24), "explicit"),
    ("4 October 2007", date(2007, 10, 4), "explicit"),
    ("next week", date(2025, 6, 2), "relative"),
])
def test_expressions_against_the_article_date(expr: str, expected: date, source: str) -> None:
    assert resolve(expr, ARTICLE) == (expected, source)


def test_without_an_article_date_only_full_dates_resolve() -> None:
    assert resolve("4 October 2007", None) == (date(2007, 10, 4), "explicit")
    assert resolve("last Tuesday", None) is None
    assert resolve("blue", ARTICLE) is None


@pytest.mark.slow
def test_event_dates_come_from_the_event_clause(coder) -> None:  # type: ignore[no-untyped-def]
    import eventwire

    text = ("Russian forces shelled Kharkiv overnight. On Sunday, Ukraine accused Russia of "
            "targeting homes. On May 3, Japan and India held talks in Tokyo. Poland condemned "
            "Russia for the first time since 2022.")
    got = [(e.type, e.date, e.date_source) for e in eventwire.extract(text, ARTICLE)]
    assert got == [("ASSAULT", date(2025, 5, 26), "relative"),
                   ("ACCUSE", date(2025, 5, 25), "relative"),
                   ("CONSULT", date(2025, 5, 3), "explicit"),
                   ("ACCUSE", ARTICLE, "article")]
