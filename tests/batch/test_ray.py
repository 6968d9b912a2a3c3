"""The Ray engine on a real local Ray: same output as the local engine."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from eventwire.batch.runner import run_batch
from tests.batch.conftest import articles
from tests.batch.test_runner import snapshot

pytestmark = [pytest.mark.slow, pytest.mark.ray]


def test_ray_engine_matches_local_engine(corpus: dict[str, Path], tmp_path: Path) -> None:
    inputs = [str(p) for p in corpus.values()]
    local = run_batch(inputs, tmp_path / "local", workers=1, unit_docs=16)
    ray_run = run_batch(inputs, tmp_path / "ray", engine="ray", workers=2, unit_docs=16)
    assert (ray_run.articles, ray_run.events) == (local.articles, local.events)
    assert snapshot(tmp_path / "ray") == snapshot(tmp_path / "local")


def test_a_local_ray_dies_with_a_killed_driver(tmp_path: Path) -> None:
    from tests.batch.test_runner import batch_command, kill_driver_midway

    cmd = batch_command(tmp_path, "--engine", "ray", "--workers", "2")
    assert kill_driver_midway(cmd, tmp_path / "killed", units=2) == []


def _loaded_ray_actors(driver: int) -> list[int]:
    """The Ray Data actors of the driver's local Ray that have loaded the pipeline (their
    title names the map step; a loaded one holds a few hundred MB)."""
    from eventwire.reaper import descendants

    found = []
    for pid in descendants(driver):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        rss_kb = next((int(line.split()[1]) for line in status.splitlines()
                       if line.startswith("VmRSS:")), 0)
        if cmdline.startswith(b"ray::") and b"RayUnitCoder" in cmdline and rss_kb > 250_000:
            found.append(pid)
    return found


def test_a_unit_ray_gave_no_result_for_is_done_if_marked_else_failed(tmp_path: Path) -> None:
    from eventwire.batch.runner import UnitResult, _unit_done_or_failed
    from eventwire.batch.sources import Unit, plan

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles(4, "u")), "utf-8")
    first, second = (u for u in plan([str(corpus)], unit_docs=2) if isinstance(u, Unit))
    out = tmp_path / "out"
    (out / "_units").mkdir(parents=True)
    # The actor died after writing its marker: the unit is done as the marker says.
    done = UnitResult(first.id, docs=2, articles=2, events=3)
    (out / "_units" / f"{first.id}.json").write_text(json.dumps(done.to_dict()), "utf-8")
    assert _unit_done_or_failed(first, out) == done
    failed = _unit_done_or_failed(second, out)
    assert (failed.errors, failed.docs, failed.articles) == (1, 2, 0)
    (error,) = [json.loads(x) for x in
                (out / "_units" / f"{second.id}.errors.jsonl").read_text().splitlines()]
    assert "Ray actor" in error["reason"] and str(corpus) in error["document"]
    assert (out / "_units" / f"{second.id}.json").exists()  # a rerun skips it


def test_a_killed_ray_actor_costs_nothing_its_unit_is_tried_again(tmp_path: Path) -> None:
    from tests.batch.test_runner import batch_command

    cmd = batch_command(tmp_path, "--engine", "ray", "--workers", "2")
    out = tmp_path / "out"
    proc = subprocess.Popen([*cmd, "--out", str(out)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    # Once units are being done, actors are busy: kill both, once, as a lost node would.
    while proc.poll() is None and len(list((out / "_units").glob("*.json"))) < 2:
        time.sleep(0.05)
    actors = _loaded_ray_actors(proc.pid)
    assert actors, "the driver's Ray should have actor processes"
    for pid in actors:
        os.kill(pid, signal.SIGKILL)
    _, stderr = proc.communicate()
    assert proc.returncode == 0, stderr.decode()[-3000:]
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["units"], summary["errors"], summary["articles"]) == (24, 0, 1200)
    assert (out / "errors.jsonl").read_text() == ""
