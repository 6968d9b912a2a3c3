"""Processes die with the driver that started them, even when the driver is killed with -9.

``eventwire batch`` starts worker processes (the local pool) or a whole local Ray (GCS,
raylet, agents, workers). A killed driver cannot clean up, and Ray's own fate-sharing leaves its
agents behind; a worker that outlives its driver keeps writing units nobody waits for. So the
driver starts this small watcher in its own session: every half second it notes the driver's
descendants (from /proc), and when the driver is gone it kills every one it has seen that is
still the same process (same start time), and every process that carries the driver's tag in
its environment (``EVENTWIRE_REAPER_TAG``, inherited by everything the driver starts: this finds
a process born in the last half second, already orphaned when the driver died). Then it exits.
Linux only; elsewhere it does nothing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

POLL_SECONDS = 0.5
TAG = "EVENTWIRE_REAPER_TAG"


def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, start time) of a live process, or None."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()  # the name may hold spaces and parentheses
    if fields[0] == "Z":
        return None
    return int(fields[1]), int(fields[19])


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None:
                tree.setdefault(stat[0], []).append(int(entry))
    return tree


def descendants(pid: int) -> dict[int, int]:
    """The live descendants of ``pid``: pid -> start time."""
    tree = _children()
    found: dict[int, int] = {}
    todo = [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            stat = _stat(child)
            if stat is not None:
                found[child] = stat[1]
                todo.append(child)
    return found


def still_running(processes: dict[int, int]) -> list[int]:
    """Those of ``processes`` (pid -> start time) that are still the same live process."""
    return [pid for pid, started in processes.items()
            if (stat := _stat(pid)) is not None and stat[1] == started]


def tagged(tag: str) -> list[int]:
    """Processes whose environment carries ``EVENTWIRE_REAPER_TAG=tag``."""
    marker = f"{TAG}={tag}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                environ = Path(f"/proc/{entry}/environ").read_bytes()
            except OSError:
                continue
            if marker in environ.split(b"\0"):
                found.append(int(entry))
    return found


def watch(driver: int, tag: str) -> None:
    """Follow ``driver``'s descendants until it dies, then kill those still running and every
    tagged process. SIGTERM (``stop_reaper``: the run ended normally) kills only the tagged
    processes still running, such as Ray agents a shutdown left behind."""
    over = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: over.set())
    print("ready", flush=True)  # start_reaper waits for this: a stop is never missed
    first = _stat(driver)
    seen: dict[int, int] = {}
    while first is not None and not over.is_set() and \
            (now := _stat(driver)) is not None and now[1] == first[1]:
        seen.update(descendants(driver))
        over.wait(POLL_SECONDS)
    victims = set(tagged(tag)) if over.is_set() else {*still_running(seen), *tagged(tag)}
    for pid in victims - {os.getpid(), driver}:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def start_reaper() -> subprocess.Popen[bytes] | None:
    """Start the watcher for this process (None where /proc is missing). Call it just before
    starting the processes it must outlive: they inherit the tag it sets."""
    stat = _stat(os.getpid())
    if stat is None:
        return None
    tag = f"{os.getpid()}-{stat[1]}-{time.monotonic_ns()}"
    os.environ[TAG] = tag
    reaper = subprocess.Popen([sys.executable, "-m", "eventwire.reaper", str(os.getpid()), tag],
                              start_new_session=True, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert reaper.stdout is not None
    reaper.stdout.readline()
    return reaper


def stop_reaper(reaper: subprocess.Popen[bytes] | None) -> None:
    """The run is over: the watcher kills what is still tagged and exits; processes this one
    starts from now on are not tagged."""
    os.environ.pop(TAG, None)
    if reaper is not None:
        reaper.terminate()
        reaper.wait()
        if reaper.stdout is not None:
            reaper.stdout.close()


if __name__ == "__main__":
    watch(int(sys.argv[1]), sys.argv[2])
