"""One validator for every article record, whatever it came from (JSONL, Parquet, WARC, a web
page, the API): each way a record can be wrong is a ValueError that names the field and says
why, so every entry point rejects the same things in the same words."""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import datetime

from eventwire.ingest.text import clean_text
from eventwire.limits import MAX_TEXT_BYTES, date_window
from eventwire.schema import Article

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = re.compile(r"[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def parse_date(value: object, origin: str = "") -> Date | None:
    """An ISO date, or the date of a whole ISO timestamp, inside ``limits.date_window``; None
    for null/empty. Anything else ("2025-05-26garbage", 9999-12-31) is a ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, Date):  # a Parquet date or timestamp column
        day = value.date() if isinstance(value, datetime) else value
    elif isinstance(value, str):
        text = value.strip()
        if not _ISO_DATE.match(text) or (len(text) > 10 and not _ISO_TIME.fullmatch(text, 10)):
            raise ValueError(f"bad date {value[:40]!r} (expected YYYY-MM-DD)")
        try:
            day = Date.fromisoformat(text[:10])
        except ValueError:
            raise ValueError(f"bad date {value[:40]!r} (no such day)") from None
        if len(text) > 10:
            try:  # the shape is right; the hour, minute, second and offset must exist too
                datetime.fromisoformat(text)
            except ValueError:
                raise ValueError(f"bad date {value[:40]!r} (no such time of day)") from None
    else:
        raise ValueError(f"date must be a string 'YYYY-MM-DD', got {type(value).__name__}")
    first, last = date_window()
    if not first <= day <= last:
        raise ValueError(f"date {day} outside {first}..{last} (set EVENTWIRE_DATE_RANGE to "
                         "widen it)")
    return day


def article_from_record(record: object, origin: str, date: Date | None = None) -> Article:
    """An Article from one JSON object (JSONL, Parquet, the API): only ``text`` is required.
    Every way a record can be wrong is a ValueError that says which field and why; readers,
    batch and the API all validate through here."""
    if not isinstance(record, dict):
        raise ValueError(f"not a JSON object (a {type(record).__name__})")
    text = _field(record, "text")
    if text is None or not text.strip():
        raise ValueError("missing or empty 'text'")
    if len(text) > MAX_TEXT_BYTES or len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise ValueError(f"'text' larger than {MAX_TEXT_BYTES} bytes; split it into articles")
    text = clean_text(text)
    if not text:
        raise ValueError("'text' has no words")
    number = record.get("id")
    # 42 and "42" name the same article
    rid = str(number) if type(number) is int else _field(record, "id")
    return Article(
        text=text,
        id=rid or "",
        date=date or parse_date(record.get("date"), origin),
        title=_field(record, "title") or None,
        url=_field(record, "url") or None,
        source=_field(record, "source") or None,
        origin=origin,
    )


def _field(record: dict[str, object], name: str) -> str | None:
    """A text field: a string of valid Unicode without NUL characters, or absent/null."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"'{name}' must be a string, not {type(value).__name__}")
    problem = text_problem(value)
    if problem:
        raise ValueError(f"'{name}' {problem}")
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(value: str) -> str | None:
    """Why a string cannot be stored as text (a lone surrogate, a NUL), or None."""
    bad = _SURROGATE.search(value)
    if bad:
        return f"is not valid Unicode (a lone surrogate at character {bad.start()})"
    if "\x00" in value:
        return f"contains a NUL character at {value.index(chr(0))} (binary data?)"
    return None
