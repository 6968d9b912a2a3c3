"""Read articles from files, directories and stdin; report every bad item and keep the rest.

Each reader yields ``Article`` or ``ReadError`` items in input order, so a caller can code what is
good and print one line per bad item ("file:line: reason"). Nothing is read whole into memory
except one article at a time (JSONL is streamed line by line).
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import IO

import ftfy

from eventwire.ingest.layout import is_boilerplate
from eventwire.limits import MAX_TEXT_BYTES, date_window
from eventwire.schema import Article

__all__ = ["MAX_TEXT_BYTES", "ReadError", "clean_text", "parse_text_article", "read_inputs"]
_DATE_HEADER = re.compile(r"\A\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b[ \t]*(?:\r?\n)?", re.IGNORECASE)
_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_HTML_SUFFIXES = {".html", ".htm"}
_PARAGRAPH = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"[ \t\r\f\v\n]+")
#: Words a line does not end on unless the sentence runs on to the next line.
_RUNS_ON = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from",
                      "and", "or", "but", "that", "which", "who", "as", "its", "their", "his", "her"})
_LINE_END = re.compile(r"[.!?…:][\"'”’)]*$")


def repair(text: str) -> str:
    """Mojibake and broken Unicode repaired (UTF-8 read as Windows-1252: "â€œ" -> a quotation
    mark), curly quotes kept as written."""
    return ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True)


def _is_own_line(line: str, after: str, width: int, first: bool) -> bool:
    """A line that stands alone even after a single line break: it ends a sentence, or it is
    short, ends without punctuation and the next line starts a new thought (a capital): a
    headline at the top, a byline, a caption, "Advertisement". A hard-wrapped line runs on to
    near the block's ``width`` (0 when no other line shows one)."""
    line = line.strip()
    if _LINE_END.search(line):
        return True
    if not after[:1].isupper() and not after[:1].isdigit():
        return False
    words = line.split()
    if words[-1].lower() in _RUNS_ON:
        return False
    if len(words) == 1:  # one word alone is boilerplate ("Advertisement") or a wrapped name
        return is_boilerplate(line)
    return len(words) <= (25 if first else 8) and (len(line) < 0.8 * width or not width)


def clean_text(text: str) -> str:
    """Repair mojibake, unwrap hard-wrapped lines and squeeze spaces; keep paragraph breaks, and
    lines that stand alone (headlines, bylines, captions) as paragraphs. Offsets in events refer
    to this cleaned text, which is what is stored."""
    out: list[str] = []
    for block in _PARAGRAPH.split(repair(text)):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        # The wrap width of a line: the longest of the other lines that run on to the next (not
        # the last), so the two longest are all that is needed.
        longest = sorted(((len(ln), m) for m, ln in enumerate(lines[:-1])), reverse=True)[:2]
        current: list[str] = []
        for n, line in enumerate(lines):
            current.append(line)
            after = lines[n + 1] if n + 1 < len(lines) else ""
            width = next((size for size, m in longest if m != n), 0)
            if after and _is_own_line(line, after, width, first=not out and n == 0):
                out.append(_SPACES.sub(" ", " ".join(current)).strip())
                current = []
        if current:
            out.append(_SPACES.sub(" ", " ".join(current)).strip())
    return "\n\n".join(p for p in out if p)


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input item that could not be read, with where it is."""

    origin: str  # "path" or "path:line"
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


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
    else:
        raise ValueError(f"date must be a string 'YYYY-MM-DD', got {type(value).__name__}")
    first, last = date_window()
    if not first <= day <= last:
        raise ValueError(f"date {day} outside {first}..{last} (set EVENTWIRE_DATE_RANGE to "
                         "widen it)")
    return day


def parse_text_article(text: str, origin: str, date: Date | None = None) -> Article:
    """A plain-text article; a leading ``date YYYY-MM-DD`` line (or prefix) is its date."""
    found = _DATE_HEADER.match(text)
    header_date = None
    if found:
        header_date = parse_date(found.group(1), origin)
        text = text[found.end():]
    body = clean_text(text)
    if not body:
        raise ValueError("empty article")
    return Article(text=body, date=date or header_date, origin=origin)


def _decode(raw: bytes) -> str:
    if b"\x00" in raw:
        raise ValueError("binary data (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start}); re-encode it as UTF-8") from None


def read_text_file(stream: IO[bytes], origin: str, date: Date | None) -> Iterator[Article | ReadError]:
    """One article from a text stream."""
    raw = stream.read(MAX_TEXT_BYTES + 1)
    try:
        if len(raw) > MAX_TEXT_BYTES:
            raise ValueError(f"larger than {MAX_TEXT_BYTES} bytes; split it into articles")
        if not raw.strip():
            raise ValueError("empty file")
        yield parse_text_article(_decode(raw), origin, date)
    except ValueError as exc:
        yield ReadError(origin, str(exc))


def read_html_file(stream: IO[bytes], origin: str, date: Date | None
                   ) -> Iterator[Article | ReadError]:
    """One article from a saved web page: its title, date and story text, without the markup
    (the extraction ``watch`` uses, ``feeds.pages``)."""
    from eventwire.feeds.pages import article_from_html

    raw = stream.read(MAX_TEXT_BYTES + 1)
    try:
        if len(raw) > MAX_TEXT_BYTES:
            raise ValueError(f"larger than {MAX_TEXT_BYTES} bytes")
        article = article_from_html(_decode(raw), None, origin)
        yield replace(article, date=date) if date else article
    except ValueError as exc:
        yield ReadError(origin, str(exc))


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


def read_jsonl(stream: IO[bytes], origin: str, date: Date | None, first_line: int = 1,
               whole_file: bool = True) -> Iterator[Article | ReadError]:
    """Articles from JSON Lines, one per line; a bad line is an error for that line only.
    ``first_line`` numbers a slice of a larger file (batch units); only a ``whole_file`` with no
    line at all is reported as empty."""
    empty = True
    for lineno, raw in enumerate(stream, start=first_line):
        where = f"{origin}:{lineno}"
        if not raw.strip():
            continue
        empty = False
        try:
            if len(raw) > MAX_TEXT_BYTES * 2:
                raise ValueError("line too large")
            yield article_from_record(parse_json(_decode(raw)), where, date)
        except ValueError as exc:
            yield ReadError(where, str(exc))
    if empty and whole_file:
        yield ReadError(origin, "empty file")


def parse_json(line: str) -> object:
    """One JSON value; malformed or absurdly nested input is a ValueError."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def _is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in (".jsonl", ".ndjson")


def read_path(path: Path, date: Date | None = None) -> Iterator[Article | ReadError]:
    """Articles from a file or, recursively and in name order, a directory."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        for file in files:
            if _is_jsonl(file) or file.suffix.lower() in _TEXT_SUFFIXES | _HTML_SUFFIXES:
                yield from read_path(file, date)
        return
    if not path.exists():
        yield ReadError(str(path), "no such file or directory")
        return
    if not path.is_file():  # a FIFO or a device would block or never end
        yield ReadError(str(path), "not a regular file (a pipe or device?); use - for stdin")
        return
    try:
        with path.open("rb") as stream:
            suffix = path.suffix.lower()
            reader = read_jsonl if _is_jsonl(path) else \
                read_html_file if suffix in _HTML_SUFFIXES else read_text_file
            yield from reader(stream, str(path), date)
    except OSError as exc:
        yield ReadError(str(path), exc.strerror or str(exc))


def read_url(url: str, date: Date | None = None, allow_private: bool = False
             ) -> Iterator[Article | ReadError]:
    """The article at a web address, fetched politely (``feeds.fetch``) and read like a saved
    page (``feeds.pages``)."""
    from eventwire.feeds.fetch import Fetcher, FetchError
    from eventwire.feeds.pages import article_from_html

    fetcher = Fetcher(allow_private=allow_private)
    try:
        page = fetcher.get(url)
        article = article_from_html(page.body.decode("utf-8", errors="replace"), page.url, url,
                                    date.isoformat() if date else None)
        yield replace(article, date=date) if date else article
    except (FetchError, ValueError) as exc:
        yield ReadError(url, str(exc).removeprefix(f"{url}: "))
    finally:
        fetcher.close()


def read_inputs(paths: Iterable[str], date: Date | None = None,
                stdin: IO[bytes] | None = None, allow_private: bool = False
                ) -> Iterator[Article | ReadError]:
    """Every article from the given paths ("-" is stdin: JSONL if it looks like it, else text;
    an http(s) address is fetched)."""
    for name in paths:
        if name.startswith(("http://", "https://")):
            yield from read_url(name, date, allow_private)
        elif name == "-":
            data = (stdin or sys.stdin.buffer).read()
            stream = io.BytesIO(data)
            if data.lstrip().startswith(b"{"):
                yield from read_jsonl(stream, "<stdin>", date)
            else:
                yield from read_text_file(stream, "<stdin>", date)
        else:
            yield from read_path(Path(name), date)
