"""Print the column list of tables of NetDesk's JSON export, as docs/export-format.md shows them.

A new table or column must be described there (tests/core/test_json_round_trip.py checks it):
`.venv/bin/python scripts/export_format_columns.py employment` prints the lines to paste under
the table's heading, after a sentence saying what the table holds. No names: every table.
"""

from __future__ import annotations

import sys

from peewee import ForeignKeyField

from netdesk.core.json_values import columns
from netdesk.store.models import MODELS


def column_line(model: type) -> str:
    """`name` type (→ `table`, key, or null), … for every exported column of `model`."""
    parts = []
    for column in columns(model):
        notes = []
        if isinstance(column.field, ForeignKeyField):
            notes.append(f"→ `{column.field.rel_model._meta.table_name}`")
        if column.field.primary_key:
            notes.append("key")
        if column.null:
            notes.append("or null")
        parts.append(f"`{column.name}` {column.kind}" + (f" ({', '.join(notes)})" if notes else ""))
    return ", ".join(parts) + "."


def main(tables: list[str]) -> None:
    for model in MODELS:
        table = model._meta.table_name
        if not tables or table in tables:
            print(f"### `{table}`\n\n{column_line(model)}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
