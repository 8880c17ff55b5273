"""Deleting an event so that it can be put back: its row, people list, goals and the links
contacts, interactions and follow-ups had to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peewee import ForeignKeyField

from netdesk.store.models import Contact, Event, EventPerson, FollowUp, Goal, Interaction, db
from netdesk.store.rows import dicts, one_dict


@dataclass
class DeletedEvent:
    """Everything `restore_event` needs to undo `delete_event`."""

    event: dict[str, Any]
    people: list[dict[str, Any]] = field(default_factory=list)
    goals: list[dict[str, Any]] = field(default_factory=list)
    links: dict[str, list[int]] = field(default_factory=dict)

    @property
    def event_id(self) -> int:
        event_id: int = self.event["id"]
        return event_id


_LINKED: dict[str, tuple[type[Contact | Interaction | FollowUp], ForeignKeyField[Any]]] = {
    "met_at": (Contact, Contact.met_at),
    "interaction": (Interaction, Interaction.event),
    "followup": (FollowUp, FollowUp.event),
}


def delete_event(event_id: int) -> DeletedEvent:
    """Delete an event (contacts, interactions and follow-ups stay; their link is cleared)."""
    with db.atomic():
        deleted = DeletedEvent(
            event=one_dict(Event.select().where(Event.id == event_id)),
            people=list(dicts(EventPerson.select().where(EventPerson.event == event_id))),
            goals=list(dicts(Goal.select().where(Goal.event == event_id))),
            links={
                name: [row.id for row in model.select(model.id).where(column == event_id)]
                for name, (model, column) in _LINKED.items()
            },
        )
        Event.delete().where(Event.id == event_id).execute()
    return deleted


def restore_event(deleted: DeletedEvent) -> None:
    """Put a deleted event back exactly as it was, links included."""
    with db.atomic():
        Event.insert(**deleted.event).execute()
        if deleted.people:
            EventPerson.insert_many(deleted.people).execute()
        if deleted.goals:
            Goal.insert_many(deleted.goals).execute()
        for name, ids in deleted.links.items():
            model, column = _LINKED[name]
            if ids:
                model.update({column: deleted.event_id}).where(model.id.in_(ids)).execute()
