"""Watch RSS/Atom feeds: fetch what is new, code it, store it, and say what happened.

A poll asks each feed conditionally, reads its entries (``parse``: feedparser, with no DTD), and
for each entry whose link it has not seen fetches the page, takes the article out of it
(``pages``), skips it when the same text was already stored under another link, and hands the
new articles to a sink:
the database itself (``StoreSink``, the writer when no server runs) or a running ``eventwire
serve`` (``ServerSink``, which stays the one writer, so the dashboard shows new events at once).
One bad feed, link or page is an error line and a count in the feed's status; it never stops the
poll, and neither does a slow or huge one: each request has a total deadline (``fetch``), a feed
gives at most ``max_new`` new pages per poll and stops taking more once its time budget is spent
(the rest wait for the next poll), and the stop flag is checked between two pages. What the
watcher has seen (links, text hashes, validators) is kept in a small JSON state file, written
atomically after each feed, so a restart (or a kill) does not fetch everything again; an
article is marked seen only after the sink has stored it, so a failed write (a full disk) is
retried at the next poll.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from eventwire.feeds.fetch import Fetcher, FetchError
from eventwire.feeds.pages import article_from_html
from eventwire.feeds.parse import parse_feed
from eventwire.schema import Article

#: How many links and text hashes the state file remembers (oldest forgotten first).
REMEMBER = 200_000
#: A link whose page failed this many polls in a row is given up.
GIVE_UP_AFTER = 3
#: New pages fetched from one feed in one poll, at most; the others wait for the next poll.
MAX_NEW = 50
#: Seconds one feed may take in a poll before it stops taking new pages (one request's
#: deadline may run past it).
FEED_BUDGET = 300.0

Log = Callable[[str], None]


class Sink(Protocol):
    """Where new articles go: ``store`` returns how many were stored (raises when it could
    not store them); ``report`` records each feed's status."""

    def store(self, articles: list[Article]) -> int: ...

    def report(self, statuses: list[dict[str, Any]]) -> None: ...


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll: str | None = None
    last_ok: str | None = None
    last_new: str | None = None
    articles: int = 0
    errors: int = 0
    last_error: str | None = None

    def status(self) -> dict[str, Any]:
        keys = ("url", "last_poll", "last_ok", "last_new", "articles", "errors", "last_error")
        return {k: getattr(self, k) for k in keys}


@dataclass
class PollReport:
    """What one poll did, over every feed."""

    feeds: int = 0
    new: int = 0
    stored: int = 0
    seen: int = 0
    skipped: int = 0
    deferred: int = 0  # new entries left for the next poll (the per-feed cap, budget or a stop)
    stopped: bool = False
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # feeds of which nothing came but errors
    seconds: dict[str, float] = field(default_factory=dict)  # each feed's time in this poll

    @property
    def all_failed(self) -> bool:
        """Every feed failed (none could be read, or each one's every page failed)."""
        return self.feeds > 0 and len(set(self.failed)) == self.feeds

    def summary(self) -> str:
        later = f", {self.deferred} left for the next poll" if self.deferred else ""
        stop = " (stopped early)" if self.stopped else ""
        failed = f", {len(set(self.failed))} feeds failed" if self.failed else ""
        return (f"watch: {self.feeds} feeds, {self.stored} new articles stored, {self.seen} "
                f"already seen, {self.skipped} skipped, {len(self.errors)} errors{failed}"
                f"{later}{stop}")


def _now() -> str:
    return datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


class Watcher:
    """Polls ``feeds`` into ``sink``; ``state`` is the JSON file of what it has seen."""

    def __init__(self, feeds: list[str], sink: Sink, state: Path, fetcher: Fetcher,
                 log: Log = lambda line: None, max_new: int = MAX_NEW,
                 feed_budget: float = FEED_BUDGET) -> None:
        self.feeds = feeds
        self.max_new = max_new
        self.feed_budget = feed_budget
        self.sink = sink
        self.state_path = state
        self.fetcher = fetcher
        self.log = log
        saved = _load(state)
        self.state = {url: FeedState(**{**saved.get("feeds", {}).get(url, {}), "url": url})
                      for url in feeds}
        self.links: dict[str, int] = dict(saved.get("links", {}))  # link -> failures (-1 done)
        self.texts: dict[str, None] = dict.fromkeys(saved.get("texts", []))

    def poll(self, stop: threading.Event | None = None) -> PollReport:
        """One pass over every feed; a set ``stop`` ends it between two pages."""
        stop = stop or threading.Event()
        report = PollReport(feeds=len(self.feeds))
        try:
            for url in self.feeds:
                if stop.is_set():
                    report.stopped = True
                    break
                started = time.monotonic()
                self._poll_feed(self.state[url], report, stop)
                report.seconds[url] = round(time.monotonic() - started, 2)
                self.log(f"watch: {url}: polled in {report.seconds[url]:g} s")
                self._save()  # after each feed: a kill loses at most the feed being polled
        finally:
            # Polls are minutes apart: no connection is worth keeping open until the next one.
            self.fetcher.close()
        report.stopped = report.stopped or stop.is_set()
        try:
            self.sink.report([s.status() for s in self.state.values()])
        except Exception as exc:  # status is best effort: the articles are what matter
            self.log(f"watch: could not record the feeds' status: {exc}")
        return report

    def run(self, every: float, stop: threading.Event) -> None:
        """Poll every ``every`` seconds until ``stop`` is set."""
        while not stop.is_set():
            self.log(self.poll(stop).summary())
            stop.wait(every)

    def _poll_feed(self, feed: FeedState, report: PollReport, stop: threading.Event) -> None:
        started = time.monotonic()
        feed.last_poll = _now()
        try:
            got = self.fetcher.get(feed.url, feed.etag, feed.last_modified)
        except FetchError as exc:
            self._feed_error(feed, str(exc), report)
            return
        errors_in_a_row, feed.last_ok = feed.errors, feed.last_poll
        feed.errors, feed.last_error = 0, None
        if got.not_modified:
            self.log(f"watch: {feed.url}: unchanged (304)")
            return
        parsed = parse_feed(got.body)
        entries = [e for e in parsed.entries if e.get("link")]
        if not entries and parsed.get("bozo"):
            self._feed_error(feed, f"{feed.url}: not a feed "
                                   f"({parsed.get('bozo_exception') or 'no entries'})", report)
            return
        fresh: list[Article] = []
        errors_before = len(report.errors)
        asked = deferred = 0
        for entry in entries:
            link = str(entry["link"])
            if self.links.get(link, 0) < 0 or self.links.get(link, 0) >= GIVE_UP_AFTER:
                report.seen += 1
                continue
            if asked >= self.max_new or stop.is_set() or \
                    time.monotonic() - started > self.feed_budget:
                deferred += 1  # counted, not fetched: the next poll takes it
                continue
            asked += 1
            article = self._article(link, entry, report)
            if article is not None:
                fresh.append(article)
        failed_pages = report.errors[errors_before:]
        if failed_pages:  # the feed's status says so, and counts the poll as one with errors
            feed.errors, feed.last_error = errors_in_a_row + 1, (
                f"{len(failed_pages)} of {asked} pages failed; last: {failed_pages[-1]}")
            if len(failed_pages) == asked:  # nothing came of this feed but errors
                report.failed.append(feed.url)
        if deferred:
            report.deferred += deferred
            self.log(f"watch: {feed.url}: {deferred} new entries left for the next poll")
        if fresh:
            try:
                report.stored += self.sink.store(fresh)
            except Exception as exc:  # a full disk, a server gone: retried at the next poll
                feed.errors = errors_in_a_row  # one poll with errors, whatever failed in it
                self._feed_error(feed, f"{feed.url}: could not store {len(fresh)} articles: "
                                       f"{type(exc).__name__}: {exc}", report)
                return
        # The feed's validators are kept only when nothing is left to fetch or retry: a 304
        # next time must not hide an entry left over, whose page failed or whose article
        # could not be stored.
        if len(report.errors) == errors_before and not deferred:
            feed.etag, feed.last_modified = got.etag, got.last_modified
        if not fresh:
            return
        for article in fresh:
            self.links[article.url or ""] = -1
            self.texts[text_key(article)] = None
        feed.articles += len(fresh)
        feed.last_new = feed.last_poll
        report.new += len(fresh)
        self.log(f"watch: {feed.url}: {len(fresh)} new articles")

    def _article(self, link: str, entry: Any, report: PollReport) -> Article | None:
        try:
            page = self.fetcher.get(link)
            article = article_from_html(page.text, link, link, _entry_date(entry))
        except (FetchError, ValueError) as exc:
            reason = str(exc) if str(exc).startswith(link) else f"{link}: {exc}"
            if isinstance(exc, ValueError):  # not an article: no use asking again
                self.links[link] = -1
                report.skipped += 1
                self.log(f"watch: skipped {reason}")
            else:
                self.links[link] = self.links.get(link, 0) + 1
                report.errors.append(reason)
                self.log(f"watch: error: {reason}")
            return None
        if text_key(article) in self.texts:
            self.links[link] = -1
            report.seen += 1
            self.log(f"watch: {link}: same text as an article already stored; skipped")
            return None
        return article

    def _feed_error(self, feed: FeedState, reason: str, report: PollReport) -> None:
        feed.errors += 1
        feed.last_error = reason
        report.errors.append(reason)
        report.failed.append(feed.url)
        self.log(f"watch: error: {reason}")

    def _save(self) -> None:
        links = list(self.links.items())[-REMEMBER:]
        texts = list(self.texts)[-REMEMBER:]
        data = {"feeds": {u: {k: v for k, v in vars(s).items() if k != "url"}
                          for u, s in self.state.items()},
                "links": dict(links), "texts": texts}
        tmp = self.state_path.with_name(self.state_path.name + ".tmp")
        try:
            tmp.write_text(json.dumps(data), encoding="utf-8")
            os.replace(tmp, self.state_path)
        except OSError as exc:  # the articles are stored; the next poll checks them again
            self.log(f"watch: could not save {self.state_path}: {exc}")


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: not a watch state file ({exc})") from None
    return data if isinstance(data, dict) else {}


def _entry_date(entry: Any) -> str | None:
    """The entry's publication date from the feed (ISO), when it gives one."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None


def text_key(article: Article) -> str:
    """What makes two pages the same story: their text (titles and dates differ by outlet)."""
    return hashlib.sha1(article.text.encode("utf-8")).hexdigest()


def read_feed_list(path: Path) -> list[str]:
    """Feed URLs, one per line; blank lines and # comments ignored."""
    urls = [line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines()]
    return list(dict.fromkeys(u for u in urls if u))

