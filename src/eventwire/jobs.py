"""Read -> code -> store, as plain functions the CLI, the demo and the tests call."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from eventwire.ingest.readers import ReadError, read_inputs
from eventwire.pipeline import Coder
from eventwire.schema import Article, Event
from eventwire.store.db import EventStore, WriteResult

ErrorSink = Callable[[ReadError], None]


@dataclass
class Report:
    """What a run did: articles read and coded, events found, items rejected."""

    articles: int = 0
    events: int = 0
    errors: list[ReadError] = field(default_factory=list)
    stored: WriteResult = field(default_factory=WriteResult)

    @property
    def nothing_done(self) -> bool:
        """True when every input failed: the only case that makes the CLI exit non-zero."""
        return self.articles == 0 and bool(self.errors)


def split_errors(items: Iterable[Article | ReadError], report: Report,
                 on_error: ErrorSink | None) -> Iterator[Article]:
    """Pass articles on; record (and report at once) each bad item."""
    for item in items:
        if isinstance(item, ReadError):
            report.errors.append(item)
            if on_error:
                on_error(item)
        else:
            yield item


def code_paths(paths: Iterable[str], coder: Coder, report: Report, date: Date | None = None,
               on_error: ErrorSink | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """Each good article from the inputs with its events; bad items go to the report."""
    articles = split_errors(read_inputs(paths, date), report, on_error)
    for article, events in coder.code(articles):
        report.articles += 1
        report.events += len(events)
        yield article, events


def ingest(paths: Iterable[str], db: str | Path, coder: Coder | None = None,
           date: Date | None = None, on_error: ErrorSink | None = None,
           batch_size: int = 64) -> Report:
    """Code the inputs and store them; each batch is one transaction."""
    report = Report()
    coded = code_paths(paths, coder or Coder(), report, date, on_error)
    with EventStore(db) as store:
        while batch := list(itertools.islice(coded, batch_size)):
            result = store.write(batch)
            total = report.stored
            total.added += result.added
            total.replaced += result.replaced
            total.unchanged += result.unchanged
            total.events += result.events
            total.article_ids += result.article_ids
    return report
