"""Batch runs on real files: outputs, load into DuckDB, and a real kill-and-resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from eventwire.batch.runner import run_batch
from eventwire.store.db import EventStore
from tests.batch.conftest import articles

pytestmark = pytest.mark.slow


def snapshot(out: Path) -> dict[str, list[dict[str, object]]]:
    """Every Parquet file of a run with its rows, plus the final files."""
    files = {str(p.relative_to(out)): pq.read_table(p).to_pylist()
             for p in sorted(out.glob("*/pub_date=*/part-*.parquet"))}
    files["summary.json"] = [json.loads((out / "summary.json").read_text())]
    files["errors.jsonl"] = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    return files


def test_batch_writes_date_partitions_errors_and_loads_into_duckdb(
        corpus: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run_batch([str(p) for p in corpus.values()], out, workers=1, unit_docs=16)
    assert report.articles == 40 + 30 + 25 + 4 + 6 and report.events > 50
    assert report.errors == 4  # bad JSON, no text, empty file, non-HTML WARC response
    assert (out / "events" / "pub_date=2025-01-10").is_dir()
    errors = (out / "errors.jsonl").read_text().splitlines()
    assert len(errors) == 4 and all("reason" in json.loads(e) for e in errors)
    # queryable in place
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM read_parquet('{out}/events/*/*.parquet', "
                    "hive_partitioning = true)").fetchall()
    assert n == [(report.events,)]
    # loadable, idempotently
    db = tmp_path / "e.duckdb"
    with EventStore(db) as store:
        first = store.load_parquet(out)
        again = store.load_parquet(out)
    assert (first.added, first.events, again.added, again.unchanged) == (
        report.articles, report.events, 0, report.articles)
    # a second run with the same arguments does nothing new
    rerun = run_batch([str(p) for p in corpus.values()], out, workers=1, unit_docs=16)
    assert rerun.skipped_units == rerun.units


def test_two_local_workers_give_the_same_output(corpus: dict[str, Path], tmp_path: Path) -> None:
    inputs = [str(p) for p in corpus.values()]
    run_batch(inputs, tmp_path / "one", workers=1, unit_docs=16)
    run_batch(inputs, tmp_path / "two", workers=2, unit_docs=16)
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def batch_command(folder: Path, *options: str) -> list[str]:
    """``eventwire batch`` (without ``--out``) over a new 1,200-article corpus in ``folder``."""
    corpus = folder / "big.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles(1200, "k")),
                      encoding="utf-8")
    return [sys.executable, "-m", "eventwire.cli", "batch", str(corpus), "--unit-docs", "50",
            *options]


def test_a_run_killed_midway_resumes_to_exactly_the_uninterrupted_output(tmp_path: Path) -> None:
    cmd = batch_command(tmp_path, "--workers", "1")
    subprocess.run([*cmd, "--out", str(tmp_path / "clean")], check=True, capture_output=True)

    killed = tmp_path / "killed"
    proc = subprocess.Popen([*cmd, "--out", str(killed)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((killed / "_units").glob("*.json"))) < 4:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(list((killed / "_units").glob("*.json")))
    assert 0 < done_before < 24, "the run should have been killed part-way"
    assert not (killed / "summary.json").exists()

    subprocess.run([*cmd, "--out", str(killed)], check=True, capture_output=True)
    assert snapshot(killed) == snapshot(tmp_path / "clean")
    assert not list(killed.glob("*/pub_date=*/.part-*.tmp"))


def test_an_id_in_two_units_keeps_its_first_version_in_batch_and_load(tmp_path: Path) -> None:
    src = tmp_path / "dup.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "x", "text": "Turkey met Iran in Ankara.", "date": "2025-01-01"},
        {"id": "y", "text": "China met Japan."},
        {"id": "x", "text": "India accused Pakistan of shelling the border.",
         "date": "2025-02-01"},
        {"id": "y", "text": "China met Japan."},
    ]), encoding="utf-8")
    out = tmp_path / "out"
    report = run_batch([str(src)], out, workers=1, unit_docs=2)
    assert report.errors == 2
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert [e["document"] for e in errors] == [f"{src}:3", f"{src}:4"]
    assert "already used by" in errors[0]["reason"] and "repeats" in errors[1]["reason"]
    # The folder itself holds one version per id: read in place, as docs/batch.md shows.
    con = duckdb.connect()
    arts = con.execute(f"SELECT id, text FROM read_parquet('{out}/articles/*/*.parquet') "
                       "ORDER BY id").fetchall()
    (n_events,) = con.execute(f"SELECT count(*) FROM read_parquet('{out}/events/*/*.parquet', "
                              "hive_partitioning = true)").fetchall()[0]
    con.close()
    assert arts == [("x", "Turkey met Iran in Ankara."), ("y", "China met Japan.")]
    assert report.articles == 2 and n_events == report.events > 0
    before = snapshot(out)
    rerun = run_batch([str(src)], out, workers=1, unit_docs=2)
    assert (rerun.errors, rerun.articles, rerun.events) == (2, 2, report.events)
    assert snapshot(out) == before
    db = tmp_path / "e.duckdb"
    with EventStore(db) as store:
        loaded = store.load_parquet(out)
    assert loaded.added == 2 and len(loaded.repeats) == 2
    con = duckdb.connect(str(db), read_only=True)
    text = con.execute("SELECT text FROM articles WHERE id = 'x'").fetchall()[0][0]
    sentences = [s for (s,) in con.execute("SELECT sentence FROM events WHERE article_id = 'x'")
                 .fetchall()]
    con.close()
    assert text == "Turkey met Iran in Ankara." and sentences
    assert all(s in text for s in sentences)  # no event cites the other version's text


def kill_driver_midway(cmd: list[str], out: Path, units: int) -> list[int]:
    """Start a batch run, kill -9 only its driver once ``units`` units are done, and return
    the driver's descendants still running 30 s later (there must be none)."""
    from eventwire.reaper import descendants, still_running

    proc = subprocess.Popen([*cmd, "--out", str(out)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list((out / "_units").glob("*.json"))) < units:
        time.sleep(0.05)
    children = descendants(proc.pid)
    assert children, "the driver should have started workers"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 30
    while still_running(children) and time.monotonic() < deadline:
        time.sleep(0.2)
    return still_running(children)


def test_workers_die_with_a_killed_driver_and_the_rerun_matches(tmp_path: Path) -> None:
    cmd = batch_command(tmp_path, "--workers", "2")
    survivors = kill_driver_midway(cmd, tmp_path / "killed", units=3)
    assert survivors == []
    subprocess.run([*cmd, "--out", str(tmp_path / "killed")], check=True, capture_output=True)
    subprocess.run([*cmd, "--out", str(tmp_path / "clean")], check=True, capture_output=True)
    assert snapshot(tmp_path / "killed") == snapshot(tmp_path / "clean")


def test_a_unit_whose_input_changed_during_the_run_is_one_error_and_nothing_of_it_kept(
        tmp_path: Path) -> None:
    from eventwire.batch.runner import process_unit
    from eventwire.batch.sources import Unit, plan
    from eventwire.pipeline import Coder

    src = tmp_path / "a.jsonl"
    rows = [{"id": f"r{i}", "text": "Chile met Peru in Lima."} for i in range(4)]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    units = [u for u in plan([str(src)], unit_docs=2) if isinstance(u, Unit)]
    # The second half is rewritten (one line now broken) after planning, as an editor would.
    src.write_text("".join(json.dumps(r) + "\n" for r in rows[:3]) + '{"id": "r3", "te\n',
                   encoding="utf-8")
    out = tmp_path / "out"
    (out / "_units").mkdir(parents=True)
    coder = Coder()
    kept, changed = (process_unit(u, coder, out) for u in units)
    assert (kept.articles, kept.errors) == (2, 0)
    assert (changed.articles, changed.errors, changed.docs) == (0, 1, 2)
    (error,) = [json.loads(x) for x in
                (out / "_units" / f"{units[1].id}.errors.jsonl").read_text().splitlines()]
    assert error["document"] == str(src.resolve()) and "changed during the run" in error["reason"]
    ids = [r["id"] for p in out.glob("articles/*/*.parquet") for r in pq.read_table(p).to_pylist()]
    assert sorted(ids) == ["r0", "r1"]


def _busy_worker(driver: int) -> int | None:
    """A worker process of the driver's pool (a ``spawn_main`` child, not the resource tracker)."""
    from eventwire.reaper import descendants

    for pid in descendants(driver):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline and b"resource_tracker" not in cmdline:
            return pid
    return None


def test_a_killed_worker_costs_its_unit_the_batch_goes_on_and_the_rerun_skips_it(
        tmp_path: Path) -> None:
    cmd = batch_command(tmp_path, "--workers", "2")
    out = tmp_path / "out"
    proc = subprocess.Popen([*cmd, "--out", str(out)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    # Once units are being done, workers are busy: kill one as the OOM killer would.
    while proc.poll() is None and len(list((out / "_units").glob("*.json"))) < 2:
        time.sleep(0.05)
    worker = _busy_worker(proc.pid)
    assert worker is not None, "the driver should have worker processes"
    os.kill(worker, signal.SIGKILL)
    _, stderr = proc.communicate()
    assert proc.returncode == 0, stderr.decode()
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert len(errors) == 1 and "killed by SIGKILL" in errors[0]["reason"], errors
    assert f"{tmp_path / 'big.jsonl'}:" in errors[0]["document"]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["units"] == 24 and summary["errors"] == 1
    assert summary["articles"] == 1200 - 50 and summary["documents"] == 1200
    before = snapshot(out)
    rerun = subprocess.run([*cmd, "--out", str(out)], check=True, capture_output=True)
    assert b"24 already done" in rerun.stderr
    assert snapshot(out) == before
