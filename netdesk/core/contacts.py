"""Contacts: create, read and update people with their methods and tags.

Views and other services go through `ContactService`; it keeps the full-text index and the
change hub in step with every write.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from peewee import fn

from netdesk.core import phones
from netdesk.core.changes import Changes
from netdesk.core.employment import follow_contact
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.text import stored_text
from netdesk.store import fts
from netdesk.store.models import Company, Contact, ContactMethod, ContactTag, Tag, db, utcnow
from netdesk.store.rows import get_or_create, tuples

_LOAD_CHUNK = 500
DRAFT_FIELDS = (
    "given_name",
    "family_name",
    "additional_names",
    "prefix",
    "suffix",
    "nickname",
    "organisation",
    "department",
    "title",
    "birthday",
    "notes",
    "how_met",
    "circle",
    "cadence_days",
    "photo_url",
    "is_group",
)


def normalized_value(kind: str, value: str) -> str:
    """The form of a method value used to recognise the same person twice."""
    text = value.strip()
    if kind == "email":
        return text.lower()
    if kind == "phone":
        return phones.normalise(text)
    if kind in ("url", "profile"):
        lowered = text.lower()
        for prefix in ("https://", "http://"):
            lowered = lowered.removeprefix(prefix)
        return lowered.removeprefix("www.").split("?", 1)[0].rstrip("/")
    return ""


METHOD_FIELDS = (
    "contact",
    "kind",
    "label",
    "value",
    "normalized",
    "service",
    "preferred",
    "parts",
    "position",
)
"""The ContactMethod fields of a `method_rows` row, in order."""


def method_rows(
    contact_id: int,
    methods: Iterable[MethodDraft],
    normalize: Callable[[str, str], str] = normalized_value,
) -> list[tuple[object, ...]]:
    """ContactMethod rows (values of METHOD_FIELDS) for a contact's methods, in order (empty
    values left out)."""
    return [
        (
            contact_id,
            m.kind,
            m.label,
            m.value,
            normalize(m.kind, m.value),
            m.service,
            m.preferred,
            _joined_parts(m.parts),
            position,
        )
        for position, m in enumerate(methods)
        if m.value.strip()
    ]


_TEXT_FIELDS = tuple(
    name
    for name in (*DRAFT_FIELDS, "display_name", "uid", "revision")
    if isinstance(getattr(ContactDraft(), name), str)
)


def stored_form(draft: ContactDraft) -> ContactDraft:
    """The draft with its text as the store keeps it (formats.text.stored_text): what the
    readers give, so a contact written to a file and read back is the same contact."""
    fields: dict[str, Any] = {
        name: stored_text(getattr(draft, name), one_line=name != "notes") for name in _TEXT_FIELDS
    }
    methods = [
        replace(
            m,
            value=stored_text(m.value),
            label=stored_text(m.label),
            service=stored_text(m.service),
            parts=tuple(map(stored_text, m.parts)),
        )
        for m in draft.methods
    ]
    tags = [tag for tag in map(stored_text, draft.tags) if tag]
    return replace(draft, **fields, methods=methods, tags=tags)


def display_name_of(draft: ContactDraft) -> str:
    """The name a contact is listed under."""
    return draft.full_name() or next((m.value for m in draft.methods_of("email")), "")


_LOADED_COLUMNS = {
    **{name: name for name in DRAFT_FIELDS},
    "display_name": "display_name",
    "photo": "photo",
    "uid": "vcard_uid",
    "revision": "revision",
    "source": "source",
    "met_at": "met_at_id",
}
"""ContactDraft field → contact column, for what `load_many` reads."""
_LOADED_FIELDS = tuple(_LOADED_COLUMNS)
_CONTACTS_SQL = f"SELECT id, {', '.join(_LOADED_COLUMNS.values())} FROM contact WHERE id IN ({{}})"
_METHODS_SQL = (
    "SELECT contact_id, kind, value, label, service, preferred, parts FROM contact_method "
    "WHERE contact_id IN ({}) ORDER BY contact_id, position, id"
)
_TAGS_SQL = (
    "SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
    "WHERE ct.contact_id IN ({}) ORDER BY lower(t.name)"
)
_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "birthday": Contact.birthday.python_value,
    "is_group": bool,
    "photo": lambda photo: bytes(photo) if photo is not None else None,
}


def _joined_parts(parts: tuple[str, ...]) -> str:
    """An address's parts as stored: a JSON list, which keeps any text (they were joined with
    U+001F, which split a part holding that character in two: found by the hypothesis
    round trip)."""
    return json.dumps(list(parts), ensure_ascii=False) if parts else ""


def _split_parts(parts: str) -> tuple[str, ...]:
    """The parts `_joined_parts` stored, or parts joined with U+001F by earlier versions (a JSON
    list never holds that character raw)."""
    if parts.startswith("[") and "\x1f" not in parts:
        return tuple(json.loads(parts))
    return tuple(parts.split("\x1f")) if parts else ()


class ContactService:
    """Writes and reads contacts; announces every change on `changes`."""

    def __init__(self, changes: Changes) -> None:
        self.changes = changes

    def create(self, draft: ContactDraft, *, import_batch: int | None = None) -> int:
        """Store a new contact from `draft`; return its id."""
        draft = stored_form(draft)
        with db.atomic():
            contact = Contact(source=draft.source, import_batch=import_batch)
            contact.vcard_uid = draft.uid.strip() or contact.vcard_uid  # else a new one
            contact.revision = draft.revision
            self._write(contact, draft)
        self.changes.publish("contacts", [contact.id])
        return contact.id

    def update(self, contact_id: int, draft: ContactDraft) -> None:
        """Replace a contact's fields, methods and tags with those of `draft`."""
        draft = stored_form(draft)
        with db.atomic():
            contact = Contact.get_by_id(contact_id)
            before = contact.company_id
            self._write(contact, draft)
        self.changes.publish("contacts", [contact_id])
        if contact.company_id != before:  # the company they left counts one fewer
            self.changes.publish("companies", [c for c in (before, contact.company_id) if c])

    def renormalize_phones(self) -> int:
        """Read the stored numbers typed without a country code again in the region now used
        (phones.use_region), so they match new cards read in it; how many changed."""
        sql = "SELECT id, value, normalized FROM contact_method WHERE kind = 'phone'"
        rows = db.execute_sql(f"{sql} AND ltrim(value) NOT LIKE '+%'").fetchall()
        changed = [
            (new, method_id)
            for method_id, value, old in rows
            if (new := normalized_value("phone", value)) != old
        ]
        with db.atomic():
            update = "UPDATE contact_method SET normalized = ? WHERE id = ?"
            db.cursor().executemany(update, changed)
        return len(changed)

    def load(self, contact_id: int) -> ContactDraft:
        """A contact as a draft (the form the editor and exporters work with)."""
        found = self.load_many([contact_id])
        if contact_id not in found:
            raise Contact.DoesNotExist(f"no contact with id {contact_id}")
        return found[contact_id]

    def load_many(self, contact_ids: Iterable[int]) -> dict[int, ContactDraft]:
        """Contacts as drafts by id, three queries for every _LOAD_CHUNK (missing ids left out).

        Rows are read as plain tuples and only dates and flags converted: Peewee's `.dicts()`
        converts every column of every row, most of the time of loading thousands."""
        ids = list(dict.fromkeys(contact_ids))
        drafts: dict[int, ContactDraft] = {}
        for start in range(0, len(ids), _LOAD_CHUNK):
            chunk = ids[start : start + _LOAD_CHUNK]
            marks = ", ".join("?" * len(chunk))
            for contact_id, *values in db.execute_sql(_CONTACTS_SQL.format(marks), chunk):
                fields = dict(zip(_LOADED_FIELDS, values, strict=True))
                for name, convert in _CONVERTERS.items():
                    fields[name] = convert(fields[name])
                drafts[contact_id] = ContactDraft(**fields)
            for contact_id, *method in db.execute_sql(_METHODS_SQL.format(marks), chunk):
                kind, value, label, service, preferred, parts = method
                drafts[contact_id].methods.append(
                    MethodDraft(kind, value, label, service, bool(preferred), _split_parts(parts))
                )
            for contact_id, name in db.execute_sql(_TAGS_SQL.format(marks), chunk):
                drafts[contact_id].tags.append(name)
        return drafts

    def tags_of(self, contact_id: int) -> list[str]:
        """The contact's tag names, sorted."""
        query = (
            Tag.select(Tag.name)
            .join(ContactTag)
            .where(ContactTag.contact == contact_id)
            .order_by(fn.lower(Tag.name))
        )
        return [tag.name for tag in query]

    def all_tags(self) -> list[str]:
        """Every tag name in use, sorted (for completion)."""
        return [name for (name,) in tuples(Tag.select(Tag.name).order_by(fn.lower(Tag.name)))]

    def company_names(self) -> list[str]:
        """Every organisation's name, sorted (for completion; rows as tuples: 5,000 model objects
        took ~80 ms)."""
        return [name for (name,) in tuples(Company.select(Company.name).order_by(Company.name))]

    def exists(self, contact_id: int) -> bool:
        """Whether the contact is stored (in the Trash too)."""
        return Contact.select(Contact.id).where(Contact.id == contact_id).exists()

    def photos(self, contact_ids: Iterable[int]) -> dict[int, bytes]:
        """The stored photos of these contacts, by id (those without one are left out)."""
        query = Contact.select(Contact.id, Contact.photo).where(
            Contact.id.in_(list(contact_ids)), Contact.photo.is_null(False)
        )
        return {contact_id: bytes(photo) for contact_id, photo in tuples(query)}

    def reindex(self, contact_ids: Iterable[int]) -> None:
        """Rebuild the search index rows of these contacts."""
        fts.reindex(db.obj, contact_ids)

    def _write(self, contact: Contact, draft: ContactDraft) -> None:
        for name in DRAFT_FIELDS:
            setattr(contact, name, getattr(draft, name))
        contact.display_name = display_name_of(draft)
        contact.photo = draft.photo
        contact.met_at_id = draft.met_at
        contact.company = self._company(draft.organisation)
        contact.updated_at = utcnow()
        contact.save()
        if not draft.is_group:
            follow_contact(contact.id, contact.organisation, contact.title, contact.source)
        ContactMethod.delete().where(ContactMethod.contact == contact.id).execute()
        rows = method_rows(contact.id, draft.methods)
        if rows:
            fields = [getattr(ContactMethod, name) for name in METHOD_FIELDS]
            ContactMethod.insert_many(rows, fields=fields).execute()
        self._set_tags(contact.id, draft.tags)
        fts.reindex(db.obj, [contact.id])

    @staticmethod
    def _company(name: str) -> Company | None:
        name = name.strip()
        if not name:
            return None
        return get_or_create(Company, name=name)

    @staticmethod
    def _set_tags(contact_id: int, names: Iterable[str]) -> None:
        ContactTag.delete().where(ContactTag.contact == contact_id).execute()
        unique = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        for name in unique:
            tag = (  # SQLite's lower() knows ASCII only: "Ärzte" is found by its own spelling
                Tag.get_or_none(Tag.name == name)
                or Tag.get_or_none(fn.lower(Tag.name) == name.lower())
                or Tag.create(name=name)
            )
            ContactTag.insert(contact=contact_id, tag=tag.id).on_conflict_ignore().execute()
