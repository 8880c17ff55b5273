"""Indexes built once after a bulk insert, instead of kept up to date row by row.

An index over values that arrive in random order (names, emails) takes each new row as a random
B-tree insert; created afterwards, it takes them sorted. Dropping only the six indexes whose keys
arrive in random order and creating them at the end gains as much as dropping all of them
(bench/README.md): an index whose keys arrive in order (ids counting up, one batch id, empty dates
and flags) costs next to nothing to keep. This pays while the rows coming are at least as many as
the rows there; a small import into a large network keeps its indexes.

Runs inside the caller's transaction: DROP and CREATE INDEX are transactional in SQLite, so a
rollback (Cancel, an error, a killed process) brings the indexes back with everything else.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from peewee import Database


@contextmanager
def rebuilt_after(
    database: Database, table: str, indexes: tuple[str, ...], rows_coming: int
) -> Iterator[None]:
    """Inside a transaction: drop `indexes` (names) when `rows_coming` new rows of `table` are
    at least as many as its rows, and create them again when the block ends.

    If the block raises, nothing is created again: the caller's rollback restores the indexes.
    """
    # counted up to one more than is coming: a small import into 100,000 rows counts 101 of them
    counted = f'SELECT count(*) FROM (SELECT 1 FROM "{table}" LIMIT ?)'
    stored = database.execute_sql(counted, (rows_coming + 1,)).fetchone()[0]
    dropped = _definitions(database, indexes) if 0 < rows_coming >= stored else []
    for name, _ in dropped:
        database.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _, create_sql in dropped:
        database.execute_sql(create_sql)


def _definitions(database: Database, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of those of `names` that exist, in the given order."""
    marks = ", ".join("?" * len(names))
    found = dict(
        database.execute_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({marks})",
            names,
        ).fetchall()
    )
    return [(name, found[name]) for name in names if found.get(name)]
