"""iCalendar (RFC 5545) out: follow-ups and events as VTODO / VEVENT entries, via `icalendar`.

Entries are plain `CalendarEntry` values (no database here). Times are floating local times, as
NetDesk keeps them; day-only entries are all-day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # icalendar loads in ~70 ms: imported when a file is written
    from icalendar import Calendar, Event, Todo

PRODID = "-//NetDesk//Follow-ups//EN"


@dataclass(frozen=True)
class CalendarEntry:
    """One thing on the calendar: a follow-up ("todo") or an event ("event")."""

    uid: str
    kind: str
    summary: str
    start: datetime
    has_time: bool = True
    description: str = ""
    end: datetime | None = None
    done_at: datetime | None = None
    categories: tuple[str, ...] = field(default_factory=tuple)
    location: str = ""


def _when(entry: CalendarEntry) -> datetime | date:
    return entry.start if entry.has_time else entry.start.date()


def _component(entry: CalendarEntry, stamp: datetime) -> Event | Todo:
    from icalendar import Event, Todo

    component: Event | Todo
    if entry.kind == "event":
        component = Event()
        component.add("dtstart", _when(entry))
        if entry.end is not None:
            component.add("dtend", entry.end)
        elif not entry.has_time:
            component.add("dtend", entry.start.date() + timedelta(days=1))
    else:
        component = Todo()
        component.add("dtstart", _when(entry))
        component.add("due", _when(entry))
        component.add("status", "COMPLETED" if entry.done_at else "NEEDS-ACTION")
        if entry.done_at:
            component.add("completed", entry.done_at)
    component.add("uid", entry.uid)
    component.add("dtstamp", stamp)
    component.add("summary", entry.summary)
    if entry.description:
        component.add("description", entry.description)
    if entry.location:
        component.add("location", entry.location)
    if entry.categories:
        component.add("categories", list(entry.categories))
    return component


def write_ics(entries: Iterable[CalendarEntry], stamp: datetime | None = None) -> bytes:
    """A VCALENDAR holding `entries`, as bytes (CRLF lines, folded at 75 octets)."""
    calendar = new_calendar(PRODID, "NetDesk follow-ups")
    stamp = stamp or datetime.now()
    for entry in entries:
        calendar.add_component(_component(entry, stamp))
    return ical_bytes(calendar)


def new_calendar(prodid: str, name: str) -> Calendar:
    """An empty iCalendar 2.0 VCALENDAR from `prodid`, which calendar apps show as `name`."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def ical_bytes(calendar: Calendar) -> bytes:
    """The calendar as bytes (CRLF lines, folded at 75 octets)."""
    ical: bytes = calendar.to_ical()
    return ical
