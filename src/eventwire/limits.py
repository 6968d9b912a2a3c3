"""Limits on input that every entry point (readers, pipeline, API, batch) shares.

News articles are a few kilobytes; these bounds reject runaway input with a reason instead of
letting one item exhaust memory or time. Coding time is linear in the text's length (see
docs/reliability.md), so the largest accepted article costs seconds, not minutes.
"""

from __future__ import annotations

import os
from datetime import date as Date
from datetime import timedelta

#: Articles larger than this (UTF-8 bytes) are rejected: a runaway file, not an article.
MAX_TEXT_BYTES = 2_000_000
#: ``POST /api/extract`` needs no token: its text is bounded to what codes in a few seconds, and
#: only this many such requests code at once (the next gets 503 with Retry-After).
MAX_EXTRACT_CHARS = 100_000
EXTRACT_SLOTS = 2
#: Characters of a caller's input an error message quotes back: enough to recognise it, while a
#: 60 KB query parameter does not come back whole in its 422.
ECHO_CHARS = 60

#: The shortest token ``serve`` starts with: guessed at the guard's one try a second, 16 random
#: characters take longer than any server runs.
MIN_TOKEN_CHARS = 16


def token_problem(token: str, min_chars: int = 0) -> str | None:
    """Why ``token`` cannot guard the server's writes, or None: an HTTP header carries it, so
    printable ASCII only (a client could never send anything else), and at least
    ``min_chars`` characters."""
    if not token.isascii() or not token.isprintable() or " " in token:
        return "must be printable ASCII without spaces (an HTTP header carries it)"
    if len(token) < min_chars:
        return (f"must be at least {min_chars} characters (e.g. python -c \"import secrets; "
                "print(secrets.token_urlsafe(24))\")")
    return None


def echo(value: str) -> str:
    """``value`` quoted for an error message, cut to ``ECHO_CHARS`` characters."""
    if len(value) <= ECHO_CHARS:
        return repr(value)
    return f"{value[:ECHO_CHARS]!r}... ({len(value)} characters)"


def date_window() -> tuple[Date, Date]:
    """The article dates accepted: 1900-01-01 to a year from today, unless
    ``EVENTWIRE_DATE_RANGE=FIRST..LAST`` (ISO dates) says otherwise. A date outside it is a typo
    or a placeholder (9999-12-31) that would stretch every timeline over millennia."""
    setting = os.environ.get("EVENTWIRE_DATE_RANGE", "")
    if setting:
        first, dots, last = setting.partition("..")
        try:
            if not dots:
                raise ValueError
            window = Date.fromisoformat(first.strip()), Date.fromisoformat(last.strip())
        except ValueError:
            raise ValueError(f"EVENTWIRE_DATE_RANGE={setting[:60]!r} is not FIRST..LAST "
                             "(e.g. 1800-01-01..2030-12-31)") from None
        if window[0] > window[1]:
            raise ValueError(f"EVENTWIRE_DATE_RANGE={setting[:60]!r}: FIRST is after LAST")
        return window
    return Date(1900, 1, 1), Date.today() + timedelta(days=366)


#: Texts longer than this (characters) are coded in windows of whole sentences, one spaCy Doc at
#: a time, so an article's memory is bounded by the window, not its length (``windows.py``).
WINDOW_CHARS = 60_000
#: Each window after the first is parsed with this much of the text before it, so pronouns and
#: "the ministry" find what was named just before (coreference looks back a bounded distance).
WINDOW_CONTEXT_CHARS = 8_000
