"""One sync of every collection the account has, with services of its own (the command line's
sync and the window's dry run: nothing they change is announced to a window): the contacts,
then the follow-ups, events and interactions where the account has a task list, a calendar and
a journal."""

from __future__ import annotations

from netdesk.core.caldav_client import CalDavClient
from netdesk.core.changes import Changes
from netdesk.core.clock import Clock
from netdesk.core.contact_bulk import ContactBulk
from netdesk.core.contacts import ContactService
from netdesk.core.events import EventService
from netdesk.core.followups import FollowUpService
from netdesk.core.sync_contacts import ContactSync, Progress, SyncReport
from netdesk.core.sync_events import EventSync
from netdesk.core.sync_journal import JournalSync
from netdesk.core.sync_tasks import TaskSync
from netdesk.store.models import SyncAccount


def sync_everything(
    client: CalDavClient,
    account: SyncAccount,
    clock: Clock,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> SyncReport:
    """Sync (or with `dry_run`, list what a sync would change) every collection of `account`,
    "now" read from `clock`; `progress` hears of the contacts' batches."""
    changes = Changes()
    contacts, bulk = ContactService(changes), ContactBulk(changes)
    sync = ContactSync(contacts, bulk, client, account, dry_run=dry_run, progress=progress)
    report = sync.run()
    followups = FollowUpService(changes, clock)
    if account.task_list:
        report.tasks = TaskSync(followups, client, account, dry_run=dry_run).run()
    if account.calendar:
        events = EventService(changes, followups, contacts)
        report.events = EventSync(events, client, account, dry_run=dry_run).run()
    if account.journal:
        journal = JournalSync(changes, clock, client, account, dry_run=dry_run)
        report.interactions = journal.run()
    return report
