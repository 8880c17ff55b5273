"""Backups with SQLite's online backup API: on demand, before migrations and once a day.

Generations live in a `backups/` folder beside the database, named by time, the newest few kept
(and the newest one that holds more contacts than the database now, so that days of backups of
a file that lost its contacts never rotate the last good one out). Restoring never deletes the
current file: it is moved aside with a `.damaged-<time>` suffix.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from peewee import Database

from netdesk.store.integrity import connect_read_only, quick_check

KEEP_GENERATIONS = 7
_STAMP = "%Y%m%d-%H%M%S"


def backup_dir(db_path: Path) -> Path:
    """Where the generations of this database's backups live."""
    return Path(db_path).parent / "backups"


def copy_database(source: Path | sqlite3.Connection, dest: Path) -> Path:
    """Copy a live database (a path or an open connection) to `dest` with the backup API."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = dest.with_name(dest.name + ".part")
    if tmp.exists():
        tmp.unlink()
    src = sqlite3.connect(str(source)) if isinstance(source, Path) else source
    try:
        target = sqlite3.connect(str(tmp))
        try:
            src.backup(target)
        finally:
            target.close()
    finally:
        if isinstance(source, Path):
            src.close()
    os.chmod(tmp, 0o600)
    os.replace(tmp, dest)
    return dest


def take(
    database: Database, db_path: Path, reason: str = "manual", *, now: datetime | None = None
) -> Path:
    """Take a backup generation and prune old ones; return its path. `now` (the app's clock;
    default: the wall clock) names it, and so decides the day it counts for (`take_daily`)."""
    stamp = (now or datetime.now()).strftime(_STAMP)
    dest = backup_dir(db_path) / f"netdesk-{stamp}-{reason}.db"
    copy_database(database.connection(), dest)
    prune(db_path)
    return dest


def generations(db_path: Path) -> list[Path]:
    """Backup files of this database, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("netdesk-*.db"), key=lambda p: p.name, reverse=True)


def contact_count(path: Path) -> int:
    """How many contacts a database file holds (0 when it cannot be read)."""
    try:
        conn = connect_read_only(path)
        try:
            return int(conn.execute("SELECT count(*) FROM contact").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def prune(db_path: Path, keep: int = KEEP_GENERATIONS) -> None:
    """Delete all but the newest `keep` generations, except the newest older one holding more
    contacts than the newest generation (a copy of the file now) when none of the kept does."""
    every = generations(db_path)
    older = every[keep:]
    if not older:
        return
    now = contact_count(every[0])
    if all(contact_count(kept) <= now for kept in every[1:keep]):
        bigger = next((old for old in older if contact_count(old) > now), None)
        older = [old for old in older if old != bigger]
    for old in older:
        old.unlink(missing_ok=True)


def take_daily(database: Database, db_path: Path, *, now: datetime | None = None) -> Path | None:
    """Take a backup unless one was taken today: the local day of `now` (the app's clock;
    default: the wall clock), whatever the reason of that day's backup."""
    now = now or datetime.now()
    today = now.strftime("%Y%m%d")
    if any(p.name.startswith(f"netdesk-{today}") for p in generations(db_path)):
        return None
    return take(database, db_path, reason="daily", now=now)


def newest_good(db_path: Path) -> Path | None:
    """The newest backup generation that passes an integrity check."""
    for candidate in generations(db_path):
        if not quick_check(candidate):
            return candidate
    return None


def restore(backup: Path, db_path: Path, *, now: datetime | None = None) -> Path | None:
    """Put `backup` in place of the database; the old file is kept aside (named by `now`, the
    app's clock; default: the wall clock) and its path returned."""
    db_path = Path(db_path)
    kept = None
    if db_path.exists():
        stamp = (now or datetime.now()).strftime(_STAMP)
        kept = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
        os.replace(db_path, kept)
    for suffix in ("-wal", "-shm"):
        side = Path(str(db_path) + suffix)
        if side.exists():
            os.replace(side, Path(str(kept or db_path) + suffix))
    tmp = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup, tmp)
    os.chmod(tmp, 0o600)
    os.replace(tmp, db_path)
    return kept
