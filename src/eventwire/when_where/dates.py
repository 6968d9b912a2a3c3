"""When an event happened: the date expression in the trigger's clause, against the article date.

Own rules cover what dateparser gets wrong or misses in news copy: "overnight", "earlier this
month", "this evening", "today", and weekdays (news "on Monday" means the last Monday on or
before the article date, the article's own day included). dateparser does the rest ("last
Tuesday", "two days ago", "on May 24", "4 October 2007"), with the article date as its base.
``date_source`` is ``explicit`` (a calendar date is written), ``relative`` (worked out from the
article date) or ``article`` (no expression: the publication date).

``date_precision`` is how much of the date the expression gives: ``day``, ``week`` ("last
week", "this week"), ``month`` ("in March 2019", "earlier this month", "last month") or ``year``
("in 2019", "last year"). A coarser date is the first day of its period (a week's Monday), so
no day is made up from the article's: "in March 2019" in a 2025-10-21 story is 2019-03-01,
``month``, not 2019-03-21.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from eventwire.schema import DatePrecision, DateSource
from eventwire.spans import entities_in

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
_SAME_DAY = {"today", "tonight", "overnight", "this morning", "this afternoon", "this evening",
             "earlier today", "later today", "on the same day"}
_PERIOD_START: dict[str, DatePrecision] = {
    "this month": "month", "earlier this month": "month", "this year": "year",
    "earlier this year": "year", "this week": "week", "earlier this week": "week"}
#: dateparser's period of a parsed expression, as a precision ("time": a clock time, one day).
_PERIODS: dict[str, DatePrecision] = {"time": "day", "day": "day", "week": "week",
                                      "month": "month", "year": "year"}
_FUTURE = re.compile(r"\b(next|tomorrow|coming|later this|upcoming)\b")
_ARTICLE_WORDS = re.compile(r"^(on|in|since|by|from|during|at)\s+", re.IGNORECASE)


def _is_explicit(text: str) -> bool:
    low = text.lower()
    return bool(re.search(r"\b\d{4}\b", low)) or any(
        re.search(rf"\b{m}\b", low) for m in _MONTHS) or bool(re.search(r"\d+/\d+", low))


def period_start(day: Date, precision: DatePrecision) -> Date:
    """The first day of the week (Monday), month or year ``day`` is in (``day`` itself for
    day precision): the date stored for an event known to that precision."""
    if precision == "week":
        return day - timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


def resolve(expression: str, article: Date | None) -> tuple[Date, DateSource] | None:
    """A date expression as a date (and how it was derived), or None (``resolve_precise``
    without the precision)."""
    found = resolve_precise(expression, article)
    return None if found is None else (found[0], found[1])


@lru_cache(maxsize=4096)
def resolve_precise(expression: str, article: Date | None
                    ) -> tuple[Date, DateSource, DatePrecision] | None:
    """A date expression as (the first day of the period it names, how it was derived, its
    precision), or None."""
    text = _ARTICLE_WORDS.sub("", expression.strip().lower()).strip(" ,.")
    if not text:
        return None
    if article is not None:
        if text in _SAME_DAY:
            return article, "relative", "day"
        if text in ("yesterday", "last night", "yesterday evening", "yesterday morning"):
            return article - timedelta(days=1), "relative", "day"
        if text in _PERIOD_START:  # somewhere in the period up to the article: the period
            precision = _PERIOD_START[text]
            return period_start(article, precision), "relative", precision
        if text in _WEEKDAYS or (text.rstrip("s") in _WEEKDAYS):
            back = (article.weekday() - _WEEKDAYS.index(text.rstrip("s"))) % 7
            return article - timedelta(days=back), "relative", "day"
    explicit = _is_explicit(text)
    if article is None and not (explicit and re.search(r"\b\d{4}\b", text)):
        return None
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "future" if _FUTURE.search(text) else "past",
        "RETURN_AS_TIMEZONE_AWARE": False}
    if article is not None:
        settings["RELATIVE_BASE"] = datetime(article.year, article.month, article.day)
    # The parser's period says which parts the text gave: the day it fills in for "March
    # 2019" is the article's, so it is dropped.
    data = _parser(tuple(sorted(settings.items()))).get_date_data(text)
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    if article is not None and abs((found - article).days) > 366 * 30:
        return None  # a number read as a year, or similar
    precision = _PERIODS.get(data.period or "day", "day")
    return period_start(found, precision), "explicit" if explicit else "relative", precision


@lru_cache(maxsize=64)
def _parser(settings: tuple[tuple[str, Any], ...]) -> Any:
    """dateparser's English parser for these settings (built once: building it is slow)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=dict(settings))


#: Slots of a noun phrase: a gerund in one is a noun ("police firing left two dead").
_NOUN_SLOTS = {"nsubj", "nsubjpass", "csubj", "dobj", "pobj"}


def _clause_head(token: Token) -> Token:
    """The verb whose clause a trigger sits in (the trigger itself for verbs, but not for a
    gerund used as a noun, or read as one's modifier: "deaths due to police firing", "police
    firing left two dead" are counted in the clause it sits in)."""
    tok = token
    while (tok.pos_ not in ("VERB", "AUX") or tok.dep_ in _NOUN_SLOTS
           or (tok.dep_ == "acl" and tok.tag_ == "VBG")) and tok.head.i != tok.i:
        tok = tok.head
    return tok


def clause_of(trigger: Token) -> Span:
    """The words of the trigger's clause (its verb's subtree)."""
    head = _clause_head(trigger)
    return trigger.doc[head.left_edge.i:head.right_edge.i + 1]


#: Prepositions that bound a period rather than date the event ("talks since 2022").
_NOT_WHEN = {"since", "until", "till", "before", "after", "by", "for", "over", "through",
             "throughout", "from", "to", "ago"}


def _dates_the_event(ent: Span) -> bool:
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in _NOT_WHEN:
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return not (before is not None and before.lower_ in _NOT_WHEN)


def date_expressions(trigger: Token) -> list[Span]:
    """DATE/TIME entities (and "overnight") in the trigger's clause that date the event (not
    "since 2022"), nearest first."""
    head = _clause_head(trigger)
    sent = trigger.sent
    found: list[Span] = []
    for ent in entities_in(sent):
        if ent.label_ not in ("DATE", "TIME") or not _dates_the_event(ent):
            continue
        root = ent.root
        if root.i == head.i or head in root.ancestors or root.head.i == head.i:
            # stop at a clause boundary between the entity and the head
            found.append(ent)
    for tok in sent:
        if tok.lower_ == "overnight" and (tok.head.i == head.i or tok.head.i == trigger.i):
            found.append(sent.doc[tok.i:tok.i + 1])
    return sorted(found, key=lambda s: abs(s.start - trigger.i))


def event_date(trigger: Token, article: Date | None
               ) -> tuple[Date | None, DateSource, str | None, DatePrecision | None]:
    """(date, how it was derived, the expression read, its precision) for the event at
    ``trigger``; the publication date is a day."""
    for expr in date_expressions(trigger):
        resolved = resolve_precise(expr.text, article)
        if resolved is not None:
            return resolved[0], resolved[1], expr.text, resolved[2]
    if article is not None:
        return article, "article", None, "day"
    return None, "unknown", None, None
