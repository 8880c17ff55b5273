"""Follow-ups: what the user means to do next with a contact, and when.

`FollowUpService` is the only writer of FollowUp rows; it announces every change on the
"followups" topic. Follow-up times (`due_at`, `notified_at`, `done_at`) are naive *local*
wall-clock times; a follow-up without a time (`has_time` false) is due on its day.

Open and snoozed follow-ups are *pending*. Besides the ones the user makes, the service keeps
check-ins and birthday wishes in line with contacts (`followup_generated`) whenever contacts or
interactions change. Its reads are `FollowUpQueries`' (`followup_queries`). Every change the user
makes returns an `Undo` that `undo()` reverses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from netdesk.core.changes import Changes
from netdesk.core.clock import Clock
from netdesk.core.followup_dates import date_of, day_start, snooze_until
from netdesk.core.followup_generated import reconcile
from netdesk.core.followup_queries import PENDING, FollowUpQueries
from netdesk.core.give_take import to_utc
from netdesk.core.interactions import delete_interaction, log_interaction
from netdesk.core.vocabulary import FOLLOWUP_REASONS
from netdesk.store.models import FollowUp, db
from netdesk.store.rows import dicts, one_dict, tuples

_RESTORED = (
    "due_at",
    "has_time",
    "status",
    "reason",
    "note",
    "notified_at",
    "done_at",
    "interaction",
)


@dataclass
class Undo:
    """What one change did, so `FollowUpService.undo` can put it back."""

    label: str
    before: dict[int, dict[str, Any]] = field(default_factory=dict)
    interaction_ids: list[int] = field(default_factory=list)


class FollowUpService(FollowUpQueries):
    """Creates, changes and queries follow-ups; keeps check-ins and birthdays up to date."""

    def __init__(self, changes: Changes, clock: Clock | None = None) -> None:
        super().__init__(clock)
        self.changes = changes
        changes.subscribe(self._on_change)

    # -- creating -------------------------------------------------------------------------

    def create(
        self,
        contact_id: int,
        due_at: datetime | date,
        *,
        reason: str = "check-in",
        note: str = "",
        has_time: bool = False,
        origin: str = "manual",
        event_id: int | None = None,
        interaction_id: int | None = None,
        opportunity_id: int | None = None,
    ) -> int:
        """Schedule a follow-up with a contact (a date alone is due that day); return its id."""
        if reason not in FOLLOWUP_REASONS:
            raise ValueError(f"unknown reason {reason!r}; expected one of {FOLLOWUP_REASONS}")
        followup = FollowUp.create(
            contact=contact_id,
            due_at=due_at if has_time else day_start(date_of(due_at)),
            has_time=has_time,
            reason=reason,
            note=note,
            origin=origin,
            event=event_id,
            interaction=interaction_id,
            opportunity=opportunity_id,
            updated_at=self.clock.now(),
        )
        self._publish([followup.id])
        return followup.id

    def remove(self, followup_id: int) -> dict[str, Any]:
        """Delete a follow-up (Undo of its creation); its row, which `put_back` restores."""
        row = one_dict(FollowUp.select().where(FollowUp.id == followup_id))
        FollowUp.delete().where(FollowUp.id == followup_id).execute()
        self._publish([followup_id])
        return row

    def put_back(self, row: dict[str, Any]) -> int:
        """Insert a removed follow-up again, with its id (Redo of its creation)."""
        FollowUp.insert(**row).execute()
        self._publish([row["id"]])
        return int(row["id"])

    def keep_next_step(
        self, opportunity_id: int, contact_id: int | None, day: date | None, note: str
    ) -> None:
        """Make an opportunity's pending next step one follow-up with `contact_id` due on `day`
        (none when either is None): the earliest pending one is changed (it stays where it is
        when its day is the same), the others dismissed, else one is created."""
        query = FollowUp.select().where(
            FollowUp.opportunity == opportunity_id, FollowUp.status.in_(PENDING)
        )
        pending = list(query.order_by(FollowUp.due_at, FollowUp.id))
        keep = pending.pop(0) if pending and contact_id and day else None
        if pending:
            FollowUp.update(status="dismissed", updated_at=self.clock.now()).where(
                FollowUp.id.in_([f.id for f in pending])
            ).execute()
        if contact_id is None or day is None:
            self._publish(f.id for f in pending)
            return
        if keep is None:
            self.create(
                contact_id,
                day,
                reason="next step",
                note=note,
                origin="opportunity",
                opportunity_id=opportunity_id,
            )
        else:
            moved = date_of(keep.due_at) != day
            keep.contact_id, keep.note, keep.updated_at = contact_id, note, self.clock.now()
            if moved:
                keep.due_at, keep.has_time, keep.status = day_start(day), False, "open"
                keep.notified_at = None
            keep.save()
        self._publish([*(f.id for f in pending), *([keep.id] if keep else [])])

    # -- changing (each returns an Undo) ----------------------------------------------------

    def done(
        self,
        ids: Iterable[int],
        note: str = "",
        channel: str = "message",
        interaction_id: int | None = None,
    ) -> Undo:
        """Mark follow-ups done; each logs an interaction (which also resets the check-in),
        unless `interaction_id` names the one already logged that did it (a message written)."""
        undo = self._snapshot("Done", ids)
        now = self.clock.now()
        for followup_id in undo.before:
            followup = FollowUp.get_by_id(followup_id)
            if note:
                followup.note = f"{followup.note}\n{note}".strip()
            summary = f"{followup.reason}: {followup.note}".strip(": ")
            followup.status, followup.done_at, followup.updated_at = "done", now, now
            followup.save()
            logged = interaction_id
            if logged is None:
                logged = log_interaction(
                    self.changes,
                    followup.contact_id,
                    occurred_at=to_utc(now),  # interactions keep naive UTC, the clock is local
                    channel=channel,
                    summary=summary,
                )
                undo.interaction_ids.append(logged)
            FollowUp.update(interaction=logged).where(FollowUp.id == followup_id).execute()
        self._publish(undo.before)
        return undo

    def snooze(self, ids: Iterable[int], until: datetime | str) -> Undo:
        """Put follow-ups off until a moment or a preset (see SNOOZE_PRESETS); they notify again."""
        when = snooze_until(until, self.clock.now()) if isinstance(until, str) else until
        return self._move("Snooze", ids, when, "snoozed", has_time=True)

    def reschedule(self, ids: Iterable[int], day: date, at: time | None = None) -> Undo:
        """Move follow-ups to another day (keeping their time of day unless `at` is given).

        Moving one later counts as putting it off: its status becomes "snoozed".
        """
        undo = self._snapshot("Reschedule", ids)
        for followup_id, before in undo.before.items():
            when = at if at is not None else before["due_at"].time()
            has_time = before["has_time"] or at is not None
            due = datetime.combine(day, when if has_time else time.min)
            FollowUp.update(
                due_at=due,
                has_time=has_time,
                status="snoozed" if due > before["due_at"] else "open",
                notified_at=None,
                updated_at=self.clock.now(),
            ).where(FollowUp.id == followup_id).execute()
        self._publish(undo.before)
        return undo

    def update(
        self, followup_id: int, due_at: datetime, *, has_time: bool, reason: str, note: str
    ) -> Undo:
        """Change what a follow-up is about and when it is due."""
        if reason not in FOLLOWUP_REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        undo = self._snapshot("Edit", [followup_id])
        FollowUp.update(
            due_at=due_at if has_time else day_start(date_of(due_at)),
            has_time=has_time,
            reason=reason,
            note=note,
            notified_at=None,
            updated_at=self.clock.now(),
        ).where(FollowUp.id == followup_id).execute()
        self._publish(undo.before)
        return undo

    def dismiss(self, ids: Iterable[int]) -> Undo:
        """Drop follow-ups without doing them."""
        undo = self._snapshot("Dismiss", ids)
        FollowUp.update(status="dismissed", updated_at=self.clock.now()).where(
            FollowUp.id.in_(list(undo.before))
        ).execute()
        self._publish(undo.before)
        self.sync_generated(self._contacts_of(undo.before))
        return undo

    def undo(self, undo: Undo) -> None:
        """Reverse a change: restore the rows, remove the interactions it logged."""
        with db.atomic():
            for followup_id, before in undo.before.items():
                FollowUp.update(**before).where(FollowUp.id == followup_id).execute()
        for interaction_id in undo.interaction_ids:
            delete_interaction(self.changes, interaction_id)
        self._publish(undo.before)
        self.sync_generated(self._contacts_of(undo.before))

    def mark_notified(self, ids: Iterable[int], when: datetime | None = None) -> None:
        """Remember that these follow-ups were shown as a reminder (so they are not again)."""
        ids = list(ids)
        FollowUp.update(notified_at=when or self.clock.now()).where(FollowUp.id.in_(ids)).execute()
        self.changes.publish("followups", ids)

    # -- kept by the service: check-ins and birthdays ----------------------------------------

    def sync_generated(self, contact_ids: Iterable[int] | None = None) -> None:
        """Bring check-in and birthday follow-ups in line with contacts (all when None)."""
        result = reconcile(self.clock.now(), contact_ids)
        if result.inserted:
            self._publish(())  # many new rows: "possibly all"
        elif result.changed:
            self._publish(result.changed)

    def _on_change(self, topic: str, ids: frozenset[int]) -> None:
        if topic in ("interactions", "contacts"):
            self.sync_generated(ids or None)

    # -- helpers ----------------------------------------------------------------------------

    def _snapshot(self, label: str, ids: Iterable[int]) -> Undo:
        undo = Undo(label)
        fields = [getattr(FollowUp, name) for name in _RESTORED]
        for row in dicts(FollowUp.select(FollowUp.id, *fields).where(FollowUp.id.in_(list(ids)))):
            followup_id = row.pop("id")
            undo.before[followup_id] = row
        return undo

    def _move(
        self, label: str, ids: Iterable[int], when: datetime, status: str, has_time: bool
    ) -> Undo:
        undo = self._snapshot(label, ids)
        FollowUp.update(
            due_at=when,
            has_time=has_time,
            status=status,
            notified_at=None,
            updated_at=self.clock.now(),
        ).where(FollowUp.id.in_(list(undo.before))).execute()
        self._publish(undo.before)
        return undo

    @staticmethod
    def _contacts_of(ids: Iterable[int]) -> set[int]:
        query = FollowUp.select(FollowUp.contact).where(FollowUp.id.in_(list(ids)))
        return {contact_id for (contact_id,) in tuples(query)}

    def _publish(self, followup_ids: Iterable[int]) -> None:
        self.changes.publish("followups", followup_ids)
