"""Interactions as VJOURNALs in a CalDAV journal, through `icalendar` (one a calendar object).

An interaction's VJOURNAL: DTSTART its time (UTC), SUMMARY its channel and the person's name
(for other clients to show; not read back), DESCRIPTION its note. What only NetDesk knows travels
as `X-NETDESK-*`: the contact's vCard UID, the channel, the direction, the kind of give, for
an introduction the vCard UIDs of the two people introduced (none for the user), and the UID of
the event it happened at (`X-NETDESK-EVENT`).

The event is no RELATED-TO: that property's relation is PARENT unless it says otherwise, and a
phone's journal app (jtx Board on Android) keeps its own sub-entries that way and links and
unlinks them as the user moves entries, so it would show the interaction as a sub-entry of an
event it cannot find and might drop the link; an X- property is one every client keeps as is.

An edit is written over the VJOURNAL as the server last had it: what NetDesk does not read
(another client's categories, attachments, its own X- properties) stays, and DTSTART is written
only when the time changed, so another client's time zone stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from icalendar import vText

from netdesk.formats.ical_edit import read_component, text_value, to_edit

PRODID = "-//NetDesk//Interactions//EN"
_PROPS = {
    "note": "DESCRIPTION",
    "contact": "X-NETDESK-CONTACT",
    "channel": "X-NETDESK-KIND",
    "direction": "X-NETDESK-DIRECTION",
    "give_kind": "X-NETDESK-GIVE-KIND",
    "introduced_a": "X-NETDESK-INTRODUCED-A",
    "introduced_b": "X-NETDESK-INTRODUCED-B",
    "event": "X-NETDESK-EVENT",
}
"""The fields besides the time, and their properties."""


@dataclass(frozen=True)
class JournalFields:
    """What an interaction's VJOURNAL says: `occurred_at` naive UTC; the contact and the people
    introduced as vCard UIDs ("" when not said: another client's entry, or the user), the event
    as its UID ("" for none)."""

    occurred_at: datetime
    note: str = ""
    contact: str = ""
    channel: str = ""
    direction: str = ""
    give_kind: str = ""
    introduced_a: str = ""
    introduced_b: str = ""
    event: str = ""


@dataclass(frozen=True)
class ParsedJournal:
    """A VJOURNAL read: its UID and the interaction's fields."""

    uid: str
    fields: JournalFields


def parse_journal(text: str) -> ParsedJournal:
    """The journal entry of an iCalendar text (ValueError when there is none, or no DTSTART)."""
    entry = read_component(text, "VJOURNAL", "journal entry")
    start = getattr(entry.get("DTSTART"), "dt", None)
    if not isinstance(start, date):
        raise ValueError("the journal entry has no time (DTSTART)")
    values = {name: text_value(entry, prop) for name, prop in _PROPS.items()}
    return ParsedJournal(str(entry.get("UID", "")), JournalFields(_utc(start), **values))


def render_journal(
    fields: JournalFields,
    name: str,
    uid: str,
    stamp: datetime,
    base: str = "",
    base_fields: JournalFields | None = None,
) -> str:
    """The VJOURNAL's text for an interaction with `name`: `base` (the calendar object as the
    server had it, `base_fields` what it said) with NetDesk's properties set anew, else a new
    calendar object. `stamp` (UTC) is the DTSTAMP and LAST-MODIFIED."""
    calendar, entry, sequence = to_edit(base, uid, "VJOURNAL", PRODID)
    for prop in ("DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "SUMMARY", *_PROPS.values()):
        entry.pop(prop, None)
    entry.add("DTSTAMP", stamp.replace(tzinfo=UTC))
    entry.add("LAST-MODIFIED", stamp.replace(tzinfo=UTC))
    entry.add("SEQUENCE", sequence)
    if base_fields is None or base_fields.occurred_at != fields.occurred_at:
        entry.pop("DTSTART", None)
        entry.add("DTSTART", fields.occurred_at.replace(microsecond=0, tzinfo=UTC))
    entry.add("SUMMARY", f"{fields.channel.capitalize()} — {name}" if name else fields.channel)
    for field, prop in _PROPS.items():
        value = getattr(fields, field)
        if value:
            entry.add(prop, vText(value) if prop.startswith("X-") else value)
    return bytes(calendar.to_ical()).decode("utf-8")


def _utc(start: date) -> datetime:
    """A DTSTART as naive UTC: a floating time or a date (its midnight) read as local time."""
    moment = start if isinstance(start, datetime) else datetime.combine(start, time.min)
    return moment.astimezone(UTC).replace(tzinfo=None)
