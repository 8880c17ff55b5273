"""Follow-ups: what the user means to do next with a contact, and when.

`FollowUpService` is the only writer of FollowUp rows; it announces every change on the
"followups" topic. Follow-up times (`due_at`, `notified_at`, `done_at`) are naive *local*
wall-clock times; a follow-up without a time (`has_time` false) is due on its day.

Open and snoozed follow-ups are *pending*. Besides the ones the user makes, the service keeps two
kinds itself: a contact's next check-in (origin "cadence", due at last interaction + cadence,
moved whenever an interaction is logged) and a yearly "congratulate" on birthdays (origin
"birthday"). Every change the user makes returns an `Undo` that `undo()` reverses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from peewee import fn

from netdesk.core.changes import Changes
from netdesk.core.clock import Clock
from netdesk.core.interactions import delete_interaction, log_interaction
from netdesk.store.models import FOLLOWUP_REASONS, Contact, FollowUp, db

PENDING = ("open", "snoozed")
MORNING = time(9, 0)
SNOOZE_PRESETS = ("1 hour", "tomorrow morning", "next week")
GENERATED = ("cadence", "birthday")
MAX_SYNC_IDS = 500  # more changed contacts than this: one pass over all (no huge IN lists)
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


@dataclass(frozen=True)
class FollowUpRow:
    """One follow-up as lists, the calendar and reminders show it."""

    id: int
    contact_id: int
    contact_name: str
    due_at: datetime
    has_time: bool
    reason: str
    note: str
    status: str
    origin: str
    notified_at: datetime | None = None
    done_at: datetime | None = None

    @property
    def day(self) -> date:
        return self.due_at.date()


@dataclass(frozen=True)
class _Kept:
    """What sync_generated needs of a generated follow-up."""

    id: int
    status: str
    due_at: datetime


@dataclass(frozen=True)
class AgendaItem:
    """Something other than a follow-up shown on a day (an event); `kind` picks its colour."""

    kind: str
    id: int
    when: datetime
    title: str


AgendaSource = Callable[[date, date], list[AgendaItem]]


@dataclass
class Undo:
    """What one change did, so `FollowUpService.undo` can put it back."""

    label: str
    before: dict[int, dict[str, Any]] = field(default_factory=dict)
    interaction_ids: list[int] = field(default_factory=list)


def snooze_until(preset: str, now: datetime) -> datetime:
    """The moment a snooze preset ends: in an hour, tomorrow at 9:00, or next Monday at 9:00."""
    if preset == "1 hour":
        return now + timedelta(hours=1)
    if preset == "tomorrow morning":
        return datetime.combine(now.date() + timedelta(days=1), MORNING)
    if preset == "next week":
        return datetime.combine(now.date() + timedelta(days=7 - now.weekday()), MORNING)
    raise ValueError(f"unknown snooze preset {preset!r}; expected one of {SNOOZE_PRESETS}")


def next_birthday(birthday: date, today: date) -> date:
    """The first anniversary of `birthday` on or after `today` (29 February → 28th if needed)."""
    for year in (today.year, today.year + 1):
        try:
            candidate = birthday.replace(year=year)
        except ValueError:
            candidate = date(year, 2, 28)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable")


_ROW_COLUMNS = (
    FollowUp.id,
    FollowUp.contact,
    Contact.display_name,
    Contact.given_name,
    Contact.family_name,
    Contact.organisation,
    FollowUp.due_at,
    FollowUp.has_time,
    FollowUp.reason,
    FollowUp.note,
    FollowUp.status,
    FollowUp.origin,
    FollowUp.notified_at,
    FollowUp.done_at,
)


def _row(values: tuple[Any, ...]) -> FollowUpRow:
    """A FollowUpRow from a tuple of _ROW_COLUMNS (no model objects: lists stay fast)."""
    fid, cid, display, given, family, organisation, *rest = values
    name = display or f"{given} {family}".strip() or organisation or "(no name)"
    due_at, has_time, reason, note, status, origin, notified_at, done_at = rest
    return FollowUpRow(
        fid, cid, name, due_at, bool(has_time), reason, note, status, origin, notified_at, done_at
    )


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min)


class FollowUpService:
    """Creates, changes and queries follow-ups; keeps check-ins and birthdays up to date."""

    def __init__(self, changes: Changes, clock: Clock | None = None) -> None:
        self.changes = changes
        self.clock = clock or Clock()
        self.agenda_sources: list[AgendaSource] = []
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
    ) -> int:
        """Schedule a follow-up with a contact (a date alone is due that day); return its id."""
        if reason not in FOLLOWUP_REASONS:
            raise ValueError(f"unknown reason {reason!r}; expected one of {FOLLOWUP_REASONS}")
        followup = FollowUp.create(
            contact=contact_id,
            due_at=due_at if has_time else _day_start(_date_of(due_at)),
            has_time=has_time,
            reason=reason,
            note=note,
            origin=origin,
            event=event_id,
            interaction=interaction_id,
            updated_at=self.clock.now(),
        )
        self._publish([followup.id])
        return followup.id

    def create_after(
        self, contact_id: int, days: int, *, reason: str = "after meeting", note: str = ""
    ) -> int:
        """A follow-up `days` from today (the "follow up in 2 days / 1 week" choices)."""
        due = _day_start(self.clock.today() + timedelta(days=days))
        return self.create(contact_id, due, reason=reason, note=note)

    # -- changing (each returns an Undo) ----------------------------------------------------

    def done(self, ids: Iterable[int], note: str = "", channel: str = "message") -> Undo:
        """Mark follow-ups done; each logs an interaction (which also resets the check-in)."""
        undo = self._snapshot("Done", ids)
        now = self.clock.now()
        for followup_id in undo.before:
            followup = FollowUp.get_by_id(followup_id)
            if note:
                followup.note = f"{followup.note}\n{note}".strip()
            summary = f"{followup.reason}: {followup.note}".strip(": ")
            followup.status, followup.done_at, followup.updated_at = "done", now, now
            followup.save()
            interaction_id = log_interaction(
                self.changes,
                followup.contact_id,
                occurred_at=now,
                channel=channel,
                summary=summary,
            )
            FollowUp.update(interaction=interaction_id).where(FollowUp.id == followup_id).execute()
            undo.interaction_ids.append(interaction_id)
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
            due_at=due_at if has_time else _day_start(_date_of(due_at)),
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

    # -- queries ----------------------------------------------------------------------------

    def get(self, followup_id: int) -> FollowUpRow | None:
        rows = self._rows(FollowUp.id == followup_id)
        return rows[0] if rows else None

    def contact_name(self, contact_id: int) -> str:
        """How a contact is named in follow-up lists ("" when it does not exist)."""
        query = Contact.select(*_ROW_COLUMNS[2:6]).where(Contact.id == contact_id).tuples()
        values = query.first()
        return _row((0, contact_id, *values, *[None] * 8)).contact_name if values else ""

    def between(
        self, start: datetime, end: datetime, statuses: tuple[str, ...] = PENDING
    ) -> list[FollowUpRow]:
        """Follow-ups due in [start, end), in due order."""
        return self._rows(
            FollowUp.status.in_(statuses), FollowUp.due_at >= start, FollowUp.due_at < end
        )

    def due(self, until: datetime | None = None, limit: int | None = None) -> list[FollowUpRow]:
        """Pending follow-ups due before `until` (default: the end of today), overdue first."""
        return self._rows(*self._due_where(until), limit=limit)

    def count_due(self, until: datetime | None = None) -> int:
        """How many follow-ups `due(until)` would list."""
        return FollowUp.select().where(*self._due_where(until)).count()

    def _due_where(self, until: datetime | None) -> tuple[Any, Any]:
        until = until or _day_start(self.clock.today() + timedelta(days=1))
        return FollowUp.status.in_(PENDING), FollowUp.due_at < until

    def overdue(self, limit: int | None = None) -> list[FollowUpRow]:
        """Pending follow-ups due before today, oldest first."""
        return self.due(_day_start(self.clock.today()), limit)

    def count_overdue(self) -> int:
        return self.count_due(_day_start(self.clock.today()))

    def agenda(self, first: date, days: int = 1) -> list[FollowUpRow]:
        """Pending and done follow-ups of `days` days from `first` (a day or a week)."""
        start = _day_start(first)
        return self.between(start, start + timedelta(days=days), (*PENDING, "done"))

    def day_counts(self, first: date, last: date) -> dict[date, int]:
        """Pending follow-ups per day from `first` to `last` inclusive (one GROUP BY)."""
        day = fn.date(FollowUp.due_at).coerce(False)
        query = (
            FollowUp.select(day.alias("day"), fn.COUNT(FollowUp.id).alias("n"))
            .where(
                FollowUp.status.in_(PENDING),
                FollowUp.due_at >= _day_start(first),
                FollowUp.due_at < _day_start(last + timedelta(days=1)),
            )
            .group_by(day)
            .tuples()
        )
        return {date.fromisoformat(key): count for key, count in query}

    def other_items(self, first: date, last: date) -> list[AgendaItem]:
        """Items of the registered agenda sources (events) from `first` to `last` inclusive."""
        return sorted(
            (item for source in self.agenda_sources for item in source(first, last)),
            key=lambda item: item.when,
        )

    def next_unnotified(self) -> tuple[datetime | None, datetime | None]:
        """The earliest due time of pending, not yet notified follow-ups: (timed, day-only)."""
        base = FollowUp.select(fn.MIN(FollowUp.due_at)).where(
            FollowUp.status.in_(PENDING), FollowUp.notified_at.is_null()
        )
        timed = base.where(FollowUp.has_time == True).scalar()  # noqa: E712
        untimed = base.where(FollowUp.has_time == False).scalar()  # noqa: E712
        return _as_datetime(timed), _as_datetime(untimed)

    def unnotified(self, timed_until: datetime, untimed_until: datetime) -> list[FollowUpRow]:
        """Pending, not yet notified follow-ups whose reminder moment has come."""
        pending = FollowUp.status.in_(PENDING) & FollowUp.notified_at.is_null()
        timed = (FollowUp.has_time == True) & (FollowUp.due_at <= timed_until)  # noqa: E712
        untimed = (FollowUp.has_time == False) & (FollowUp.due_at <= untimed_until)  # noqa: E712
        return self._rows(pending & (timed | untimed))

    # -- kept by the service: check-ins and birthdays ----------------------------------------

    def sync_generated(self, contact_ids: Iterable[int] | None = None) -> None:
        """Bring check-in and birthday follow-ups in line with contacts (all when None)."""
        today = self.clock.today()
        contacts = Contact.select(
            Contact.id,
            Contact.cadence_days,
            Contact.last_contacted_at,
            Contact.created_at,
            Contact.birthday,
        ).where(
            Contact.deleted_at.is_null(),
            Contact.archived == False,  # noqa: E712
            Contact.cadence_days.is_null(False) | Contact.birthday.is_null(False),
        )
        generated = FollowUp.select(
            FollowUp.id, FollowUp.contact, FollowUp.origin, FollowUp.status, FollowUp.due_at
        ).where(
            FollowUp.origin.in_(GENERATED),
            FollowUp.status.in_((*PENDING, "dismissed")) | (FollowUp.origin == "birthday"),
        )
        ids = list(contact_ids) if contact_ids is not None else None
        if ids is not None and len(ids) <= MAX_SYNC_IDS:
            contacts = contacts.where(Contact.id.in_(ids))
            generated = generated.where(FollowUp.contact.in_(ids))
        existing: dict[tuple[int, str], list[_Kept]] = {}
        for fid, contact_id, origin, status, due_at in generated.order_by(FollowUp.id).tuples():
            existing.setdefault((contact_id, origin), []).append(_Kept(fid, status, due_at))
        cadence: dict[int, tuple[datetime, int]] = {}
        birthdays: dict[int, date] = {}
        for contact_id, cadence_days, last, created, birthday in contacts.tuples():
            if cadence_days:
                due = _day_start((last or created).date() + timedelta(cadence_days))
                cadence[contact_id] = (due, cadence_days)
            if birthday:
                birthdays[contact_id] = birthday
        changed: set[int] = set()
        new: list[dict[str, Any]] = []
        keys = existing.keys() | {(c, "cadence") for c in cadence}
        keys |= {(c, "birthday") for c in birthdays}
        with db.atomic():
            for contact_id, origin in keys:
                rows = existing.get((contact_id, origin), [])
                if origin == "cadence":
                    changed |= self._align_cadence(contact_id, rows, cadence.get(contact_id), new)
                else:
                    birthday = birthdays.get(contact_id)
                    changed |= self._align_birthday(contact_id, rows, birthday, today, new)
            for chunk in range(0, len(new), 500):
                FollowUp.insert_many(new[chunk : chunk + 500]).execute()
        if new:
            self._publish(())  # many new rows: "possibly all"
        elif changed:
            self._publish(changed)

    def _align_cadence(
        self,
        contact_id: int,
        rows: list[_Kept],
        target: tuple[datetime, int] | None,
        new: list[dict],
    ) -> set[int]:
        """Keep one pending check-in at the target; a snooze past it is respected, a dismissed
        (skipped) check-in moves the next one a cadence later."""
        pending = [row for row in rows if row.status in PENDING]
        keep, stale = (pending[:1], pending[1:]) if target else ([], pending)
        changed = _delete(stale)
        if target is None:
            return changed
        due, step = target
        skipped = {row.due_at for row in rows if row.status == "dismissed"}
        while due in skipped:
            due += timedelta(days=step)
        if not keep:
            new.append(self._generated(contact_id, due, "check-in", "cadence"))
            return changed
        row = keep[0]
        if row.status == "snoozed" and row.due_at >= due:
            return changed
        if row.due_at != due or row.status != "open":
            FollowUp.update(
                due_at=due,
                has_time=False,
                status="open",
                notified_at=None,
                updated_at=self.clock.now(),
            ).where(FollowUp.id == row.id).execute()
            changed.add(row.id)
        return changed

    def _align_birthday(
        self,
        contact_id: int,
        rows: list[_Kept],
        birthday: date | None,
        today: date,
        new: list[dict],
    ) -> set[int]:
        """One congratulation per birthday: pending ones on a wrong date go, the next comes."""
        pending = [row for row in rows if row.status in PENDING]
        valid = [r for r in pending if birthday and _is_anniversary(r, birthday)]
        changed = _delete([row for row in pending if row not in valid])
        if birthday is None or valid:
            return changed
        due = _day_start(next_birthday(birthday, today))
        if any(row.due_at == due for row in rows):
            return changed
        new.append(self._generated(contact_id, due, "congratulate", "birthday"))
        return changed

    def _generated(self, contact_id: int, due: datetime, reason: str, origin: str) -> dict:
        """The fields of a follow-up the service keeps (inserted in bulk by sync_generated)."""
        now = self.clock.now()
        return {
            "contact": contact_id,
            "due_at": due,
            "reason": reason,
            "origin": origin,
            "created_at": now,
            "updated_at": now,
        }

    def _on_change(self, topic: str, ids: frozenset[int]) -> None:
        if topic in ("interactions", "contacts"):
            self.sync_generated(ids or None)

    # -- helpers ----------------------------------------------------------------------------

    def _rows(self, *where: Any, limit: int | None = None) -> list[FollowUpRow]:
        query = (
            FollowUp.select(*_ROW_COLUMNS)
            .join(Contact)
            .where(*where)
            .order_by(FollowUp.due_at, FollowUp.id)
            .limit(limit)
            .tuples()
        )
        return [_row(values) for values in query]

    def _snapshot(self, label: str, ids: Iterable[int]) -> Undo:
        undo = Undo(label)
        fields = [getattr(FollowUp, name) for name in _RESTORED]
        for row in FollowUp.select(FollowUp.id, *fields).where(FollowUp.id.in_(list(ids))).dicts():
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
        query = FollowUp.select(FollowUp.contact).where(FollowUp.id.in_(list(ids))).tuples()
        return {contact_id for (contact_id,) in query}

    def _publish(self, followup_ids: Iterable[int]) -> None:
        self.changes.publish("followups", followup_ids)


def _is_anniversary(row: _Kept, birthday: date) -> bool:
    day = row.due_at.date()
    return next_birthday(birthday, day) == day


def _delete(rows: list[_Kept]) -> set[int]:
    ids = {row.id for row in rows}
    if ids:
        FollowUp.delete().where(FollowUp.id.in_(list(ids))).execute()
    return ids


def _date_of(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _as_datetime(value: Any) -> datetime | None:
    """SQLite aggregates return the stored text; give it back as a datetime."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
