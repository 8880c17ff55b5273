"""A group contact's members for export: the live contacts tagged with the group's name (import
gives a group card's members that tag, see import_groups), as member references a vCard writer
can put in `MEMBER` lines — `urn:uuid:<UID>` where the contact has a vCard UID, else
`mailto:<first email>`, else none."""

from __future__ import annotations

from peewee import fn

from netdesk.store.models import Contact, ContactMethod, ContactTag, Tag


def member_references(group_id: int, group_name: str) -> list[str]:
    """The member references of group `group_id` named `group_name`, in contact order."""
    name = group_name.strip().lower()
    if not name:
        return []
    members = list(
        Contact.select(Contact.id, Contact.vcard_uid)
        .join(ContactTag)
        .join(Tag)
        .where(Contact.deleted_at.is_null(), Contact.id != group_id, fn.lower(Tag.name) == name)
        .order_by(Contact.id)
        .tuples()
    )
    emails = _first_emails([contact_id for contact_id, uid in members if not uid.strip()])
    references = []
    for contact_id, uid in members:
        if uid.strip():
            references.append(_uid_reference(uid.strip()))
        elif contact_id in emails:
            references.append(f"mailto:{emails[contact_id]}")
    return references


def _uid_reference(uid: str) -> str:
    return uid if uid.lower().startswith("urn:uuid:") else f"urn:uuid:{uid}"


def _first_emails(contact_ids: list[int]) -> dict[int, str]:
    first: dict[int, str] = {}
    if not contact_ids:
        return first
    rows = (
        ContactMethod.select(ContactMethod.contact, ContactMethod.value)
        .where(ContactMethod.contact.in_(contact_ids), ContactMethod.kind == "email")
        .order_by(ContactMethod.contact, ContactMethod.position, ContactMethod.id)
        .tuples()
    )
    for contact_id, value in rows:
        first.setdefault(contact_id, value)
    return first
