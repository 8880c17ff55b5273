"""What the window shows and does about sync besides syncing: the account's state (last sync,
changes waiting to be sent, open conflicts) and settling a conflict one field at a time."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from netdesk.core import sync_accounts
from netdesk.core.contacts import ContactService
from netdesk.core.sync_contacts import CARDS, unsynced_contacts
from netdesk.core.sync_events import pending_events
from netdesk.core.sync_journal import pending_interactions
from netdesk.core.sync_tasks import pending_tasks
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import SyncAccount, SyncConflict, SyncItemConflict, db, utcnow

_DATES = ("birthday", "connected_on")


@dataclass(frozen=True)
class SyncState:
    """The account and how its sync stands; `last_sync_at` in UTC."""

    url: str
    user: str
    address_book: str
    ca_file: str
    last_sync_at: datetime | None
    last_error: str
    pending: int
    conflicts: int
    task_list: str = ""
    calendar: str = ""
    journal: str = ""


@dataclass(frozen=True)
class Settled:
    """A conflict settled: its row, and the contact before and after (the same when NetDesk's
    value was kept)."""

    conflict_id: int
    contact_id: int
    before: ContactDraft
    after: ContactDraft


def state() -> SyncState | None:
    """How sync stands, None before an account is set up."""
    found = sync_accounts.account()
    if found is None:
        return None
    open_ = sum(
        table.select().where(table.resolved_at.is_null(True)).count()
        for table in (SyncConflict, SyncItemConflict)
    )
    return SyncState(
        url=found.url,
        user=found.user,
        address_book=found.address_book,
        ca_file=found.ca_file,
        last_sync_at=found.last_sync_at,
        last_error=found.last_error,
        pending=pending_changes(found),
        conflicts=open_,
        task_list=found.task_list,
        calendar=found.calendar,
        journal=found.journal,
    )


def pending_changes(account: SyncAccount) -> int:
    """Contacts, and follow-ups, events and interactions when the account has a task list, a
    calendar and a journal, that the next sync sends: never synced, changed since, or deleted
    for good."""
    count = CARDS.pending(account.id, unsynced_contacts(account.id))
    if account.task_list:
        count += pending_tasks(account.id)
    if account.calendar:
        count += pending_events(account.id)
    if account.journal:
        count += pending_interactions(account.id)
    return count


def settle(contacts: ContactService, contact_id: int, field: str, take_server: bool) -> Settled:
    """Settle the open conflict of `field`: keep NetDesk's value, or take the server's into the
    contact (the next sync sends the result either way)."""
    with db.atomic():
        conflict = SyncConflict.get(
            SyncConflict.contact == contact_id,
            SyncConflict.field == field,
            SyncConflict.resolved_at.is_null(True),
        )
        before = contacts.load(contact_id)
        after = before
        if take_server:
            after = replace(before, **{field: field_value(field, json.loads(conflict.remote))})
            contacts.update(contact_id, after)
        conflict.resolved_at = utcnow()
        conflict.save()
    return Settled(conflict.id, contact_id, before, after)


def unsettle(contacts: ContactService, settled: Settled) -> None:
    """Undo `settle`: the contact as it was and the conflict open again."""
    with db.atomic():
        if settled.after != settled.before:
            contacts.update(settled.contact_id, settled.before)
        SyncConflict.update(resolved_at=None).where(
            SyncConflict.id == settled.conflict_id
        ).execute()


def field_value(field: str, value: Any) -> Any:
    """A conflict's JSON value as the contact field holds it (a date, a photo's bytes)."""
    if value is None:
        return None
    if field == "photo":
        return base64.b64decode(value["base64"])
    if field in _DATES:
        return date.fromisoformat(value)
    return value
