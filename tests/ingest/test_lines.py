from __future__ import annotations

import hashlib
import io

from eventwire.ingest.lines import Line, peek_start, read_lines


def test_lines_over_the_limit_are_skipped_and_sized_and_every_byte_is_digested() -> None:
    data = b"short\n" + b"x" * 50 + b"\n" + b"no break"
    h = hashlib.sha1()
    lines = list(read_lines(io.BytesIO(data), limit=20, digest=h))
    assert lines == [Line(b"short\n", 6), Line(None, 51), Line(b"no break", 8)]
    assert h.hexdigest() == hashlib.sha1(data).hexdigest()


def test_a_budget_stops_reading_at_its_byte() -> None:
    data = b"one\ntwo\nthree\n"
    stream = io.BytesIO(data)
    assert [line.data for line in read_lines(stream, limit=20, budget=8)] == [b"one\n", b"two\n"]
    assert stream.tell() == 8


def test_peek_start_finds_the_first_byte_and_gives_every_byte_back() -> None:
    data = b"  \n\n" + b" " * 70_000 + b'{"text": "x"}\n'
    start, stream = peek_start(io.BytesIO(data))
    assert start == b"{" and stream.read() == data
    assert peek_start(io.BytesIO(b""))[0] == b""
