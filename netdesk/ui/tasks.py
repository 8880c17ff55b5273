"""Long work off the GUI thread: a task runs a function on a thread pool and reports back.

The function receives a `Progress` it calls to report (done, total, text) and to ask whether the
user cancelled; results, errors and progress arrive on the GUI thread as signals. Peewee gives
each worker thread its own SQLite connection.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class Progress:
    """Handed to a task's function: report progress, check for cancel."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancelled = threading.Event()

    def __call__(self, done: int, total: int, text: str = "") -> None:
        """Report progress; raises Cancelled once the user cancelled."""
        self.check()
        self._emit(done, total, text)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user cancelled."""
        if self._cancelled.is_set():
            raise Cancelled


class Task(QObject):
    """One piece of background work; connect to its signals, then `start()` it."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, func: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._func = func
        self.progress = Progress(self.progressed.emit)

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run on `pool` (the global pool by default; a `BackgroundPool` runs it at a lower
        priority)."""
        pool = pool or QThreadPool.globalInstance()
        pool.start(_Runner(self, lowered=isinstance(pool, BackgroundPool)))

    def cancel(self) -> None:
        """Ask the task to stop at its next progress report."""
        self.progress.cancel()

    def run_here(self) -> None:
        """Run in the calling thread (what the worker does; tests may call it directly)."""
        try:
            result = self._func(self.progress)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # reported to the user, never swallowed
            from netdesk.core.faults import fault_message

            message = fault_message(exc) or str(exc) or type(exc).__name__
            self.failed.emit(message, traceback.format_exc())
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


class BackgroundPool(QThreadPool):
    """Threads for work nobody waits for while it runs (the integrity check, the day's backup,
    a hidden view's read ahead of its showing): they run it at a lower priority than the GUI
    thread's (`core.worker_thread.in_background`), so that on two cores they leave the GUI thread
    a core. One thread by default. Its threads serve nothing else: lowered, a thread
    cannot be raised back without a privilege."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setMaxThreadCount(1)


def wait_for_workers(owner: QObject) -> None:
    """Wait until every task of the global pool and of `owner`'s `BackgroundPool`s has ended
    (before the store closes)."""
    for pool in (QThreadPool.globalInstance(), *owner.findChildren(BackgroundPool)):
        pool.waitForDone()


class _Runner(QRunnable):
    def __init__(self, task: Task, lowered: bool = False) -> None:
        super().__init__()
        self._task = task
        self._lowered = lowered

    def run(self) -> None:
        if self._lowered:
            from netdesk.core.worker_thread import in_background

            in_background(self._task.run_here)
        else:
            self._task.run_here()
