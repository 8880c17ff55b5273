"""Group cards (vCard 4.0 `KIND:group`, Apple's `X-ADDRESSBOOKSERVER-KIND:group`): their members
get the group's name as a tag, so "The Doe family" or "Board" survives the import as something
NetDesk filters and searches by. The group card itself is kept as a contact marked as a group.

A member reference is another card's UID (`urn:uuid:…`; Apple writes `urn:uuid:` before a UID its
cards give bare), a `mailto:` or a `tel:` URI. Members are looked up among the live contacts once
the import's own contacts are written, so a member on another card of the same file is found.
"""

from __future__ import annotations

from netdesk.core.contacts import normalized_value
from netdesk.store.models import Contact, ContactMethod

_URI_KINDS = {"mailto:": "email", "tel:": "phone"}


def member_ids(members: list[str]) -> list[int]:
    """The live contacts that group member references name, each once, in member order."""
    found: dict[int, None] = {}
    for member in members:
        contact_id = _member_id(member)
        if contact_id is not None:
            found.setdefault(contact_id)
    return list(found)


def _member_id(member: str) -> int | None:
    live = Contact.deleted_at.is_null()
    for prefix, kind in _URI_KINDS.items():
        if member.lower().startswith(prefix):
            value = normalized_value(kind, member[len(prefix) :])
            query = (
                Contact.select(Contact.id)
                .join(ContactMethod)
                .where(live, ContactMethod.kind == kind, ContactMethod.normalized == value)
            )
            return _first(query) if value else None
    uids = {member, member.removeprefix("urn:uuid:")}
    return _first(Contact.select(Contact.id).where(live, Contact.vcard_uid.in_(list(uids))))


def _first(query) -> int | None:  # type: ignore[no-untyped-def]
    row = query.order_by(Contact.id).first()
    return row.id if row is not None else None
