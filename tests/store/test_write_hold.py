"""The integrity check deferred past opening (`open_database(defer_check=True)`): reads go ahead
at once, writes wait for the check's verdict and are refused for good on a damaged file."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pytest
from peewee import DatabaseError

from netdesk.store import clean_close
from netdesk.store.db import (
    close_database,
    deferred_check,
    open_database,
    stop_watching_writes,
    writes_refused,
)
from netdesk.store.models import Contact, db
from netdesk.store.write_hold import WriteHold

WAIT = 10  # seconds a test waits for another thread at most


def _network(path: Path, people: int = 3) -> None:
    """A store of `people` contacts whose next open is due a full check (no clean close)."""
    open_database(path)
    for index in range(people):
        Contact.create(display_name=f"Person {index}", notes="n" * 300)
    db.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    clean_close.forget(path)


def _damage(path: Path) -> None:
    """Garbage in the pages after the schema's: the header and the schema still read."""
    data = bytearray(path.read_bytes())
    data[3 * 4096 : 6 * 4096] = b"\x13\x37" * (3 * 2048)
    path.write_bytes(bytes(data))


def _write_in_a_thread() -> tuple[threading.Thread, list[object]]:
    """A contact created by another thread (its own connection); the outcome lands in the list."""
    outcome: list[object] = []

    def write() -> None:
        try:
            outcome.append(Contact.create(display_name="Written").id)
        except DatabaseError as error:
            outcome.append(error)
        finally:
            db.obj.close()

    writer = threading.Thread(target=write)
    writer.start()
    return writer, outcome


@pytest.fixture
def store_day(clock) -> date:
    """The day the store is told it is (the app's clock's: `open_database(now=...)` and
    `deferred_check(today=...)`), so a test run across midnight still finds the check recorded on
    the day it looks at."""
    return clock.now().date()


def test_reads_go_ahead_and_a_write_waits_until_the_check_passes(paths, clock, store_day) -> None:
    _network(paths.database)
    try:
        database = open_database(
            paths.database, defer_check=True, daily_backup=False, now=clock.now()
        )
        assert isinstance(database.write_hold, WriteHold)
        assert Contact.select().count() == 3  # reads at once
        writer, outcome = _write_in_a_thread()
        time.sleep(0.3)  # not join(0.3): under libfaketime a timed join never returns
        assert writer.is_alive() and outcome == [], "the write waits for the verdict"
        assert deferred_check(database, store_day) == []
        writer.join(WAIT)
        assert len(outcome) == 1 and isinstance(outcome[0], int)
        stop_watching_writes()
        assert Contact.create(display_name="After").id and not writes_refused()
    finally:
        close_database(clean=True)
    assert clean_close.last_full_check(paths.database) == store_day


def test_a_damaged_file_refuses_every_write_and_stays_as_it_was(paths, clock, store_day) -> None:
    _network(paths.database, people=400)
    _damage(paths.database)
    before = paths.database.read_bytes()
    try:
        database = open_database(
            paths.database, defer_check=True, daily_backup=False, now=clock.now()
        )
        writer, outcome = _write_in_a_thread()
        problems = deferred_check(database, store_day)
        writer.join(WAIT)
        assert problems and writes_refused()
        assert len(outcome) == 1 and isinstance(outcome[0], DatabaseError)
        with pytest.raises(DatabaseError):
            Contact.create(display_name="Refused")
    finally:
        close_database(clean=True)
    assert paths.database.read_bytes() == before
    assert clean_close.full_check_due(paths.database, store_day), "checked again next time"


def test_closed_before_the_check_ends_checks_again_next_time(paths, clock, store_day) -> None:
    _network(paths.database)
    open_database(paths.database, defer_check=True, daily_backup=False, now=clock.now())
    close_database(clean=True)
    assert clean_close.full_check_due(paths.database, store_day)


def test_no_check_due_holds_nothing(paths) -> None:
    _network(paths.database)
    open_database(paths.database)  # checks now
    close_database(clean=True)
    try:
        database = open_database(paths.database, defer_check=True, daily_backup=False)
        assert getattr(database, "write_hold", None) is None
        assert deferred_check(database) == []
        assert Contact.create(display_name="At once").id
    finally:
        close_database()
