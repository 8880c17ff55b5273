"""The query plans of what a piece of code runs, for tests that assert how SQLite reads."""

from __future__ import annotations

from collections.abc import Callable

from netdesk.store.models import db


def plans_of(monkeypatch, work: Callable[[], object]) -> list[str]:
    """The query plan (EXPLAIN QUERY PLAN's detail lines) of every statement `work` runs."""
    statements: list[tuple[str, object]] = []
    execute = db.obj.execute_sql

    def recording(sql: str, params: object = None, *args: object, **kwargs: object):
        statements.append((sql, params))
        return execute(sql, params, *args, **kwargs)

    monkeypatch.setattr(db.obj, "execute_sql", recording)
    work()
    monkeypatch.setattr(db.obj, "execute_sql", execute)
    return [
        detail
        for sql, params in statements
        for *_, detail in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    ]
