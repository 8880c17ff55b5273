"""When the full integrity check at start-up is worth its time.

`PRAGMA quick_check` reads the whole file, a wait on every start of a large network. It guards
against a file damaged while NetDesk was not looking: a crash or power cut during a write, a sync or
backup tool copying half a file, a failing disk. A clean close records the file's size, modification
time and inode beside it; the next open runs the full check only when that record is missing (the
last run crashed, or it never closed), the file no longer matches it (something else wrote it), or
the last full check is FULL_CHECK_DAYS old. Opening for writing deletes the record first, so a crash
always leaves none.
"""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

FULL_CHECK_DAYS = 7


def record_path(db_path: Path) -> Path:
    """Where the record of the last clean close lives (beside the database)."""
    return Path(db_path).with_name(Path(db_path).name + "-clean-close.json")


def _fingerprint(db_path: Path) -> dict[str, int] | None:
    """What changes whenever the file is written (None if the file or its WAL is not settled)."""
    wal = Path(str(db_path) + "-wal")
    if not db_path.exists() or (wal.exists() and wal.stat().st_size):
        return None
    info = db_path.stat()
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns, "inode": info.st_ino}


def last_full_check(db_path: Path) -> date | None:
    """The day of the last full check if the file is as the last clean close left it, else None."""
    try:
        record = json.loads(record_path(db_path).read_text(encoding="utf-8"))
        checked = date.fromisoformat(record["checked_on"])
        unchanged = record["file"] == _fingerprint(Path(db_path))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return checked if unchanged else None


def full_check_due(db_path: Path, today: date) -> bool:
    """Whether opening `db_path` today needs the full integrity check."""
    checked = last_full_check(db_path)
    return checked is None or not (today - timedelta(days=FULL_CHECK_DAYS) < checked <= today)


def forget(db_path: Path) -> None:
    """Drop the record before writing, so that a crash from now on forces the next full check."""
    record_path(db_path).unlink(missing_ok=True)


def remember(db_path: Path, checked_on: date) -> None:
    """Record a clean close of `db_path` (all connections closed), last fully checked on
    `checked_on`. Nothing is recorded while a WAL file still holds changes."""
    fingerprint = _fingerprint(Path(db_path))
    if fingerprint is None:
        return
    record = {"checked_on": checked_on.isoformat(), "file": fingerprint}
    target = record_path(db_path)
    tmp = target.with_name(target.name + ".part")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(record, out)
    os.replace(tmp, target)
