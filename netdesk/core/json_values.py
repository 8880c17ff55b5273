"""Stored values to JSON and back, by field type, for NetDesk's own export (docs/export-format.md).

Each exported column has a kind: text, integer, real, boolean, datetime (ISO 8601 UTC with a Z),
date (ISO), blob (base64). A datetime whose stored text is not the form NetDesk writes is exported
as that text (no Z) and imported as it was, so nothing is lost either way.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import (
    BlobField,
    BooleanField,
    DateField,
    DateTimeField,
    Field,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from netdesk.store.models import BaseModel

# Columns that are derived from others and rebuilt on import instead of exported.
DERIVED: frozenset[tuple[str, str]] = frozenset({("contact", "photo_thumb")})

_KINDS: tuple[tuple[type[Field], str], ...] = (
    (BooleanField, "boolean"),
    (IntegerField, "integer"),  # AutoField is one
    (FloatField, "real"),
    (DateTimeField, "datetime"),
    (DateField, "date"),
    (BlobField, "blob"),
    (TextField, "text"),
)


class BadValue(ValueError):
    """A value in the file that its column cannot hold."""


@dataclass(frozen=True)
class Column:
    """One exported column of a table: its name in the file (the SQL column) and kind."""

    name: str
    kind: str
    null: bool
    field: Field


def kind_of(field: Field) -> str:
    """The JSON kind of a field (a foreign key has its target's); TypeError for one not known."""
    if isinstance(field, ForeignKeyField):
        return kind_of(field.rel_field)
    for cls, kind in _KINDS:
        if isinstance(field, cls):
            return kind
    raise TypeError(f"{type(field).__name__} has no JSON form yet: add it to json_values._KINDS")


def columns(model: type[BaseModel]) -> list[Column]:
    """The columns of `model` an export carries, in the table's order."""
    table = model._meta.table_name
    return [
        Column(field.column_name, kind_of(field), bool(field.null), field)
        for field in model._meta.sorted_fields
        if (table, field.column_name) not in DERIVED
    ]


def converted_on_export(kind: str) -> bool:
    """Whether values of `kind` change on their way to JSON (text and numbers do not)."""
    return kind in ("boolean", "blob", "datetime")


def to_json(kind: str, value: Any) -> Any:
    """A stored value (as SQLite gives it) in its JSON form."""
    if value is None:
        return None
    if kind == "boolean":
        return bool(value)
    if kind == "blob":
        return base64.b64encode(bytes(value)).decode("ascii")
    if kind == "datetime" and isinstance(value, str):
        moment = _parse_stored(value)
        return value if moment is None else moment.isoformat() + "Z"
    return value


def plain_type(kind: str) -> type | None:
    """The JSON type whose values a column of `kind` stores as they are (str for text; bool for
    booleans, which SQLite stores as 1 and 0)."""
    return _AS_IT_IS.get(kind)


def from_json(column: Column, value: Any) -> Any:
    """A JSON value as its column stores it; BadValue says what is wrong with it."""
    if type(value) is _AS_IT_IS.get(column.kind):
        return value
    if value is None:
        if not column.null:
            raise BadValue(f"{column.name} may not be null")
        return None
    check = _CHECKS[column.kind]
    if not check(value):
        raise BadValue(f"{column.name} should be {_NAMES[column.kind]}, not {value!r:.60}")
    if column.kind == "blob":
        try:
            return base64.b64decode(value, validate=True)
        except binascii.Error as error:
            raise BadValue(f"{column.name} is not base64: {error}") from None
    if column.kind == "datetime" and value.endswith("Z"):
        try:
            moment = datetime.fromisoformat(value[:-1])
        except ValueError:
            raise BadValue(f"{column.name} is not an ISO 8601 time: {value!r:.60}") from None
        if moment.tzinfo is not None:
            raise BadValue(f"{column.name} has both an offset and Z: {value!r:.60}")
        return str(moment)
    return value


_DECLARED = {"DATETIME": "datetime", "BLOB": "blob"}


def stored_as_declared(declared: str, value: Any) -> Any:
    """A value of an older export's row as a column of SQL type `declared` stores it (times and
    blobs converted back, the rest as it is)."""
    kind = _DECLARED.get(declared.upper())
    if kind is None or not isinstance(value, str):
        return value
    return from_json(Column("value", kind, True, Field()), value)


def _parse_stored(text: str) -> datetime | None:
    """The datetime a stored text holds when it is exactly in the form NetDesk writes."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is None and str(moment) == text else None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_AS_IT_IS = {"text": str, "date": str, "integer": int, "real": float, "boolean": bool}
_CHECKS: dict[str, Callable[[Any], bool]] = {
    "text": lambda value: isinstance(value, str),
    "integer": _is_int,
    "real": lambda value: _is_int(value) or isinstance(value, float),
    "boolean": lambda value: isinstance(value, bool),
    "datetime": lambda value: isinstance(value, str),
    "date": lambda value: isinstance(value, str),
    "blob": lambda value: isinstance(value, str),
}
_NAMES = {
    "text": "a string",
    "integer": "a whole number",
    "real": "a number",
    "boolean": "true or false",
    "datetime": "a time as a string",
    "date": "a date as a string",
    "blob": "base64 text",
}
