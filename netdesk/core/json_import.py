"""Reading NetDesk's own JSON export back (docs/export-format.md), all or nothing.

Into an empty database (one holding only what a new database starts with) the file's rows go in
as they are, ids and all; into one that holds anything else only with `replace`, which first
takes a backup. Everything happens in one transaction: a bad row, a broken reference, Cancel or a
killed process leave the database as it was. An export of an older schema is loaded into its
own schema (the CREATE statements it carries) and upgraded by the migration steps themselves; a
newer format or schema is refused before anything is written.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from peewee import Database, IntegrityError, OperationalError, SqliteDatabase

from netdesk.core.changes import TOPICS, Changes
from netdesk.core.json_export import FORMAT, FORMAT_VERSION
from netdesk.core.json_values import (
    BadValue,
    Column,
    columns,
    from_json,
    plain_type,
    stored_as_declared,
)
from netdesk.formats.json_tables import JsonFileError, JsonTablesReader
from netdesk.store import backup, fts, migrations
from netdesk.store.models import MODELS, BaseModel, Meta, db

Progress = Callable[[int, int, str], None]  # (bytes read, bytes in the file, table)


class ImportRefused(Exception):
    """The file cannot be imported here; the message says why and what to do."""


@dataclass
class JsonImportResult:
    """What an import did: rows per table, the backup taken first, the schema it came from."""

    rows: dict[str, int] = field(default_factory=dict)
    backup: Path | None = None
    schema_version: int = 0

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _no_progress(done: int, total: int, text: str = "") -> None:
    """Progress reports that go nowhere."""


class JsonImporter:
    """Imports a NetDesk JSON export into the database at `db_path`."""

    def __init__(self, db_path: Path, changes: Changes) -> None:
        self.db_path = db_path
        self.changes = changes

    def check(self, path: Path) -> dict[str, Any]:
        """The file's header, after checking it can be imported here (ImportRefused if not)."""
        with _open(path) as stream:
            return _checked_header(_reader(stream))

    def is_empty(self) -> bool:
        """Whether the database holds only what a new database starts with."""
        return filled_table(db.obj) is None

    def import_file(
        self, path: Path, *, replace: bool = False, progress: Progress = _no_progress
    ) -> JsonImportResult:
        """Import the export at `path`; ImportRefused (nothing written) when it cannot be.

        Without `replace` the database must be empty; with it a backup is taken first and
        everything in the database is replaced. `progress` may raise to cancel.
        """
        with _open(path) as stream:
            size = Path(path).stat().st_size
            reader = _reader(stream)
            found = _checked_header(reader)
            result = JsonImportResult(schema_version=found["schema_version"])
            filled = filled_table(db.obj)
            if filled is not None:
                if not replace:
                    raise ImportRefused(
                        f"This database already holds contacts or other data (its {filled} "
                        "table, for one), and importing a NetDesk export replaces everything. "
                        "To replace it (a backup is taken first), import with --replace (in the "
                        "app: answer Replace everything)."
                    )
                result.backup = backup.take(db.obj, self.db_path, reason="pre-import")
            db.pragma("foreign_keys", 0)  # rows arrive in file order; checked before commit
            try:
                with db.atomic():
                    old_schema = _old_schema(found)
                    if old_schema is None:
                        _clear()
                    else:
                        _recreate(old_schema)
                    insert = _insert if old_schema is None else _insert_as_declared
                    with _indexes_built_after():
                        for table, rows in reader.batches():
                            progress(reader.bytes_read, size, table)
                            insert(table, rows, result)
                    _finish(result.schema_version, migrate=old_schema is not None)
            except JsonFileError as error:
                raise ImportRefused(
                    f"{path.name} is not a complete NetDesk export: {error}"
                ) from None
            finally:
                db.pragma("foreign_keys", 1)
        progress(size, size, "")
        for topic in TOPICS:
            self.changes.publish(topic)
        return result


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as error:
        raise ImportRefused(f"Cannot read {path}: {error.strerror}") from None


def _reader(stream: BinaryIO) -> JsonTablesReader:
    return JsonTablesReader(stream)


def _checked_header(reader: JsonTablesReader) -> dict[str, Any]:
    try:
        found = reader.header()
    except JsonFileError as error:
        raise ImportRefused(f"This is not a NetDesk JSON export: {error}") from None
    if found.get("format") != FORMAT:
        raise ImportRefused('This is not a NetDesk JSON export (its "format" is not "netdesk").')
    version, schema = found.get("format_version"), found.get("schema_version")
    if not isinstance(version, int) or not isinstance(schema, int):
        raise ImportRefused("This NetDesk export has no format or schema version in its header.")
    app = found.get("app_version", "?")
    if version > FORMAT_VERSION:
        raise ImportRefused(
            f"This export is in NetDesk export format {version} (written by NetDesk {app}); "
            f"this NetDesk reads format {FORMAT_VERSION}. Update NetDesk to import it."
        )
    latest = migrations.latest_version()
    if schema > latest:
        raise ImportRefused(
            f"This export holds schema version {schema} (written by NetDesk {app}); this NetDesk "
            f"knows versions up to {latest}. Update NetDesk to import it."
        )
    return found


def filled_table(database: Database) -> str | None:
    """The first table that holds more or other than a new database starts with
    (`migrations.SEEDS`, compared without their times), or None: then nothing the user made
    would be lost by replacing the database."""
    seeded = _seeded_rows(database)
    for model in MODELS:
        if model is Meta:
            continue
        table = model._meta.table_name
        wanted = seeded.get(table, [])
        count = database.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        if count != len(wanted) or (count and sorted(_untimed(database, model)) != wanted):
            return str(table)
    return None


def _seeded_rows(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """The rows a new database starts with, per table, as `_untimed` reads them."""
    scratch = SqliteDatabase(":memory:")
    try:
        for (sql,) in database.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'contact_fts%'"
        ).fetchall():
            scratch.execute_sql(sql)
        for seed in migrations.SEEDS:
            seed(scratch)
        return {
            model._meta.table_name: sorted(_untimed(scratch, model))
            for model in MODELS
            if model is not Meta
        }
    finally:
        scratch.close()


def _untimed(database: Database, model: type[BaseModel]) -> list[tuple[Any, ...]]:
    names = [c.name for c in columns(model) if c.kind != "datetime"]
    select = ", ".join(f'"{name}"' for name in names)
    return list(database.execute_sql(f'SELECT {select} FROM "{model._meta.table_name}"'))


_TABLES: dict[str, type[BaseModel]] = {}


def _model(table: str) -> type[BaseModel]:
    if not _TABLES:
        _TABLES.update((model._meta.table_name, model) for model in MODELS)
    model = _TABLES.get(table)
    if model is None:
        raise ImportRefused(f"The export has a table {table!r} this NetDesk does not know.")
    return model


def _clear() -> None:
    """Delete every row (the schema version stays) and the search index."""
    for model in MODELS:
        where = " WHERE key != 'schema_version'" if model is Meta else ""
        db.execute_sql(f'DELETE FROM "{model._meta.table_name}"{where}')
    db.execute_sql("DELETE FROM contact_fts")


def _insert(table: str, rows: list[dict[str, Any]], result: JsonImportResult) -> None:
    model = _model(table)
    seen = result.rows.setdefault(table, 0)
    if not rows:
        return
    cols = columns(model)
    known = {column.name for column in cols}
    specs = [(c.name, plain_type(c.kind), c.null, c) for c in cols]
    values = []
    for number, row in enumerate(rows, start=seen + 1):
        if not known.issuperset(row):
            raise ImportRefused(
                f"Row {number} of table {table!r} has a column this NetDesk does not know: "
                f"{sorted(set(row) - known)[0]!r}."
            )
        if model is Meta and row.get("key") == "schema_version":
            continue
        try:
            values.append(
                tuple(
                    [
                        value
                        if type(value := row.get(name, _MISSING)) is plain
                        or (value is None and nullable)
                        else _slow(c, value)
                        for name, plain, nullable, c in specs
                    ]
                )
            )
        except BadValue as error:
            raise ImportRefused(f"Row {number} of table {table!r}: {error}.") from None
    if values:
        names = ", ".join(f'"{column.name}"' for column in cols)
        marks = ", ".join("?" * len(cols))
        verb = "INSERT OR REPLACE" if model is Meta else "INSERT"
        try:
            db.cursor().executemany(f'{verb} INTO "{table}" ({names}) VALUES ({marks})', values)
        except (IntegrityError, sqlite3.IntegrityError) as error:
            raise ImportRefused(f"Table {table!r} cannot take its rows: {error}.") from None
    result.rows[table] = seen + len(rows)


_MISSING = object()


def _slow(column: Column, value: Any) -> Any:
    """A value that is not stored as it is in the file, or the default of one it lacks."""
    return _default(column) if value is _MISSING else from_json(column, value)


def _default(column: Column) -> Any:
    """The stored default of a column a row of the file lacks (an older export's)."""
    default = column.field.default
    value = default() if callable(default) else default
    if value is None and not column.null:
        raise BadValue(f"it has no {column.name!r}")
    return column.field.db_value(value)


@contextmanager
def _indexes_built_after() -> Iterator[None]:
    """Drop every index for the load and create them again after it (from sorted keys, not row
    by row); in the caller's transaction, so a rollback brings them back. A unique index that
    the rows break refuses the file."""
    indexes = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in indexes:
        db.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        try:
            db.execute_sql(sql)
        except (IntegrityError, sqlite3.IntegrityError) as error:
            raise ImportRefused(
                f"The export's rows break a rule of the database: {error}."
            ) from None


def _old_schema(header: dict[str, Any]) -> list[str] | None:
    """The CREATE statements of an older export's schema (None for the current schema, or an
    export written before exports carried their schema)."""
    statements = header.get("schema")
    if header["schema_version"] >= migrations.latest_version() or statements is None:
        return None
    if not isinstance(statements, list) or not all(
        isinstance(sql, str) and _CREATE.match(sql) for sql in statements
    ):
        raise ImportRefused('The export\'s "schema" is not a list of CREATE TABLE or INDEX.')
    return statements


_CREATE = re.compile(r"\s*CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)\s", re.IGNORECASE)


def _recreate(statements: list[str]) -> None:
    """Put the older export's own schema in place of every table (in the transaction), so its
    rows load as they were and the real migration steps then upgrade them."""
    db.execute_sql("DROP TABLE IF EXISTS contact_fts")
    tables = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for (table,) in tables:
        db.execute_sql(f'DROP TABLE "{table}"')
    for sql in statements:
        try:
            db.execute_sql(sql)
        except (OperationalError, sqlite3.OperationalError) as error:
            raise ImportRefused(f"The export's schema cannot be made: {error}.") from None
    fts.create(db.obj)
    _DECLARED_TYPES.clear()


_DECLARED_TYPES: dict[str, dict[str, str]] = {}


def _insert_as_declared(table: str, rows: list[dict[str, Any]], result: JsonImportResult) -> None:
    """Rows of an older export into its own schema (`_recreate`), typed by their columns."""
    declared = _DECLARED_TYPES.get(table)
    if declared is None:
        info = db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
        if not info:
            raise ImportRefused(f"The export has rows for a table {table!r} its schema lacks.")
        declared = _DECLARED_TYPES[table] = {row[1]: str(row[2]) for row in info}
    seen = result.rows.setdefault(table, 0)
    by_columns: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for number, row in enumerate(rows, start=seen + 1):
        unknown = set(row) - set(declared)
        if unknown:
            raise ImportRefused(
                f"Row {number} of table {table!r} has a column its schema lacks: "
                f"{sorted(unknown)[0]!r}."
            )
        try:
            record = tuple(stored_as_declared(declared[name], value) for name, value in row.items())
        except BadValue as error:
            raise ImportRefused(f"Row {number} of table {table!r}: {error}.") from None
        by_columns.setdefault(tuple(row), []).append(record)
    for names, values in by_columns.items():
        columns_sql = ", ".join(f'"{name}"' for name in names)
        marks = ", ".join("?" * len(names))
        try:
            db.cursor().executemany(
                f'INSERT INTO "{table}" ({columns_sql}) VALUES ({marks})', values
            )
        except (IntegrityError, sqlite3.IntegrityError) as error:
            raise ImportRefused(f"Table {table!r} cannot take its rows: {error}.") from None
    result.rows[table] = seen + len(rows)


def _finish(schema_version: int, *, migrate: bool) -> None:
    """Migrate data of an older schema (`migrate`: the real steps over the export's own schema;
    else the later steps again over the current one), check every reference, rebuild the search
    index."""
    if migrate:
        db.execute_sql(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(schema_version),),
        )
        migrations.upgrade(db.obj)
    elif schema_version < migrations.latest_version():
        migrations.rerun_after(db.obj, schema_version)
    broken = db.execute_sql("PRAGMA foreign_key_check").fetchone()
    if broken is not None:
        table, rowid, parent, _ = broken
        raise ImportRefused(
            f"Row {rowid} of table {table!r} refers to a row of {parent!r} that is not in the "
            "export."
        )
    fts.rebuild_all(db.obj)
