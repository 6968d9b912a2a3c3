"""The command line against hostile and careless input, run as a user runs it: a real
``python -m eventwire.cli`` subprocess on real files. Every failure is one clear line on stderr
and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import os
import re
import resource
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.schema import Article
from eventwire.store.db import EventStore
from tests.conftest import make_event

pytestmark = pytest.mark.slow


def cli(*args: str, env: dict[str, str] | None = None, input: bytes | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "COLUMNS": "400", **(env or {})}
    res = subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=input,
                         capture_output=True, env=environment, cwd=cwd, timeout=600)
    return subprocess.CompletedProcess(res.args, res.returncode, res.stdout.decode(),
                                       res.stderr.decode(errors="replace"))


def one_line_error(res: subprocess.CompletedProcess[str], *words: str) -> None:
    """A non-zero exit with a short message naming ``words``, and no traceback."""
    assert res.returncode != 0, res.stdout
    assert "Traceback" not in res.stderr, res.stderr
    assert len(res.stderr.strip().splitlines()) <= 8, res.stderr
    for word in words:
        assert word in res.stderr, res.stderr


def test_query_events_prints_stored_markup_as_plain_text(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    sentences = ["India criticized Turkey [/bold] over the border.",
                 "India criticized [link=http://127.0.0.1:9/x]Turkey[/link] again."]
    with EventStore(db) as store:
        for i, sentence in enumerate(sentences):
            store.write([(Article(text=sentence, id=f"m{i}", date=date(2025, 5, 1)),
                          [make_event(f"m{i}", sentence=sentence)])])
    res = cli("query", "events", "--db", str(db), "--format", "table", "--collapse", "none")
    assert res.returncode == 0, res.stderr
    shown = re.sub(r"[\s│┃]", "", res.stdout)  # the cells as printed, folded lines joined
    assert "[/bold]" in shown and "[link=http://127.0.0.1:9/x]Turkey[/link]" in shown
    assert "\x1b]8;" not in res.stdout  # no terminal hyperlink escape


def test_an_error_quoting_markup_is_printed_as_written(tmp_path: Path) -> None:
    res = cli("extract", str(tmp_path / "[/bold]missing.txt"), "--format", "jsonl")
    one_line_error(res, "[/bold]missing.txt", "no such file")


def test_a_timestamp_with_an_impossible_time_is_rejected_with_its_line(tmp_path: Path) -> None:
    src = tmp_path / "t.jsonl"
    src.write_text('{"text": "India criticized Turkey.", "date": "2025-05-26T99:99"}\n'
                   '{"text": "Japan praised India.", "date": "2025-05-26T10:30:00Z"}\n',
                   encoding="utf-8")
    res = cli("extract", str(src), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    assert f"{src}:1: bad date '2025-05-26T99:99'" in res.stderr
    assert '"date": "2025-05-26"' in res.stdout and "Traceback" not in res.stderr


@pytest.mark.parametrize("setting", ["abc", "2025-01-01", "2025-01-01..soon",
                                     "2026-01-01..2025-01-01"])
def test_a_malformed_date_range_setting_is_one_error_naming_it(tmp_path: Path,
                                                              setting: str) -> None:
    src = tmp_path / "a.txt"
    src.write_text("date 2025-05-26\nJapan praised India.", encoding="utf-8")
    res = cli("extract", str(src), env={"EVENTWIRE_DATE_RANGE": setting})
    one_line_error(res, "EVENTWIRE_DATE_RANGE")
    assert len(res.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("option", [["--limit", "-5"], ["--offset", "-1"],
                                    ["--offset", str(2**64)], ["--limit", str(2**70)]])
def test_query_refuses_negative_or_oversized_limits(tmp_path: Path, option: list[str]) -> None:
    db = tmp_path / "q.duckdb"
    with EventStore(db) as store:
        store.write([(Article(text="India criticized Turkey.", id="q1", date=date(2025, 5, 1)),
                      [make_event("q1")])])
    one_line_error(cli("query", "events", "--db", str(db), "--format", "jsonl", *option),
                   option[0])


def test_a_lock_wait_that_is_not_a_number_is_one_error_naming_it(tmp_path: Path) -> None:
    res = cli("query", "events", "--db", str(tmp_path / "x.duckdb"),
              env={"EVENTWIRE_LOCK_WAIT": "abc"})
    one_line_error(res, "EVENTWIRE_LOCK_WAIT")


def test_serve_refuses_a_port_out_of_range(tmp_path: Path) -> None:
    one_line_error(cli("serve", "--db", str(tmp_path / "s.duckdb"), "--port", "70000"),
                   "--port")


def test_an_unknown_model_is_one_line(tmp_path: Path) -> None:
    one_line_error(cli("extract", "-", "--model", "xx_no_such_model", input=b"Japan praised India."),
                   "xx_no_such_model")


@pytest.mark.parametrize("every", ["nan", "inf", "-inf", "infs", "1e300"])
def test_watch_refuses_an_interval_that_is_not_a_finite_positive_time(tmp_path: Path,
                                                                      every: str) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/feed.rss\n", encoding="utf-8")
    res = cli("watch", "--feeds", str(feeds), "--db", str(tmp_path / "w.duckdb"),
              "--every", every)
    one_line_error(res, "interval")
    assert not (tmp_path / "w.duckdb").exists()  # refused before a poll began


@pytest.mark.parametrize("token,words", [("short-token", ["--token", "16 characters"]),
                                         ("tökén-that-is-long-enough", ["--token", "ASCII"])])
def test_serve_refuses_a_short_or_non_ascii_token(tmp_path: Path, token: str,
                                                  words: list[str]) -> None:
    with socket.socket() as taken:  # were the token let through, serve would fail on the port
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        res = cli("serve", "--db", str(tmp_path / "s.duckdb"), "--port",
                  str(taken.getsockname()[1]), "--token", token)
    one_line_error(res, *words)


def test_watch_refuses_a_non_ascii_token_for_its_server(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/feed.rss\n", encoding="utf-8")
    res = cli("watch", "--feeds", str(feeds), "--server", "http://127.0.0.1:9", "--once",
              env={"EVENTWIRE_TOKEN": "tökén-that-is-long-enough"})
    one_line_error(res, "--token", "ASCII")


def stored_db(path: Path) -> Path:
    with EventStore(path) as store:
        store.write([(Article(text="India criticized Turkey.", id="q1", date=date(2025, 5, 1)),
                      [make_event("q1")])])
    return path


def articles_file(folder: Path, n: int) -> Path:
    src = folder / "more.jsonl"
    src.write_text("".join(
        f'{{"id": "m{i}", "date": "2025-05-02", "text": "Japan praised India for the talks '
        f'on day {i}. Chile thanked Peru for the aid."}}\n' for i in range(n)), encoding="utf-8")
    return src


def test_a_truncated_database_is_one_line_for_query_and_ingest(tmp_path: Path) -> None:
    whole = stored_db(tmp_path / "whole.duckdb").read_bytes()
    src = articles_file(tmp_path, 2)
    said = []
    for part in (4096, len(whole) // 5, len(whole) // 4, len(whole) // 3, len(whole) // 2):
        cut = tmp_path / f"cut{part}.duckdb"
        for command in (["query", "events", "--format", "jsonl"], ["ingest", str(src)]):
            cut.write_bytes(whole[:part])
            res = cli(*command, "--db", str(cut))
            assert "Traceback" not in res.stderr, (part, command, res.stderr[-2000:])
            if res.returncode:
                one_line_error(res, "cut")
                said.append(res.stderr)
    assert any("truncated or damaged" in s for s in said), said


def test_a_newer_schema_is_refused_by_readers_and_writers(tmp_path: Path) -> None:
    import duckdb

    db = stored_db(tmp_path / "new.duckdb")
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version VALUES (99)")
    con.close()
    for command in (["query", "events", "--format", "jsonl"], ["export", str(tmp_path / "e.csv")],
                    ["ingest", str(articles_file(tmp_path, 1))]):
        one_line_error(cli(*command, "--db", str(db)), "v99", "newer", "upgrade")
    assert not (tmp_path / "e.csv").exists()


@pytest.mark.parametrize("out", ["a-file.txt", "a-file.txt/below"])
def test_batch_refuses_an_output_that_is_a_file_or_cannot_be_made(tmp_path: Path,
                                                                  out: str) -> None:
    (tmp_path / "a-file.txt").write_text("not a folder", encoding="utf-8")
    res = cli("batch", str(articles_file(tmp_path, 1)), "--out", str(tmp_path / out))
    one_line_error(res, "a-file.txt")
    assert (tmp_path / "a-file.txt").read_text(encoding="utf-8") == "not a folder"


def test_a_full_disk_during_ingest_reports_why_and_keeps_what_was_stored(tmp_path: Path) -> None:
    db = stored_db(tmp_path / "full.duckdb")
    limit = 16_000  # less than the write-ahead log the 40 articles go to first

    def full_disk() -> None:  # for this process only: no file may grow past the limit
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    src = articles_file(tmp_path, 40)
    res = subprocess.run([sys.executable, "-m", "eventwire.cli", "ingest", str(src), "--db",
                          str(db)], capture_output=True, text=True, timeout=600,
                         preexec_fn=full_disk, env={**os.environ, "COLUMNS": "400"})
    one_line_error(subprocess.CompletedProcess(res.args, res.returncode, res.stdout,
                                               res.stderr), "File too large", "disk is full")
    assert "no transaction is active" not in res.stderr
    after = cli("query", "events", "--db", str(db), "--format", "jsonl", "--collapse", "none")
    assert after.returncode == 0, after.stderr
    assert {json.loads(line)["article_id"] for line in after.stdout.splitlines()} <= \
        {"q1", *(f"m{i}" for i in range(40))}
    assert "q1" in after.stdout
