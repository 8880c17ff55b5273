"""Work off the GUI thread: each thread reads the store through its own SQLite connection
(Peewee keeps one a thread), which the thread closes when its work is done."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from netdesk.store.models import db

T = TypeVar("T")


def on_own_connection(work: Callable[[], T]) -> T:
    """Run `work` in this (worker) thread, then close the thread's connection."""
    try:
        return work()
    finally:
        db.obj.close()
