"""Opening the SQLite file: owner-only permissions, pragmas, integrity, migrations, backups.

Everything that could make opening a mistake is found first, over a read-only connection, and
raised (`netdesk.store.errors`) before anything writes: a damaged file, an empty or missing one
where backups hold the network, a newer NetDesk's file, a path SQLite cannot open.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path

from peewee import SqliteDatabase

from netdesk.store import access, backup, clean_close, migrations
from netdesk.store.errors import (
    DamagedDatabaseError,
    EmptyDatabaseError,
    NewerDatabaseError,
    PathTooLongError,
    ReadOnlyUpgradeError,
    StoreError,
    UpgradeError,
)
from netdesk.store.integrity import examine, quick_check, read_only_uri
from netdesk.store.models import db
from netdesk.store.write_hold import WriteHold

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -16000,
    "temp_store": "memory",
}
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "cache_size": -16000, "temp_store": "memory"}

# The file opened for writing and the day of its last full check, for the clean-close record.
_session: list[tuple[Path, date]] = []


def _ensure_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    os.chmod(path, 0o600)


class NetDeskDatabase(SqliteDatabase):
    """A Peewee SQLite database whose new connections ask `write_hold`, while there is one."""

    write_hold: WriteHold | None = None

    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        super()._add_conn_hooks(conn)  # type: ignore[misc]
        if self.write_hold is not None:
            self.write_hold.watch(conn)


def connect(path: Path) -> NetDeskDatabase:
    """A Peewee database on `path` with NetDesk's pragmas (thread-local connections)."""
    return NetDeskDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)


def _vet(path: Path, *, full_check: bool, read_only: bool, defer: bool) -> tuple[bool, bool]:
    """Raise what is wrong with the file at `path` before anything writes. Whether it is new
    (missing or empty, and no good backup says otherwise), and whether the due `full_check` is
    left for later (`defer`; never before an upgrade, which writes at once)."""
    if access.folder_too_long(path.parent):
        raise PathTooLongError(path, access.MAX_FOLDER_BYTES)
    if not path.exists() or path.stat().st_size == 0:
        newest = backup.newest_good(path)
        if newest is not None:
            raise EmptyDatabaseError(path, newest)
        return True, False
    problems, version = examine(path, full=full_check and not defer, immutable=read_only)
    if not problems and full_check and defer and version < migrations.latest_version():
        problems, defer = quick_check(path), False
    if problems:
        raise DamagedDatabaseError(path, problems)
    if version > migrations.latest_version():
        raise NewerDatabaseError(path, version, migrations.latest_version())
    return False, full_check and defer


def open_database(
    path: Path,
    *,
    check: bool = True,
    daily_backup: bool = True,
    defer_upgrade: bool = False,
    defer_check: bool = False,
    read_only: bool = False,
    now: datetime | None = None,
) -> SqliteDatabase:
    """Open (creating if needed) the NetDesk database at `path` and bind the models to it.

    Problems found first raise (see the module's docstring) and leave the file exactly as it was.
    `check` runs SQLite's full quick_check when `clean_close` says it is due (else a cheap one);
    with `defer_check` it glances at the header now and holds writes back until the caller has run
    `deferred_check` (on a worker: the app reads meanwhile), unless the schema is older (the
    upgrade writes at once: the check runs first). An older schema is upgraded
    (`upgrade_database`), or with `defer_upgrade` left for the caller to upgrade (the GUI does it
    off its thread). Once a day a backup is taken (unless `daily_backup` is false: the GUI takes
    it later, off its thread). `read_only` opens an existing file that cannot be written (its
    folder is read-only): browse, search, export. `now` is the app's clock (default: the wall
    clock): its day decides whether the weekly full check is due and which backup is today's.
    """
    path = Path(path)
    now = now or datetime.now()
    today = now.date()
    full_check = read_only or (check and clean_close.full_check_due(path, today))
    defer = defer_check and not read_only
    fresh, deferred = _vet(path, full_check=full_check, read_only=read_only, defer=defer)
    if read_only:
        return _open_read_only(path, fresh)
    checked_on = today if full_check else clean_close.last_full_check(path) or today
    if deferred:
        checked_on = date.min  # closed before the check ends: the next start checks again
    clean_close.forget(path)
    _ensure_private_file(path)
    database = connect(path)
    if deferred:
        database.write_hold = WriteHold()
    db.initialize(database)
    database.connect(reuse_if_open=True)
    _session[:] = [(path, checked_on)]
    for suffix in ("-wal", "-shm"):
        with suppress(FileNotFoundError):  # gone when another connection closed meanwhile
            os.chmod(Path(str(path) + suffix), 0o600)
    if fresh:
        migrations.create_current(database)
    elif migrations.pending(database):
        if defer_upgrade:
            return database  # the pre-migration backup will be today's
        upgrade_database(database, path, now=now)
    if daily_backup and not fresh:
        backup.take_daily(database, path, now=now)
    return database


def deferred_check(database: SqliteDatabase, today: date | None = None) -> list[str]:
    """Run the full integrity check `open_database(defer_check=True)` left to do (meant for a
    worker thread), then let the writes held meanwhile go ahead, or refuse them when the file is
    damaged; the problems found ([] when healthy, or when no check was left). A passed check is
    recorded as made on `today` (the app's clock; default: the wall clock's day)."""
    hold: WriteHold | None = getattr(database, "write_hold", None)
    if hold is None or hold.decided:
        return []
    path = Path(database.database)
    try:
        problems = quick_check(path)
    except Exception as error:  # an unreadable file is a damaged one; never leave writes waiting
        problems = [str(error) or type(error).__name__]
    if problems:
        hold.refuse()
        return problems
    hold.release()
    database.write_hold = None  # type: ignore[attr-defined]
    if _session and _session[0][0] == path:
        _session[:] = [(path, today or date.today())]
    return []


def writes_refused() -> bool:
    """Whether the bound database refuses writes (its deferred check found it damaged)."""
    hold = getattr(db.obj, "write_hold", None)
    return hold is not None and hold.refused


def stop_watching_writes() -> None:
    """The deferred check passed: this thread's connection no longer asks before it writes."""
    database = db.obj
    released = database is not None and getattr(database, "write_hold", None) is None
    if released and not database.is_closed():
        database.connection().set_authorizer(None)


def _open_read_only(path: Path, fresh: bool) -> SqliteDatabase:
    """Bind the models to a read-only connection (immutable: its folder allows no -shm file)."""
    if fresh:
        raise StoreError(path, f"There is no database at {path}, and its folder cannot be written.")
    database = SqliteDatabase(
        read_only_uri(path, immutable=True),
        uri=True,
        pragmas=READ_ONLY_PRAGMAS,
        check_same_thread=False,
    )
    db.initialize(database)
    database.connect(reuse_if_open=True)
    if migrations.pending(database):
        database.close()
        raise ReadOnlyUpgradeError(path)
    _session.clear()
    return database


def opened_read_only() -> bool:
    """Whether the bound database was opened read-only (`open_database(read_only=True)`)."""
    return db.obj is not None and "mode=ro" in str(db.obj.database)


def upgrade_database(
    database: SqliteDatabase,
    path: Path,
    report: migrations.Report | None = None,
    *,
    now: datetime | None = None,
) -> Path:
    """Back up the file at `path` (the copy named by `now`, the app's clock; default: the wall
    clock), then run the missing schema steps; return the backup's path.

    A failing step raises UpgradeError (the file stays at the last whole step).
    """
    copy = backup.take(database, Path(path), reason="pre-migration", now=now)
    try:
        migrations.upgrade(database, report=report)
    except Exception as error:
        raise UpgradeError(copy, error) from error
    return copy


def close_database(*, clean: bool = False) -> None:
    """Close the bound database, if any (connections of worker threads close themselves).

    `clean` (the app or a command ends normally) records the clean close, so the next open can
    skip the full integrity check (see `clean_close`).
    """
    if db.obj is not None and not db.obj.is_closed():
        db.obj.close()
    if clean and _session:
        clean_close.remember(*_session[0])
    _session.clear()
