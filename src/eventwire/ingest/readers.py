"""Read articles from files, directories and stdin; report every bad item and keep the rest.

Each reader yields ``Article`` or ``ReadError`` items in input order, so a caller can code what is
good and print one line per bad item ("file:line: reason"). Nothing is read whole into memory
except one article at a time (JSONL and stdin are streamed, lines read with a length limit).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import IO

from eventwire.feeds.fetch import Fetcher, FetchError
from eventwire.feeds.pages import article_from_html
from eventwire.ingest.lines import MAX_LINE_BYTES, Line, peek_start, read_lines
from eventwire.ingest.records import article_from_record, parse_date, text_problem
from eventwire.ingest.text import clean_text, repair
from eventwire.limits import MAX_TEXT_BYTES
from eventwire.schema import Article

__all__ = ["MAX_TEXT_BYTES", "ReadError", "article_from_record", "clean_text", "parse_date",
           "parse_text_article", "read_inputs", "repair", "text_problem"]
_DATE_HEADER = re.compile(r"\A\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b[ \t]*(?:\r?\n)?", re.IGNORECASE)
_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_HTML_SUFFIXES = {".html", ".htm"}


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input item that could not be read, with where it is."""

    origin: str  # "path" or "path:line"
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


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
    raw = stream.read(MAX_TEXT_BYTES + 1)
    try:
        if len(raw) > MAX_TEXT_BYTES:
            raise ValueError(f"larger than {MAX_TEXT_BYTES} bytes")
        yield _page_article(_decode(raw), None, origin, date)
    except ValueError as exc:
        yield ReadError(origin, str(exc))


def _page_article(html: str, url: str | None, origin: str, date: Date | None) -> Article:
    """The article of a web page; ``date`` (the command line's) overrides the page's own."""
    article = article_from_html(html, url, origin)
    return replace(article, date=date) if date else article


def read_jsonl(stream: IO[bytes], origin: str, date: Date | None, first_line: int = 1,
               whole_file: bool = True) -> Iterator[Article | ReadError]:
    """Articles from JSON Lines, one per line; a bad line is an error for that line only.
    ``first_line`` numbers a slice of a larger file (batch units); only a ``whole_file`` with no
    line at all is reported as empty."""
    empty = True
    for lineno, line in enumerate(read_lines(stream), start=first_line):
        item = jsonl_item(line, f"{origin}:{lineno}", date)
        if item is not None:
            empty = False
            yield item
    if empty and whole_file:
        yield ReadError(origin, "empty file")


def jsonl_item(line: Line, where: str, date: Date | None) -> Article | ReadError | None:
    """The article of one JSONL line, or its error (None for a blank line)."""
    if line.data is None:
        return ReadError(where, f"line of {line.size} bytes, longer than the {MAX_LINE_BYTES}"
                                f"-byte limit (an article's text is at most {MAX_TEXT_BYTES} "
                                "bytes); skipped")
    if not line.data.strip():
        return None
    try:
        return article_from_record(parse_json(_decode(line.data)), where, date)
    except ValueError as exc:
        return ReadError(where, str(exc))


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
    fetcher = Fetcher(allow_private=allow_private)
    try:
        page = fetcher.get(url)
        yield _page_article(page.text, page.url, url, date)
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
            # Streamed: a JSONL stdin is read a line at a time, a text one up to the size limit.
            start, stream = peek_start(stdin or sys.stdin.buffer)
            if start == b"{":
                yield from read_jsonl(stream, "<stdin>", date)
            else:
                yield from read_text_file(stream, "<stdin>", date)
        else:
            yield from read_path(Path(name), date)
