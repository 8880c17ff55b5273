"""Events as iCalendar items and back: what an imported item sets on an event, the kind a new
one most likely is, and the .ics export (importing itself is `event_import`'s job).

An import sets only what a calendar knows — name, times and zone, place or online link, web
page, description (as notes) — so prep work on an event survives a re-import of its schedule.
"""

from __future__ import annotations

from datetime import datetime

from netdesk.core.event_draft import EventDraft
from netdesk.core.event_times import from_utc
from netdesk.formats.ics_events import IcsEvent, write_ics_events
from netdesk.formats.ics_writer import CalendarEntry
from netdesk.store.models import Event

_KIND_WORDS = (
    ("career fair", ("career fair", "job fair", "recruiting")),
    ("workshop", ("workshop", "tutorial", "hands-on")),
    ("webinar", ("webinar", "livestream", "online talk")),
    ("meetup", ("meetup", "meet-up", "user group")),
    ("conference", ("conference", "summit", "con ", "keynote", "talk:")),
    ("social", ("drinks", "party", "social", "dinner", "breakfast")),
)


def guess_kind(item: IcsEvent) -> str:
    """The kind a new imported event most likely is, from its words and links ("other")."""
    text = f"{item.summary} {item.description} {item.url} ".lower()
    for kind, words in _KIND_WORDS:
        if any(word in text for word in words):
            return kind
    if "meetup.com" in text:
        return "meetup"
    return "webinar" if _is_link(item.location) else "other"


def _is_link(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def apply_item(draft: EventDraft, item: IcsEvent) -> None:
    """Set what a calendar knows of an event on its draft (prep fields stay as they are)."""
    draft.name = item.summary
    draft.starts_at, draft.ends_at, draft.timezone = item.starts_at, item.ends_at, item.timezone
    if _is_link(item.location):
        draft.online_link = item.location
    elif item.location:
        draft.place = item.location
    draft.url = item.url or draft.url
    draft.notes = item.description or draft.notes
    draft.uid = item.uid


def _ics_event(event: Event) -> IcsEvent:
    zone = event.timezone
    return IcsEvent(
        uid=event.uid or f"event-{event.id}@netdesk",
        summary=event.name,
        starts_at=from_utc(event.starts_at, zone),
        ends_at=from_utc(event.ends_at, zone) if event.ends_at else None,
        timezone=zone,
        location=event.place or event.online_link,
        url=event.url,
        description=event.notes,
    )


def event_entry(event_id: int) -> CalendarEntry | None:
    """An event for the follow-ups calendar file: its UID (so importing that file back matches),
    local start and end, place and notes (None if there is no such event)."""
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        return None
    return CalendarEntry(
        uid=_ics_event(event).uid,
        kind="event",
        summary=event.name,
        start=from_utc(event.starts_at),
        end=from_utc(event.ends_at) if event.ends_at else None,
        description=event.notes,
        categories=("NetDesk", event.kind),
        location=event.place or event.online_link,
    )


def export_ics(ids: list[int] | None = None, stamp: datetime | None = None) -> bytes:
    """Events (all, or those in `ids`) as an .ics file, soonest first."""
    query = Event.select().order_by(Event.starts_at)
    if ids is not None:
        query = query.where(Event.id.in_(ids))
    return write_ics_events([_ics_event(event) for event in query], stamp)
