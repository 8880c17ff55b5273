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
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from netdesk.formats.ics_recurrence import occurrence_starts
from netdesk.formats.ics_writer import ical_bytes, new_calendar
from netdesk.formats.surprises import unexpected

if TYPE_CHECKING:  # icalendar loads in ~70 ms: imported when a file is read or written
    from icalendar import Event as VEvent

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
    warnings: list[str] = field(default_factory=list)


def zone_name(moment: datetime | date) -> str:
    """The IANA name of an aware time's zone, "UTC" for other fixed zones, "" when floating."""
    if not isinstance(moment, datetime) or moment.tzinfo is None:  # a date, or a floating time
        return ""
    return getattr(moment.tzinfo, "key", "") or "UTC"


def wall_time(value: datetime | date, zone: str) -> datetime:
    """`value` as naive wall-clock time in `zone` (dates are midnight)."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time.min)
    if value.tzinfo is None or getattr(value.tzinfo, "key", None):
        return value.replace(tzinfo=None)
    return value.astimezone(UTC).replace(tzinfo=None)


def _text(component: VEvent, name: str) -> str:
    value = component.get(name)
    return str(value).strip() if value is not None else ""


class IcsProblem(ValueError):
    """Why one VEVENT cannot be imported, in words for the user."""


_PARTS = {
    "DTSTART": "start",
    "DTEND": "end",
    "DURATION": "duration",
    "RECURRENCE-ID": "replaced date",
    "RRULE": "repeat rule",
    "EXDATE": "left-out dates",
}
_NEEDED = ("DTSTART", "RECURRENCE-ID")
"""Without these an event cannot be placed; without the others it imports with a warning."""


_TYPES = {"DTSTART": date, "DTEND": date, "RECURRENCE-ID": date, "DURATION": timedelta}


def _broken(component: VEvent) -> dict[str, str]:
    """What icalendar could not read of the properties we use, or read as the wrong kind of
    value (a duration as a start): name → why, in our words."""
    found = {}
    for name, _message in component.errors:
        name = (name or "").upper()  # None: a line that is no property at all
        if name in _PARTS and name not in found:
            raw = str(component.get(name, ""))[:40]
            found[name] = f"its {_PARTS[name]} ({name}) cannot be read: {raw!r}"
    for name, kind in _TYPES.items():
        prop = component.get(name)
        if name in found or prop is None:
            continue
        if isinstance(prop, list):
            found[name] = f"its {_PARTS[name]} ({name}) is given more than once"
        elif not isinstance(getattr(prop, "dt", None), kind):
            what = "a duration" if kind is timedelta else "a date"
            found[name] = f"its {_PARTS[name]} ({name}) is not {what}: {prop.to_ical()[:40]!r}"
    return found


def _event(component: VEvent, broken: dict[str, str]) -> IcsEvent:
    for name in _NEEDED:
        if name in broken:
            raise IcsProblem(broken[name])
    start_prop = component.get("dtstart")
    if start_prop is None:
        raise IcsProblem("it has no start (DTSTART)")
    start = start_prop.dt
    all_day = not isinstance(start, datetime)
    zone = "" if all_day else zone_name(start)
    end_prop = None if "DTEND" in broken else component.get("dtend")
    end: datetime | None = None
    if end_prop is not None:
        end_value = end_prop.dt
        if all_day and not isinstance(end_value, datetime):
            end_value = datetime.combine(end_value - timedelta(days=1), time(23, 59))
        end = wall_time(end_value, zone)
    elif component.get("duration") is not None and "DURATION" not in broken:
        end = wall_time(start, zone) + component.get("duration").dt
    summary = _text(component, "summary") or "(untitled event)"
    starts_at = wall_time(start, zone)
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
    """The events of an .ics file's bytes; unreadable files and events become errors, parts of
    an event that cannot be read (its end, its repeat rule) warnings.
    `today` (default: the local date) starts the year whose occurrences a series gives."""
    result = IcsResult(name)
    components = _components(data, result)
    seen: set[str] = set()
    number = 0
    for calendar in components:
        replaced = _replacements(calendar)
        series = {_text(c, "uid") for c in calendar if _is_series(c)}
        for component in calendar:
            number += 1
            try:
                events = _events(component, today or date.today(), replaced, series, result)
            except IcsProblem as error:
                result.errors.append(f"{name}, event {number}: {error}")
                continue
            except Exception as error:  # one event nobody foresaw must not cost the others
                reason = unexpected(error, "unreadable event")
                result.errors.append(f"{name}, event {number}: {reason}")
                continue
            for event in events:
                if event.uid not in seen:
                    seen.add(event.uid)
                    result.events.append(event)
    if not result.errors and not number:
        result.errors.append(f"{name}: no events (VEVENT) in this file")
    return result


def _components(data: bytes, result: IcsResult) -> list[list[VEvent]]:
    """The VEVENTs of each calendar in `data`; a file cut short is read up to where it ends."""
    from icalendar import Calendar
    from icalendar import Event as VEvent

    try:
        calendars = Calendar.from_ical(data, multiple=True)
        if not calendars and b"BEGIN:" in data.upper():
            calendars = Calendar.from_ical(data + _missing_ends(data), multiple=True)
            if calendars:
                result.warnings.append(
                    f"{result.file}: the file is cut short (a missing END: line); "
                    "what it holds is read"
                )
    except ValueError:
        result.errors.append(f"{result.file}: {_why_not_a_calendar(data)}")
        return []
    except OSError:  # zoneinfo opens a TZID naming a folder of its database ("Europe") as a file
        result.errors.append(f"{result.file}: a TZID names no time zone")
        return []
    return [
        [component for component in calendar.walk("VEVENT") if isinstance(component, VEvent)]
        for calendar in calendars
    ]


def _missing_ends(data: bytes) -> bytes:
    """The END: lines of the components still open at the end of `data`."""
    opened: list[bytes] = []
    for line in data.splitlines():
        keyword, _, kind = line.strip().upper().partition(b":")
        if keyword == b"BEGIN":
            opened.append(kind)
        elif keyword == b"END" and kind in opened:
            del opened[len(opened) - 1 - opened[::-1].index(kind) :]
    return b"".join(b"\r\nEND:" + kind for kind in reversed(opened)) + b"\r\n"


def _why_not_a_calendar(data: bytes) -> str:
    if b"BEGIN:VCALENDAR" not in data.upper() and b"BEGIN:VEVENT" not in data.upper():
        return "not an iCalendar file (no BEGIN:VCALENDAR line)"
    return "the calendar cannot be read (a line is not of the form NAME:value)"


def _is_series(component: VEvent) -> bool:
    return component.get("rrule") is not None and component.get("recurrence-id") is None


def _replacements(components: list[VEvent]) -> dict[str, VEvent]:
    """The VEVENTs with a RECURRENCE-ID, by the occurrence UID they replace."""
    found = {}
    for component in components:
        uid = _occurrence_of(component)
        if uid:
            found[uid] = component
    return found


def _occurrence_of(component: VEvent) -> str:
    """The occurrence UID a VEVENT with a RECURRENCE-ID replaces ("" for other VEVENTs)."""
    original, start = component.get("recurrence-id"), component.get("dtstart")
    unplaced = start is None or any(name in _broken(component) for name in _NEEDED)
    if original is None or unplaced or not _text(component, "uid"):
        return ""
    zone = zone_name(start.dt)
    return _occurrence_uid(_text(component, "uid"), wall_time(original.dt, zone))


def _events(
    component: VEvent,
    today: date,
    replaced: dict[str, VEvent],
    series: set[str],
    result: IcsResult,
) -> list[IcsEvent]:
    """One VEVENT as events: itself, its kept occurrences (a series), or nothing when it
    replaces an occurrence of a series in the file (read in its place)."""
    broken = _broken(component)
    event = _event(component, broken)
    if component.get("recurrence-id") is not None:
        if event.uid in series:
            return []
        return [replace(event, uid=_occurrence_of(component))]  # a lone moved occurrence
    for name in ("DTEND", "DURATION", "RRULE", "EXDATE"):
        if name in broken:
            result.warnings.append(f"{result.file}, {event.summary}: {broken[name]}")
    starts = [] if "RRULE" in broken else occurrence_starts(component, today, "EXDATE" in broken)
    if not starts:
        return [event]
    length = event.ends_at - event.starts_at if event.ends_at is not None else None
    occurrences = []
    for start in starts:
        wall = wall_time(start, event.timezone)
        uid = _occurrence_uid(event.uid, wall)
        if uid in replaced:
            occurrence = replace(_event(replaced[uid], _broken(replaced[uid])), uid=uid)
        else:
            ends = wall + length if length is not None else None
            occurrence = replace(event, uid=uid, starts_at=wall, ends_at=ends)
        occurrences.append(occurrence)
    return occurrences


def _occurrence_uid(series_uid: str, start: datetime) -> str:
    return f"{series_uid}/{start:%Y%m%dT%H%M}"


def aware(moment: datetime, zone: str) -> datetime:
    return moment.replace(tzinfo=ZoneInfo(zone)) if zone else moment


def _component(event: IcsEvent, stamp: datetime) -> VEvent:
    from icalendar import Event as VEvent

    component = VEvent()
    component.add("uid", event.uid)
    component.add("dtstamp", stamp)
    component.add("summary", event.summary)
    if event.all_day:
        component.add("dtstart", event.starts_at.date())
        last = (event.ends_at or event.starts_at).date()
        component.add("dtend", last + timedelta(days=1))
    else:
        component.add("dtstart", aware(event.starts_at, event.timezone))
        if event.ends_at is not None:
            component.add("dtend", aware(event.ends_at, event.timezone))
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
    calendar = new_calendar(PRODID, "NetDesk events")
    stamp = stamp or datetime.now(UTC)
    for event in events:
        calendar.add_component(_component(event, stamp))
    calendar.add_missing_timezones()
    return ical_bytes(calendar)
