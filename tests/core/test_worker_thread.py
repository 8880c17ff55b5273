"""Stoppable: another thread stops a worker's statement mid-way; the answer is None, the
worker's connection closed, the GUI thread's untouched. in_background: a thread's priority
lowered, the others' as they were."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest

from netdesk.core.worker_thread import BACKGROUND_NICE, Stoppable, in_background
from netdesk.store.models import db

# a statement that runs for minutes unless interrupted
_LONG = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) "
    "SELECT count(*) FROM n"
)


def test_stop_interrupts_the_running_statement(database) -> None:
    stoppable = Stoppable()
    answers: list[object] = []
    running = threading.Event()

    def work() -> int:
        running.set()
        found: int = db.execute_sql(_LONG).fetchone()[0]
        return found

    worker = threading.Thread(target=lambda: answers.append(stoppable.run(work)))
    worker.start()
    assert running.wait(5)
    deadline = time.monotonic() + 10
    while worker.is_alive() and time.monotonic() < deadline:
        stoppable.stop()  # again, should the first come before the statement began
        worker.join(0.05)
    assert not worker.is_alive() and answers == [None]
    assert db.execute_sql("SELECT 1").fetchone()[0] == 1  # this thread's connection still works


def test_a_statement_begun_after_one_stop_ends_too(database) -> None:
    """SQLite drops an interrupt while no statement runs: a statement begun after the only
    stop() is ended by the stop's progress check instead."""
    stoppable = Stoppable()
    answers: list[object] = []
    began, stopped = threading.Event(), threading.Event()

    def work() -> int:
        began.set()
        stopped.wait(10)
        found: int = db.execute_sql(_LONG).fetchone()[0]
        return found

    worker = threading.Thread(target=lambda: answers.append(stoppable.run(work)))
    worker.start()
    assert began.wait(5)
    stoppable.stop()
    stopped.set()
    worker.join(30)
    assert not worker.is_alive() and answers == [None]


def test_stopped_before_it_starts_it_does_not_run(database) -> None:
    stoppable = Stoppable()
    stoppable.stop()
    ran: list[bool] = []
    assert stoppable.run(lambda: ran.append(True)) is None and ran == []


def test_an_error_that_is_no_stop_is_raised(database) -> None:
    import pytest
    from peewee import OperationalError

    with pytest.raises(OperationalError):
        Stoppable().run(lambda: db.execute_sql("SELECT * FROM no_such_table"))


linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="a thread's nice is Linux's"
)


def _nice() -> int:
    """The calling thread's nice."""
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def _lowered() -> int:
    """The nice of a thread `in_background` lowered (this thread's nice being the GUI's)."""
    return min(19, _nice() + BACKGROUND_NICE)


@linux_only
def test_in_background_lowers_only_the_thread_it_runs_on() -> None:
    before, lowered = _nice(), _lowered()
    seen: list[tuple[int, int]] = []
    worker = threading.Thread(target=lambda: seen.append(in_background(lambda: (_nice(), 7))))
    worker.start()
    worker.join()
    assert seen == [(lowered, 7)]
    assert _nice() == before
