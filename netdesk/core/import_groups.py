"""Group cards (vCard 4.0 `KIND:group`, Apple's `X-ADDRESSBOOKSERVER-KIND:group`): their members
get the group's name as a tag, so "The Doe family" or "Board" survives the import as something
NetDesk filters and searches by. The group card itself is kept as a contact marked as a group.

A member reference is another card's UID (`urn:uuid:…`; Apple writes `urn:uuid:` before a UID its
cards give bare), a `mailto:` or a `tel:` URI. Members are looked up among the live contacts once
the import's own contacts are written, so a member on another card of the same file is found.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peewee import ModelSelect, fn

from netdesk.core.contacts import normalized_value
from netdesk.store.models import Contact, ContactMethod
from netdesk.store.rows import tuples

_URI_KINDS = {"mailto:": "email", "tel:": "phone"}
_CHUNK = 500
"""Values per `IN (...)` lookup."""


def member_ids(members: list[str]) -> list[int]:
    """The live contacts that group member references name, each once, in member order. Looked
    up a few hundred at a time: one query per member made a large group slow to import."""
    keys = [_key(member) for member in members]
    found: dict[tuple[str, str], int] = {}
    for kind in ("email", "phone", "uid"):
        values = {value for key, named in keys if key == kind for value in named}
        found.update(((kind, value), contact_id) for value, contact_id in _lookup(kind, values))
    ids: dict[int, None] = {}
    for kind, named in keys:
        matches = [found[kind, value] for value in named if (kind, value) in found]
        if matches:
            ids.setdefault(min(matches))
    return list(ids)


def _key(member: str) -> tuple[str, tuple[str, ...]]:
    """What a member reference names: ("email" | "phone", (normalized,)) or ("uid", (uids...))."""
    for prefix, kind in _URI_KINDS.items():
        if member.lower().startswith(prefix):
            value = normalized_value(kind, member[len(prefix) :])
            return kind, (value,) if value else ()
    return "uid", tuple(dict.fromkeys((member, member.removeprefix("urn:uuid:"))))


def _lookup(kind: str, values: Iterable[str]) -> Iterable[tuple[str, int]]:
    """(value, lowest live contact id) for each of `values` some live contact has."""
    live = Contact.deleted_at.is_null()
    ordered = sorted(values)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        query: ModelSelect[Any]
        if kind == "uid":
            query = Contact.select(Contact.vcard_uid, fn.MIN(Contact.id)).where(
                live, Contact.vcard_uid.in_(chunk)
            )
            query = query.group_by(Contact.vcard_uid)
        else:
            query = (
                ContactMethod.select(ContactMethod.normalized, fn.MIN(Contact.id))
                .join(Contact)
                .where(live, ContactMethod.kind == kind, ContactMethod.normalized.in_(chunk))
                .group_by(ContactMethod.normalized)
            )
        yield from tuples(query)
