"""The follow-ups NetDesk keeps itself: a contact's next check-in and yearly birthday wishes.

A check-in (origin "cadence") is due at last interaction + the contact's own cadence and moves
when an interaction is logged. A circle's interval (`core.cadence`) makes no check-ins: it ranks
Reach out and colours the list, so seeding the circles' defaults on upgrade does not turn every
person with a circle into an overdue follow-up. A birthday (origin "birthday") brings a
"congratulate" on its next anniversary. The user's own choices are respected: a check-in snoozed
past its date stays, a dismissed one moves the next a cadence later, and a birthday already
congratulated this year is not asked again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from netdesk.core.followup_dates import day_start, is_anniversary, next_birthday
from netdesk.core.followup_queries import PENDING
from netdesk.store.models import FollowUp, db
from netdesk.store.rows import tuples

GENERATED = ("cadence", "birthday")
_CONTACTS_SQL = (
    "SELECT c.id, c.cadence_days, c.last_contacted_at, c.created_at, c.birthday FROM contact c "
    "WHERE c.deleted_at IS NULL AND c.archived = 0 "
    "AND (c.cadence_days IS NOT NULL OR c.birthday IS NOT NULL)"
)
MAX_SYNC_IDS = 500  # changed contacts are reconciled this many at a time (no huge IN lists)
_INSERT_CHUNK = 500


@dataclass(frozen=True)
class _Kept:
    """What the reconciliation needs of a generated follow-up."""

    id: int
    status: str
    due_at: datetime


@dataclass
class Reconciled:
    """What `reconcile` changed: follow-ups it moved or deleted, and whether it inserted any."""

    changed: set[int]
    inserted: bool


def reconcile(now: datetime, contact_ids: Iterable[int] | None = None) -> Reconciled:
    """Bring check-in and birthday follow-ups in line with contacts (all when None; the given
    ones MAX_SYNC_IDS at a time, in one transaction: 10,000 imported into a network of 100,000
    would otherwise read every contact's cadence and birthday, 4.6 s at load ~13)."""
    if contact_ids is None:
        return _reconcile(now, None)
    ids = list(contact_ids)
    result = Reconciled(set(), False)
    with db.atomic():
        for start in range(0, len(ids), MAX_SYNC_IDS):
            part = _reconcile(now, ids[start : start + MAX_SYNC_IDS])
            result.changed |= part.changed
            result.inserted |= part.inserted
    return result


def _reconcile(now: datetime, ids: list[int] | None) -> Reconciled:
    """`reconcile` for every contact (None) or a few hundred."""
    generated = FollowUp.select(
        FollowUp.id, FollowUp.contact, FollowUp.origin, FollowUp.status, FollowUp.due_at
    ).where(
        FollowUp.origin.in_(GENERATED),
        FollowUp.status.in_((*PENDING, "dismissed")) | (FollowUp.origin == "birthday"),
    )
    contacts_sql, params = _CONTACTS_SQL, []
    if ids is not None:
        contacts_sql += f" AND c.id IN ({', '.join('?' * len(ids))})"
        params = ids
        generated = generated.where(FollowUp.contact.in_(ids))
    existing: dict[tuple[int, str], list[_Kept]] = {}
    for fid, contact_id, origin, status, due_at in tuples(generated.order_by(FollowUp.id)):
        existing.setdefault((contact_id, origin), []).append(_Kept(fid, status, due_at))
    cadence: dict[int, tuple[datetime, int]] = {}
    birthdays: dict[int, date] = {}
    for contact_id, cadence_days, last, created, birthday in db.execute_sql(contacts_sql, params):
        if cadence_days:
            since = datetime.fromisoformat(last or created).date()
            cadence[contact_id] = (day_start(since + timedelta(cadence_days)), cadence_days)
        if birthday:
            birthdays[contact_id] = date.fromisoformat(birthday)
    changed: set[int] = set()
    new: list[dict[str, Any]] = []
    keys = existing.keys() | {(c, "cadence") for c in cadence}
    keys |= {(c, "birthday") for c in birthdays}
    with db.atomic():
        for contact_id, origin in keys:
            rows = existing.get((contact_id, origin), [])
            if origin == "cadence":
                changed |= _align_cadence(contact_id, rows, cadence.get(contact_id), now, new)
            else:
                changed |= _align_birthday(contact_id, rows, birthdays.get(contact_id), now, new)
        for chunk in range(0, len(new), _INSERT_CHUNK):
            FollowUp.insert_many(new[chunk : chunk + _INSERT_CHUNK]).execute()
    return Reconciled(changed, bool(new))


def _align_cadence(
    contact_id: int,
    rows: list[_Kept],
    target: tuple[datetime, int] | None,
    now: datetime,
    new: list[dict[str, Any]],
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
        new.append(_generated(contact_id, due, "check-in", "cadence", now))
        return changed
    row = keep[0]
    if row.status == "snoozed" and row.due_at >= due:
        return changed
    if row.due_at != due or row.status != "open":
        FollowUp.update(
            due_at=due, has_time=False, status="open", notified_at=None, updated_at=now
        ).where(FollowUp.id == row.id).execute()
        changed.add(row.id)
    return changed


def _align_birthday(
    contact_id: int,
    rows: list[_Kept],
    birthday: date | None,
    now: datetime,
    new: list[dict[str, Any]],
) -> set[int]:
    """One congratulation per birthday: pending ones on a wrong date go, the next comes."""
    pending = [row for row in rows if row.status in PENDING]
    valid = [r for r in pending if birthday and is_anniversary(r.due_at.date(), birthday)]
    changed = _delete([row for row in pending if row not in valid])
    if birthday is None or valid:
        return changed
    due = day_start(next_birthday(birthday, now.date()))
    if any(row.due_at == due for row in rows):
        return changed
    new.append(_generated(contact_id, due, "congratulate", "birthday", now))
    return changed


def _generated(
    contact_id: int, due: datetime, reason: str, origin: str, now: datetime
) -> dict[str, Any]:
    """The fields of a follow-up NetDesk keeps (inserted in bulk)."""
    return {
        "contact": contact_id,
        "due_at": due,
        "reason": reason,
        "origin": origin,
        "created_at": now,
        "updated_at": now,
    }


def _delete(rows: list[_Kept]) -> set[int]:
    ids = {row.id for row in rows}
    if ids:
        FollowUp.delete().where(FollowUp.id.in_(list(ids))).execute()
    return ids
