"""Events as VEVENTs in a CalDAV calendar, through `icalendar` (one event a calendar object).

An event's VEVENT: SUMMARY its name, DTSTART and DTEND its times with the event's zone as TZID
(and the VTIMEZONE it needs), a floating time for an event in the computer's local zone (as
NetDesk means it: the same wall-clock time wherever the computer is), UTC times as UTC;
LOCATION its place (or, without one, its online link), URL its web page, DESCRIPTION its notes.
What only NetDesk knows travels as `X-NETDESK-*`: the kind, the status, the online link, the
organiser, the cost, the prep brief (goals, the goal's target and its words, prep notes,
conversation starters, the pitch's text, the checklist's ticked items, the days of the prep
reminder) and the people (`X-NETDESK-PEOPLE`). The pitch travels as its text only: a pitch of
the library is this computer's, and the text is what the brief shows.

The people are one JSON list, each person's contact named by its vCard UID (as a VJOURNAL names
its contact) with the role, want-to-meet, met and research notes: free text and any UID fit in
a JSON text, where iCalendar parameters could hold neither a line break nor a quote. They are
no ATTENDEE: a server that schedules (Nextcloud, iCloud) mails an invitation to each attendee
with an address, and a phone would list the people and might edit them; an X- property is one
every client keeps as it is.

An edit is written over the VEVENT as the server last had it: what NetDesk does not read (a
phone's alarms, attendees, categories, its own X- properties) stays, and the times are written
only when they changed, so an all-day event or another client's time zone stays as it was.
Reading takes the first VEVENT that replaces no occurrence (RECURRENCE-ID); a repeating one
(RRULE) is said to be so, for the caller to leave alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple
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
    "goal_target_text": "X-NETDESK-GOAL-TARGET-TEXT",
    "pitch_text": "X-NETDESK-PITCH",
    "checklist": "X-NETDESK-CHECKLIST",
}
"""The text fields only NetDesk knows, and their properties."""
_NUMBERS = {"goal_target": "X-NETDESK-GOAL-TARGET", "prep_reminder_days": "X-NETDESK-PREP-REMINDER"}
"""The whole numbers only NetDesk knows (None when the VEVENT does not say), and their
properties."""
_PEOPLE = "X-NETDESK-PEOPLE"
_TEXT = {"name": "SUMMARY", "url": "URL", "notes": "DESCRIPTION"}
_TIMES = ("DTSTART", "DTEND", "DURATION")


class PersonFields(NamedTuple):
    """Someone on an event's list: the contact's vCard UID and their entry."""

    contact: str
    role: str = "attendee"
    want_to_meet: bool = False
    met: bool = False
    research_notes: str = ""


@dataclass(frozen=True)
class EventFields:
    """What an event's VEVENT says: times wall-clock in `timezone` ("" floating: local time);
    `kind` and `status` "" and `prep_reminder_days` None when the VEVENT does not say (another
    client's event); `checklist` the ticked items' keys joined by commas; `people` sorted by
    contact (any sequence of entries given is made `PersonFields`)."""

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
    goal_target: int | None = None
    goal_target_text: str = ""
    pitch_text: str = ""
    checklist: str = ""
    prep_reminder_days: int | None = None
    people: tuple[PersonFields, ...] = ()

    def __post_init__(self) -> None:
        people = tuple(sorted(PersonFields(*person) for person in self.people))
        object.__setattr__(self, "people", people)


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
    for name, prop in _NUMBERS.items():
        values[name] = _number(text_value(vevent, prop))
    values["people"] = _people(text_value(vevent, _PEOPLE))
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
    for prop in (
        *("DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "LOCATION", _PEOPLE),
        *_TEXT.values(),
        *_X.values(),
        *_NUMBERS.values(),
    ):
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
    for name, prop in _NUMBERS.items():
        if getattr(event, name) is not None:
            vevent.add(prop, vText(str(getattr(event, name))))
    if event.people:
        vevent.add(_PEOPLE, vText(_people_json(event.people)))
    if event.place or event.online_link:
        vevent.add("LOCATION", vText(event.place or event.online_link))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical()).decode("utf-8")


def _number(text: str) -> int | None:
    """A whole number of none or more said in a property, None when it says none."""
    return int(text) if text.strip().isdigit() else None


def _people_json(people: tuple[PersonFields, ...]) -> str:
    return json.dumps([person._asdict() for person in people], ensure_ascii=False)


def _people(text: str) -> tuple[PersonFields, ...]:
    """The people of an X-NETDESK-PEOPLE list; an entry without a contact, or a value of the
    wrong kind, is left out (none for text that is no such list)."""
    try:
        entries = json.loads(text) if text else []
    except ValueError:
        return ()
    kinds = {name: type(value) for name, value in PersonFields._field_defaults.items()}
    found = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("contact"), str):
            continue
        said = {name: entry[name] for name, kind in kinds.items() if type(entry.get(name)) is kind}
        found.append(PersonFields(entry["contact"], **said))
    return tuple(found)


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
