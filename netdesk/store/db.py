"""Opening the SQLite file: owner-only permissions, pragmas, integrity, migrations, backups."""

from __future__ import annotations

import os
from pathlib import Path

from peewee import SqliteDatabase

from netdesk.store import backup, migrations
from netdesk.store.integrity import quick_check
from netdesk.store.models import db

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -16000,
    "temp_store": "memory",
}


class DamagedDatabaseError(RuntimeError):
    """The database file failed its integrity check; it has not been touched."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        detail = "; ".join(problems[:3])
        super().__init__(f"The database {path} is damaged: {detail}")


class UpgradeError(RuntimeError):
    """A schema upgrade step failed and was undone; `backup` is the copy from before the upgrade."""

    def __init__(self, backup: Path, cause: Exception) -> None:
        self.backup = backup
        super().__init__(
            f"{cause}\n\nThe step that failed was undone. A copy of the file from before the "
            f"upgrade is kept at {backup}"
        )


def _ensure_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    os.chmod(path, 0o600)


def connect(path: Path) -> SqliteDatabase:
    """A Peewee database on `path` with NetDesk's pragmas (thread-local connections)."""
    return SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)


def open_database(
    path: Path, *, check: bool = True, daily_backup: bool = True, defer_upgrade: bool = False
) -> SqliteDatabase:
    """Open (creating if needed) the NetDesk database at `path` and bind the models to it.

    A damaged file raises DamagedDatabaseError and is left exactly as it was. An older schema is
    upgraded (`upgrade_database`), or with `defer_upgrade` left for the caller to upgrade (the GUI
    does it off its thread). Once a day a backup is taken.
    """
    path = Path(path)
    if check:
        problems = quick_check(path)
        if problems:
            raise DamagedDatabaseError(path, problems)
    fresh = not path.exists() or path.stat().st_size == 0
    _ensure_private_file(path)
    database = connect(path)
    db.initialize(database)
    database.connect(reuse_if_open=True)
    for suffix in ("-wal", "-shm"):
        side = Path(str(path) + suffix)
        if side.exists():
            os.chmod(side, 0o600)
    if fresh:
        migrations.create_current(database)
    elif migrations.pending(database):
        if defer_upgrade:
            return database  # the pre-migration backup will be today's
        upgrade_database(database, path)
    if daily_backup and not fresh:
        backup.take_daily(database, path)
    return database


def upgrade_database(
    database: SqliteDatabase, path: Path, report: migrations.Report | None = None
) -> Path:
    """Back up the file at `path`, then run the missing schema steps; return the backup's path.

    A failing step raises UpgradeError (the file stays at the last whole step).
    """
    copy = backup.take(database, Path(path), reason="pre-migration")
    try:
        migrations.upgrade(database, report=report)
    except Exception as error:
        raise UpgradeError(copy, error) from error
    return copy


def close_database() -> None:
    """Close the bound database, if any (connections of worker threads close themselves)."""
    if db.obj is not None and not db.obj.is_closed():
        db.obj.close()
