"""Writing thousands of contacts at once: tuples through `executemany`, not one ORM save each.

Peewee's per-row saves cost several times raw `executemany` (DESIGN.md), so imports build plain
tuples and hand them to the cursor. Binding values is a large share of that work, so columns left
to their model default are written into the statement once, as SQLite quotes the default,
instead of being bound on every row; the search index rows come from one INSERT … SELECT instead
of a round trip through Python. Runs inside the caller's transaction; contact ids are assigned
here (the transaction holds SQLite's write lock).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from operator import attrgetter
from typing import Any

from peewee import DateField, DateTimeField, Model

from netdesk.core.contacts import DRAFT_FIELDS, METHOD_FIELDS, display_name_of, method_rows
from netdesk.core.import_stored import chunked_rows, normalized_value
from netdesk.formats.draft import ContactDraft
from netdesk.store import fts
from netdesk.store.models import (
    Company,
    Contact,
    ContactMethod,
    ContactTag,
    Employment,
    Tag,
    db,
    new_uid,
    utcnow,
)

CONTACT_FIELDS = (
    "id",
    *DRAFT_FIELDS,
    "display_name",
    "photo",
    "vcard_uid",
    "revision",
    "source",
    "import_batch",
    "company",
    "met_at",
)
"""The Contact fields `NewContacts.insert` gives; the rest take their defaults."""
_draft_values = attrgetter(*DRAFT_FIELDS)


def insert_rows(model: type[Model], names: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """INSERT `rows` (values of the fields `names`, in order); other columns get the defaults.

    A column that holds one value in every row (a default, the batch id, a field no card fills)
    is written into the statement once as a literal; each statement inserts many rows.
    """
    rows = list(rows)
    if not rows:
        return
    fields = [model._meta.fields[name] for name in names]
    columns = [
        tuple(map(field.db_value, column)) if isinstance(field, _DATED) else column
        for field, column in zip(fields, zip(*rows, strict=True), strict=True)
    ]
    varying = [i for i, column in enumerate(columns) if not _one_value(column)]
    fixed = [(f, columns[i][0]) for i, f in enumerate(fields) if i not in varying]
    fixed += [
        (f, f.db_value(f.default() if callable(f.default) else f.default))
        for f in model._meta.sorted_fields
        if f.name not in names and f is not model._meta.primary_key
    ]
    targets = ", ".join(
        f'"{f.column_name}"' for f in [fields[i] for i in varying] + [f for f, _ in fixed]
    )
    row_sql = "(" + ", ".join(["?"] * len(varying) + _literals([v for _, v in fixed])) + ")"
    values = list(zip(*(columns[i] for i in varying), strict=True)) or [()] * len(rows)
    _insert_in_statements(
        f'INSERT INTO "{model._meta.table_name}" ({targets}) VALUES ', row_sql, values
    )


_DATED = (DateField, DateTimeField)
_ROWS_PER_STATEMENT = 100
_MAX_VARIABLES = 999
"""The lowest limit on bound values in one statement that any SQLite build has."""


def _one_value(column: tuple[Any, ...]) -> bool:
    """Whether every value of a column is the same None, text or integer (safe as a literal)."""
    first = column[0]
    if first is not None and type(first) not in (str, int, bool):
        return False
    if isinstance(first, str) and "\x00" in first:
        return False
    return column.count(first) == len(column) and len(set(map(type, column))) == 1


def _literals(values: list[Any]) -> list[str]:
    """Values as SQL literals, quoted by SQLite from the values it would bind."""
    if not values:
        return []
    marks = ", ".join(["quote(?)"] * len(values))
    return list(db.execute_sql(f"SELECT {marks}", values).fetchone())


def _insert_in_statements(head: str, row_sql: str, values: list[tuple[Any, ...]]) -> None:
    """Run `head` with up to _ROWS_PER_STATEMENT `row_sql` groups a statement: executemany's cost
    a row on top of the work is then shared by a hundred rows."""
    per = max(1, min(_ROWS_PER_STATEMENT, _MAX_VARIABLES // max(1, len(values[0]))))
    whole = len(values) - len(values) % per
    cursor = db.cursor()
    if whole:
        chunks = (list(chain.from_iterable(values[i : i + per])) for i in range(0, whole, per))
        cursor.executemany(head + ", ".join([row_sql] * per), chunks)
    if whole < len(values):
        rest = values[whole:]
        cursor.execute(head + ", ".join([row_sql] * len(rest)), list(chain.from_iterable(rest)))


def _ids_by_name(model: type[Model], names: Iterable[str]) -> dict[str, int]:
    """Ids of companies or tags by lower-case name (of these and maybe others), creating the
    missing ones (spelled as first met, as ContactService does).

    The new rows are given their ids here (the caller's transaction holds the write lock), so
    they are not looked up again by name: with 1.6 M new tags that second lookup through the name
    index was a fifth of the import and grew faster than the tags (bench/README.md).
    """
    wanted: dict[str, str] = {}
    for name in names:
        if name := name.strip():
            wanted.setdefault(name.lower(), name)
    if not wanted:
        return {}
    found = _stored_ids(model, wanted)
    missing = [(key, name) for key, name in wanted.items() if key not in found]
    if missing:
        table = model._meta.table_name
        first = db.execute_sql(f'SELECT coalesce(max(id), 0) FROM "{table}"').fetchone()[0] + 1
        ids = range(first, first + len(missing))
        insert_rows(model, ("id", "name"), zip(ids, (name for _, name in missing), strict=True))
        found.update(zip((key for key, _ in missing), ids, strict=True))
    return found


def _stored_ids(model: type[Model], wanted: Mapping[str, str]) -> dict[str, int]:
    """Ids of the stored companies or tags named as `wanted`'s values, by lower-case name.

    ASCII names are looked up through the NOCASE index on the name (reading every name cost
    ~10 ms at 5,000 organisations, twice when one was new); a name with other letters has every
    name read, as SQLite folds the case of ASCII letters only and Python's lower() of all.
    """
    table = model._meta.table_name
    if all(key.isascii() for key in wanted):
        sql = f'SELECT id, name FROM "{table}" WHERE name IN ({{}})'
        rows = chunked_rows(sql, wanted.values())
    else:
        rows = db.execute_sql(f'SELECT id, name FROM "{table}"').fetchall()
    return {name.lower(): id_ for id_, name in rows}


class NewContacts:
    """Inserts one import's new contacts with their methods and tags, a chunk at a time; the
    companies and tags of all of them are looked up (the missing ones created) once. A sync's
    new contacts belong to no import (`batch_id` None)."""

    def __init__(self, drafts: Iterable[ContactDraft], batch_id: int | None) -> None:
        drafts = list(drafts)
        self.batch_id = batch_id
        self.companies = _ids_by_name(Company, (d.organisation for d in drafts))
        self.tags = _ids_by_name(Tag, (t for d in drafts for t in d.tags))

    def insert(self, drafts: Sequence[ContactDraft]) -> list[int]:
        """Insert these contacts; their ids, in order."""
        if not drafts:
            return []
        first = (db.execute_sql("SELECT coalesce(max(id), 0) FROM contact").fetchone()[0]) + 1
        ids = list(range(first, first + len(drafts)))
        contacts, methods, tag_rows, index_rows, jobs = [], [], [], [], []
        for contact_id, draft in zip(ids, drafts, strict=True):
            display_name = display_name_of(draft)
            contacts.append(
                (
                    contact_id,
                    *_draft_values(draft),
                    display_name,
                    draft.photo,
                    draft.uid.strip() or new_uid(),
                    draft.revision,
                    draft.source,
                    self.batch_id,
                    self.companies.get(draft.organisation.strip().lower()),
                    draft.met_at,
                )
            )
            own_methods = method_rows(contact_id, draft.methods, normalized_value)
            methods += own_methods
            unique = {self.tags[t.strip().lower()]: t for t in draft.tags if t.strip()}
            tag_rows += [(contact_id, tag_id) for tag_id in unique]
            index_rows.append(_index_row(contact_id, display_name, draft, own_methods, unique))
            if (draft.organisation or draft.title) and not draft.is_group:
                jobs.append((contact_id, draft.organisation, draft.title, draft.source))
        insert_rows(Contact, CONTACT_FIELDS, contacts)
        insert_rows(ContactMethod, METHOD_FIELDS, methods)
        insert_rows(ContactTag, ("contact", "tag"), tag_rows)
        insert_rows(Employment, ("contact", "organisation", "title", "source"), jobs)
        fts.index_new(db.obj, index_rows)
        return ids


def _index_row(
    contact_id: int,
    display_name: str,
    draft: ContactDraft,
    methods: list[tuple[Any, ...]],
    tags: dict[int, str],
) -> tuple[int, str, str, str, str, str, str]:
    """The search index row of a new contact (what fts._ROWS_SQL reads back once it is stored)."""
    names = (display_name, draft.given_name, draft.additional_names, draft.family_name)
    return (
        contact_id,
        " ".join((*names, draft.nickname)).strip(" "),
        draft.organisation,
        draft.title,
        f"{draft.notes} {draft.how_met}",
        " ".join([fts.method_text(row[1], row[3], row[4]) for row in methods]),
        " ".join(tags.values()),
    )


_UPDATED_FIELDS = (*DRAFT_FIELDS, "display_name", "photo", "met_at", "company", "updated_at")


def update_contacts(drafts: Mapping[int, ContactDraft]) -> None:
    """What `ContactService.update` does to each of these contacts (by id), in a few statements
    for all of them: fields set, methods and tags replaced, search index rows rebuilt (one by one,
    a large merge was far too slow). Companies and tags are matched ignoring case, as for new
    contacts."""
    if not drafts:
        return
    companies = _ids_by_name(Company, (d.organisation for d in drafts.values()))
    tags = _ids_by_name(Tag, (t for d in drafts.values() for t in d.tags))
    fields = [Contact._meta.fields[name] for name in _UPDATED_FIELDS]
    now = utcnow()
    rows = []
    for contact_id, draft in drafts.items():
        company = companies.get(draft.organisation.strip().lower())
        values = (*_draft_values(draft), display_name_of(draft), draft.photo, draft.met_at, company)
        stored = (f.db_value(v) for f, v in zip(fields, (*values, now), strict=True))
        rows.append((*stored, contact_id))
    assignments = ", ".join(f'"{f.column_name}" = ?' for f in fields)
    db.cursor().executemany(f'UPDATE "contact" SET {assignments} WHERE "id" = ?', rows)
    ids = list(drafts)
    for start in range(0, len(ids), _MAX_VARIABLES):
        chunk = ids[start : start + _MAX_VARIABLES]
        marks = ", ".join("?" * len(chunk))
        db.execute_sql(f"DELETE FROM contact_method WHERE contact_id IN ({marks})", chunk)
        db.execute_sql(f"DELETE FROM contact_tag WHERE contact_id IN ({marks})", chunk)
    methods = (method_rows(i, d.methods, normalized_value) for i, d in drafts.items())
    insert_rows(ContactMethod, METHOD_FIELDS, chain.from_iterable(methods))
    tag_rows = [
        (contact_id, tag_id)
        for contact_id, draft in drafts.items()
        for tag_id in dict.fromkeys(tags[t.strip().lower()] for t in draft.tags if t.strip())
    ]
    insert_rows(ContactTag, ("contact", "tag"), tag_rows)
    fts.reindex(db.obj, ids)
