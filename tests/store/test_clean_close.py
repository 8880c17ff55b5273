"""The full integrity check at open runs after a crash, a change from outside, or a week: not on
every start."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest

from netdesk.store import clean_close, integrity
from netdesk.store.db import close_database, open_database
from netdesk.store.errors import DamagedDatabaseError
from netdesk.store.models import Contact

DAY = date(2026, 3, 10)


@pytest.fixture
def full_checks(monkeypatch) -> list[str]:
    """The files SQLite's quick_check ran on."""
    calls: list[str] = []
    real = integrity.quick_check

    def counting(path, **kwargs):
        calls.append(path.name)
        return real(path, **kwargs)

    monkeypatch.setattr(integrity, "quick_check", counting)
    return calls


def _closed_cleanly(db_path) -> None:
    open_database(db_path, daily_backup=False)
    Contact.create(display_name="Ann Lee")
    close_database(clean=True)


def test_after_a_clean_close_the_next_open_skips_the_full_check(paths, full_checks) -> None:
    _closed_cleanly(paths.database)
    full_checks.clear()
    open_database(paths.database, daily_backup=False)
    close_database(clean=True)
    assert full_checks == []
    assert clean_close.record_path(paths.database).exists()


def test_after_a_crash_the_next_open_runs_the_full_check(paths, full_checks) -> None:
    _closed_cleanly(paths.database)
    open_database(paths.database, daily_backup=False)
    assert not clean_close.record_path(paths.database).exists()  # gone while open
    close_database()  # as good as a crash: nothing recorded
    full_checks.clear()
    open_database(paths.database, daily_backup=False)
    close_database()
    assert full_checks == ["netdesk.db"]


def test_a_file_changed_after_a_clean_close_gets_the_full_check(paths) -> None:
    _closed_cleanly(paths.database)
    data = bytearray(paths.database.read_bytes())
    data[4096 * 2 : 4096 * 3] = b"\xde\xad\xbe\xef" * 1024
    paths.database.write_bytes(bytes(data))
    stat = paths.database.stat()
    os.utime(paths.database, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    with pytest.raises(DamagedDatabaseError):
        open_database(paths.database)


def test_the_cheap_check_finds_a_cut_or_foreign_file(paths) -> None:
    _closed_cleanly(paths.database)
    assert integrity.examine(paths.database, full=False)[0] == []
    with paths.database.open("r+b") as file:
        file.truncate(paths.database.stat().st_size - 100)
    problems, _version = integrity.examine(paths.database, full=False)
    assert problems == ["the file is cut short (its size is not a whole number of pages)"]
    paths.database.write_bytes(b"PK\x03\x04" + b"zip" * 100)
    assert integrity.examine(paths.database, full=False)[0] == [
        "the file is not an SQLite database"
    ]


@pytest.mark.parametrize(
    ("checked_on", "due"),
    [(DAY, False), (date(2026, 3, 4), False), (date(2026, 3, 3), True), (date(2026, 3, 11), True)],
)
def test_the_full_check_runs_once_a_week(paths, checked_on: date, due: bool) -> None:
    open_database(paths.database, daily_backup=False)
    close_database()
    clean_close.remember(paths.database, checked_on)
    assert clean_close.full_check_due(paths.database, DAY) is due


def test_the_week_is_counted_on_the_app_clock(paths, full_checks, clock) -> None:
    """Checked on the clock's day (a new file is), a start six days later skips the full check
    and one a week later runs it, whatever the machine's date."""
    checked_on = clock.today()
    open_database(paths.database, daily_backup=False, now=clock.now())
    close_database(clean=True)
    assert clean_close.last_full_check(paths.database) == checked_on
    for days, checks in ((6, []), (7, ["netdesk.db"])):
        full_checks.clear()
        open_database(paths.database, daily_backup=False, now=clock.now() + timedelta(days=days))
        close_database(clean=True)
        assert full_checks == checks, f"{days} days after the check"
    assert clean_close.last_full_check(paths.database) == checked_on + timedelta(days=7)


def test_a_damaged_record_means_a_full_check(paths) -> None:
    open_database(paths.database, daily_backup=False)
    close_database()
    clean_close.record_path(paths.database).write_text("{not json")
    assert clean_close.full_check_due(paths.database, DAY)
