"""Can NetDesk keep its database here: a folder it may write to, a path SQLite can open."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# SQLite's Unix VFS opens paths of at most 512 bytes, including the "-journal" suffix it adds
# (a 505-byte database path fails); backups add "backups/netdesk-<stamp>-pre-migration.db.part".
SQLITE_MAX_PATH = 512 - len("-journal")
LONGEST_BACKUP_NAME = len("backups/netdesk-20260101-000000-pre-migration.db.part")
MAX_FOLDER_BYTES = SQLITE_MAX_PATH - LONGEST_BACKUP_NAME - 1


def folder_too_long(folder: Path) -> bool:
    """Whether the database and its backups in `folder` would have paths SQLite cannot open."""
    return len(str(Path(folder).absolute()).encode()) > MAX_FOLDER_BYTES


def folder_writable(folder: Path) -> bool:
    """Whether files can be made in `folder`: tried, because mode bits do not tell (root, ACLs,
    read-only mounts, immutable folders). A missing folder is writable if it can be made."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".netdesk-write-test-")
    except OSError:
        return False
    os.close(fd)
    os.unlink(probe)
    return True


def file_writable(path: Path) -> bool:
    """Whether the database file (if it exists) and its folder can be written."""
    path = Path(path)
    return folder_writable(path.parent) and (not path.exists() or os.access(path, os.W_OK))
