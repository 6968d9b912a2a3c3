from __future__ import annotations

from datetime import date

import pytest

from eventwire.when_where.dates import period_start, resolve, resolve_precise

ARTICLE = date(2025, 5, 26)  # a Monday


@pytest.mark.parametrize(("expr", "expected", "source", "precision"), [
    ("this evening", date(2025, 5, 26), "relative", "day"),
    ("overnight", date(2025, 5, 26), "relative", "day"),
    ("yesterday", date(2025, 5, 25), "relative", "day"),
    ("last Tuesday", date(2025, 5, 20), "relative", "day"),
    ("on Sunday", date(2025, 5, 25), "relative", "day"),
    ("Monday", date(2025, 5, 26), "relative", "day"),  # the article's own weekday is that day
    ("earlier this month", date(2025, 5, 1), "relative", "month"),  # some day up to the 26th
    ("this week", date(2025, 5, 26), "relative", "week"),  # the week's Monday
    ("two days ago", date(2025, 5, 24), "relative", "day"),
    ("on May 24", date(2025, 5, 24), "explicit", "day"),
    ("4 October 2007", date(2007, 10, 4), "explicit", "day"),
    ("next week", date(2025, 6, 2), "relative", "week"),
    ("last week", date(2025, 5, 19), "relative", "week"),
    ("last month", date(2025, 4, 1), "relative", "month"),
    ("In March 2019", date(2019, 3, 1), "explicit", "month"),  # not the 26th: no made-up day
    ("in 2019", date(2019, 1, 1), "explicit", "year"),
    ("last year", date(2024, 1, 1), "relative", "year"),
])
def test_expressions_against_the_article_date(expr: str, expected: date, source: str,
                                              precision: str) -> None:
    assert resolve_precise(expr, ARTICLE) == (expected, source, precision)
    assert resolve(expr, ARTICLE) == (expected, source)


def test_a_month_in_another_year_keeps_no_day_of_the_article() -> None:
    """The issue's case: "In March 2019" in a story of 2025-10-21 (dateparser fills in the
    21st)."""
    assert resolve_precise("In March 2019", date(2025, 10, 21)) == \
        (date(2019, 3, 1), "explicit", "month")


def test_period_start() -> None:
    day = date(2025, 10, 23)  # a Thursday
    assert [period_start(day, p) for p in ("day", "week", "month", "year")] == \
        [day, date(2025, 10, 20), date(2025, 10, 1), date(2025, 1, 1)]


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
    got = [(e.type, e.date, e.date_source, e.date_precision)
           for e in eventwire.extract(text, ARTICLE)]
    assert got == [("ASSAULT", date(2025, 5, 26), "relative", "day"),
                   ("ACCUSE", date(2025, 5, 25), "relative", "day"),
                   ("CONSULT", date(2025, 5, 3), "explicit", "day"),
                   ("ACCUSE", ARTICLE, "article", "day")]


@pytest.mark.slow
def test_a_month_named_in_the_sentence_is_stored_as_that_month(coder) -> None:  # type: ignore[no-untyped-def]
    import eventwire

    text = "In March 2019, India and Pakistan held talks on the border, officials said."
    got = [(e.type, e.date, e.date_precision)
           for e in eventwire.extract(text, date(2025, 10, 21)) if e.type == "CONSULT"]
    assert got and all(g[1:] == (date(2019, 3, 1), "month") for g in got)
