"""What lists, the calendar and reminders read of follow-ups: rows, counts per day, the agenda.

Rows are built from tuples, never model objects, so long lists stay fast. `FollowUpQueries` only
reads; `FollowUpService` adds the writes on top of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from peewee import fn

from netdesk.core.clock import Clock
from netdesk.core.followup_dates import day_start
from netdesk.store.models import Contact, FollowUp, db
from netdesk.store.rows import raw_tuples, stored_time, tuples

PENDING = ("open", "snoozed")


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
    organisation: str = ""
    """The contact's organisation ("" when it is also their name): tells namesakes apart."""

    @property
    def day(self) -> date:
        return self.due_at.date()


@dataclass(frozen=True)
class AgendaItem:
    """Something other than a follow-up shown on a day (an event); `kind` picks its colour."""

    kind: str
    id: int
    when: datetime
    title: str


AgendaSource = Callable[[date, date], list[AgendaItem]]

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
    """A FollowUpRow from a tuple of _ROW_COLUMNS (as Peewee or SQLite gives them)."""
    fid, cid, display, given, family, organisation, *rest = values
    name = display or f"{given} {family}".strip() or organisation or "(no name)"
    due_at, has_time, reason, note, status, origin, notified_at, done_at = rest
    return FollowUpRow(
        fid,
        cid,
        name,
        datetime.fromisoformat(due_at) if isinstance(due_at, str) else due_at,
        bool(has_time),
        reason,
        note,
        status,
        origin,
        _as_datetime(notified_at),
        _as_datetime(done_at),
        organisation="" if name == organisation else organisation or "",
    )


class FollowUpQueries:
    """Reads follow-ups due, by day and for reminders; agenda sources (events) add their items."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock = clock or Clock()
        self.agenda_sources: list[AgendaSource] = []

    def get(self, followup_id: int) -> FollowUpRow | None:
        rows = self._rows(FollowUp.id == followup_id)
        return rows[0] if rows else None

    def contact_name(self, contact_id: int) -> str:
        """How a contact is named in follow-up lists ("" when it does not exist)."""
        query = Contact.select(*_ROW_COLUMNS[2:6]).where(Contact.id == contact_id).tuples()
        values = query.first()
        return _row((0, contact_id, *values, *[None] * 8)).contact_name if values else ""

    def between(
        self,
        start: datetime,
        end: datetime,
        statuses: tuple[str, ...] = PENDING,
        limit: int | None = None,
    ) -> list[FollowUpRow]:
        """Follow-ups due in [start, end), in due order (the first `limit` ones)."""
        return _window_rows(statuses, start, end, limit)

    def due(self, until: datetime | None = None, limit: int | None = None) -> list[FollowUpRow]:
        """Pending follow-ups due before `until` (default: the end of today), overdue first."""
        return _window_rows(PENDING, None, self._until(until), limit)

    def count_due(self, until: datetime | None = None) -> int:
        """How many follow-ups `due(until)` would list."""
        sql = f"SELECT count(*) FROM follow_up f WHERE {_window_where(PENDING, None)}"
        count: int = db.execute_sql(sql, (*PENDING, self._until(until))).fetchone()[0]
        return count

    def _until(self, until: datetime | None) -> datetime:
        return until or day_start(self.clock.today() + timedelta(days=1))

    def overdue(self, limit: int | None = None) -> list[FollowUpRow]:
        """Pending follow-ups due before today, oldest first."""
        return self.due(day_start(self.clock.today()), limit)

    def count_overdue(self) -> int:
        return self.count_due(day_start(self.clock.today()))

    def agenda(self, first: date, days: int = 1) -> list[FollowUpRow]:
        """Pending and done follow-ups of `days` days from `first` (a day or a week)."""
        start = day_start(first)
        return self.between(start, start + timedelta(days=days), (*PENDING, "done"))

    def day_counts(self, first: date, last: date) -> dict[date, int]:
        """Pending follow-ups per day from `first` to `last` inclusive (one GROUP BY)."""
        day = fn.date(FollowUp.due_at).coerce(False)
        query = (
            FollowUp.select(day.alias("day"), fn.COUNT(FollowUp.id).alias("n"))
            .where(
                FollowUp.status.in_(PENDING),
                FollowUp.due_at >= day_start(first),
                FollowUp.due_at < day_start(last + timedelta(days=1)),
            )
            .group_by(day)
        )
        return {date.fromisoformat(key): count for key, count in tuples(query)}

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

    def _rows(self, *where: Any, limit: int | None = None) -> list[FollowUpRow]:
        """The follow-ups matching `where` (on follow-up columns), in due order; with a
        `limit`, the first ones are picked from the follow-ups alone before their contacts are
        joined (joining first joined every match: Overdue's first 100 of 35,000 took ~0.8 s)."""
        if limit is not None:
            first = FollowUp.select(FollowUp.id).where(*where)
            where = (FollowUp.id.in_(first.order_by(FollowUp.due_at, FollowUp.id).limit(limit)),)
        query = (
            FollowUp.select(*_ROW_COLUMNS)
            .join(Contact)
            .where(*where)
            .order_by(FollowUp.due_at, FollowUp.id)
        )
        return [_row(values) for values in raw_tuples(query)]


_ROW_SQL = (
    "SELECT f.id, f.contact_id, c.display_name, c.given_name, c.family_name, c.organisation, "
    "f.due_at, f.has_time, f.reason, f.note, f.status, f.origin, f.notified_at, f.done_at "
    "FROM follow_up f JOIN contact c ON f.contact_id = c.id WHERE {where} ORDER BY f.due_at, f.id"
)
"""_ROW_COLUMNS of the follow-ups `where` picks, in due order."""


def _window_where(statuses: tuple[str, ...], start: datetime | None) -> str:
    """Follow-ups `f` of `statuses` due before a moment (and from `start`): the statuses are
    the parameters, then the end, then the start."""
    since = " AND f.due_at >= ?" if start is not None else ""
    return f"f.status IN ({', '.join('?' * len(statuses))}) AND f.due_at < ?{since}"


def _window_rows(
    statuses: tuple[str, ...], start: datetime | None, end: datetime, limit: int | None
) -> list[FollowUpRow]:
    """`FollowUpQueries._rows` of the follow-ups of `statuses` due in [start, end) (or before
    `end`) in plain SQL: Today's first read builds two of these and two counts, and Peewee's
    SQL building was most of their time (~1 ms of 1.7 at 100,000 contacts). With a `limit`,
    the first ones are picked from the follow-ups alone, as `_rows` does."""
    where = _window_where(statuses, start)
    args: list[object] = [*statuses, end, *([start] if start is not None else [])]
    if limit is not None:
        where = (
            f"f.id IN (SELECT f.id FROM follow_up f WHERE {where} ORDER BY f.due_at, f.id LIMIT ?)"
        )
        args.append(limit)
    rows = db.execute_sql(_ROW_SQL.format(where=where), args).fetchall()
    return [_row(values) for values in rows]


def _as_datetime(value: Any) -> datetime | None:
    """SQLite aggregates return the stored text; give it back as a datetime."""
    return None if value is None else stored_time(value)
