"""A view's reads on a worker thread, the newest answer only ("newest read wins").

A view asks for a read each time what it shows changes (the contact list's count and filter
menus, the editor's completions, the Events list, the whole Companies list ahead of its
showing); an answer begun before a later change may be stale. `LatestRead` runs the reads one
at a time on a thread of its own (kept: starting one took ~6 ms a read), each on the thread's
own SQLite connection. A newer read stops
the one running mid-statement (`core.worker_thread.Stoppable`) and those not started yet, and
only the newest read's answer is given: by `read`, or by `take()`, which waits for it.
`shut_down()` stops and waits, before the store closes.

An answer for a view not in sight (made hidden at start-up, or a reader without one) is given on
a turn of its own (`GIVE_AFTER_MS`): the worker's news of it is a posted event, which Qt runs
before the timers that came due meanwhile, so an answer arriving while the GUI thread was busy (a
start-up step) was shown in the same stall as that work. An answer the user looks for (the count
under the list being typed into) is given at once.

Nothing from PySide6 or netdesk.ui is imported inside a read: it runs on the worker (see
tests/ui/test_worker_imports.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from netdesk.core.faults import fault_message
from netdesk.core.worker_thread import Stoppable
from netdesk.ui.tasks import BackgroundPool, Progress, Task

GIVE_AFTER_MS = 1
"""A timer, not a call posted at 0 ms (which Qt would run before the timers due)."""


class _Read:
    """One read asked for: stopped when a newer one is asked; its answer once it ends."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self.work = work
        self.stoppable = Stoppable()
        self.ended = threading.Event()
        self.answer: tuple[Any] | None = None  # (answer,): None when stopped or failed
        self.fault = ""

    def run(self, _progress: Progress) -> _Read:
        """On the worker: the answer, or the fault in the user's words."""
        try:
            self.answer = self.stoppable.run(lambda: (self.work(),))
        except Exception as exc:  # given by `failed` on the GUI thread
            self.fault = fault_message(exc) or str(exc) or type(exc).__name__
        finally:
            self.ended.set()
        return self


class LatestRead(QObject):
    """Runs reads on a worker; `read` gives the newest read's answer, `failed` its fault."""

    read = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, ahead: bool = False) -> None:
        """`ahead`: its reads are read ahead of a showing (a view's, a menu's), nobody waiting
        for them while they run (at a lower priority: `BackgroundPool`)."""
        super().__init__(parent)
        self._pool = BackgroundPool(self) if ahead else QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)
        self._newest: _Read | None = None
        self._shut = False

    @property
    def busy(self) -> bool:
        """Whether a read was asked for whose answer is not given yet."""
        return self._newest is not None

    def start(self, work: Callable[[], Any]) -> None:
        """Run `work` on the worker (it must not import Qt modules); the answer of any read
        asked for before is not wanted."""
        if self._shut:
            return
        self.forget()
        read = self._newest = _Read(work)
        task = Task(read.run, self)
        task.succeeded.connect(self._ended)
        task.finished.connect(task.deleteLater)
        task.start(self._pool)

    def forget(self) -> None:
        """No answer is wanted any more: the read asked for is stopped (before or while it
        runs)."""
        read, self._newest = self._newest, None
        if read is not None:
            read.stoppable.stop()

    def take(self) -> tuple[Any] | None:
        """`(answer,)` of the newest read, waiting for it to end (it is then no longer given by
        `read`); None when none was asked for, or it failed."""
        read, self._newest = self._newest, None
        if read is None:
            return None
        read.ended.wait()
        return read.answer

    def shut_down(self) -> None:
        """Read no more: stop the read asked for and wait for the worker (before the store
        closes). Reads asked for afterwards are not run."""
        self._shut = True
        self.forget()
        self._pool.waitForDone()

    def _ended(self, read: _Read) -> None:
        if read is not self._newest:
            return
        view = self.parent()
        if isinstance(view, QWidget) and view.isVisible():
            self._give(read)
        else:
            QTimer.singleShot(GIVE_AFTER_MS, self, partial(self._give, read))

    def _give(self, read: _Read) -> None:
        if read is not self._newest:  # a newer read was asked for, or `take` took it
            return
        self._newest = None
        if read.fault:
            self.failed.emit(read.fault)
        elif read.answer is not None:
            self.read.emit(read.answer[0])
