"""Two-way sync of follow-ups with a CalDAV task list, one VTODO each (`formats.vtodo`).

Which follow-ups: the ones the user made (and an opportunity's next step), from the day they
are synced on; never-synced ones go when pending (open or snoozed). Check-ins and birthday
wishes stay local: NetDesk makes them from the contacts, so another NetDesk makes its own from
the synced contacts and a synced copy would double them.

As with contacts (the walk is `sync_collection`'s): receive first (sync-collection, else ctag
and ETags; tasks fetched with calendar-multiget in batches), then send (If-None-Match: * for a
new task, If-Match for a changed one, DELETE If-Match for a follow-up deleted here), each task
committed as it is done, a write refused as changed meanwhile merged by a second round. A
changed task is merged field by field against the last synced one (due, status, note, reason):
a field changed on one side takes that side's value; changed on both sides, NetDesk's value is
kept and the server's with it until the user chooses (`sync_conflicts`), except that done wins
over open or snoozed (ticking a task done is never lost). A task ticked done elsewhere marks the
follow-up done as Done in NetDesk does (it logs the interaction). A task deleted elsewhere
dismisses its follow-up (nothing is deleted here). A task about nobody NetDesk knows (a phone's
own) is left alone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime, time
from typing import Any

from netdesk.core import sync_accounts
from netdesk.core.caldav_client import CalDavClient
from netdesk.core.carddav import Card
from netdesk.core.followup_generated import GENERATED
from netdesk.core.followup_queries import PENDING
from netdesk.core.followups import FollowUpService
from netdesk.core.give_take import to_utc
from netdesk.core.sync_calendar import CalendarSync, chosen_calendar, merge, same
from netdesk.core.sync_collection import Counts, Row, Table
from netdesk.core.vocabulary import FOLLOWUP_REASONS
from netdesk.formats.vtodo import TaskFields, parse_task, render_task
from netdesk.store.models import Contact, FollowUp, SyncAccount, SyncTask, new_uid
from netdesk.store.rows import tuples

NEW_LIST_NAME = "NetDesk follow-ups"
"""The task list made when NEW is chosen and the server has none of that name."""
GROUPS = (("due", "has_time"), ("status", "done_at"), ("note",), ("reason",))
"""Fields merged together: a due day and whether it has a time; a status and when done."""


@dataclass
class TaskReport(Counts):
    """What a follow-up sync did (or, in a dry run, would do)."""

    received_done: int = 0
    left_alone: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data (for --json)."""
        return asdict(self)


TASKS = Table(
    SyncTask, SyncTask.followup, SyncTask.ical, "task_token", "task_ctag", SyncTask.foreign
)


class TaskSync(CalendarSync):
    """Syncs the follow-ups with one account's task list through `client`."""

    table = TASKS
    conflict_note = "a follow-up changed on both sides keeps NetDesk's due date, note or reason"
    conflict_column = "followup"

    def __init__(
        self,
        followups: FollowUpService,
        client: CalDavClient,
        account: SyncAccount,
        *,
        dry_run: bool = False,
    ) -> None:
        self.report = TaskReport()
        super().__init__(client, account, account.task_list, self.report, dry_run=dry_run)
        self.followups = followups

    def run(self) -> TaskReport:
        """Receive, then send (see `CollectionSync.sync`)."""
        self.run_sync()
        return self.report

    # receiving

    def parse(self, text: str) -> TaskFields:
        return parse_task(text).fields

    def take_changed(self, task: Card, incoming: TaskFields, row: Row) -> None:
        assert row.local_id is not None
        base = parse_task(row.text).fields
        if incoming.due is None:  # a due date removed elsewhere: NetDesk needs one
            incoming = replace(incoming, due=base.due, has_time=base.has_time)
        if _same(base, incoming):
            self.agreed(row, task.etag, task.text)
            return
        local = task_fields(row.local_id)
        merged = self._merge(row.local_id, base, local, incoming) if row.dirty else incoming
        self._apply(row.local_id, local, merged)
        self.report.received_changed += 1
        self.agreed(row, task.etag, task.text, dirty=not _same(merged, incoming))

    def take_new(self, task: Card, incoming: TaskFields) -> None:
        """A task NetDesk does not know: a follow-up with the contact it names, else left
        alone (remembered so that it is not read again until it changes)."""
        contact = (
            Contact.select(Contact.id)
            .where(Contact.vcard_uid == incoming.contact_uid, Contact.deleted_at.is_null(True))
            .first()
            if incoming.contact_uid
            else None
        )
        if contact is None:
            self.report.left_alone += 1
            self.link(None, task.href, task.etag, task.text, foreign=True)
            return
        reason = incoming.reason if incoming.reason in FOLLOWUP_REASONS else "other"
        due = incoming.due or datetime.combine(self.followups.clock.today(), time.min)
        followup_id = self.followups.create(
            contact.id, due, reason=reason, note=incoming.note, has_time=incoming.has_time
        )
        if incoming.status != "open":
            FollowUp.update(status=incoming.status, done_at=incoming.done_at).where(
                FollowUp.id == followup_id
            ).execute()
        self.link(followup_id, task.href, task.etag, task.text)
        self.report.received_new += 1

    def _merge(
        self, followup_id: int, base: TaskFields, local: TaskFields, remote: TaskFields
    ) -> TaskFields:
        """`local` with the server's changes since `base`; a group changed on both sides keeps
        NetDesk's values and the server's as a conflict (done wins over a pending status)."""
        taken, conflicts = merge(GROUPS, base, local, remote, _done_wins)
        self.keep_conflicts(followup_id, conflicts)
        return replace(local, **taken)

    def _apply(self, followup_id: int, local: TaskFields, merged: TaskFields) -> None:
        """Write the merged fields into the follow-up, counting one ticked done."""
        self.report.received_done += apply_task(self.followups, followup_id, local, merged)

    def removed(self, row: Row) -> None:
        """A task deleted on the server: its follow-up dismissed, unless changed here since
        (then it is sent again as a new task)."""
        self.forget(row)
        if row.local_id is None or row.foreign:
            return
        local = task_fields(row.local_id)
        if row.dirty and not _same(local, parse_task(row.text).fields):
            return
        if local.status in PENDING:
            FollowUp.update(status="dismissed", updated_at=self.followups.clock.now()).where(
                FollowUp.id == row.local_id
            ).execute()
            self.followups.changes.publish("followups", [row.local_id])
        self.report.received_removed += 1

    # sending

    def send_new(self, item_id: int, item: Any) -> tuple[str, str, str]:
        uid = new_uid()
        href = f"{self.collection.rstrip('/')}/{uid}.ics"
        text = self._render(item_id, uid, "")
        etag = self.put(href, text, None)
        return href, text, etag

    def send_changed(self, row: Row) -> tuple[str, str] | None:
        assert row.local_id is not None
        server = parse_task(row.text)
        if _same(task_fields(row.local_id), server.fields):
            return None
        text = self._render(row.local_id, server.uid or new_uid(), row.text)
        etag = self.put(row.href, text, row.etag)
        return text, etag

    def unsynced(self) -> list[int]:
        """Pending follow-ups the user made, of living contacts, without a task yet."""
        query = _unsynced(self.account.id).order_by(FollowUp.id)
        return [followup_id for (followup_id,) in tuples(query)]

    # reading state

    def _render(self, followup_id: int, uid: str, base: str) -> str:
        name = (
            Contact.select(Contact.display_name)
            .join(FollowUp)
            .where(FollowUp.id == followup_id)
            .scalar()
        )
        stamp = to_utc(self.followups.clock.now())
        return render_task(task_fields(followup_id), name or "", uid, stamp, base)


def task_fields(followup_id: int) -> TaskFields:
    """The follow-up as its task reads back (times to the second)."""
    row = (
        FollowUp.select(
            Contact.vcard_uid,
            FollowUp.reason,
            FollowUp.note,
            FollowUp.due_at,
            FollowUp.has_time,
            FollowUp.status,
            FollowUp.done_at,
        )
        .join(Contact)
        .where(FollowUp.id == followup_id)
    )
    uid, reason, note, due, has_time, status, done_at = next(iter(tuples(row)))
    due = due.replace(microsecond=0) if has_time else datetime.combine(due.date(), time.min)
    done = done_at.replace(microsecond=0) if done_at and status == "done" else None
    return TaskFields(uid, reason, note, due, has_time, status, done)


def apply_task(
    followups: FollowUpService, followup_id: int, local: TaskFields, merged: TaskFields
) -> bool:
    """Write `merged` into the follow-up whose fields are `local`, done as the Done button
    does; whether it was ticked done."""
    if merged == local:
        return False
    values: dict[str, Any] = {"updated_at": followups.clock.now()}
    if (merged.due, merged.has_time) != (local.due, local.has_time) and merged.due:
        values.update(due_at=merged.due, has_time=merged.has_time, notified_at=None)
    if merged.note != local.note:
        values["note"] = merged.note
    if merged.reason != local.reason and merged.reason in FOLLOWUP_REASONS:
        values["reason"] = merged.reason
    ticked = merged.status == "done" and local.status != "done"
    if merged.status != local.status and not ticked:
        values.update(status=merged.status, done_at=merged.done_at)
    FollowUp.update(**values).where(FollowUp.id == followup_id).execute()
    if ticked:
        followups.done([followup_id])
        FollowUp.update(done_at=merged.done_at or values["updated_at"]).where(
            FollowUp.id == followup_id
        ).execute()
    followups.changes.publish("followups", [followup_id])
    return ticked


def sync_follow_ups(
    followups: FollowUpService, client: CalDavClient, account: SyncAccount, chosen: str
) -> TaskReport | None:
    """Make `chosen` (a task list's path, "" for none, or NEW) the account's task list and
    sync the follow-ups with it; None without one."""
    chosen = chosen_calendar(client, chosen, NEW_LIST_NAME, "netdesk-follow-ups", "VTODO")
    sync_accounts.set_task_list(account, chosen)
    if not chosen:
        return None
    return TaskSync(followups, client, account).run()


def _done_wins(group: tuple[str, ...], local: TaskFields, remote: TaskFields) -> bool | None:
    """Done on either side wins over a pending status; other groups are conflicts."""
    if group[0] != "status":
        return None
    if remote.status == "done":
        return True
    return False if local.status == "done" else None


def _same(a: TaskFields, b: TaskFields) -> bool:
    """Whether two tasks say the same about their follow-up (its contact link aside)."""
    return same(GROUPS, a, b)


def pending_tasks(account_id: int) -> int:
    """Follow-ups the next sync sends: never synced (and pending), changed, or deleted here."""
    return TASKS.pending(account_id, _unsynced(account_id))


def _unsynced(account_id: int) -> Any:
    """The query of pending follow-ups the user made, of living contacts, without a task."""
    query = (
        FollowUp.select(FollowUp.id)
        .join(Contact)
        .where(
            FollowUp.status.in_(PENDING),
            FollowUp.origin.not_in(GENERATED),
            Contact.deleted_at.is_null(True),
        )
    )
    return TASKS.unsynced(query, FollowUp, account_id)
