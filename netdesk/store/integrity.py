"""Integrity checks of a database file, read-only, without opening it for writing."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """An SQLite URI that opens `path` read-only.

    The path is percent-encoded (`as_uri`), so a folder named `a#b`, `what?`, `%41` or `Zoë`
    means itself. `immutable` opens a file whose folder cannot be written (SQLite could not make
    the `-shm` file a WAL reader needs); nobody can write to it there either.
    """
    uri = Path(path).absolute().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only sqlite3 connection to an existing file (see `read_only_uri`)."""
    return sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True)


def quick_check(path: Path, *, immutable: bool = False) -> list[str]:
    """SQLite's quick integrity check on a file, read-only: an empty list means healthy."""
    if not path.exists():
        return []
    try:
        conn = connect_read_only(path, immutable=immutable)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


def _header_problems(path: Path) -> list[str]:
    """What a glance at the 100-byte header finds wrong (the cheap check between full ones)."""
    with path.open("rb") as file:
        header = file.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return ["the file is not an SQLite database"]
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or path.stat().st_size % page_size:
        return ["the file is cut short (its size is not a whole number of pages)"]
    return []


def examine(path: Path, *, full: bool, immutable: bool = False) -> tuple[list[str], int]:
    """Problems of an existing file and its schema version, read-only.

    `full` runs SQLite's quick_check over every page; without it, the header and the schema are
    read (a cut or foreign file still fails).
    """
    problems = quick_check(path, immutable=immutable) if full else _header_problems(path)
    if problems:
        return problems, 0
    try:
        conn = connect_read_only(path, immutable=immutable)
        try:
            return [], _schema_version(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)], 0


def _schema_version(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return 0
        raise
    return int(row[0]) if row else 0
