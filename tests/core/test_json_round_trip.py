"""NetDesk JSON export → import into a new data folder → the same database, table for table, with
every table of MODELS filled (tests/core/full_database.py); what is refused, and how."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from netdesk.core.changes import Changes
from netdesk.core.json_export import export_file
from netdesk.core.json_import import ImportRefused, JsonImporter
from netdesk.core.json_values import DERIVED
from netdesk.store import migrations
from netdesk.store.db import close_database, open_database
from netdesk.store.models import MODELS, Contact, db
from tests.conftest import ROOT
from tests.core import full_database

NOW = datetime(2026, 3, 11, 14, 30)


def _tables(path: Path) -> dict[str, list[tuple]]:
    """Every exported column of every table, rows in key order, read straight from the file."""
    connection = sqlite3.connect(path)
    try:
        tables = {}
        for model in MODELS:
            table = model._meta.table_name
            names = [
                f'"{f.column_name}"'
                for f in model._meta.sorted_fields
                if (table, f.column_name) not in DERIVED
            ]
            order = ", ".join(f'"{f.column_name}"' for f in model._meta.get_primary_keys())
            sql = f'SELECT {", ".join(names)} FROM "{table}" ORDER BY {order}'
            tables[table] = connection.execute(sql).fetchall()
        return tables
    finally:
        connection.close()


def _exported(tmp_path: Path, name: str = "export.json") -> tuple[Path, Path]:
    """A full database in tmp_path/a and its export; the database is closed."""
    source = tmp_path / "a" / "netdesk.db"
    open_database(source)
    try:
        full_database.fill()
        export = tmp_path / name
        export_file(export, NOW)
    finally:
        close_database()
    return source, export


def _import(target: Path, export: Path, **options) -> object:
    open_database(target)
    try:
        return JsonImporter(target, Changes()).import_file(export, **options)
    finally:
        close_database()


def test_the_fixture_fills_every_table_and_column() -> None:
    assert full_database.unfilled() == []


def test_every_table_round_trips_losslessly(tmp_path: Path) -> None:
    source, export = _exported(tmp_path)
    target = tmp_path / "b" / "netdesk.db"
    result = _import(target, export)
    before, after = _tables(source), _tables(target)
    for table in before:
        assert after[table] == before[table], table
    for model, rows in full_database.ROWS.items():
        assert len(before[model._meta.table_name]) >= len(rows)
    assert result.schema_version == migrations.latest_version()
    open_database(target)
    try:
        assert db.execute_sql("SELECT count(*) FROM contact_fts").fetchone()[0] == 2
        hits = db.execute_sql("SELECT rowid FROM contact_fts WHERE contact_fts MATCH 'jurgen*'")
        assert [row[0] for row in hits] == [21]
        assert Contact.get_by_id(21).photo == full_database.PHOTO
        again = tmp_path / "again.json"
        export_file(again, NOW)
    finally:
        close_database()
    assert again.read_bytes() == export.read_bytes()


def test_the_file_is_documented_json(tmp_path: Path) -> None:
    _, export = _exported(tmp_path)
    document = json.loads(export.read_text(encoding="utf-8"))
    assert list(document)[:5] == [
        "format",
        "format_version",
        "schema_version",
        "app_version",
        "exported_at",
    ]
    assert document["format"] == "netdesk" and document["exported_at"] == "2026-03-11T14:30:00Z"
    assert list(document["tables"]) == [model._meta.table_name for model in MODELS]
    jurgen = next(r for r in document["tables"]["contact"] if r["id"] == 21)
    assert jurgen["birthday"] == "1980-02-29"
    assert jurgen["created_at"] == "2025-07-01T08:15:30.123456Z"
    assert jurgen["is_group"] is True and jurgen["company_id"] == 7
    assert "photo_thumb" not in jurgen
    documented = (ROOT / "docs" / "export-format.md").read_text(encoding="utf-8")
    for table, rows in document["tables"].items():
        assert f"\n### `{table}`\n" in documented, (
            f"docs/export-format.md lacks table {table}: describe it there (its columns: "
            f"python scripts/export_format_columns.py {table})"
        )
        section = documented.split(f"\n### `{table}`\n")[1].split("\n### ")[0]
        for column in {name for row in rows for name in row}:
            assert f"`{column}`" in section, f"docs/export-format.md lacks {table}.{column}"


def test_a_database_that_holds_data_is_replaced_only_when_asked(tmp_path: Path) -> None:
    _, export = _exported(tmp_path)
    target = tmp_path / "b" / "netdesk.db"
    open_database(target)
    try:
        Contact.create(given_name="Mine", display_name="Mine")
    finally:
        close_database()
    with pytest.raises(ImportRefused, match=r"its contact table, for one.*--replace"):
        _import(target, export)
    assert [r[1] for r in _tables(target)["contact"]] == ["Mine"]
    result = _import(target, export, replace=True)
    assert result.backup is not None and result.backup.exists()
    assert [r[0] for r in _tables(target)["contact"]] == [21, 22]
    assert [r[1] for r in _tables(result.backup)["contact"]] == ["Mine"]


def test_an_edited_template_counts_as_data(tmp_path: Path) -> None:
    target = tmp_path / "b" / "netdesk.db"
    open_database(target)
    try:
        db.execute_sql("UPDATE message_template SET body = 'my own words' WHERE id = 1")
        assert not JsonImporter(target, Changes()).is_empty()
    finally:
        close_database()


def _edited(export: Path, change) -> Path:
    document = json.loads(export.read_text(encoding="utf-8"))
    change(document)
    export.write_text(json.dumps(document), encoding="utf-8")
    return export


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format_version=2), "format 2 .* Update NetDesk"),
        (lambda d: d.update(schema_version=999), "schema version 999 .* Update NetDesk"),
        (lambda d: d.update(format="other"), "not a NetDesk JSON export"),
        (lambda d: d.update(schema_version=7, schema=["DROP TABLE contact"]), "CREATE TABLE or"),
        (lambda d: d["tables"].update(nonsense=[]), "table 'nonsense'"),
        (lambda d: d["tables"]["tag"][0].update(colour="red"), "'colour'"),
        (lambda d: d["tables"]["tag"][0].update(name=5), "name should be a string"),
        (lambda d: d["tables"]["tag"][0].pop("name"), "has no 'name'"),
        (lambda d: d["tables"]["contact"][0].update(photo="@@"), "not base64"),
        (
            lambda d: d["tables"]["contact"][0].update(company_id=999),
            "refers to a row of 'company'",
        ),
        (lambda d: d["tables"]["tag"].append({"id": 42, "name": "PYTHON"}), "UNIQUE"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_written(tmp_path: Path, change, message) -> None:
    _, export = _exported(tmp_path)
    target = tmp_path / "b" / "netdesk.db"
    open_database(target)
    close_database()
    before = _tables(target)
    with pytest.raises(ImportRefused, match=message):
        _import(target, _edited(export, change))
    assert _tables(target) == before


def test_malformed_json_is_refused_with_its_line_and_column(tmp_path: Path) -> None:
    _, export = _exported(tmp_path)
    lines = export.read_text(encoding="utf-8").split("\n")  # not splitlines: a note holds U+2028
    number = next(i for i, line in enumerate(lines) if '"name": "python"' in line)
    column = lines[number].index('"name": "python"') + len('"name"') + 2
    lines[number] = lines[number].replace('"name": "python"', '"name" "python"')
    export.write_text("\n".join(lines), encoding="utf-8")
    target = tmp_path / "b" / "netdesk.db"
    with pytest.raises(
        ImportRefused, match=rf"Expecting ':' delimiter \(line {number + 1}, column {column}\)"
    ):
        _import(target, export)
    assert _tables(target)["tag"] == []


def test_a_cut_off_file_is_refused(tmp_path: Path) -> None:
    _, export = _exported(tmp_path)
    export.write_bytes(export.read_bytes()[:-40])
    with pytest.raises(ImportRefused, match="not a complete NetDesk export"):
        _import(tmp_path / "b" / "netdesk.db", export)


def test_an_older_export_without_its_schema_gets_the_later_steps_again(tmp_path: Path) -> None:
    """An export of schema 6 (before tracked goals and circle intervals) that does not carry its
    schema loads into the current tables and gets step 7's defaults."""
    _, export = _exported(tmp_path)

    def downgrade(document: dict) -> None:
        document["schema_version"] = 6
        del document["schema"]
        for table in ("circle_cadence", "tracked_goal", "goal_target"):
            del document["tables"][table]

    target = tmp_path / "b" / "netdesk.db"
    _import(target, _edited(export, downgrade))
    tables = _tables(target)
    assert ("mentor", 60, 90) in tables["circle_cadence"]
    assert tables["tracked_goal"] == [] and len(tables["contact"]) == 2


def _raw_export(database: Path, path: Path) -> None:
    """An export of a database of an older schema, as that NetDesk wrote it: its own schema,
    every row typed by its declared column types (times with Z, blobs in base64)."""
    from netdesk.core.json_values import to_json

    connection = sqlite3.connect(database)
    try:
        schema = [
            sql
            for (sql,) in connection.execute(
                "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql NOT NULL "
                "AND name NOT LIKE 'sqlite_%' AND tbl_name NOT LIKE 'contact_fts%' "
                "ORDER BY type = 'index', rowid"
            )
        ]
        version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        tables = {}
        for (table,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'contact_fts%'"
        ).fetchall():
            kinds = {
                row[1]: {"DATETIME": "datetime", "BLOB": "blob"}.get(row[2], "text")
                for row in connection.execute(f'PRAGMA table_info("{table}")')
            }
            cursor = connection.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cursor.description]
            tables[table] = [
                {n: to_json(kinds[n], v) for n, v in zip(names, row, strict=True)} for row in cursor
            ]
        document = {
            "format": "netdesk",
            "format_version": 1,
            "schema_version": int(version.fetchone()[0]),
            "app_version": "0.1.0",
            "exported_at": "2026-12-01T09:00:00Z",
            "schema": schema,
            "tables": tables,
        }
    finally:
        connection.close()
    path.write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize("back", [1, 2, 3, 4, 5, 6])
def test_an_older_export_is_loaded_in_its_own_schema_then_migrated(tmp_path: Path, back) -> None:
    """The fixtures of older schemas, exported as their NetDesk wrote them, then imported: the
    same tables as the fixture upgraded by the migration steps themselves."""
    import shutil

    latest = migrations.latest_version()
    fixture = ROOT / "tests" / "store" / "fixtures" / f"schema_v{latest - back}.db"
    upgraded = tmp_path / "upgraded" / "netdesk.db"
    upgraded.parent.mkdir()
    shutil.copy(fixture, upgraded)
    open_database(upgraded, daily_backup=False)
    close_database()
    export = tmp_path / "old.json"
    _raw_export(fixture, export)
    target = tmp_path / "b" / "netdesk.db"
    result = _import(target, export)
    assert result.schema_version == latest - back
    assert _seeded_untimed(_tables(target)) == _seeded_untimed(_tables(upgraded))
    assert sum(len(rows) for rows in _tables(target).values()) > 20


def _seeded_untimed(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """`tables` without the time the message templates were seeded (a step seeding them writes
    the time it runs)."""
    return tables | {"message_template": [row[:-1] for row in tables["message_template"]]}
