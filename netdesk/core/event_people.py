"""The people of an event — speakers, attendees, organisers to meet — and the quick capture.

Capture turns "I met Ada from Acme, talked about pipelines" into a contact (matched or created with
*met at* and *how we met*), an interaction on the event, the person ticked as met on the event's
list, and an "after meeting" follow-up a few days later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from netdesk.core.changes import Changes
from netdesk.core.contacts import ContactService
from netdesk.core.event_times import from_utc
from netdesk.core.followups import FollowUpService
from netdesk.core.interactions import log_interaction
from netdesk.core.merge import find_duplicates
from netdesk.formats.draft import ContactDraft
from netdesk.store import fts
from netdesk.store.models import EVENT_ROLES, Contact, Event, EventPerson, db, utcnow

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


@dataclass(frozen=True)
class CaptureResult:
    """What one capture did."""

    contact_id: int
    name: str
    organisation: str
    created: bool
    person_id: int
    interaction_id: int
    followup_id: int


def _check_role(role: str) -> None:
    if role not in EVENT_ROLES:
        raise ValueError(f"unknown role {role!r}; expected one of {', '.join(EVENT_ROLES)}")


def _prefer(on_event: set[int], ids: list[int]) -> int | None:
    """The first of `ids` already on the event's list, else the first of `ids`."""
    return next((i for i in ids if i in on_event), ids[0] if ids else None)


def how_met(event: Event) -> str:
    """The "how we met" line of someone met at `event`."""
    return f"Met at {event.name} ({from_utc(event.starts_at, event.timezone):%d %b %Y})"


class EventPeople:
    """The people lists of events, and quick capture of people met there."""

    def __init__(
        self, changes: Changes, followups: FollowUpService, contacts: ContactService
    ) -> None:
        self.changes = changes
        self.followups = followups
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
        person, _ = EventPerson.get_or_create(event=event_id, contact=contact_id)
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
        contact_id = self.contacts.create(_person_draft(name, organisation))
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

    # -- matching --------------------------------------------------------------------------------

    def matches(self, text: str, event_id: int | None = None, limit: int = 8) -> list[ContactMatch]:
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

    # -- capture ---------------------------------------------------------------------------------

    def capture(
        self,
        event_id: int,
        name: str,
        organisation: str = "",
        note: str = "",
        follow_up_days: int = 2,
        *,
        contact_id: int | None = None,
    ) -> CaptureResult:
        """Record meeting someone at the event; `contact_id` skips matching by name."""
        name, organisation, note = name.strip(), organisation.strip(), note.strip()
        if not name and contact_id is None:
            raise ValueError("Type the name of the person you met.")
        event = Event.get_by_id(event_id)
        with db.atomic():
            if contact_id is None:
                contact_id = self.find(event_id, name, organisation)
            created = contact_id is None
            if contact_id is None:
                draft = _person_draft(name, organisation)
                draft.source, draft.met_at, draft.how_met = "capture", event_id, how_met(event)
                contact_id = self.contacts.create(draft)
            elif organisation:
                self._fill_organisation(contact_id, organisation)
            person, _ = EventPerson.get_or_create(event=event_id, contact=contact_id)
            person.met = True
            person.save()
            interaction_id = log_interaction(
                self.changes,
                contact_id,
                occurred_at=min(utcnow(), event.ends_at or event.starts_at),
                channel="event",
                summary=note or f"Met at {event.name}",
                event_id=event_id,
            )
            followup_id = self.followups.create(
                contact_id,
                self.followups.clock.today() + timedelta(days=follow_up_days),
                reason="after meeting",
                note=f"Met at {event.name}" + (f": {note}" if note else ""),
                origin="event",
                event_id=event_id,
                interaction_id=interaction_id,
            )
        self.changes.publish("events", [event_id])
        contact = Contact.get_by_id(contact_id)
        return CaptureResult(
            contact_id,
            contact.display_name,
            contact.organisation,
            created,
            person.id,
            interaction_id,
            followup_id,
        )

    def _fill_organisation(self, contact_id: int, organisation: str) -> None:
        draft = self.contacts.load(contact_id)
        if not draft.organisation:
            draft.organisation = organisation
            self.contacts.update(contact_id, draft)

    @staticmethod
    def _listed(event_id: int | None) -> set[int]:
        if event_id is None:
            return set()
        query = EventPerson.select(EventPerson.contact).where(EventPerson.event == event_id)
        return {contact_id for (contact_id,) in query.tuples()}


def _person_draft(name: str, organisation: str) -> ContactDraft:
    given, _, family = name.strip().partition(" ")
    return ContactDraft(given_name=given, family_name=family.strip(), organisation=organisation)
