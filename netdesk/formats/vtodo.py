"""Follow-ups as VTODO tasks in a CalDAV task list, through `icalendar`.

A follow-up's task: SUMMARY "Reason: contact's name", DESCRIPTION the note, DUE its day
(VALUE=DATE) or its local time as a floating time (no time zone: NetDesk keeps wall-clock
times, and a phone shows a floating time as the same wall-clock time), STATUS NEEDS-ACTION,
COMPLETED (with the COMPLETED time) or CANCELLED for done and dismissed. What only NetDesk
knows travels as `X-NETDESK-*`: the contact's vCard UID (so another NetDesk links the task to
the same person), the reason, and whether it was snoozed. Times with a time zone (a phone's
edit) are read as local wall-clock times.

An edit is written over the task as the server last had it: properties and components NetDesk
does not read (a phone's alarms, priority, categories, its own X- properties) stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from icalendar import Calendar, Component

from netdesk.formats.ical_edit import to_edit

CONTACT = "X-NETDESK-CONTACT-UID"
REASON = "X-NETDESK-REASON"
SNOOZED = "X-NETDESK-SNOOZED"
PRODID = "-//NetDesk//Follow-ups//EN"
_OWNED = (
    "SUMMARY",
    "DESCRIPTION",
    "DUE",
    "STATUS",
    "COMPLETED",
    "PERCENT-COMPLETE",
    "DTSTAMP",
    "LAST-MODIFIED",
    "SEQUENCE",
    CONTACT,
    REASON,
    SNOOZED,
)
"""The properties NetDesk writes (every other one is kept as the server had it)."""


@dataclass(frozen=True)
class TaskFields:
    """What a follow-up's task says: times naive local; `due` None when the task has none."""

    contact_uid: str
    reason: str
    note: str
    due: datetime | None
    has_time: bool
    status: str
    done_at: datetime | None = None


@dataclass(frozen=True)
class ParsedTask:
    """A task read: its UID and the follow-up fields."""

    uid: str
    fields: TaskFields


def parse_task(text: str) -> ParsedTask:
    """The first VTODO of an iCalendar text (ValueError when there is none)."""
    try:
        calendar = Calendar.from_ical(text)
    except Exception as error:  # icalendar raises several kinds for bad text
        raise ValueError(f"not iCalendar text ({error})") from error
    todos = calendar.walk("VTODO")
    if not todos:
        raise ValueError("no task (VTODO) in the calendar object")
    todo = todos[0]
    due, has_time = _due(todo)
    status = str(todo.get("STATUS", "NEEDS-ACTION")).upper()
    completed = _time(todo, "COMPLETED")
    done_at = _local(completed) if completed is not None else None
    if status == "COMPLETED" or (completed is not None and status != "CANCELLED"):
        state = "done"
    elif status == "CANCELLED":
        state = "dismissed"
    elif str(todo.get(SNOOZED, "")).strip() == "1":
        state = "snoozed"
    else:
        state = "open"
    fields = TaskFields(
        contact_uid=str(todo.get(CONTACT, "")).strip(),
        reason=str(todo.get(REASON, "")).strip(),
        note=str(todo.get("DESCRIPTION", "")),
        due=due,
        has_time=has_time,
        status=state,
        done_at=done_at if state == "done" else None,
    )
    return ParsedTask(str(todo.get("UID", "")), fields)


def render_task(fields: TaskFields, name: str, uid: str, stamp: datetime, base: str = "") -> str:
    """The task's text: `base` (the task as the server had it) with NetDesk's properties set
    anew, else a new calendar object. `stamp` (UTC) is the DTSTAMP and LAST-MODIFIED."""
    calendar, todo, sequence = to_edit(base, uid, "VTODO", PRODID)
    for prop in _OWNED:
        todo.pop(prop, None)
    todo.add("DTSTAMP", stamp.astimezone(UTC))
    todo.add("LAST-MODIFIED", stamp.astimezone(UTC))
    todo.add("SEQUENCE", sequence)
    todo.add("SUMMARY", summary(fields.reason, name))
    if fields.note:
        todo.add("DESCRIPTION", fields.note)
    if fields.due is not None:
        todo.add("DUE", fields.due if fields.has_time else fields.due.date())
        start = _time(todo, "DTSTART")
        if start is not None and _local(start) > _local(fields.due):
            todo.pop("DTSTART")  # a start after the due time is not a valid task
    status = {"done": "COMPLETED", "dismissed": "CANCELLED"}.get(fields.status, "NEEDS-ACTION")
    todo.add("STATUS", status)
    if fields.status == "done":
        todo.add("COMPLETED", (fields.done_at or stamp).astimezone(UTC))
        todo.add("PERCENT-COMPLETE", 100)
    if fields.status == "snoozed":
        todo.add(SNOOZED, "1")
    todo.add(CONTACT, fields.contact_uid)
    todo.add(REASON, fields.reason)
    return bytes(calendar.to_ical()).decode("utf-8")


def summary(reason: str, name: str) -> str:
    """What a phone's task list shows: the reason, then the person."""
    head = reason[:1].upper() + reason[1:]
    return f"{head}: {name}" if name else head


def _due(todo: Component) -> tuple[datetime | None, bool]:
    value = _time(todo, "DUE")
    if value is None:
        return None, False
    if isinstance(value, datetime):
        return _local(value), True
    return datetime.combine(value, time.min), False


def _local(value: datetime | date) -> datetime:
    """A time as naive local wall-clock time (a floating one as it is)."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time.min)
    if value.tzinfo is None:
        return value
    return value.astimezone().replace(tzinfo=None)


def _time(todo: Component, name: str) -> date | None:
    """A date or date-time property's value (None when missing or of another kind)."""
    value = getattr(todo.get(name), "dt", None)
    return value if isinstance(value, date) else None
