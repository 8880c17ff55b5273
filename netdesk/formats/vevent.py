"""Events as VEVENTs in a CalDAV calendar, through `icalendar` (one event a calendar object).

An event's VEVENT: SUMMARY its name, DTSTART and DTEND its times with the event's zone as TZID
(and the VTIMEZONE it needs), a floating time for an event in the computer's local zone (as
NetDesk means it: the same wall-clock time wherever the computer is), UTC times as UTC;
LOCATION its place (or, without one, its online link), URL its web page, DESCRIPTION its notes.
What only NetDesk knows travels as `X-NETDESK-*`: the kind, the status, the online link, the
organiser, the cost and the prep brief's goals, prep notes and conversation starters.

An edit is written over the VEVENT as the server last had it: what NetDesk does not read (a
phone's alarms, attendees, categories, its own X- properties) stays, and the times are written
only when they changed, so an all-day event or another client's time zone stays as it was.
Reading takes the first VEVENT that replaces no occurrence (RECURRENCE-ID); a repeating one
(RRULE) is said to be so, for the caller to leave alone.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Component, vText

from netdesk.formats.ical_edit import read_component, text_value, to_edit
from netdesk.formats.ics_events import aware, wall_time, zone_name

PRODID = "-//NetDesk//Events//EN"
_X = {
    "kind": "X-NETDESK-KIND",
    "status": "X-NETDESK-STATUS",
    "online_link": "X-NETDESK-ONLINE-LINK",
    "organiser": "X-NETDESK-ORGANISER",
    "cost": "X-NETDESK-COST",
    "goals": "X-NETDESK-GOALS",
    "prep_notes": "X-NETDESK-PREP-NOTES",
    "conversation_starters": "X-NETDESK-CONVERSATION-STARTERS",
}
"""The fields only NetDesk knows, and their properties."""
_TEXT = {"name": "SUMMARY", "url": "URL", "notes": "DESCRIPTION"}
_TIMES = ("DTSTART", "DTEND", "DURATION")


@dataclass(frozen=True)
class EventFields:
    """What an event's VEVENT says: times wall-clock in `timezone` ("" floating: local time);
    `kind` and `status` "" when the VEVENT does not say (another client's event)."""

    name: str
    starts_at: datetime
    ends_at: datetime | None = None
    timezone: str = ""
    place: str = ""
    online_link: str = ""
    url: str = ""
    notes: str = ""
    kind: str = ""
    status: str = ""
    organiser: str = ""
    cost: str = ""
    goals: str = ""
    prep_notes: str = ""
    conversation_starters: str = ""


FIELDS = tuple(item.name for item in fields(EventFields))


@dataclass(frozen=True)
class ParsedEvent:
    """A VEVENT read: its UID, the event's fields, and whether it repeats (RRULE)."""

    uid: str
    fields: EventFields
    repeats: bool = False


def parse_event(text: str) -> ParsedEvent:
    """The event of an iCalendar text (ValueError when there is none, or it has no start)."""
    vevent = read_component(text, "VEVENT", "event")
    start = _moment(vevent, "DTSTART")
    if start is None:
        raise ValueError("the event has no start (DTSTART)")
    zone = zone_name(start)
    starts_at = wall_time(start, zone)
    values: dict[str, Any] = {
        name: text_value(vevent, prop) for name, prop in (_TEXT | _X).items() if prop in vevent
    }
    location = text_value(vevent, "LOCATION")
    if location and location != values.get("online_link"):
        if "online_link" not in values and location.lower().startswith(("http://", "https://")):
            values["online_link"] = location
        else:
            values["place"] = location
    return ParsedEvent(
        str(vevent.get("UID", "")),
        EventFields(
            starts_at=starts_at,
            ends_at=_end(vevent, start, starts_at, zone),
            timezone=zone,
            **{"name": "", **values},
        ),
        repeats=vevent.get("RRULE") is not None,
    )


def render_event(
    event: EventFields,
    uid: str,
    stamp: datetime,
    base: str = "",
    base_fields: EventFields | None = None,
) -> str:
    """The VEVENT's text: `base` (the calendar object as the server had it, `base_fields` what
    it said) with NetDesk's properties set anew, else a new calendar object. `stamp` (UTC) is
    the DTSTAMP and LAST-MODIFIED."""
    calendar, vevent, sequence = to_edit(base, uid, "VEVENT", PRODID)
    for prop in ("DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "LOCATION", *_TEXT.values(), *_X.values()):
        vevent.pop(prop, None)
    vevent.add("DTSTAMP", stamp.astimezone(UTC))
    vevent.add("LAST-MODIFIED", stamp.astimezone(UTC))
    vevent.add("SEQUENCE", sequence)
    if base_fields is None or _times(base_fields) != _times(event):
        for prop in _TIMES:
            vevent.pop(prop, None)
        vevent.add("DTSTART", aware(event.starts_at, event.timezone))
        if event.ends_at is not None:
            vevent.add("DTEND", aware(event.ends_at, event.timezone))
    for name, prop in (_TEXT | _X).items():
        value = getattr(event, name)
        if value:
            vevent.add(prop, vText(value) if prop.startswith("X-") else value)
    if event.place or event.online_link:
        vevent.add("LOCATION", vText(event.place or event.online_link))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical()).decode("utf-8")


def _times(event: EventFields) -> tuple[Any, ...]:
    return event.starts_at, event.ends_at, event.timezone


def _end(vevent: Component, start: date, starts_at: datetime, zone: str) -> datetime | None:
    """The end as wall-clock time in the start's zone (an all-day event's last day at 23:59);
    None when there is none or it is before the start."""
    end = _moment(vevent, "DTEND")
    if end is None:
        length = getattr(vevent.get("DURATION"), "dt", None)
        if not isinstance(length, timedelta):
            return None
        ends_at = starts_at + length
    elif not isinstance(end, datetime) and not isinstance(start, datetime):
        ends_at = datetime.combine(end - timedelta(days=1), time(23, 59))
    else:
        ends_at = wall_time(end, "") if zone == "" else _in_zone(end, zone)
    return ends_at if ends_at >= starts_at else None


def _in_zone(moment: date, zone: str) -> datetime:
    """An end as wall-clock time in the start's `zone` (another zone's end converted)."""
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        return wall_time(moment, zone)
    return moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def _moment(vevent: Component, name: str) -> date | None:
    """A date or date-time property's value (None when missing or of another kind)."""
    value = getattr(vevent.get(name), "dt", None)
    return value if isinstance(value, date) else None
