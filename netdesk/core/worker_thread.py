"""Work off the GUI thread: each thread reads the store through its own SQLite connection
(Peewee keeps one a thread), which the thread closes when its work is done."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

from peewee import OperationalError

from netdesk.store.models import db

T = TypeVar("T")

BACKGROUND_NICE = 10
"""How much lower than the GUI thread's a background thread's priority is (`in_background`)."""


def on_own_connection(work: Callable[[], T]) -> T:
    """Run `work` in this (worker) thread, then close the thread's connection."""
    try:
        return work()
    finally:
        db.obj.close()


def in_background(work: Callable[[], T]) -> T:
    """Run `work` on this thread at a lower priority than the GUI thread's (Linux: nice +10; as
    it is elsewhere): on two cores, the full integrity check (C, no GIL) took a core from the
    GUI thread while start-up made the views. Only on a thread that serves nothing else (the
    GUI's `BackgroundPool`): it stays lowered (raising it back needs a privilege)."""
    if sys.platform.startswith("linux"):
        lowered = min(19, os.getpriority(os.PRIO_PROCESS, os.getpid()) + BACKGROUND_NICE)
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), lowered)
    return work()


class Stoppable:
    """Reading work that another thread may stop mid-statement (the answer is no longer
    wanted): `stop()` interrupts the statement the worker's connection runs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._stopped = threading.Event()

    def run(self, work: Callable[[], T]) -> T | None:
        """Run `work` on this thread's own connection; None when stopped before or during it."""
        return on_own_connection(lambda: self._guarded(work))

    def _guarded(self, work: Callable[[], T]) -> T | None:
        with self._lock:
            if self._stopped.is_set():
                return None
            connection = self._connection = db.connection()
        # An interrupt while no statement runs is lost (SQLite): one begun after stop() ends
        # at its first 1,000 steps instead.
        connection.set_progress_handler(self._stopped.is_set, 1000)
        try:
            found = work()
            return None if self._stopped.is_set() else found
        except (OperationalError, sqlite3.OperationalError):
            if self._stopped.is_set():  # "interrupted": nobody waits for the answer
                return None
            raise
        finally:
            connection.set_progress_handler(None, 0)
            with self._lock:
                self._connection = None

    def stop(self) -> None:
        """Stop the work: before it starts, or the statement it runs now (SQLite's interrupt
        is safe from any thread)."""
        with self._lock:
            self._stopped.set()
            if self._connection is not None:
                self._connection.interrupt()
