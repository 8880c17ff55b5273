"""Integrity checks of a database file, read-only, without opening it for writing."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def quick_check(path: Path) -> list[str]:
    """SQLite's quick integrity check on a file, read-only: an empty list means healthy."""
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems
