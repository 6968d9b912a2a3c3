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
        return self.articles == 0 and self.stored.unchanged == 0 and bool(self.errors)


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
               on_error: ErrorSink | None = None, allow_private: bool = False
               ) -> Iterator[tuple[Article, list[Event]]]:
    """Each good article from the inputs with its events; bad items go to the report."""
    articles = split_errors(read_inputs(paths, date, allow_private=allow_private), report,
                            on_error)
    for article, events in coder.code(articles):
        report.articles += 1
        report.events += len(events)
        yield article, events


class FirstVersion:
    """The rule for one id given twice in one run (ingest, batch, load, a POST): the first
    version in input order is kept and each later one is skipped with a reason. Across runs a
    changed article replaces the stored one: that is how a corrected article is updated."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, str]] = {}  # id -> (content hash, where first read)

    def reject(self, article: Article) -> ReadError | None:
        """None for the first version of an id; the reason to skip any later one."""
        first = self._seen.get(article.id)
        if first is None:
            self._seen[article.id] = (article.content_hash, article.origin or "?")
            return None
        return ReadError(article.origin or article.id, repeat_reason(
            article.id, first[1], same=first[0] == article.content_hash))

    def sift(self, items: Iterable[Article | ReadError]) -> Iterator[Article | ReadError]:
        """Each article with its id (``Article.with_id``), or the reason it repeats an id;
        errors pass through."""
        for item in items:
            if isinstance(item, ReadError):
                yield item
            else:
                article = item.with_id()
                yield self.reject(article) or article


def repeat_reason(article_id: str, first: str, same: bool) -> str:
    """Why a later article with a known id is skipped (one wording for every entry point)."""
    if same:
        return f"repeats article {article_id!r} of {first}; skipped"
    return (f"id {article_id!r} is already used by {first} for a different text; skipped "
            "(the first version wins: give each article its own id)")


def ingest(paths: Iterable[str], db: str | Path, coder: Coder | None = None,
           date: Date | None = None, on_error: ErrorSink | None = None,
           batch_size: int = 64, allow_private: bool = False) -> Report:
    """Code the inputs and store them; each batch is one transaction. Articles already stored
    with the same content are not coded again (a rerun after a crash picks up where it
    stopped) under the same codebook, and an id given twice keeps its first version (``FirstVersion``)."""
    report = Report()
    coder = coder or Coder()
    items = FirstVersion().sift(read_inputs(paths, date, allow_private=allow_private))
    articles = split_errors(items, report, on_error)
    total = report.stored
    with EventStore(db, hold=False) as store:  # the file is free while a batch is coded
        while batch := list(itertools.islice(articles, batch_size)):
            # (an article coded under another codebook is coded again)
            stored = store.coded_as([a.id for a in batch])
            todo = [a for a in batch
                    if stored.get(a.id) != (a.content_hash, coder.codebook_id)]
            total.unchanged += len(batch) - len(todo)
            coded = list(coder.code(todo))
            report.articles += len(coded)
            report.events += sum(len(events) for _, events in coded)
            result = store.write(coded, coder.codebook_id)
            total.added += result.added
            total.replaced += result.replaced
            total.unchanged += result.unchanged
            total.events += result.events
            total.article_ids += result.article_ids
    return report
