"""The fetcher against a hostile server on 127.0.0.1 (tests/feeds/hostile.py): bodies are
decoded with the size limit counted as they inflate, so a decompression bomb is refused while
memory stays near the limit (measured with tracemalloc, which sees every bytes object made)."""

from __future__ import annotations

import contextlib
import tracemalloc
from collections.abc import Callable, Iterator

import pytest

from eventwire.feeds.fetch import Body, Fetcher, FetchError
from tests.feeds.hostile import Hostile, hostile_server

LIMIT = 1_000_000


@pytest.fixture(scope="module")
def hostile() -> Iterator[Hostile]:
    with hostile_server(bomb_bytes=32_000_000) as h:  # each bomb inflates 32 times the limit
        for path in ("/gzip.rss", "/stacked.rss"):  # the server makes them, outside the count
            with contextlib.suppress(FetchError):
                fetcher().get(h.url(path))
        yield h


def fetcher() -> Fetcher:
    return Fetcher(allow_private=True, timeout=5.0, retries=0, per_host_interval=0.0,
                   max_bytes=LIMIT)


def peak_bytes(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        call()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def test_a_gzip_bomb_is_refused_before_it_inflates_past_the_limit(hostile: Hostile) -> None:
    def fetch() -> None:
        with pytest.raises(FetchError, match=f"larger than {LIMIT} bytes"):
            fetcher().get(hostile.url("/gzip.rss"))

    assert peak_bytes(fetch) < 4 * LIMIT


def test_stacked_encodings_are_refused(hostile: Hostile) -> None:
    def fetch() -> None:
        with pytest.raises(FetchError, match=r"stacked content encodings \(gzip, gzip\)"):
            fetcher().get(hostile.url("/stacked.rss"))

    assert peak_bytes(fetch) < 4 * LIMIT


@pytest.mark.parametrize("path", ["/gzipped.rss", "/deflated.rss", "/raw-deflated.rss"])
def test_compressed_feeds_within_the_limit_are_decoded(hostile: Hostile, path: str) -> None:
    plain = fetcher().get(hostile.url("/good.rss")).body
    assert plain.startswith(b"<?xml") and fetcher().get(hostile.url(path)).body == plain


def test_the_limit_counts_decoded_bytes_chunk_by_chunk() -> None:
    import zlib

    packed = zlib.compress(bytes(50_000))
    body = Body("http://x/", "deflate", 10_000)
    with pytest.raises(FetchError, match="larger than 10000 bytes"):
        for i in range(0, len(packed), 7):  # as it comes off the wire, a few bytes at a time
            body.feed(packed[i:i + 7])
    assert body.size <= 10_001
    with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
        Body("http://x/", "br", 10)
    broken = Body("http://x/", "gzip", 100)
    with pytest.raises(FetchError, match="not valid gzip"):
        broken.feed(b"this is not gzip at all")
