"""Message templates and writing from them: which template fits, what fills it, and sending.

Templates are rows (`MessageTemplate`), edited by the user and carried by backups; the defaults
come from `store.template_defaults`. The Write dialog asks `choose` for the template that fits a
follow-up's reason (or Reach out's signal), `values_for` for the placeholders of a contact, and
`send` once the message went out: it logs the interaction — a give when the template gives
something — and marks the follow-up done, returning what `unsend` needs to take both back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from peewee import IntegrityError

from netdesk.core.changes import Changes
from netdesk.core.followup_queries import PENDING
from netdesk.core.followups import FollowUpService, Undo
from netdesk.core.give_take import to_utc
from netdesk.core.interactions import NEUTRAL, Give, delete_interaction, log_interaction
from netdesk.core.vocabulary import FOLLOWUP_REASONS, GIVE_KINDS
from netdesk.store.models import (
    Contact,
    ContactMethod,
    Event,
    FollowUp,
    MessageTemplate,
    Pitch,
    db,
    utcnow,
)
from netdesk.store.rows import dicts

SIGNAL_REASONS = {
    "met": "after meeting",
    "cadence": "check-in",
    "quiet": "check-in",
    "birthday": "congratulate",
    "give back": "share article",
}
"""The follow-up reason whose template fits a Reach out signal (giving back: share something)."""


@dataclass(frozen=True)
class TemplateRow:
    """One template; `id` is None for one not stored yet."""

    id: int | None
    name: str
    reason: str = ""
    subject: str = ""
    body: str = ""
    give_kind: str = ""


@dataclass(frozen=True)
class Sent:
    """What `send` did: the interaction it logged and the follow-ups it completed."""

    interaction_id: int
    done: Undo | None


def choose(templates: list[TemplateRow], reason: str) -> TemplateRow | None:
    """The template for a follow-up reason (or a Reach out signal): the first made for it, else
    the first check-in, else the first."""
    reason = SIGNAL_REASONS.get(reason, reason)
    for wanted in (reason or "check-in", "check-in"):
        found = next((t for t in templates if t.reason == wanted), None)
        if found is not None:
            return found
    return templates[0] if templates else None


class TemplateService:
    """Lists, saves and deletes templates; fills them for a contact; records a message sent."""

    def __init__(self, changes: Changes, followups: FollowUpService) -> None:
        self.changes = changes
        self.followups = followups

    def list(self) -> list[TemplateRow]:
        """Every template in the user's order."""
        query = MessageTemplate.select().order_by(MessageTemplate.position, MessageTemplate.id)
        return [TemplateRow(t.id, t.name, t.reason, t.subject, t.body, t.give_kind) for t in query]

    def save(self, row: TemplateRow) -> int:
        """Store a new or changed template; return its id. A name must be given and unique."""
        name = row.name.strip()
        if not name:
            raise ValueError("A template needs a name.")
        if row.reason and row.reason not in FOLLOWUP_REASONS:
            raise ValueError(f"unknown reason {row.reason!r}")
        if row.give_kind and row.give_kind not in GIVE_KINDS:
            raise ValueError(f"unknown kind {row.give_kind!r}")
        fields = {
            "name": name,
            "reason": row.reason,
            "subject": row.subject,
            "body": row.body,
            "give_kind": row.give_kind,
            "updated_at": utcnow(),
        }
        try:
            with db.atomic():
                if row.id is None:
                    last = MessageTemplate.select().order_by(MessageTemplate.position.desc())
                    position = last.first().position + 1 if last.exists() else 0
                    template_id: int = MessageTemplate.insert(**fields, position=position).execute()
                else:
                    query = MessageTemplate.update(**fields)
                    query.where(MessageTemplate.id == row.id).execute()
                    template_id = row.id
        except IntegrityError:
            raise ValueError(f"There is already a template named “{name}”.") from None
        self.changes.publish("templates", [template_id])
        return template_id

    def delete(self, template_id: int) -> None:
        MessageTemplate.delete().where(MessageTemplate.id == template_id).execute()
        self.changes.publish("templates", [template_id])

    @staticmethod
    def snapshot(template_id: int) -> dict[str, Any] | None:
        """A template's stored row (None when there is none), which `put_back` restores."""
        rows = list(dicts(MessageTemplate.select().where(MessageTemplate.id == template_id)))
        return rows[0] if rows else None

    def put_back(self, template_id: int, row: dict[str, Any] | None) -> None:
        """Make template `template_id` `row` again, with its id and place (None: no template),
        for undo and redo of a save or a delete. A name taken since gets " (restored)"."""
        with db.atomic():
            MessageTemplate.delete().where(MessageTemplate.id == template_id).execute()
            if row is not None:
                try:
                    with db.atomic():
                        MessageTemplate.insert(**row).execute()
                except IntegrityError:
                    MessageTemplate.insert(**{**row, "name": f"{row['name']} (restored)"}).execute()
        self.changes.publish("templates", [template_id])

    # -- filling -----------------------------------------------------------------------------

    @staticmethod
    def values_for(contact_id: int, followup_id: int | None = None) -> dict[str, str]:
        """The placeholders' values for a contact: {event} is the follow-up's event, else the
        one they were met at; {my_pitch} that event's pitch, else the latest of the library."""
        contact = Contact.get_by_id(contact_id)
        event_id = contact.met_at_id
        if followup_id is not None:
            followup = FollowUp.get_or_none(FollowUp.id == followup_id)
            if followup is not None and followup.event_id is not None:
                event_id = followup.event_id
        event = Event.get_or_none(Event.id == event_id) if event_id is not None else None
        pitch = event.pitch_text if event is not None else ""
        if not pitch:
            latest = Pitch.select(Pitch.text).order_by(Pitch.updated_at.desc()).first()
            pitch = latest.text if latest is not None else ""
        name = contact.display_name or f"{contact.given_name} {contact.family_name}".strip()
        return {
            "first_name": contact.given_name or (name.split() or [""])[0],
            "last_name": contact.family_name,
            "name": name,
            "company": contact.organisation,
            "title": contact.title,
            "how_we_met": contact.how_met,
            "event": event.name if event is not None else "",
            "my_pitch": pitch.strip(),
        }

    def due_for(self, contact_id: int) -> tuple[int | None, str]:
        """The contact's earliest pending follow-up due by tonight and its reason (a message
        written to them answers it), or (None, "")."""
        tonight = datetime.combine(self.followups.clock.today(), time.max)
        query = (
            FollowUp.select(FollowUp.id, FollowUp.reason)
            .where(
                FollowUp.contact == contact_id,
                FollowUp.status.in_(PENDING),
                FollowUp.due_at <= tonight,
            )
            .order_by(FollowUp.due_at, FollowUp.id)
        )
        found = query.tuples().first()
        return (found[0], found[1]) if found is not None else (None, "")

    @staticmethod
    def email_of(contact_id: int) -> str:
        """The contact's preferred (else first) email address, or ""."""
        query = (
            ContactMethod.select(ContactMethod.value)
            .where(ContactMethod.contact == contact_id, ContactMethod.kind == "email")
            .order_by(ContactMethod.preferred.desc(), ContactMethod.position, ContactMethod.id)
        )
        found = query.first()
        return found.value if found is not None else ""

    # -- sending -----------------------------------------------------------------------------

    def send(
        self,
        contact_id: int,
        template: TemplateRow,
        channel: str,
        followup_id: int | None = None,
    ) -> Sent:
        """Record a message written from `template`: an interaction on `channel` (a give of the
        template's kind, if any) and, with `followup_id`, that follow-up done by it."""
        give = Give("gave", template.give_kind) if template.give_kind else NEUTRAL
        interaction_id = log_interaction(
            self.changes,
            contact_id,
            occurred_at=to_utc(self.followups.clock.now()),
            channel=channel,
            summary=f"Sent “{template.name}”",
            give=give,
        )
        done = None
        if followup_id is not None:
            done = self.followups.done([followup_id], interaction_id=interaction_id)
        return Sent(interaction_id, done)

    def unsend(self, sent: Sent) -> None:
        """Undo `send`: the follow-up open again, the interaction gone."""
        if sent.done is not None:
            self.followups.undo(sent.done)
        delete_interaction(self.changes, sent.interaction_id)
