"""Worker processes that load their state once and take one task at a time; one that dies is
replaced, and the task it held is reported instead of breaking the run.

``concurrent.futures.ProcessPoolExecutor`` cannot do this: when a worker dies (the kernel's
out-of-memory killer, a crash in native code), every pending future fails with
``BrokenProcessPool`` and nothing says which task was the cause. Here the driver knows which task
each worker holds, so a dead worker costs exactly its own task; the others go on.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Workers that die before they are ready, in a row, before the run gives up (a pipeline that
#: cannot load would otherwise be restarted forever).
MAX_START_FAILURES = 3


@dataclass(frozen=True)
class Died:
    """The worker holding a task died; ``exitcode`` is negative for a signal (-9: SIGKILL)."""

    exitcode: int | None

    @property
    def reason(self) -> str:
        code = self.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
            how = f"killed by {name}" + (" (as the out-of-memory killer does)"
                                         if -code == signal.SIGKILL else "")
        else:
            how = f"exited with code {code}"
        return f"the worker process coding it died ({how})"


def _serve(conn: Connection, init: Callable[[Any], Any], arg: Any,
           work: Callable[[Any, Any], Any]) -> None:
    """A worker: build the state, say so, then answer one task at a time until told to stop."""
    try:
        state = init(arg)
    except BaseException as exc:  # a pipeline that cannot load: the driver raises it
        conn.send(("error", exc))
        return
    conn.send(("ready", None))
    while (task := conn.recv()) is not None:
        try:
            conn.send(("ok", work(state, task)))
        except Exception as exc:  # a failure of the task's own code, not of the process
            conn.send(("error", exc))


class _Worker:
    def __init__(self, ctx: Any, init: Callable[[Any], Any], arg: Any,
                 work: Callable[[Any, Any], Any]) -> None:
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(target=_serve, args=(child, init, arg, work),
                                                daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.task: Any = None
        self.busy = False

    def stop(self) -> None:
        if self.process.is_alive():
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class Pool(Generic[T, R]):
    """``workers`` processes, each running ``init(arg)`` once and then ``work(state, task)``."""

    def __init__(self, workers: int, init: Callable[[Any], Any], arg: Any,
                 work: Callable[[Any, T], R]) -> None:
        self._spec = (init, arg, work)
        self._ctx = mp.get_context("spawn")  # a fresh interpreter: no locks or threads inherited
        self._workers = [self._start() for _ in range(max(1, workers))]
        self._start_failures = 0

    def _start(self) -> _Worker:
        return _Worker(self._ctx, *self._spec)

    def run(self, tasks: Iterable[T]) -> Iterator[tuple[T, R | Died]]:
        """Each task with its result, or ``Died`` when its worker died (in completion order).
        An exception raised by ``work`` or ``init`` is raised here."""
        todo = deque(tasks)
        try:
            while todo or any(w.busy for w in self._workers):
                for w in self._workers:
                    if w.ready and not w.busy and todo:
                        w.task, w.busy = todo.popleft(), True
                        w.conn.send(w.task)
                waiting = {w.conn: w for w in self._workers} | {
                    w.process.sentinel: w for w in self._workers}
                for ready in wait(list(waiting)):
                    yield from self._answer(waiting[ready])
        finally:
            for w in self._workers:
                w.stop()

    def _answer(self, w: _Worker) -> Iterator[tuple[T, R | Died]]:
        if w not in self._workers:  # replaced already (its pipe and its sentinel both woke)
            return
        message = None
        try:
            if w.conn.poll():
                message = w.conn.recv()
        except (EOFError, OSError):
            message = None
        if message is None:
            if w.process.is_alive():
                return
            w.process.join()
            self._workers[self._workers.index(w)] = self._start()
            w.conn.close()
            if not w.ready:
                self._start_failures += 1
                if self._start_failures >= MAX_START_FAILURES:
                    raise RuntimeError(f"worker processes die while starting (exit code "
                                       f"{w.process.exitcode})")
            if w.busy:
                yield w.task, Died(w.process.exitcode)
            return
        kind, value = message
        if kind == "error":
            raise value
        if kind == "ready":
            w.ready, self._start_failures = True, 0
            return
        task, w.task, w.busy = w.task, None, False
        yield task, value
