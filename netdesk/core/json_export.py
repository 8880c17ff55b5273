"""NetDesk's own export: the whole database as one JSON document (docs/export-format.md).

A header (format, format version, schema version, app version, when, the schema's CREATE
statements), then every table of
`MODELS` with every row and column (`json_values` says how each type is written; derived data,
the search index and photo thumbnails, is left out and rebuilt on import). Rows are read from
SQLite a batch at a time and written one per line, so the export of any database needs memory
for a batch, not the database.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from peewee import Field

from netdesk import __version__
from netdesk.core.json_values import columns, converted_on_export, to_json
from netdesk.private_files import private_file
from netdesk.store import migrations
from netdesk.store.models import MODELS, BaseModel, db

FORMAT = "netdesk"
FORMAT_VERSION = 1
SUFFIX = ".json"
_BATCH = 500

Progress = Callable[[int, int, str], None]  # (rows written, rows in all, table)


def _no_progress(done: int, total: int, text: str = "") -> None:
    """Progress reports that go nowhere."""


def header(now: datetime) -> dict[str, object]:
    """The members before the tables: what wrote the file and when (`now`, naive UTC)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": migrations.current_version(db.obj),
        "app_version": __version__,
        "exported_at": now.replace(microsecond=0).isoformat() + "Z",
        "schema": schema_sql(),
    }


def schema_sql() -> list[str]:
    """The CREATE statements of the database's tables and indexes (not the search index): a
    later NetDesk rebuilds this schema to load the rows before it migrates them."""
    rows = db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' AND tbl_name NOT LIKE 'contact_fts%' "
        "ORDER BY type = 'index', rowid"
    ).fetchall()
    return [str(sql) for (sql,) in rows]


def write_json(out: TextIO, now: datetime, progress: Progress = _no_progress) -> int:
    """Write the whole database to `out` in one read transaction; return the rows written."""
    with db.atomic():  # one consistent picture, even while the app writes on
        counts = {
            model: db.execute_sql(f'SELECT count(*) FROM "{model._meta.table_name}"').fetchone()[0]
            for model in MODELS
        }
        total = sum(counts.values())
        out.write("{\n")
        for key, value in header(now).items():
            out.write(f"  {json.dumps(key)}: {json.dumps(value)},\n")
        out.write('  "tables": {')
        done = 0
        for number, model in enumerate(MODELS):
            table = model._meta.table_name
            out.write(("," if number else "") + f"\n    {json.dumps(table)}: [")
            done = _write_rows(out, model, done, total, progress)
            out.write("\n    ]" if counts[model] else "]")
        out.write("\n  }\n}\n")
        progress(done, total, "")
    return done


def _write_rows(
    out: TextIO, model: type[BaseModel], done: int, total: int, progress: Progress
) -> int:
    table = model._meta.table_name
    cols = columns(model)
    names = [column.name for column in cols]
    select = ", ".join(f'"{name}"' for name in names)
    key = ", ".join(f'"{field.column_name}"' for field in _key_fields(model))
    cursor = db.execute_sql(f'SELECT {select} FROM "{table}" ORDER BY {key}')
    converted = [(i, c.kind) for i, c in enumerate(cols) if converted_on_export(c.kind)]
    encode = json.JSONEncoder(ensure_ascii=False).encode
    separator = "\n      "
    while rows := cursor.fetchmany(_BATCH):
        progress(done, total, table)
        lines = []
        for row in rows:
            values = list(row)
            for i, kind in converted:
                values[i] = to_json(kind, values[i])
            lines.append(encode(dict(zip(names, values, strict=True))))
        out.write(separator + ",\n      ".join(lines))
        separator = ",\n      "
        done += len(rows)
    return done


def _key_fields(model: type[BaseModel]) -> list[Field]:
    """The primary key's fields (rows are written in key order, so two exports compare)."""
    meta = model._meta
    return list(meta.get_primary_keys())


def export_file(path: Path, now: datetime, progress: Progress = _no_progress) -> int:
    """Write the export to `path` (owner-only; a partial file never takes its place)."""
    part = path.with_name(path.name + ".part")
    private_file(part)
    try:
        with part.open("w", encoding="utf-8", newline="\n") as out:
            written = write_json(out, now, progress)
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return written
