"""The command line against hostile and careless input, run as a user runs it: a real
``python -m eventwire.cli`` subprocess on real files. Every failure is one clear line on stderr
and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
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
    res = cli("query", "events", "--db", str(db), "--format", "table")
    assert res.returncode == 0, res.stderr
    assert "[/bold]" in res.stdout and "[link=http://127.0.0.1:9/x]Turkey[/link]" in res.stdout
    assert "\x1b]8;" not in res.stdout  # no terminal hyperlink escape


def test_an_error_quoting_markup_is_printed_as_written(tmp_path: Path) -> None:
    res = cli("extract", str(tmp_path / "[/bold]missing.txt"), "--format", "jsonl")
    one_line_error(res, "[/bold]missing.txt", "no such file")
