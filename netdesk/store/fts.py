"""The FTS5 index over contact text: names, organisation, title, notes, methods and tags.

The index is an external table keyed by contact id (its rowid); `reindex` rebuilds rows for the
given contacts from the stored data. The tokenizer folds case and strips accents, so "jurgen"
finds "Jürgen"; prefix indexes make search-as-you-type cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from peewee import Database

CREATE_SQL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS contact_fts USING fts5("
    "name, organisation, title, notes, methods, tags, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = column)"
)

_ROWS_SQL = """
SELECT c.id,
       trim(c.display_name || ' ' || c.given_name || ' ' || c.additional_names || ' '
            || c.family_name || ' ' || c.nickname),
       c.organisation, c.title, c.notes || ' ' || c.how_met,
       coalesce((SELECT group_concat(CASE WHEN m.kind != 'phone' OR m.normalized IN ('', m.value)
                                          THEN m.value ELSE m.value || ' ' || m.normalized END,
                                     ' ')
                 FROM contact_method m WHERE m.contact_id = c.id), ''),
       coalesce((SELECT group_concat(t.name, ' ')
                 FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
                 WHERE ct.contact_id = c.id), '')
FROM contact c WHERE {where}
"""

_INSERT_SQL = "INSERT INTO contact_fts(rowid, name, organisation, title, notes, methods, tags) "
_CHUNK = 500
_TOKEN = re.compile(r"\w+", re.UNICODE)


def create(database: Database) -> None:
    """Create the index table if it does not exist."""
    database.execute_sql(CREATE_SQL)


def reindex(database: Database, contact_ids: Iterable[int]) -> None:
    """Rebuild the index rows of these contacts (deleted contacts just lose their row)."""
    ids = list(dict.fromkeys(contact_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        database.execute_sql(f"DELETE FROM contact_fts WHERE rowid IN ({marks})", chunk)
        database.execute_sql(_INSERT_SQL + _ROWS_SQL.format(where=f"c.id IN ({marks})"), chunk)


def index_new(database: Database, rows: Iterable[tuple[int, str, str, str, str, str, str]]) -> None:
    """Index new contacts from texts their writer already holds (a bulk import): rowid, name,
    organisation, title, notes, methods and tags as `_ROWS_SQL` would read them back (see
    `method_text`), cheaper than reading them back by INSERT … SELECT."""
    database.cursor().executemany(_INSERT_SQL + "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def method_text(kind: str, value: str, normalized: str) -> str:
    """What the index holds of one contact method: its value, and for a phone the normalized
    form too ("+447700900123" finds "+44 7700 900123"). Emails and links are normalized by case
    and by dropping parts, which adds no word the value does not have."""
    if kind != "phone" or normalized in ("", value):
        return value
    return f"{value} {normalized}"


def rebuild_all(database: Database) -> None:
    """Rebuild the whole index from the stored contacts (one statement: no chunks to find)."""
    database.execute_sql("DELETE FROM contact_fts")
    database.execute_sql(_INSERT_SQL + _ROWS_SQL.format(where="1"))


def match_expression(text: str) -> str:
    """Turn what the user typed into an FTS5 query: every word must match as a prefix.

    Punctuation is dropped (so user text can never be FTS syntax); an empty result means
    "no text filter".
    """
    words = _TOKEN.findall(text)
    return " ".join(f'"{w}"*' for w in words)
