"""Events in Import history: what an .ics import created or updated, and undoing it later.

A batch names each event it touched in an ImportChange row (action "event created" or "event
updated", no contact) whose `before` is JSON: `{"event": id}`, plus for an update the calendar
fields as they were, so undo can put them back. Prep work done on an event since (goals, people,
checklist) is not a calendar field and stays when an update is undone; undoing a creation deletes
the event with its prep, as undoing a contact import deletes the contacts it created.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from peewee import fn

from netdesk.core.event_deletion import delete_event
from netdesk.store.models import Event, ImportChange
from netdesk.store.rows import one_dict, tuples

CREATED = "event created"
UPDATED = "event updated"
_FIELDS = (
    "name",
    "starts_at",
    "ends_at",
    "timezone",
    "place",
    "online_link",
    "url",
    "notes",
    "uid",
    "prep_notified_at",
)
"""What an .ics import sets on an existing event (see `event_ics.apply_item`)."""


def snapshot(event_id: int) -> dict[str, Any]:
    """The calendar fields of a stored event, as JSON-ready values."""
    row = Event.select(*(getattr(Event, name) for name in _FIELDS)).where(Event.id == event_id)
    values = one_dict(row)
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items()}


def record(batch_id: int, created: list[int], updated: dict[int, dict[str, Any]]) -> None:
    """Note in batch `batch_id` the events it created and those it updated (with their fields
    before)."""
    rows = [(batch_id, CREATED, json.dumps({"event": i})) for i in created]
    rows += [
        (batch_id, UPDATED, json.dumps({"event": i, "fields": before}))
        for i, before in updated.items()
    ]
    if rows:
        fields = [ImportChange.batch, ImportChange.action, ImportChange.before]
        ImportChange.insert_many(rows, fields=fields).execute()


def counts() -> dict[int, tuple[int, int]]:
    """Events created and updated, by batch (only batches that touched events)."""
    query = (
        ImportChange.select(ImportChange.batch, ImportChange.action, fn.COUNT(ImportChange.id))
        .where(ImportChange.action.in_((CREATED, UPDATED)))
        .group_by(ImportChange.batch, ImportChange.action)
    )
    found: dict[int, tuple[int, int]] = {}
    for batch_id, action, number in tuples(query):
        created, updated = found.get(batch_id, (0, 0))
        found[batch_id] = (number, updated) if action == CREATED else (created, number)
    return found


def undo(batch_id: int) -> list[int]:
    """Delete the events batch `batch_id` created and put back the fields of those it updated
    (events deleted since are left alone); the ids of the events changed."""
    query = (
        ImportChange.select(ImportChange.action, ImportChange.before)
        .where(ImportChange.batch == batch_id, ImportChange.action.in_((CREATED, UPDATED)))
        .order_by(ImportChange.id.desc())
    )
    touched = []
    for action, before in tuples(query):
        change = json.loads(before)
        event_id = change["event"]
        if not Event.select().where(Event.id == event_id).exists():
            continue
        if action == CREATED:
            delete_event(event_id)
        else:
            Event.update(_stored(change["fields"])).where(Event.id == event_id).execute()
        touched.append(event_id)
    return touched


def _stored(fields: dict[str, Any]) -> dict[Any, Any]:
    dates = ("starts_at", "ends_at", "prep_notified_at")
    return {
        getattr(Event, k): datetime.fromisoformat(v) if k in dates and v else v
        for k, v in fields.items()
    }
