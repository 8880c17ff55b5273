"""No column relies on an SQL default: the models' defaults are Python's (Peewee, the import
writer and the JSON import fill them in), so every INSERT written as SQL must name each NOT
NULL column that has no default in the schema (company.target has none, for one)."""

from __future__ import annotations

import re

from netdesk.store.models import db
from tests.conftest import ROOT

_JOINED = re.compile(r'"\s*\n\s*(?:\+\s*)?"')
"""Adjacent string literals across lines, as the statements are written."""
_INSERT = re.compile(r"INSERT (?:OR \w+ )?INTO \"?(\w+)\"?\s*\(([^)]*)\)", re.IGNORECASE)


def _inserts() -> list[tuple[str, str, set[str]]]:
    """(file, table, named columns) of every INSERT spelled out in the app's code."""
    found = []
    for path in sorted((ROOT / "netdesk").rglob("*.py")):
        text = _JOINED.sub("", path.read_text(encoding="utf-8"))
        for match in _INSERT.finditer(text):
            table, names = match.groups()
            if table != "contact_fts":  # the search index: a virtual table, no constraints
                found.append((path.name, table, {n.strip(' "') for n in names.split(",")}))
    return found


def _required(table: str) -> set[str]:
    """The columns an INSERT must give: NOT NULL, no SQL default, not the row id."""
    info = db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
    return {
        name for _, name, _, notnull, default, pk in info if notnull and default is None and not pk
    }


def test_every_insert_written_as_sql_names_the_columns_without_a_default(database) -> None:
    inserts = _inserts()
    assert {table for _, table, _ in inserts} >= {"company", "employment", "message_template"}
    for file, table, named in inserts:
        assert _required(table) <= named, (
            f"{file}: INSERT INTO {table} lacks {_required(table) - named}"
        )
