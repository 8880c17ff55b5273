"""The stored contacts an import's cards could match, looked up by the cards' own keys.

Loading the keys of every live contact cost seconds on a large network even when a hundred cards
came in (bench: `import_100_into_100k_s`); the cards' UIDs, normalised emails, phones and profiles,
and names are looked up instead, a few hundred at a time through the indexes on `vcard_uid`,
`normalized` and `display_name`. Names are looked up as written, in lower case, upper case and title
case (a scan comparing every name case-insensitively uses no index), so a stored namesake written in
some other mix of cases is not found.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from netdesk.core.contacts import normalized_value as _normalized_value
from netdesk.core.phones import matching_region
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import db


def normalized_value(kind: str, value: str) -> str:
    """ContactService's matching form of a value, remembered (an import asks for each value
    twice) for the phone region it was read in."""
    return _remembered(kind, value, matching_region() if kind == "phone" else "")


@lru_cache(maxsize=65536)
def _remembered(kind: str, value: str, region: str) -> str:
    return _normalized_value(kind, value)


ContactRow = tuple[int, str, str, str]
"""(id, vcard_uid, display_name, organisation) of a live contact."""
MethodRow = tuple[int, str, str]
"""(contact id, kind, normalized) of a live contact's method."""
_CONTACT = "SELECT id, vcard_uid, display_name, organisation FROM contact WHERE +deleted_at IS NULL"
"""Live contacts (`+`: SQLite would pick the index on deleted_at over the one on the key)."""


def stored_rows(
    drafts: Iterable[ContactDraft], kinds: tuple[str, ...]
) -> tuple[list[ContactRow], list[MethodRow]]:
    """The live contacts sharing a UID, a method of `kinds` or a name (with an organisation) with
    one of `drafts`, and those contacts' methods of `kinds` that do; each in id order."""
    uids: set[str] = set()
    values: set[str] = set()
    names: set[str] = set()
    for draft in drafts:
        if draft.uid.strip():
            uids.add(draft.uid)
        for method in draft.methods:
            if method.kind in kinds and (norm := normalized_value(method.kind, method.value)):
                values.add(norm)
        if (name := draft.full_name()) and draft.organisation.strip():
            names.update((name, name.lower(), name.upper(), name.title()))
    marks = ", ".join("?" * len(kinds))
    methods = chunked_rows(
        "SELECT m.contact_id, m.kind, m.normalized FROM contact_method m "
        "JOIN contact c ON c.id = m.contact_id WHERE +c.deleted_at IS NULL "
        f"AND m.kind IN ({marks}) AND m.normalized IN ({{}})",
        values,
        kinds,
    )
    contacts = chunked_rows(f"{_CONTACT} AND vcard_uid IN ({{}})", uids)
    contacts += chunked_rows(f"{_CONTACT} AND display_name IN ({{}})", names)
    contacts += chunked_rows(f"{_CONTACT} AND id IN ({{}})", {row[0] for row in methods})
    by_id = {row[0]: row for row in contacts}
    return [by_id[i] for i in sorted(by_id)], sorted(methods)


def chunked_rows(
    sql: str, values: Iterable[str | int], first: tuple[Any, ...] = ()
) -> list[tuple[Any, ...]]:
    """The rows of `sql` (its `{}` the placeholders) for `values`, 500 of them a query, in no
    particular order. The values are not sorted first: sorting the ~40,000 names of 10,000 cards
    holds the GIL for its whole length, and the window's thread waited 70-120 ms for it."""
    ordered = list(values)
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        query = sql.format(", ".join("?" * len(chunk)))
        rows += db.execute_sql(query, (*first, *chunk)).fetchall()
    return rows
