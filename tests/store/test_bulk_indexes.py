"""Indexes dropped for a bulk insert come back: after the block, and after a rollback."""

from __future__ import annotations

import pytest

from netdesk.store import bulk_indexes
from netdesk.store.models import Contact

REBUILT = ("contact_display_name", "contact_organisation")


def _index_sql(database) -> dict[str, str]:
    rows = database.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
    return dict(rows.fetchall())


def _rebuilding(database, rows_coming: int):
    return bulk_indexes.rebuilt_after(database, "contact", REBUILT, rows_coming)


def _plan_of(database, sql: str) -> str:
    return " ".join(str(row[-1]) for row in database.execute_sql(f"EXPLAIN QUERY PLAN {sql}"))


def test_indexes_dropped_for_a_large_insert_are_created_again(database) -> None:
    before = _index_sql(database)
    with database.atomic(), _rebuilding(database, 10):
        assert not set(REBUILT) & set(_index_sql(database))
        Contact.insert_many([{"display_name": f"P{i}"} for i in range(10)]).execute()
    assert _index_sql(database) == before
    assert "contact_display_name" in _plan_of(
        database, "SELECT id FROM contact WHERE display_name = 'P3'"
    )
    assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_small_insert_into_a_larger_table_keeps_its_indexes(database) -> None:
    Contact.insert_many([{"display_name": f"P{i}"} for i in range(5)]).execute()
    with database.atomic(), _rebuilding(database, 4):
        assert set(REBUILT) <= set(_index_sql(database))


def test_nothing_coming_changes_nothing(database) -> None:
    version = database.execute_sql("PRAGMA schema_version").fetchone()[0]
    with database.atomic(), _rebuilding(database, 0):
        pass
    assert database.execute_sql("PRAGMA schema_version").fetchone()[0] == version


def test_a_failing_block_rolls_the_indexes_back(database) -> None:
    before = _index_sql(database)
    with pytest.raises(RuntimeError), database.atomic(), _rebuilding(database, 3):
        raise RuntimeError("cancelled")
    assert _index_sql(database) == before


def test_as_many_coming_as_there_are_drops_them(database) -> None:
    Contact.insert_many([{"display_name": f"P{i}"} for i in range(5)]).execute()
    with database.atomic(), _rebuilding(database, 5):
        assert not set(REBUILT) & set(_index_sql(database))
