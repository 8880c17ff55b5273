"""What can be wrong with the database file, found before anything writes to it.

Each error names the file; none of them means the file was changed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_MESSAGE = "NetDesk's database is busy (another NetDesk is writing); try again"
READ_ONLY_MESSAGE = "NetDesk's data folder cannot be written: your network is open read-only"


class StoreError(RuntimeError):
    """The database at `path` cannot be opened as it is; it has not been touched."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


class DamagedDatabaseError(StoreError):
    """The database file failed its integrity check."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.problems = problems
        detail = "; ".join(problems[:3])
        super().__init__(path, f"The database {path} is damaged: {detail}")


class EmptyDatabaseError(DamagedDatabaseError):
    """The database file is empty or missing while a good backup exists: most likely it was lost
    (a failed copy, a sync tool), not a new start, so it is treated like a damaged one."""

    def __init__(self, path: Path, newest: Path) -> None:
        self.newest = newest
        state = "empty" if path.exists() else "missing"
        super().__init__(path, [f"the file is {state}, but the backups hold your network"])


class NewerDatabaseError(StoreError):
    """The file was written by a newer NetDesk; this one does not know its layout."""

    def __init__(self, path: Path, version: int, known: int) -> None:
        self.version = version
        super().__init__(
            path,
            f"The database {path} comes from a newer NetDesk (schema version {version}; this "
            f"NetDesk knows up to {known}). It has not been changed: please update NetDesk.",
        )


class PathTooLongError(StoreError):
    """SQLite cannot open a file (or its -journal, or a backup) whose path is this long."""

    def __init__(self, path: Path, limit: int) -> None:
        size = len(str(path).encode())
        super().__init__(
            path,
            f"The data folder's path is too long for SQLite ({size} bytes, at most {limit}): "
            f"choose a shorter folder with --data-dir.",
        )


class ReadOnlyUpgradeError(StoreError):
    """An older file needs an upgrade, but its folder cannot be written."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"The database {path} needs an upgrade for this version of NetDesk, but its folder "
            f"cannot be written. It has not been changed.",
        )


class UpgradeError(RuntimeError):
    """A schema upgrade step failed and was undone; `backup` is the copy from before the upgrade."""

    def __init__(self, backup: Path, cause: Exception) -> None:
        self.backup = backup
        super().__init__(
            f"{cause}\n\nThe step that failed was undone. A copy of the file from before the "
            f"upgrade is kept at {backup}"
        )


def _sqlite_errors(error: BaseException) -> list[sqlite3.Error]:
    """The sqlite3 errors in `error` and its causes (Peewee wraps sqlite3's in its own)."""
    found: list[sqlite3.Error] = []
    seen: BaseException | None = error
    while seen is not None and len(found) < 10:
        if isinstance(seen, sqlite3.Error):
            found.append(seen)
        seen = seen.__cause__ or seen.__context__
    return found


def is_busy(error: BaseException) -> bool:
    """Whether `error` is SQLite giving up on a lock another process holds."""
    return any(
        getattr(e, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
        or "database is locked" in str(e)
        for e in _sqlite_errors(error)
    )


def is_read_only(error: BaseException) -> bool:
    """Whether `error` is a write refused because the database is open read-only."""
    return any(
        getattr(e, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_READONLY
        or "readonly database" in str(e)
        for e in _sqlite_errors(error)
    )


def fault_message(error: BaseException) -> str | None:
    """The one line to show for a store fault the user can act on (None for other errors)."""
    if is_busy(error):
        return BUSY_MESSAGE
    if is_read_only(error):
        return READ_ONLY_MESSAGE
    return None
