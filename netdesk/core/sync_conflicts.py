"""The fields a sync found changed on both sides and the user has not settled yet: a contact's
(`sync_conflict`, settled by `sync_desk.settle`) and a follow-up's, an event's or an
interaction's (`sync_item_conflict`, a group of fields, settled here)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from peewee import ForeignKeyField

from netdesk.core import sync_events, sync_journal, sync_tasks
from netdesk.core.sync_calendar import json_values
from netdesk.formats.vevent import PersonFields
from netdesk.store.models import (
    Contact,
    Event,
    FollowUp,
    Interaction,
    SyncConflict,
    SyncItemConflict,
    db,
    utcnow,
)
from netdesk.store.rows import tuples

if TYPE_CHECKING:
    from netdesk.core.services import Services

CONTACT = "contact"
"""The kind of a contact's conflict (the others are `KINDS`' keys)."""


@dataclass(frozen=True)
class OpenConflict:
    """A field of a contact (a group of fields of another kind of item): the value NetDesk kept
    and the server's, as JSON values (a group's as plain text); `name` says what the item is."""

    item_id: int
    name: str
    field: str
    local: Any
    remote: Any
    found_at: datetime
    kind: str = CONTACT
    conflict_id: int = 0


@dataclass(frozen=True)
class Settled:
    """An item's conflict settled: its row, and the item's fields before and after (the same
    when NetDesk's values were kept)."""

    conflict_id: int
    kind: str
    item_id: int
    before: Any
    after: Any


@dataclass(frozen=True)
class _Kind:
    """How conflicts of one kind of item are found, shown and settled."""

    column: ForeignKeyField
    groups: tuple[tuple[str, ...], ...]
    fields: Callable[[int], Any]
    write: Callable[[Services, int, Any, Any], object]
    name: Callable[[int], str]


def _followup_name(followup_id: int) -> str:
    query = FollowUp.select(FollowUp.reason, Contact.display_name, FollowUp.due_at).join(Contact)
    reason, name, due = next(iter(tuples(query.where(FollowUp.id == followup_id))))
    return f"Follow-up: {reason.capitalize()} {name}: due {due.date().isoformat()}"


def _event_name(event_id: int) -> str:
    fields = sync_events.event_fields(event_id)
    return f"Event: {fields.name}: {fields.starts_at.date().isoformat()}"


def _interaction_name(interaction_id: int) -> str:
    query = Interaction.select(Interaction.channel, Contact.display_name, Interaction.occurred_at)
    query = query.join(Contact, on=Interaction.contact).where(Interaction.id == interaction_id)
    channel, name, occurred = next(iter(tuples(query)))
    return f"Interaction: {channel} with {name}: {occurred.date().isoformat()}"


KINDS = {
    "follow-up": _Kind(
        SyncItemConflict.followup,
        sync_tasks.GROUPS,
        sync_tasks.task_fields,
        lambda services, item, local, merged: sync_tasks.apply_task(
            services.followups, item, local, merged
        ),
        _followup_name,
    ),
    "event": _Kind(
        SyncItemConflict.event,
        sync_events.GROUPS,
        sync_events.event_fields,
        lambda services, item, local, merged: sync_events.apply_event(
            services.events, item, local, merged
        ),
        _event_name,
    ),
    "interaction": _Kind(
        SyncItemConflict.interaction,
        sync_journal.GROUPS,
        sync_journal.journal_fields,
        lambda services, item, local, merged: sync_journal.write_interaction(
            services.changes, item, merged
        ),
        _interaction_name,
    ),
}
"""The kinds of item besides contacts, each with its `sync_item_conflict` column."""


def open_conflicts() -> list[OpenConflict]:
    """Every conflict not settled yet, newest first."""
    query = (
        SyncConflict.select(
            SyncConflict.contact,
            Contact.display_name,
            SyncConflict.field,
            SyncConflict.local,
            SyncConflict.remote,
            SyncConflict.created_at,
            SyncConflict.id,
        )
        .join(Contact)
        .where(SyncConflict.resolved_at.is_null(True))
    )
    found = [
        OpenConflict(
            item, name, field, json.loads(local), json.loads(remote), at, CONTACT, conflict_id
        )
        for item, name, field, local, remote, at, conflict_id in tuples(query)
    ]
    found += _open_items()
    return sorted(found, key=lambda c: (c.found_at, c.kind == CONTACT, c.conflict_id), reverse=True)


def _open_items() -> list[OpenConflict]:
    found = []
    for kind, spec in KINDS.items():
        query = SyncItemConflict.select(
            spec.column,
            SyncItemConflict.field,
            SyncItemConflict.local,
            SyncItemConflict.remote,
            SyncItemConflict.created_at,
            SyncItemConflict.id,
        ).where(SyncItemConflict.resolved_at.is_null(True), spec.column.is_null(False))
        for item, field, local, remote, at, conflict_id in tuples(query):
            group = _group(spec, field)
            found.append(
                OpenConflict(
                    item,
                    spec.name(item),
                    _label(group),
                    shown(group, _named(group, json_values(local))),
                    shown(group, _named(group, json_values(remote))),
                    at,
                    kind,
                    conflict_id,
                )
            )
    return found


_PEOPLE = ("contact", "introduced_a", "introduced_b")
"""An interaction's fields that hold a contact's vCard UID."""


def _named(group: tuple[str, ...], values: tuple[Any, ...]) -> tuple[Any, ...]:
    """`values` in words: each contact's vCard UID (an interaction's person) as the contact's
    name, an interaction's event as its name, an event's people a line each."""
    if group == ("people",):
        return (_people_text(values[0]),)
    if group == ("event",):
        return (Event.select(Event.name).where(Event.uid == values[0]).scalar() or values[0],)
    uids = [value for name, value in zip(group, values, strict=True) if name in _PEOPLE and value]
    names = _names(uids)
    return tuple(
        names.get(value, value) if name in _PEOPLE else value
        for name, value in zip(group, values, strict=True)
    )


def _people_text(people: list[list[Any]]) -> str:
    """An event's people, a line each: name, role, want to meet, met and research notes."""
    names = _names([person[0] for person in people])
    lines = []
    for person in (PersonFields(*person) for person in people):
        said = [person.role, *(["want to meet"] if person.want_to_meet else [])]
        said += ["met"] if person.met else []
        notes = f": {person.research_notes}" if person.research_notes else ""
        lines.append(f"{names.get(person.contact, person.contact)} ({', '.join(said)}){notes}")
    return "\n".join(lines)


def _names(uids: list[str]) -> dict[str, str]:
    """The names of the contacts of vCard UIDs."""
    if not uids:
        return {}
    query = Contact.select(Contact.vcard_uid, Contact.display_name)
    return dict(tuples(query.where(Contact.vcard_uid.in_(uids))))


def shown(group: tuple[str, ...], values: tuple[Any, ...]) -> str:
    """A group's values as plain text: times to the minute (a due day without its time when it
    has none), an event's times as start – end and zone."""
    named = dict(zip(group, values, strict=True))
    if named.get("has_time") is False and isinstance(named.get("due"), datetime):
        return str(named["due"].date().isoformat())
    texts = [
        value.isoformat(" ", "minutes") if isinstance(value, datetime) else str(value)
        for value in values
        if not isinstance(value, bool) and value not in (None, "")
    ]
    if group == sync_events.GROUPS[0] and len(texts) == 3:
        return f"{texts[0]} – {texts[1]} {texts[2]}"
    return " – ".join(texts) if group == sync_events.GROUPS[0] else "\n".join(texts)


def _label(group: tuple[str, ...]) -> str:
    """The group's name as a field: an event's times, a give, else its one field."""
    if group == sync_events.GROUPS[0]:
        return "times"
    return "give" if group == sync_journal.GROUPS[-1] else group[0]


def _group(spec: _Kind, field: str) -> tuple[str, ...]:
    return next(group for group in spec.groups if group[0] == field)


def settle(services: Services, conflict: OpenConflict, take_server: bool) -> Settled:
    """Settle an item's open conflict: keep NetDesk's values, or take the server's into the
    item (the next sync sends the result either way)."""
    spec = KINDS[conflict.kind]
    with db.atomic():
        row = SyncItemConflict.get_by_id(conflict.conflict_id)
        before = spec.fields(conflict.item_id)
        after = before
        if take_server:
            group = _group(spec, row.field)
            after = replace(before, **dict(zip(group, json_values(row.remote), strict=True)))
            spec.write(services, conflict.item_id, before, after)
        row.resolved_at = utcnow()
        row.save()
    return Settled(row.id, conflict.kind, conflict.item_id, before, after)


def unsettle(services: Services, settled: Settled) -> None:
    """Undo `settle`: the item as it was and the conflict open again."""
    with db.atomic():
        if settled.after != settled.before:
            KINDS[settled.kind].write(services, settled.item_id, settled.after, settled.before)
        SyncItemConflict.update(resolved_at=None).where(
            SyncItemConflict.id == settled.conflict_id
        ).execute()
