"""The worker pool with real processes: a worker killed from outside costs only its task."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from eventwire.batch.pool import Died, Pool


def _state(folder: str) -> Path:
    return Path(folder)


def _work(folder: Path, task: str) -> str:
    if task == "hang":  # tells the test which process holds it, then waits to be killed
        (folder / "hang.pid").write_text(str(os.getpid()))
        signal.pause()
    if task == "bad":
        raise ValueError("bad task")
    return task.upper()


def _kill_when_held(folder: Path) -> threading.Thread:
    def watch() -> None:
        pid_file = folder / "hang.pid"
        while not pid_file.exists() or not pid_file.read_text():
            threading.Event().wait(0.02)
        os.kill(int(pid_file.read_text()), signal.SIGKILL)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_a_killed_worker_costs_its_task_and_the_pool_goes_on(tmp_path: Path) -> None:
    tasks = [f"t{i}" for i in range(6)] + ["hang"] + [f"u{i}" for i in range(6)]
    watcher = _kill_when_held(tmp_path)
    pool: Pool[str, str] = Pool(2, _state, str(tmp_path), _work)
    results = dict(pool.run(tasks))
    watcher.join()
    assert sorted(results) == sorted(tasks)
    died = results.pop("hang")
    assert isinstance(died, Died) and died.exitcode == -signal.SIGKILL
    assert "killed by SIGKILL" in died.reason
    assert results == {t: t.upper() for t in tasks if t != "hang"}


def test_an_exception_in_a_task_is_raised_in_the_driver(tmp_path: Path) -> None:
    pool: Pool[str, str] = Pool(2, _state, str(tmp_path), _work)
    with pytest.raises(ValueError, match="bad task"):
        list(pool.run(["a", "bad", "b"]))
