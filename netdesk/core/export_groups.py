"""A group contact's members for export: the live contacts tagged with the group's name (import
gives a group card's members that tag, see import_groups), as the `urn:uuid:<UID>` references a
vCard writer puts in `MEMBER` lines (every contact has a UID)."""

from __future__ import annotations

from peewee import fn

from netdesk.store.models import Contact, ContactTag, Tag
from netdesk.store.rows import tuples


def member_references(group_id: int, group_name: str) -> list[str]:
    """The member references of group `group_id` named `group_name`, in contact order."""
    name = group_name.strip().lower()
    if not name:
        return []
    uids = (
        Contact.select(Contact.vcard_uid)
        .join(ContactTag)
        .join(Tag)
        .where(Contact.deleted_at.is_null(), Contact.id != group_id, fn.lower(Tag.name) == name)
        .order_by(Contact.id)
    )
    return [_uid_reference(uid.strip()) for (uid,) in tuples(uids) if uid.strip()]


def _uid_reference(uid: str) -> str:
    return uid if uid.lower().startswith("urn:uuid:") else f"urn:uuid:{uid}"
