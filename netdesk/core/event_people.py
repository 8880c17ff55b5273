"""The people of an event — speakers, attendees, organisers to meet — and finding contacts by
name for them (the completer's matches, and the match a quick capture of a typed name means)."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import Any

from netdesk.core.changes import Changes
from netdesk.core.contacts import ContactService
from netdesk.core.merge import find_duplicates
from netdesk.core.vocabulary import EVENT_ROLES
from netdesk.formats.draft import ContactDraft
from netdesk.store import fts
from netdesk.store.models import Contact, EventPerson, db
from netdesk.store.rows import dicts, get_or_create, tuples

_MATCHES_SQL = (
    "SELECT c.id, c.display_name, c.organisation FROM contact_fts "
    "JOIN contact c ON c.id = contact_fts.rowid "
    "WHERE contact_fts MATCH ? AND c.deleted_at IS NULL ORDER BY rank, c.display_name LIMIT ?"
)


@dataclass(frozen=True)
class PersonRow:
    """Someone on an event's list."""

    id: int
    contact_id: int
    name: str
    organisation: str
    title: str
    role: str
    want_to_meet: bool
    met: bool
    research_notes: str


@dataclass(frozen=True)
class ContactMatch:
    """A stored contact whose name matches what is being typed."""

    id: int
    name: str
    organisation: str
    on_event: bool

    @property
    def label(self) -> str:
        return f"{self.name} — {self.organisation}" if self.organisation else self.name


def _check_role(role: str) -> None:
    if role not in EVENT_ROLES:
        raise ValueError(f"unknown role {role!r}; expected one of {', '.join(EVENT_ROLES)}")


def _prefer(on_event: set[int], ids: list[int]) -> int | None:
    """The first of `ids` already on the event's list, else the first of `ids`."""
    return next((i for i in ids if i in on_event), ids[0] if ids else None)


class EventPeople:
    """The people lists of events."""

    def __init__(self, changes: Changes, contacts: ContactService) -> None:
        self.changes = changes
        self.contacts = contacts

    # -- the list ------------------------------------------------------------------------------

    def list(self, event_id: int) -> list[PersonRow]:
        """The event's people: want-to-meet first, then by name."""
        query = (
            EventPerson.select(EventPerson, Contact)
            .join(Contact)
            .where(EventPerson.event == event_id, Contact.deleted_at.is_null())
            .order_by(EventPerson.want_to_meet.desc(), Contact.display_name)
        )
        return [
            PersonRow(
                p.id,
                p.contact_id,
                p.contact.display_name,
                p.contact.organisation,
                p.contact.title,
                p.role,
                p.want_to_meet,
                p.met,
                p.research_notes,
            )
            for p in query
        ]

    def add(
        self,
        event_id: int,
        contact_id: int,
        role: str = "attendee",
        want_to_meet: bool = True,
        research_notes: str = "",
    ) -> int:
        """Put a contact on the event's list (or update their entry); return the entry's id."""
        _check_role(role)
        person = get_or_create(EventPerson, event=event_id, contact=contact_id)
        person.role, person.want_to_meet = role, want_to_meet
        if research_notes:
            person.research_notes = research_notes
        person.save()
        self.changes.publish("events", [event_id])
        return person.id

    def add_new(
        self,
        event_id: int,
        name: str,
        organisation: str = "",
        role: str = "attendee",
        want_to_meet: bool = True,
        research_notes: str = "",
    ) -> int:
        """Create a contact on the spot and put them on the list; return the entry's id."""
        _check_role(role)
        if not name.strip():
            raise ValueError("Type the person's name.")
        contact_id = self.contacts.create(person_draft(name, organisation))
        return self.add(event_id, contact_id, role, want_to_meet, research_notes)

    def update(
        self,
        person_id: int,
        *,
        role: str | None = None,
        want_to_meet: bool | None = None,
        met: bool | None = None,
        research_notes: str | None = None,
    ) -> None:
        """Change some of an entry's fields."""
        values = {
            name: value
            for name, value in (
                ("role", role),
                ("want_to_meet", want_to_meet),
                ("met", met),
                ("research_notes", research_notes),
            )
            if value is not None
        }
        if role is not None:
            _check_role(role)
        person = EventPerson.get_by_id(person_id)
        EventPerson.update(**values).where(EventPerson.id == person_id).execute()
        self.changes.publish("events", [person.event_id])

    def remove(self, person_id: int) -> None:
        """Take someone off the list (the contact stays)."""
        person = EventPerson.get_or_none(EventPerson.id == person_id)
        if person is not None:
            person.delete_instance()
            self.changes.publish("events", [person.event_id])

    def snapshot(self, event_id: int) -> builtins.list[dict[str, Any]]:
        """The event's list as rows, for `put_back` (undo and redo of a change to it)."""
        query = EventPerson.select().where(EventPerson.event == event_id).order_by(EventPerson.id)
        return builtins.list(dicts(query))

    def put_back(self, event_id: int, rows: builtins.list[dict[str, Any]]) -> None:
        """Make the event's list `rows` again (same ids; people deleted since are left out)."""
        wanted = [row["contact"] for row in rows]
        alive = {c for (c,) in tuples(Contact.select(Contact.id).where(Contact.id.in_(wanted)))}
        with db.atomic():
            EventPerson.delete().where(EventPerson.event == event_id).execute()
            kept = [row for row in rows if row["contact"] in alive]
            if kept:
                EventPerson.insert_many(kept).execute()
        self.changes.publish("events", [event_id])

    # -- matching --------------------------------------------------------------------------------

    def matches(
        self, text: str, event_id: int | None = None, limit: int = 8
    ) -> builtins.list[ContactMatch]:
        """Live contacts with a name word starting with each typed word (the search index),
        the event's people first."""
        expression = fts.match_expression(text)
        if not expression:
            return []
        rows = db.execute_sql(_MATCHES_SQL, (f"name : ({expression})", limit * 4)).fetchall()
        listed = self._listed(event_id)
        found = [ContactMatch(i, name, org, i in listed) for i, name, org in rows]
        return sorted(found, key=lambda m: not m.on_event)[:limit]

    def find(self, event_id: int, name: str, organisation: str = "") -> int | None:
        """The stored contact a capture of `name` (at `organisation`) means, if any.

        Name and organisation together decide (as the duplicate check does); a name alone
        matches someone with no organisation on record, or someone on the event's list.
        """
        listed = self._listed(event_id)
        if organisation:
            draft = ContactDraft(display_name=name, organisation=organisation)
            found = _prefer(listed, [d.contact_id for d in find_duplicates(draft)])
            if found is not None:
                return found
        same_name = Contact.select(Contact.id, Contact.organisation).where(
            Contact.deleted_at.is_null(), Contact.display_name == name
        )
        fits = [
            c.id
            for c in same_name.order_by(Contact.id)
            if not organisation or not c.organisation or c.id in listed
        ]
        return _prefer(listed, fits)

    @staticmethod
    def _listed(event_id: int | None) -> set[int]:
        if event_id is None:
            return set()
        query = EventPerson.select(EventPerson.contact).where(EventPerson.event == event_id)
        return {contact_id for (contact_id,) in tuples(query)}


def person_draft(name: str, organisation: str) -> ContactDraft:
    """A new contact from a typed name ("Ada King Lovelace": given "Ada", family the rest)."""
    given, _, family = name.strip().partition(" ")
    return ContactDraft(given_name=given, family_name=family.strip(), organisation=organisation)
