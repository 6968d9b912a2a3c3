"""Run a per-chunk function over items in worker processes, keeping input order.

Workers are forked, so a pipeline already loaded in the parent is shared copy-on-write, and each
worker builds its own otherwise. Results must be picklable records (never Docs: the Doc
extensions hold Spans, which do not travel between processes).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """One worker per available core."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def chunked(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def map_chunks(func: Callable[[Sequence[T]], list[R]], items: Sequence[T], workers: int = 1,
               chunk_size: int = 64) -> Iterator[R]:
    """``func`` over chunks of ``items`` (in order); in-process when ``workers`` is 1."""
    chunks = chunked(items, chunk_size)
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from func(chunk)
        return
    with mp.get_context("fork").Pool(workers) as pool:
        for result in pool.imap(func, chunks):
            yield from result
