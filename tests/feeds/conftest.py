"""Every fetcher a feeds test makes is closed after the test, so none of its kept connections is
left for the garbage collector (an unclosed socket is a ResourceWarning, an error here)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from eventwire.feeds.fetch import Fetcher


@pytest.fixture(autouse=True)
def _close_fetchers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    made: list[Fetcher] = []
    init = Fetcher.__init__

    def tracked(self: Fetcher, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Fetcher, "__init__", tracked)
    yield
    for fetcher in made:
        fetcher.close()
