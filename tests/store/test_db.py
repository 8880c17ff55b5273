"""Opening the store: private files, pragmas, backups, restore, damaged files left alone."""

from __future__ import annotations

import stat
from datetime import datetime
from pathlib import Path

import pytest

from netdesk.store import backup, migrations
from netdesk.store.db import DamagedDatabaseError, close_database, open_database
from netdesk.store.integrity import quick_check
from netdesk.store.models import Contact


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_is_private_and_uses_wal(paths) -> None:
    database = open_database(paths.database)
    try:
        assert _mode(paths.data_dir) == 0o700
        assert _mode(paths.database) == 0o600
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert migrations.current_version(database) == migrations.latest_version()
    finally:
        close_database()


def test_backup_and_restore_bring_rows_back(paths) -> None:
    open_database(paths.database)
    Contact.create(display_name="Kept Person")
    taken = backup.take(Contact._meta.database.obj, paths.database)
    Contact.delete().execute()
    close_database()
    assert _mode(taken) == 0o600
    assert quick_check(taken) == []
    kept = backup.restore(taken, paths.database)
    assert kept is not None and kept.exists()
    open_database(paths.database)
    try:
        assert [c.display_name for c in Contact.select()] == ["Kept Person"]
    finally:
        close_database()


def test_generations_are_pruned(paths, database) -> None:
    for index in range(backup.KEEP_GENERATIONS + 3):
        dest = backup.backup_dir(paths.database) / f"netdesk-20260101-0000{index:02d}-manual.db"
        backup.copy_database(database.connection(), dest)
    backup.prune(paths.database)
    assert len(backup.generations(paths.database)) == backup.KEEP_GENERATIONS


def test_daily_backup_once_a_day(paths) -> None:
    open_database(paths.database)
    close_database()
    open_database(paths.database)
    close_database()
    open_database(paths.database)
    close_database()
    daily = [p for p in backup.generations(paths.database) if p.name.endswith("-daily.db")]
    assert len(daily) == 1


def _daily_names(db_path: Path) -> list[str]:
    return sorted(p.name for p in backup.generations(db_path) if p.name.endswith("-daily.db"))


def test_the_days_backup_is_the_app_clocks_day_across_local_midnight(paths, clock, tokyo) -> None:
    """Local time nine hours ahead of UTC: the backup of 23:59 is that day's, the one of 00:01
    the next day's, and a start later that night takes none (the clock decides, not the
    machine's clock or zone)."""
    open_database(paths.database)  # a new file: nothing to back up yet
    close_database()
    clock.set_wall(datetime(2026, 3, 11, 23, 59))
    for _start in range(2):
        open_database(paths.database, now=clock.now())
        close_database()
    assert _daily_names(paths.database) == ["netdesk-20260311-235900-daily.db"]
    clock.advance(120)
    open_database(paths.database, now=clock.now())
    close_database()
    clock.advance(30 * 60)
    open_database(paths.database, now=clock.now())
    close_database()
    assert _daily_names(paths.database) == [
        "netdesk-20260311-235900-daily.db",
        "netdesk-20260312-000100-daily.db",
    ]


def test_a_backup_of_the_day_for_another_reason_is_the_days_backup(paths, clock) -> None:
    open_database(paths.database)
    taken = backup.take(Contact._meta.database.obj, paths.database, now=clock.now())
    assert taken.name == "netdesk-20260311-143000-manual.db"
    assert backup.take_daily(Contact._meta.database.obj, paths.database, now=clock.now()) is None
    clock.advance(24 * 3600)
    try:
        daily = backup.take_daily(Contact._meta.database.obj, paths.database, now=clock.now())
        assert daily is not None and daily.name == "netdesk-20260312-143000-daily.db"
    finally:
        close_database()


def test_backup_before_migration(paths, monkeypatch) -> None:
    open_database(paths.database)
    close_database()
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, lambda database, migrator: None])
    open_database(paths.database, daily_backup=False)
    close_database()
    names = [p.name for p in backup.generations(paths.database)]
    assert any(name.endswith("-pre-migration.db") for name in names)


def _corrupt(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 3] = b"\xde\xad\xbe\xef" * 2048
    path.write_bytes(bytes(data))
    return bytes(data)


def test_damaged_file_is_detected_and_not_overwritten(paths) -> None:
    database = open_database(paths.database)
    for index in range(300):
        Contact.create(display_name=f"Person {index}", notes="x" * 200)
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    damaged = _corrupt(paths.database)
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(paths.database)
    assert caught.value.problems
    assert paths.database.read_bytes() == damaged
