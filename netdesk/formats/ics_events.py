"""Events in and out of iCalendar (RFC 5545) with `icalendar`: conference schedules, meetup exports.

`read_ics` takes each VEVENT's UID, SUMMARY, DTSTART / DTEND (with their TZID), LOCATION, URL and
DESCRIPTION; `write_ics_events` writes events back with their zones (VTIMEZONEs included). Times
in `IcsEvent` are wall-clock in `timezone` ("" for floating times, which mean local time). An
event without a UID gets one made from its summary and start, so importing it twice matches.
A recurring event becomes its occurrences of the coming year (see `ics_recurrence`), each with
the series' UID and its own start (`uid/20261208T1900`), so a second import updates them; a
VEVENT with a RECURRENCE-ID replaces the occurrence it names. A series with no occurrence in
that year keeps its first one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as VEvent

from netdesk.formats.ics_recurrence import occurrence_starts

PRODID = "-//NetDesk//Events//EN"


@dataclass
class IcsEvent:
    """One VEVENT, format-neutral."""

    uid: str
    summary: str
    starts_at: datetime
    ends_at: datetime | None = None
    timezone: str = ""
    location: str = ""
    url: str = ""
    description: str = ""
    all_day: bool = False


@dataclass
class IcsResult:
    """The events of one file and what could not be read, for the user."""

    file: str
    events: list[IcsEvent] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _zone_name(moment: datetime) -> str:
    """The IANA name of an aware time's zone, "UTC" for other fixed zones, "" when floating."""
    if moment.tzinfo is None:
        return ""
    return getattr(moment.tzinfo, "key", "") or "UTC"


def _wall(value: datetime | date, zone: str) -> datetime:
    """`value` as naive wall-clock time in `zone` (dates are midnight)."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time.min)
    if value.tzinfo is None or getattr(value.tzinfo, "key", ""):
        return value.replace(tzinfo=None)
    return value.astimezone(UTC).replace(tzinfo=None)


def _text(component: VEvent, name: str) -> str:
    value = component.get(name)
    return str(value).strip() if value is not None else ""


def _event(component: VEvent) -> IcsEvent:
    start_prop = component.get("dtstart")
    if start_prop is None:
        raise ValueError("it has no start (DTSTART)")
    start = start_prop.dt
    all_day = not isinstance(start, datetime)
    zone = "" if all_day else _zone_name(start)
    end_prop = component.get("dtend")
    end: datetime | None = None
    if end_prop is not None:
        end_value = end_prop.dt
        if all_day and not isinstance(end_value, datetime):
            end_value = datetime.combine(end_value - timedelta(days=1), time(23, 59))
        end = _wall(end_value, zone)
    elif component.get("duration") is not None:
        end = _wall(start, zone) + component.get("duration").dt
    summary = _text(component, "summary") or "(untitled event)"
    starts_at = _wall(start, zone)
    uid = _text(component, "uid") or _made_uid(summary, starts_at)
    return IcsEvent(
        uid=uid,
        summary=summary,
        starts_at=starts_at,
        ends_at=end if end is not None and end >= starts_at else None,
        timezone=zone,
        location=_text(component, "location"),
        url=_text(component, "url"),
        description=_text(component, "description"),
        all_day=all_day,
    )


def _made_uid(summary: str, start: datetime) -> str:
    digest = hashlib.sha1(f"{summary}\n{start.isoformat()}".encode()).hexdigest()[:20]
    return f"{digest}@import.netdesk"


def read_ics(data: bytes, name: str = "", today: date | None = None) -> IcsResult:
    """The events of an .ics file's bytes; unreadable files and events become errors.
    `today` (default: the local date) starts the year whose occurrences a series gives."""
    result = IcsResult(name)
    try:
        calendars = Calendar.from_ical(data, multiple=True)
    except ValueError as error:
        result.errors.append(f"{name}: not an iCalendar file ({error})")
        return result
    seen: set[str] = set()
    for calendar in calendars:
        components = list(calendar.walk("VEVENT"))
        replaced = _replacements(components)
        for number, component in enumerate(components, start=1):
            if component.get("recurrence-id") is not None:
                continue  # read in place of the occurrence it names
            try:
                events = _events(component, today or date.today(), replaced)
            except (ValueError, TypeError, AttributeError) as error:
                result.errors.append(f"{name}, event {number}: {error}")
                continue
            for event in events:
                if event.uid not in seen:
                    seen.add(event.uid)
                    result.events.append(event)
    if not calendars:
        result.errors.append(f"{name}: no calendar in this file")
    return result


def _replacements(components: list[VEvent]) -> dict[str, VEvent]:
    """The VEVENTs with a RECURRENCE-ID, by the occurrence UID they replace."""
    found = {}
    for component in components:
        original = component.get("recurrence-id")
        if original is not None and _text(component, "uid"):
            start = component.get("dtstart")
            zone = _zone_name(start.dt) if start is not None else ""
            found[_occurrence_uid(_text(component, "uid"), _wall(original.dt, zone))] = component
    return found


def _events(component: VEvent, today: date, replaced: dict[str, VEvent]) -> list[IcsEvent]:
    """One VEVENT as events: itself, or its kept occurrences (a series)."""
    event = _event(component)
    starts = occurrence_starts(component, today)
    if not starts:
        return [event]
    length = event.ends_at - event.starts_at if event.ends_at is not None else None
    occurrences = []
    for start in starts:
        wall = _wall(start, event.timezone)
        uid = _occurrence_uid(event.uid, wall)
        if uid in replaced:
            occurrence = replace(_event(replaced[uid]), uid=uid)
        else:
            ends = wall + length if length is not None else None
            occurrence = replace(event, uid=uid, starts_at=wall, ends_at=ends)
        occurrences.append(occurrence)
    return occurrences


def _occurrence_uid(series_uid: str, start: datetime) -> str:
    return f"{series_uid}/{start:%Y%m%dT%H%M}"


def _aware(moment: datetime, zone: str) -> datetime:
    return moment.replace(tzinfo=ZoneInfo(zone)) if zone else moment


def _component(event: IcsEvent, stamp: datetime) -> VEvent:
    component = VEvent()
    component.add("uid", event.uid)
    component.add("dtstamp", stamp)
    component.add("summary", event.summary)
    if event.all_day:
        component.add("dtstart", event.starts_at.date())
        last = (event.ends_at or event.starts_at).date()
        component.add("dtend", last + timedelta(days=1))
    else:
        component.add("dtstart", _aware(event.starts_at, event.timezone))
        if event.ends_at is not None:
            component.add("dtend", _aware(event.ends_at, event.timezone))
    for name, value in (
        ("location", event.location),
        ("url", event.url),
        ("description", event.description),
    ):
        if value:
            component.add(name, value)
    return component


def write_ics_events(events: Iterable[IcsEvent], stamp: datetime | None = None) -> bytes:
    """A VCALENDAR of `events` with the VTIMEZONEs their times need, as bytes."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "NetDesk events")
    stamp = stamp or datetime.now(UTC)
    for event in events:
        calendar.add_component(_component(event, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()
