"""Read lines of a byte stream with a length limit, so one runaway line cannot fill memory.

A line longer than the limit is skipped in blocks and reported by its size; the next line is read
as usual. Used for JSON Lines everywhere (``readers.read_jsonl``, batch planning and units) and to
read stdin without holding it whole.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Protocol

from eventwire.limits import MAX_TEXT_BYTES

#: Longest JSONL line read (bytes): an article at the text limit with JSON escaping to spare.
MAX_LINE_BYTES = 2 * MAX_TEXT_BYTES
_SKIP_BLOCK = 1 << 20


class Hasher(Protocol):
    def update(self, data: bytes, /) -> None: ...


class LineStream(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True, slots=True)
class Line:
    """One line: its bytes (None when it was longer than the limit) and its size in bytes."""

    data: bytes | None
    size: int


def read_lines(stream: LineStream, limit: int = MAX_LINE_BYTES, budget: int | None = None,
               digest: Hasher | None = None) -> Iterator[Line]:
    """Every line of ``stream`` (at most ``budget`` bytes of it), none held beyond ``limit``
    bytes; ``digest`` sees every byte read, skipped ones included."""
    left = budget
    while left is None or left > 0:
        step = limit + 1 if left is None else min(limit + 1, left)
        raw = stream.readline(step)
        if not raw:
            return
        size = len(raw)
        if digest is not None:
            digest.update(raw)
        if left is not None:
            left -= size
        if size <= limit or raw.endswith(b"\n"):
            yield Line(raw, size)
            continue
        del raw  # over the limit: drop what was read, skip the rest of the line in blocks
        while left is None or left > 0:
            block = stream.readline(_SKIP_BLOCK if left is None else min(_SKIP_BLOCK, left))
            if not block:
                break
            size += len(block)
            if digest is not None:
                digest.update(block)
            if left is not None:
                left -= len(block)
            if block.endswith(b"\n"):
                break
        yield Line(None, size)


class _Rejoined(io.RawIOBase):
    """The bytes already looked at, then the rest of the stream (for one buffered reader)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read = getattr(self._rest, "read1", self._rest.read)
        data = read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def peek_start(stream: IO[bytes], limit: int = MAX_TEXT_BYTES) -> tuple[bytes, IO[bytes]]:
    """The first non-blank byte of ``stream`` (b"" if none within ``limit`` bytes) and a stream
    that still yields every byte, read without holding more than the blank prefix."""
    head = bytearray()
    read = getattr(stream, "read1", stream.read)
    while len(head) < limit:
        block = read(1 << 16)
        if not block:
            break
        head += block
        if block.strip():
            break
    start = bytes(head).lstrip()[:1]
    return start, io.BufferedReader(_Rejoined(bytes(head), stream), 1 << 16)
