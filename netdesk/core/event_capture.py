"""Quick capture, "Who did I meet?": one call per person met at an event, and its undo.

A capture turns "I met Ada from Acme, talked about pipelines" into a contact (matched, or created
with *met at* and *how we met*), an interaction on the event, the person ticked as met on the
event's list, and an "after meeting" follow-up a few days later. `undo` takes all of it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from netdesk.core.changes import Changes
from netdesk.core.contacts import ContactService
from netdesk.core.event_people import EventPeople, person_draft
from netdesk.core.event_times import from_utc, to_utc
from netdesk.core.followups import FollowUpService
from netdesk.core.interactions import delete_interaction, log_interaction
from netdesk.store import fts
from netdesk.store.models import Contact, Event, EventPerson, db


@dataclass(frozen=True)
class CaptureResult:
    """What one capture did (and what its undo needs)."""

    contact_id: int
    name: str
    organisation: str
    created: bool
    person_id: int
    interaction_id: int
    followup_id: int
    was_listed: bool = False
    was_met: bool = False
    filled_organisation: bool = False


def how_met(event: Event) -> str:
    """The "how we met" line of someone met at `event`."""
    return f"Met at {event.name} ({from_utc(event.starts_at, event.timezone):%d %b %Y})"


class QuickCapture:
    """Captures people met at events."""

    def __init__(
        self,
        changes: Changes,
        followups: FollowUpService,
        contacts: ContactService,
        people: EventPeople,
    ) -> None:
        self.changes = changes
        self.followups = followups
        self.contacts = contacts
        self.people = people

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
                contact_id = self.people.find(event_id, name, organisation)
            created = contact_id is None
            filled = False
            if contact_id is None:
                draft = person_draft(name, organisation)
                draft.source, draft.met_at, draft.how_met = "capture", event_id, how_met(event)
                contact_id = self.contacts.create(draft)
            elif organisation:
                filled = self._fill_organisation(contact_id, organisation)
            person = EventPerson.get_or_none(event=event_id, contact=contact_id)
            was_listed, was_met = person is not None, bool(person and person.met)
            person = person or EventPerson(event=event_id, contact=contact_id)
            person.met = True
            person.save()
            now = to_utc(self.followups.clock.now())
            interaction_id = log_interaction(
                self.changes,
                contact_id,
                occurred_at=min(now, event.ends_at or event.starts_at),
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
            was_listed,
            was_met,
            filled,
        )

    def undo(self, result: CaptureResult) -> None:
        """Take a capture back: its follow-up, interaction, the met tick, a contact it made."""
        person = EventPerson.get_or_none(EventPerson.id == result.person_id)
        with db.atomic():
            if result.created:
                Contact.delete().where(Contact.id == result.contact_id).execute()
                fts.reindex(db.obj, [result.contact_id])
            else:
                self.followups.dismiss([result.followup_id])
                delete_interaction(self.changes, result.interaction_id)
                if result.filled_organisation:
                    draft = self.contacts.load(result.contact_id)
                    draft.organisation = ""
                    self.contacts.update(result.contact_id, draft)
                if person is not None and result.was_listed:
                    EventPerson.update(met=result.was_met).where(
                        EventPerson.id == person.id
                    ).execute()
                elif person is not None:
                    person.delete_instance()
        self.changes.publish("contacts", [result.contact_id])
        self.changes.publish("followups", [result.followup_id])
        if person is not None:
            self.changes.publish("events", [person.event_id])

    def _fill_organisation(self, contact_id: int, organisation: str) -> bool:
        """Give a contact without an organisation the one typed; whether it did."""
        draft = self.contacts.load(contact_id)
        if draft.organisation:
            return False
        draft.organisation = organisation
        self.contacts.update(contact_id, draft)
        return True
