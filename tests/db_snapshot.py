"""Every row of every table of a database file: what "the database did not change" compares."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def dump_database(path: Path) -> list[tuple[str, list[tuple]]]:
    """(table, rows) for every table, read through a separate connection."""
    connection = sqlite3.connect(path)
    try:
        tables = sorted(
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
        return [(t, connection.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables]
    finally:
        connection.close()
