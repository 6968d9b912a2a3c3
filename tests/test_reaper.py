"""The reaper against real processes: what a driver started dies with it."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from eventwire.reaper import descendants, still_running

pytestmark = pytest.mark.slow

# A driver that starts the reaper, then a child and an orphan (a double fork: the orphan is no
# descendant of the driver from birth, as a process born in the reaper's blind spot would be),
# prints their pids, and waits to be killed (or, with "stop", ends its run normally).
DRIVER = """
import os, subprocess, sys, time
from eventwire.reaper import start_reaper, stop_reaper
reaper = start_reaper()
child = subprocess.Popen(["sleep", "120"])
orphan = subprocess.Popen(["sh", "-c", "sleep 120 & echo $!"], stdout=subprocess.PIPE, text=True)
print(child.pid, orphan.stdout.readline().strip(), flush=True)
if sys.argv[1] == "stop":
    stop_reaper(reaper)
    print("stopped", flush=True)
time.sleep(120)
"""


def _run(mode: str) -> tuple[subprocess.Popen[str], list[int]]:
    driver = subprocess.Popen([sys.executable, "-c", DRIVER, mode], stdout=subprocess.PIPE,
                              text=True, start_new_session=True)
    assert driver.stdout is not None
    pids = [int(x) for x in driver.stdout.readline().split()]
    return driver, pids


def _gone(pids: list[int]) -> bool:
    started = {p: s for p, s in descendants(1).items() if p in pids}
    deadline = time.monotonic() + 30
    while still_running(started) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not still_running(started)


def test_a_killed_driver_takes_its_children_and_orphans_with_it() -> None:
    driver, pids = _run("kill")
    time.sleep(1.0)  # the reaper has seen the child by now; the orphan only carries the tag
    driver.kill()
    driver.wait()
    driver.stdout.close()
    assert _gone(pids)


def test_the_end_of_a_normal_run_kills_what_is_still_tagged() -> None:
    driver, pids = _run("stop")
    assert driver.stdout is not None and driver.stdout.readline().strip() == "stopped"
    try:
        assert _gone(pids)
    finally:
        driver.kill()
        driver.wait()
        driver.stdout.close()
