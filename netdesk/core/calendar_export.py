"""Follow-ups (and anything the agenda sources add, such as events) as an iCalendar file."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from netdesk.core.event_ics import event_entry
from netdesk.core.followup_queries import PENDING, FollowUpRow
from netdesk.core.followups import FollowUpService
from netdesk.formats.ics_writer import CalendarEntry, write_ics

HORIZON_DAYS = 366


def followup_entry(row: FollowUpRow) -> CalendarEntry:
    """A follow-up as a to-do: "Thank Maria Chen" style summary, its note as description."""
    return CalendarEntry(
        uid=f"followup-{row.id}@netdesk",
        kind="todo",
        summary=f"{row.reason.capitalize()}: {row.contact_name}",
        start=row.due_at,
        has_time=row.has_time,
        description=row.note,
        done_at=row.done_at if row.status == "done" else None,
        categories=("NetDesk", row.reason),
    )


def calendar_ics(
    followups: FollowUpService,
    first: date | None = None,
    days: int = HORIZON_DAYS,
    include_done: bool = False,
) -> bytes:
    """Pending follow-ups (and done ones, if asked) from `first` (default: all overdue) for
    `days` days, plus the agenda sources' items, as iCalendar bytes."""
    today = followups.clock.today()
    start = datetime.combine(first or date(1970, 1, 1), datetime.min.time())
    end = datetime.combine(today + timedelta(days=days), datetime.min.time())
    statuses = (*PENDING, "done") if include_done else PENDING
    entries = [followup_entry(row) for row in followups.between(start, end, statuses)]
    items = followups.other_items(first or today, today + timedelta(days=days))
    for item in {(item.kind, item.id): item for item in reversed(items)}.values():  # once each
        entry = event_entry(item.id) if item.kind == "event" else None
        entries.append(
            entry
            or CalendarEntry(
                uid=f"{item.kind}-{item.id}@netdesk",
                kind="event",
                summary=item.title,
                start=item.when,
            )
        )
    return write_ics(entries, followups.clock.now())
