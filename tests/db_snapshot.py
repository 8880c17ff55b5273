"""Every row of every table of a database file, and its schema: what "the database did not
change" compares."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def dump_database(path: Path) -> list[tuple[str, list[tuple]]]:
    """(table, rows) for every table, then ("sqlite_master", the schema's rows), read through a
    separate connection."""
    connection = sqlite3.connect(path)
    try:
        tables = sorted(
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
        rows = [(t, connection.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables]
        schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        return [*rows, ("sqlite_master", connection.execute(schema).fetchall())]
    finally:
        connection.close()
