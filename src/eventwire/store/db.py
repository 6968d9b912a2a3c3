"""The DuckDB file: schema migrations, the one writer, and how processes share the file.

Writes are idempotent and atomic per batch: an unchanged article (same content hash) is skipped, a
changed one has its events replaced, and a batch that fails leaves the database as it was.

DuckDB lets one process at a time open a file (a writer excludes every other process, readers
included). So no process keeps it longer than it needs: the server and ``ingest`` hold it for a
burst of requests or one batch (``EventStore.session``), and whoever finds it taken waits up to
``LOCK_WAIT`` seconds for it (``connect``) before saying who holds it.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from eventwire import __version__
from eventwire.schema import Article, Event
from eventwire.store.codes import fill_codes
from eventwire.store.dedup import MARK_DUPLICATES_SQL, simhash
from eventwire.store.fatalities import fill_fatalities
from eventwire.store.place_roles import fill_place_roles
from eventwire.store.precision import fill_precision
from eventwire.store.rollup import months_of, refresh
from eventwire.store.rows import event_row
from eventwire.store.versions import (
    Repeat,
    kept_events_sql,
    open_versions,
    parts,
    recorded_repeats,
    repeat_rows,
)

SCHEMA_VERSION = 10
#: Migration n brings a database from version n-1 to n. Version 1 is the base schema.
MIGRATIONS: dict[int, str] = {
    1: resources.files("eventwire.store").joinpath("schema.sql").read_text("utf-8"),
    2: resources.files("eventwire.store").joinpath("schema_v2.sql").read_text("utf-8"),
    3: resources.files("eventwire.store").joinpath("schema_v3.sql").read_text("utf-8"),
    4: resources.files("eventwire.store").joinpath("schema_v4.sql").read_text("utf-8"),
    5: resources.files("eventwire.store").joinpath("schema_v5.sql").read_text("utf-8"),
    6: resources.files("eventwire.store").joinpath("schema_v6.sql").read_text("utf-8"),
    7: resources.files("eventwire.store").joinpath("schema_v7.sql").read_text("utf-8"),
    8: resources.files("eventwire.store").joinpath("schema_v8.sql").read_text("utf-8"),
    9: resources.files("eventwire.store").joinpath("schema_v9.sql").read_text("utf-8"),
    10: resources.files("eventwire.store").joinpath("schema_v10.sql").read_text("utf-8"),
}


#: Seconds a process waits for another to release the file before giving up (default of
#: ``EVENTWIRE_LOCK_WAIT``).
LOCK_WAIT = 20.0
#: A waiting process tries again at least this often (it backs off from 20 ms up to this).
MAX_PAUSE = 0.1
#: A shared store lets the file go after this many idle seconds (a dashboard's burst of requests
#: reuses one connection and its cache) ...
LINGER = 0.5
#: ... and once it has held the file this long it admits no new session: the running ones end,
#: it lets the file go and stays off it for ``STEP_ASIDE`` seconds (more than a waiter's
#: ``MAX_PAUSE``, so a waiting ``query`` or ``ingest`` gets its turn however busy the server is),
#: then opens it again for the sessions that queued meanwhile.
MAX_HOLD = 3.0
STEP_ASIDE = 0.3


class StoreError(RuntimeError):
    """The database file cannot be used, in one line: why, and what to do."""


def lock_wait() -> float:
    """``EVENTWIRE_LOCK_WAIT`` (seconds, default ``LOCK_WAIT``); a value that is not a
    number of seconds is a ``StoreError`` naming the variable."""
    setting = os.environ.get("EVENTWIRE_LOCK_WAIT", "").strip()
    if not setting:
        return LOCK_WAIT
    try:
        seconds = float(setting)
    except ValueError:
        seconds = float("nan")
    if not seconds >= 0:  # also false for NaN
        raise StoreError(f"EVENTWIRE_LOCK_WAIT={setting[:40]!r} is not a number of seconds "
                         "(e.g. 20)")
    return seconds


class SchemaTooNew(StoreError):
    """The file was written by a newer eventwire: neither read nor written here."""

    def __init__(self, found: int) -> None:
        super().__init__(f"database schema v{found} is newer than this eventwire's "
                         f"(v{SCHEMA_VERSION}): upgrade eventwire to use this file")


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """End a failed transaction. A COMMIT that failed (a full disk) has already ended it, and
    the ROLLBACK's own "no transaction is active" must not hide why the COMMIT failed."""
    with suppress(duckdb.Error):
        con.execute("ROLLBACK")


def failure(exc: duckdb.Error) -> str:
    """One line for a DuckDB error met in the middle of a command (not when opening the file):
    a truncated or damaged file, a full disk."""
    text = (str(exc).splitlines() or [type(exc).__name__])[0]
    lower = text.lower()
    if "could not read enough bytes" in lower or "corrupt" in lower or "checksum" in lower:
        return (f"the database file is truncated or damaged ({text}); restore it from a "
                "copy, or give another --db")
    if "file too large" in lower or "no space left" in lower or "disk quota" in lower:
        return (f"could not write the database ({text}): the disk is full (or the file-size "
                "limit reached); what was being written was not stored")
    return f"database error: {text}"


class StoreBusy(StoreError):
    """Another process kept the file longer than we would wait (``holder``: its process id,
    when DuckDB names it)."""

    def __init__(self, message: str, holder: str | None = None) -> None:
        super().__init__(message)
        self.holder = holder


def connect(path: str | Path, read_only: bool = False,
            wait: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open (and, for writers, create or migrate) an eventwire database, waiting up to ``wait``
    seconds (default ``LOCK_WAIT``) while another process holds it. A file that cannot be used
    is a ``StoreError`` that says why (``FileNotFoundError`` for a reader's missing file)."""
    if Path(path).is_dir():
        raise StoreError(f"{path} is a directory, not a database file (e.g. {Path(path) / 'events.duckdb'})")
    if read_only and not Path(path).exists():
        raise FileNotFoundError(f"no database at {path}")
    wait = lock_wait() if wait is None else wait
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            if _locked(exc) and time.monotonic() + pause < deadline:
                time.sleep(pause)  # another process has it for a moment: wait our turn
                pause = min(pause * 2, MAX_PAUSE)
                continue
            if _locked(exc):
                raise StoreBusy(_why(path, exc, wait), _holder(exc)) from None
            raise StoreError(_why(path, exc, wait)) from None
        try:
            if not read_only:
                migrate(con)
            else:
                found = check_version(con)  # a reader refuses a newer file as a writer does
                if found < SCHEMA_VERSION:
                    con.close()  # a read-only open cannot migrate: upgrade first, then read
                    _upgrade(path, found)
                    con = duckdb.connect(str(path), read_only=True)
            return con
        except SchemaTooNew as exc:
            con.close()
            raise StoreError(f"{path}: {exc}") from None
        except (duckdb.Error, OSError) as exc:
            con.close()
            raise StoreError(_why(path, exc, wait)) from None


def stored_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version a database file is at (0: no eventwire tables yet)."""
    (known,) = con.execute("""SELECT count(*) FROM information_schema.tables
        WHERE table_name = 'schema_version' AND table_schema = 'main'""").fetchall()[0]
    if not known:
        return 0
    (version,) = con.execute(
        "SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0]
    return int(version)


def stored_version_of(path: str | Path) -> int:
    """``stored_version`` of a file, opened read-only for a moment."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return stored_version(con)
    finally:
        con.close()


def upgrade(path: str | Path) -> tuple[int, int]:
    """Migrate a database file to this schema; (version before, version now)."""
    if not Path(path).exists():
        raise FileNotFoundError(f"no database at {path}")
    before = stored_version_of(path)
    connect(path).close()
    return before, SCHEMA_VERSION


def _upgrade(path: str | Path, version: int) -> None:
    """Bring a file a reader found at an older schema to this one with one short writable open;
    a file this process may not write is a ``StoreError`` saying how to upgrade it.

    Readers (the notebook handle, ``query``, ``export``) open the file read-only, which cannot
    migrate, and the older tables lack the columns every query now reads."""
    if version == 0:
        raise StoreError(f"{path} is not an eventwire database (no schema_version table): "
                         "give another --db")
    target = Path(path)
    if not (os.access(target, os.W_OK) and os.access(target.parent, os.W_OK)):
        raise StoreError(f"{path} is at schema v{version} and this eventwire reads "
                         f"v{SCHEMA_VERSION}, but the file is read-only here: run 'eventwire "
                         f"upgrade --db {path}' where it is writable, or copy it somewhere "
                         "writable")
    con = duckdb.connect(str(path))
    try:
        migrate(con)
    finally:
        con.close()


def _locked(exc: Exception) -> bool:
    return "lock" in str(exc).lower()


def _holder(exc: Exception) -> str | None:
    found = re.search(r"\(PID (\d+)\)", str(exc))
    return found.group(1) if found else None


def _why(path: str | Path, exc: Exception, waited: float) -> str:
    text = str(exc)
    if _locked(exc):
        holder = _holder(exc)
        who = f"process {holder}" if holder else "another process"
        return (f"{path} has been held by {who} for over {waited:g} s (a long 'load' or "
                "'ingest' batch, a notebook?): wait for it or stop it, or raise "
                "EVENTWIRE_LOCK_WAIT")
    if "not a valid DuckDB database" in text:
        return f"{path} is not an eventwire database (not a DuckDB file): give another --db"
    if isinstance(exc, PermissionError) or "permission denied" in text.lower() \
            or "read-only" in text.lower():
        return f"cannot write {path} (read-only file or folder): give a writable --db"
    return f"cannot open {path}: {text.splitlines()[0] if text else type(exc).__name__}"


def check_version(con: duckdb.DuckDBPyConnection) -> int:
    """The file's schema version (``stored_version``); ``SchemaTooNew`` past ours."""
    current = stored_version(con)
    if current > SCHEMA_VERSION:
        raise SchemaTooNew(current)
    return current


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply pending migrations in one transaction each; returns the version now in force."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    current = check_version(con)
    for version in range(current + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(MIGRATIONS[version])
            if version == 6:
                # Codes and parties of the actors already stored (store.codes); v7 counts the
                # rollup (v5's, by party since v6)
                fill_codes(con)
            if version == 7:
                # Precisions of the dates already stored (store.precision), then the rollup
                # counting every event stored (by party, of events dated inside one month):
                # v5 and v6 leave it to v7, the first version whose columns it reads.
                fill_precision(con)
                refresh(con)
            if version == 9:  # the deaths of the events already stored (store.fatalities)
                fill_fatalities(con)
            if version == 10:  # roles and precisions of the places already stored
                fill_place_roles(con)
            con.execute("INSERT INTO schema_version VALUES (?)", [version])
            con.execute("COMMIT")
        except Exception:
            rollback(con)
            raise
    return SCHEMA_VERSION


def quotes_json(article: Article) -> str:
    """The article's quotations as stored (a JSON list)."""
    return json.dumps([q.to_dict() for q in article.quotes], ensure_ascii=False)


def mark_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """Point newly written syndicated copies at their original (inside the writer's transaction)."""
    con.execute(MARK_DUPLICATES_SQL)
    con.execute("UPDATE articles SET dedup_checked = true WHERE NOT dedup_checked")


@dataclass
class WriteResult:
    """What a write did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    article_ids: list[str] = field(default_factory=list)
    #: (where, id, where the kept version came from, same content) for each later version of an
    #: id that was left out (``load`` of a batch folder)
    repeats: list[Repeat] = field(default_factory=list)


class EventStore:
    """The single writer and the reader of one database file.

    ``hold=True`` (a short command such as ``load``) opens the file now and keeps it until
    ``close``. ``hold=False`` (the server, ``ingest``, a notebook) opens it for each
    ``session()`` and lets it go when no session has used it for ``linger`` seconds, so other
    processes can use the file in between. Sessions may overlap across threads; a busy store
    takes turns with other processes (``MAX_HOLD``). A session that cannot have the file
    within ``wait`` seconds (default ``LOCK_WAIT``) is a ``StoreBusy``.
    """

    def __init__(self, path: str | Path, read_only: bool = False, hold: bool = True,
                 linger: float = LINGER, wait: float | None = None) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.linger = linger
        self.wait = wait
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        #: sessions open per thread: a thread inside a session may nest another even while
        #: the store drains (it would otherwise wait for itself)
        self._holders: dict[int, int] = {}
        self._opened = 0.0
        self._pinned = False  # hold(): kept open until close(), never drained
        self._draining = False  # held MAX_HOLD: no new session until the running ones end
        self._opening = False  # one thread opens the file, the others wait for it
        self._off_until = 0.0  # stepping aside: not reopened before this time
        self._cond = threading.Condition()
        self._timer: threading.Timer | None = None
        self.hold()  # fail now, not at the first request, on a file that cannot be used
        if not hold:
            self.close()

    def hold(self) -> None:
        """Open the file (if need be) and keep it until ``close()``."""
        me = threading.get_ident()
        self._acquire(me)
        with self._cond:
            self._pinned = True
            self._release(me)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection (inside a session, or for a holding store)."""
        if self._con is None:
            raise RuntimeError("the store is not open: use it inside 'with store.session()'")
        return self._con

    @contextmanager
    def session(self, nests: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection, opened if need be (waiting while another process has the file).

        A session may nest another on its thread even while the store drains (it would
        otherwise wait for itself). ``nests=False`` for a session that may begin and end on
        different threads (a FastAPI dependency): its thread goes on to other work, which
        must wait its turn like any other."""
        me = threading.get_ident() if nests else 0
        con = self._acquire(me)
        try:
            yield con
        finally:
            with self._cond:
                self._release(me)

    def _acquire(self, me: int) -> duckdb.DuckDBPyConnection:
        wait = LOCK_WAIT if self.wait is None else self.wait
        deadline = time.monotonic() + wait
        with self._cond:
            while True:
                now = time.monotonic()
                if self._con is not None and self._admits(me, now):
                    return self._admit(me)
                if self._con is None and not self._opening and now >= self._off_until:
                    self._opening = True
                    break
                if now >= deadline:
                    raise StoreBusy(f"{self.path}: no turn at the file in {wait:g} s (another "
                                    "process holds it, or sessions here run long)")
                until = self._off_until if self._off_until > now else deadline
                self._cond.wait(min(until, deadline) - now)
        try:  # outside the lock: the other threads wait on it, not on the lock
            con = connect(self.path, read_only=self.read_only,
                          wait=max(0.0, deadline - time.monotonic()))
        except BaseException:
            with self._cond:
                self._opening = False
                self._cond.notify_all()
            raise
        with self._cond:
            self._opening = False
            self._con, self._opened, self._draining = con, time.monotonic(), False
            self._cond.notify_all()
            return self._admit(me)

    def _admits(self, me: int, now: float) -> bool:
        """Whether a new session may use the open file now (under the lock)."""
        if self._pinned or (me and self._holders.get(me)):
            return True
        if not self._draining and now - self._opened > MAX_HOLD:
            if self._users == 0:
                self._step_aside()
                return False
            self._draining = True
        return not self._draining

    def _admit(self, me: int) -> duckdb.DuckDBPyConnection:
        self._cancel_timer()
        self._users += 1
        if me:
            self._holders[me] = self._holders.get(me, 0) + 1
        return self.con

    def _release(self, me: int) -> None:
        """One session ends (under the lock)."""
        if me:
            depth = self._holders.pop(me, 0) - 1
            if depth > 0:
                self._holders[me] = depth
        self._users = max(0, self._users - 1)  # a session may outlive close() (shutdown)
        if self._users > 0 or self._con is None or self._pinned:
            return
        if self.linger <= 0:
            self._close()
        elif self._draining or time.monotonic() - self._opened > MAX_HOLD:
            self._step_aside()
        else:
            self._timer = threading.Timer(self.linger, self._close_if_idle)
            self._timer.daemon = True
            self._timer.start()

    def _step_aside(self) -> None:
        """Let the file go and keep off it for a moment: a waiting process gets its turn."""
        self._close()
        self._draining = False
        self._off_until = time.monotonic() + STEP_ASIDE
        self._cond.notify_all()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _close_if_idle(self) -> None:
        with self._cond:
            if self._users == 0 and not self._pinned:
                self._close()

    def _close(self) -> None:
        self._cancel_timer()
        if self._con is not None:
            self._con.close()
            self._con = None

    def close(self) -> None:
        with self._cond:
            self._users = 0
            self._holders.clear()
            self._pinned = self._draining = False
            self._close()
            self._cond.notify_all()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def content_hashes(self, ids: list[str]) -> dict[str, str]:
        """The stored content hash of each of these ids that is stored."""
        if not ids:
            return {}
        with self.session() as con:
            return dict(con.execute(
                "SELECT id, content_hash FROM articles WHERE list_contains(?, id)", [ids]
            ).fetchall())

    def coded_as(self, ids: list[str]) -> dict[str, tuple[str, str | None]]:
        """The stored content hash and codebook of each of these ids that is stored."""
        if not ids:
            return {}
        with self.session() as con:
            return {i: (h, c) for i, h, c in con.execute(
                "SELECT id, content_hash, codebook FROM articles WHERE list_contains(?, id)",
                [ids]).fetchall()}

    def write(self, items: Iterable[tuple[Article, list[Event]]],
              codebook: str | None = None) -> WriteResult:
        """Store articles with their events in one transaction (all or nothing); ``codebook``:
        the one they were coded under (``Coder.codebook_id``). An article stored with the same
        content and codebook is left as it is."""
        with self.session():
            return self._write(items, codebook)

    def _write(self, items: Iterable[tuple[Article, list[Event]]],
               codebook: str | None = None) -> WriteResult:
        result = WriteResult()
        batch = list(items)
        if not batch:
            return result
        ids = [a.id for a, _ in batch]
        known = self.coded_as(ids)
        now = datetime.now(UTC).replace(tzinfo=None)
        article_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        replace_ids: list[str] = []
        seen: set[str] = set()
        for article, events in batch:
            if article.id in seen:  # the same article twice in one batch: keep the first
                result.unchanged += 1
                continue
            seen.add(article.id)
            old = known.get(article.id)
            if old == (article.content_hash, codebook):
                result.unchanged += 1
                continue
            if old is not None:
                replace_ids.append(article.id)
                result.replaced += 1
            else:
                result.added += 1
            result.article_ids.append(article.id)
            article_rows.append({
                "id": article.id, "content_hash": article.content_hash, "date": article.date,
                "title": article.title, "url": article.url, "source": article.source,
                "text": article.text, "origin": article.origin, "n_events": len(events),
                "coded_at": now, "coder_version": __version__, "simhash": simhash(article.text),
                "duplicate_of": None, "dedup_checked": False,
                "quotes": quotes_json(article), "codebook": codebook,
            })
            event_rows.extend(event_row(e) for e in events)
        result.events = len(event_rows)
        if not article_rows:
            return result
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            months = set(months_of(con, replace_ids))  # what the old versions counted
            if replace_ids:
                con.execute("DELETE FROM events WHERE list_contains(?, article_id)", [replace_ids])
                con.execute("DELETE FROM articles WHERE list_contains(?, id)", [replace_ids])
            self._insert("articles", article_rows)
            if event_rows:
                self._insert("events", event_rows)
            mark_duplicates(con)
            months |= set(months_of(con, result.article_ids))
            refresh(con, sorted(months))
            con.execute("COMMIT")
        except Exception:
            rollback(con)
            raise
        return result

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        columns = [r[0] for r in self.con.execute(f"DESCRIBE {table}").fetchall()]
        frame = pd.DataFrame(rows, columns=columns)  # noqa: F841  (read by DuckDB below)
        self.con.execute(f"INSERT INTO {table} SELECT * FROM frame")


    def record_feeds(self, statuses: Iterable[dict[str, Any]]) -> None:
        """Upsert the watcher's per-feed status rows (``feeds`` table)."""
        with self.session():
            self._record_feeds(statuses)

    def _record_feeds(self, statuses: Iterable[dict[str, Any]]) -> None:
        latest = {s["url"]: s for s in statuses}  # one row per feed: the last status given
        columns = ["url", "last_poll", "last_ok", "last_new", "articles", "errors", "last_error"]
        frame = pd.DataFrame([[s.get(c) for c in columns] for s in latest.values()],
                             columns=columns)
        if len(frame):  # one statement, whatever the number of feeds
            self.con.execute("""INSERT OR REPLACE INTO feeds SELECT url,
                last_poll::TIMESTAMP, last_ok::TIMESTAMP, last_new::TIMESTAMP,
                coalesce(articles, 0)::INTEGER, coalesce(errors, 0)::INTEGER, last_error
                FROM frame""")

    def load_parquet(self, folder: str | Path) -> WriteResult:
        """Load a batch output folder (``eventwire batch --out``) in one transaction, with the
        same rules as ``write``: unchanged articles are skipped, changed ones replaced, and an
        id found in two units keeps its first version in input order (``store.versions``)."""
        with self.session():
            return self._load_parquet(folder)

    def _load_parquet(self, folder: str | Path) -> WriteResult:
        base = Path(folder)
        result = WriteResult()
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if not open_versions(con, base):
                con.execute("ROLLBACK")
                return result
            columns = {r[0] for r in con.execute("DESCRIBE incoming").fetchall()}
            if "codebook" not in columns:  # a batch run from before codebooks were recorded
                con.execute("ALTER TABLE incoming ADD COLUMN codebook VARCHAR")
            # The same content coded under the same codebook is unchanged; else replaced.
            same = "a.content_hash = n.content_hash AND a.codebook IS NOT DISTINCT FROM n.codebook"
            row = con.execute(f"""SELECT
                count(*) FILTER (WHERE a.id IS NULL),
                count(*) FILTER (WHERE a.id IS NOT NULL AND NOT ({same})),
                count(*) FILTER (WHERE {same})
                FROM incoming n LEFT JOIN articles a ON a.id = n.id""").fetchall()[0]
            result.added, result.replaced, result.unchanged = row
            con.execute(f"""CREATE TEMP TABLE todo AS SELECT n.id FROM incoming n
                LEFT JOIN articles a ON a.id = n.id
                WHERE a.id IS NULL OR NOT ({same})""")
            months = set(months_of(con, "SELECT id FROM todo"))  # the old versions'
            con.execute("DELETE FROM events WHERE article_id IN (SELECT id FROM todo)")
            con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM todo)")
            con.execute("""INSERT INTO articles BY NAME
                SELECT * EXCLUDE (coder_version, unit_id), now()::TIMESTAMP AS coded_at,
                       coder_version, NULL AS duplicate_of, false AS dedup_checked
                FROM incoming WHERE id IN (SELECT id FROM todo)""")
            if parts(base, "events"):
                sql, params = kept_events_sql(base)
                con.execute(f"""INSERT INTO events BY NAME SELECT * FROM ({sql})
                    WHERE article_id IN (SELECT id FROM todo)
                    QUALIFY row_number() OVER (PARTITION BY id ORDER BY id) = 1""", params)
            mark_duplicates(con)
            refresh(con, sorted(months | set(months_of(con, "SELECT id FROM todo"))))
            (n_events,) = con.execute("""SELECT count(*) FROM events
                WHERE article_id IN (SELECT id FROM todo)""").fetchall()[0]
            result.events = int(n_events)
            # A finished batch has taken its repeats out of the Parquet and recorded them.
            result.repeats = sorted({*repeat_rows(con), *(
                (r["document"], r["id"], r["first"], r["same"]) for r in recorded_repeats(base))})
            for table in ("incoming", "repeats", "todo"):
                con.execute(f"DROP TABLE {table}")
            con.execute("COMMIT")
        except Exception:
            rollback(con)
            raise
        return result
