from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.schema import Article
from eventwire.store.db import SCHEMA_VERSION, EventStore
from tests.conftest import make_event


def art(text: str = "India criticized Turkey.", aid: str = "a1") -> Article:
    return Article(text=text, id=aid, date=date(2025, 5, 1))


def counts(path: Path) -> tuple[int, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return (con.execute("SELECT count(*) FROM articles").fetchone()[0],
                con.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        con.close()


def test_schema_is_versioned_and_reopening_does_not_migrate_twice(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    EventStore(db).close()
    EventStore(db).close()
    con = duckdb.connect(str(db), read_only=True)
    versions = con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    assert versions == [(v,) for v in range(1, SCHEMA_VERSION + 1)]
    con.close()


def test_reingest_is_a_noop_and_a_changed_article_replaces_its_events(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    with EventStore(db) as store:
        r1 = store.write([(art(), [make_event(start=0), make_event(start=30)])])
        r2 = store.write([(art(), [make_event(start=0), make_event(start=30)])])
        changed = art("India criticized Turkey again.")
        r3 = store.write([(changed, [make_event(start=7)])])
    assert (r1.added, r2.unchanged, r3.replaced) == (1, 1, 1)
    assert counts(db) == (1, 1)


def test_a_failed_batch_leaves_nothing_half_written(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "e.duckdb"
    with EventStore(db) as store:
        store.write([(art(aid="keep"), [make_event("keep")])])
        real = store._insert

        def fail_on_events(table, rows):
            if table == "events":
                raise RuntimeError("disk full")
            real(table, rows)

        monkeypatch.setattr(store, "_insert", fail_on_events)
        with pytest.raises(RuntimeError):
            store.write([(art(aid="new"), [make_event("new")])])
    assert counts(db) == (1, 1)


def test_an_old_database_is_migrated_on_open(tmp_path: Path) -> None:
    from eventwire.store.db import MIGRATIONS

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    con.execute(MIGRATIONS[1])
    con.execute("INSERT INTO schema_version VALUES (1)")
    con.close()
    with EventStore(db) as store:
        store.write([(art(), [make_event()])])
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    assert con.execute("SELECT simhash IS NOT NULL FROM articles").fetchone() == (True,)
    con.close()


def test_syndicated_copies_point_to_the_original(tmp_path: Path) -> None:
    story = ("Turkey and Pakistan agreed on Tuesday to expand trade and defence cooperation, "
             "officials in Ankara said after two days of talks in the capital.")
    copy = story.replace("two days of talks", "two days of talks,").replace("Tuesday", "Tuesday")
    copy = "ANKARA (Wire) - " + copy
    other = ("Russian forces shelled Kharkiv overnight, killing four civilians, the regional "
             "governor said on Wednesday morning in a statement.")
    db = tmp_path / "d.duckdb"
    with EventStore(db) as store:
        store.write([(Article(text=story, id="orig", date=date(2025, 5, 1)), [])])
        store.write([(Article(text=copy, id="copy", date=date(2025, 5, 2)), []),
                     (Article(text=other, id="other", date=date(2025, 5, 2)), [])])
        store.write([(Article(text=story, id="late", date=date(2025, 6, 30)), [])])
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("SELECT id, duplicate_of FROM articles").fetchall())
    con.close()
    assert rows == {"orig": None, "copy": "orig", "other": None, "late": None}


def test_an_unusable_database_file_is_one_line_that_says_why(tmp_path: Path) -> None:
    import subprocess
    import sys

    from eventwire.store.db import StoreError, _why, connect

    with pytest.raises(StoreError, match="is a directory"):
        connect(tmp_path)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database")
    with pytest.raises(StoreError, match="not an eventwire database"):
        connect(junk)
    held = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('ok', flush=True); "
        "time.sleep(60)"), str(held)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreError, match=f"held by process {holder.pid} for over 0.3 s"):
            connect(held, wait=0.3)
    finally:
        holder.kill()
        holder.communicate()  # reaps it and closes its pipe
    assert "read-only" in _why("x.duckdb", PermissionError(13, "Permission denied"), 1)


def _old_file(tmp_path: Path) -> Path:
    """A real v5 database (before actor codes) holding made-up events."""
    from tests.store.older import older_file
    from tests.store.test_codes import _records

    current = tmp_path / "now.duckdb"
    with EventStore(current) as store:
        store.write(_records())
    old = tmp_path / "v5.duckdb"
    older_file(old, 5, current)
    return old


def test_a_reader_of_an_older_writable_file_migrates_it_once(tmp_path: Path) -> None:
    from eventwire.database import Database
    from eventwire.store.db import connect, stored_version_of

    old = _old_file(tmp_path)
    assert stored_version_of(old) == 5
    con = connect(old, read_only=True)  # was: Binder Error, source_party not found
    try:
        assert con.execute("SELECT count(*) FROM events WHERE source_party IS NOT NULL"
                           ).fetchone() == (4,)
    finally:
        con.close()
    assert stored_version_of(old) == SCHEMA_VERSION
    with Database(old) as db:  # the notebook handle, read-only
        assert db.events().total == 4


def test_query_and_upgrade_commands_read_an_older_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    old = _old_file(tmp_path)
    run = subprocess.run([sys.executable, "-m", "eventwire.cli", "upgrade", "--db", str(old)],
                         capture_output=True, text=True)
    assert run.returncode == 0 and f"schema v5 -> v{SCHEMA_VERSION}" in run.stderr
    again = subprocess.run([sys.executable, "-m", "eventwire.cli", "upgrade", "--db", str(old)],
                           capture_output=True, text=True)
    assert again.returncode == 0 and "already at" in again.stderr
    (tmp_path / "second").mkdir()
    other = _old_file(tmp_path / "second")
    listed = subprocess.run([sys.executable, "-m", "eventwire.cli", "query", "events", "--db",
                             str(other), "--format", "jsonl"], capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 4 and '"source_party"' in listed.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file")
def test_an_older_file_this_reader_cannot_write_is_one_line_saying_how(tmp_path: Path) -> None:
    from eventwire.store.db import StoreError, connect, stored_version_of

    old = _old_file(tmp_path)
    old.chmod(0o444)
    try:
        with pytest.raises(StoreError, match=r"schema v5 .* 'eventwire upgrade --db "):
            connect(old, read_only=True)
        assert stored_version_of(old) == 5  # left as it was
    finally:
        old.chmod(0o644)


def _can_mount_read_only() -> bool:
    import shutil
    import subprocess

    return shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount --bind /tmp /tmp && mount -o remount,ro,bind /tmp"],
        capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_mount_read_only(), reason="no mount namespace here")
def test_an_older_file_on_a_read_only_mount_is_one_line_saying_how(tmp_path: Path) -> None:
    """The same as a reader that may not write, for real as root too: the folder is mounted
    read-only (in a mount namespace of the test's own), and query says how to upgrade."""
    import subprocess
    import sys

    from eventwire.store.db import stored_version_of

    old = _old_file(tmp_path)
    folder = str(tmp_path)
    run = subprocess.run(
        ["unshare", "-m", "sh", "-c", f'mount --bind "{folder}" "{folder}" && '
         f'mount -o remount,ro,bind "{folder}" && exec "$0" -m eventwire.cli query events '
         f'--db "{old}"', sys.executable], capture_output=True, text=True)
    assert run.returncode == 1
    assert f"'eventwire upgrade --db {old}'" in " ".join(run.stderr.split())
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) <= 3
    assert stored_version_of(old) == 5  # left as it was
