"""Actions on many contacts at once: trash and restore, archive, tag, circle.

Each action returns what it needs to be undone (the previous values), so the GUI's undo stack
can put things back exactly.
"""

from __future__ import annotations

from collections.abc import Sequence

from peewee import fn

from netdesk.core.changes import Changes
from netdesk.store import fts
from netdesk.store.models import Contact, ContactTag, Tag, db, utcnow


class ContactBulk:
    """Bulk writes over contact ids; every call publishes one "contacts" change."""

    def __init__(self, changes: Changes) -> None:
        self.changes = changes

    def trash(self, ids: Sequence[int]) -> None:
        """Move contacts to the Trash (restorable until the Trash is emptied)."""
        self._set(ids, deleted_at=utcnow())

    def restore(self, ids: Sequence[int]) -> None:
        """Bring contacts back from the Trash."""
        self._set(ids, deleted_at=None)

    def set_archived(self, ids: Sequence[int], archived: bool) -> None:
        """Archive contacts (hidden from the list, kept) or bring them back."""
        self._set(ids, archived=archived)

    def circles_of(self, ids: Sequence[int]) -> dict[int, str]:
        """The current circle of each contact (what undo puts back)."""
        query = Contact.select(Contact.id, Contact.circle).where(Contact.id.in_(list(ids)))
        return {c.id: c.circle for c in query}

    def set_circle(self, ids: Sequence[int], circle: str) -> None:
        """Put contacts in one circle."""
        self._set(ids, circle=circle)

    def restore_circles(self, circles: dict[int, str]) -> None:
        """Give each contact back the circle it had."""
        with db.atomic():
            for contact_id, circle in circles.items():
                Contact.update(circle=circle).where(Contact.id == contact_id).execute()
        self.changes.publish("contacts", circles)

    def add_tag(self, ids: Sequence[int], name: str) -> list[int]:
        """Tag contacts; returns the ids that did not have the tag (what undo removes)."""
        name = name.strip()
        with db.atomic():
            tag = Tag.get_or_none(fn.lower(Tag.name) == name.lower()) or Tag.create(name=name)
            having = {
                row.contact_id
                for row in ContactTag.select(ContactTag.contact).where(
                    ContactTag.tag == tag.id, ContactTag.contact.in_(list(ids))
                )
            }
            added = [i for i in ids if i not in having]
            if added:
                ContactTag.insert_many(
                    [(i, tag.id) for i in added], fields=[ContactTag.contact, ContactTag.tag]
                ).execute()
            fts.reindex(db.obj, added)
        self.changes.publish("contacts", added)
        return added

    def remove_tag(self, ids: Sequence[int], name: str) -> None:
        """Take a tag off contacts."""
        with db.atomic():
            tag = Tag.get_or_none(fn.lower(Tag.name) == name.strip().lower())
            if tag is not None:
                ContactTag.delete().where(
                    ContactTag.tag == tag.id, ContactTag.contact.in_(list(ids))
                ).execute()
            fts.reindex(db.obj, ids)
        self.changes.publish("contacts", ids)

    def purge(self, ids: Sequence[int]) -> None:
        """Delete contacts for good (only from the Trash)."""
        with db.atomic():
            Contact.delete().where(
                Contact.id.in_(list(ids)), Contact.deleted_at.is_null(False)
            ).execute()
            fts.reindex(db.obj, ids)
        self.changes.publish("contacts", ids)

    def trashed_ids(self) -> list[int]:
        """Every contact in the Trash."""
        return [c.id for c in Contact.select(Contact.id).where(Contact.deleted_at.is_null(False))]

    def _set(self, ids: Sequence[int], **values: object) -> None:
        with db.atomic():
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                Contact.update(updated_at=utcnow(), **values).where(Contact.id.in_(chunk)).execute()
        self.changes.publish("contacts", ids)
