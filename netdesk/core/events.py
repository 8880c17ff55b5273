"""Events: conferences and meetups with their prep (goals, pitch, starters, checklist) and review.

`EventDraft` carries wall-clock times in the event's time zone, as the user types and sees them;
the store keeps naive UTC (see `event_times`). The people to meet and the quick capture live in
`event_people` (`EventService.people`), the pitch library in `pitches` (`EventService.pitches`);
the checklist's "Profile up to date" reads your own profiles (`EventService.profiles`).
Every change is announced on the "events" topic.
"""

from __future__ import annotations

import builtins
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from peewee import fn

from netdesk.core.changes import Changes
from netdesk.core.contacts import ContactService
from netdesk.core.event_capture import QuickCapture
from netdesk.core.event_deletion import DeletedEvent, delete_event, restore_event
from netdesk.core.event_draft import CHECKLIST, EventDraft, checklist_of
from netdesk.core.event_people import EventPeople
from netdesk.core.event_times import from_utc, place_zone, to_utc
from netdesk.core.followup_queries import AgendaItem
from netdesk.core.followups import FollowUpService
from netdesk.core.own_profiles import OwnProfileService
from netdesk.core.pitches import PitchService
from netdesk.store.models import Event, EventPerson, utcnow
from netdesk.store.rows import tuples

_COPIED = (
    "name",
    "kind",
    "status",
    "timezone",
    "place",
    "online_link",
    "organiser",
    "url",
    "cost",
    "notes",
    "goals",
    "goal_target",
    "goal_target_text",
    "conversation_starters",
    "prep_notes",
    "pitch_text",
    "prep_reminder_days",
)


@dataclass(frozen=True)
class EventRow:
    """One line of the event list (times wall-clock in the event's zone)."""

    id: int
    name: str
    kind: str
    status: str
    starts_at: datetime
    ends_at: datetime | None
    timezone: str
    place: str
    online_link: str
    upcoming: bool
    checklist_done: int
    people: int
    want: int
    met: int

    @property
    def where(self) -> str:
        return self.place or self.online_link


@dataclass(frozen=True)
class Review:
    """How an event went: the goal against the people met, and who on the list we missed."""

    goals: str
    goal_target: int | None
    met: int
    want_total: int
    want_met: int
    met_names: list[str]
    missed_names: list[str]

    @property
    def goal_reached(self) -> bool | None:
        return None if self.goal_target is None else self.met >= self.goal_target


class EventService:
    """Creates, changes and lists events; holds the people and pitch services of events."""

    def __init__(
        self,
        changes: Changes,
        followups: FollowUpService,
        contacts: ContactService | None = None,
        profiles: OwnProfileService | None = None,
    ) -> None:
        self.changes = changes
        self.followups = followups
        self.pitches = PitchService(changes)
        self.profiles = profiles or OwnProfileService(changes, followups.clock)
        contacts = contacts or ContactService(changes)
        self.people = EventPeople(changes, contacts)
        self.quick = QuickCapture(changes, followups, contacts, self.people)
        self.capture = self.quick.capture
        self.undo_capture = self.quick.undo
        followups.agenda_sources.append(self.agenda)

    # -- writing ----------------------------------------------------------------------------

    def create(self, draft: EventDraft, *, publish: bool = True) -> int:
        """Store a new event; return its id (an event gets a UID for .ics round trips)."""
        draft.validate()
        event = Event(uid=draft.uid or f"{uuid.uuid4()}@netdesk")
        self._write(event, draft)
        if publish:
            self.changes.publish("events", [event.id])
        return event.id

    def update(self, event_id: int, draft: EventDraft, *, publish: bool = True) -> None:
        draft.validate()
        event = Event.get_by_id(event_id)
        if draft.uid:
            event.uid = draft.uid
        self._write(event, draft)
        if publish:
            self.changes.publish("events", [event_id])

    def delete(self, event_id: int) -> DeletedEvent:
        """Remove an event with its people list (contacts stay; their "met at" is cleared);
        the result puts it back with `restore`."""
        deleted = delete_event(event_id)
        self.changes.publish("events", [event_id])
        self.changes.publish("contacts", deleted.links["met_at"])
        return deleted

    def restore(self, deleted: DeletedEvent) -> None:
        """Undo `delete`."""
        restore_event(deleted)
        self.changes.publish("events", [deleted.event_id])
        self.changes.publish("contacts", deleted.links["met_at"])

    def _write(self, event: Event, draft: EventDraft) -> None:
        """Store `draft`, its times in its zone. An event kept in UTC (an .ics file's, a
        phone's) is edited in local time (`load`): saved in local time, it stays a UTC event."""
        stored_zone = event.timezone
        for name in _COPIED:
            setattr(event, name, getattr(draft, name))
        if not draft.timezone and not place_zone(stored_zone):
            event.timezone = stored_zone  # a UTC event edited in local time stays a UTC event
        event.name = draft.name.strip()
        starts_at = to_utc(draft.starts_at, draft.timezone)
        if starts_at != event.starts_at:
            event.prep_notified_at = None  # a moved event gets its prep reminder again
        event.starts_at = starts_at
        event.ends_at = to_utc(draft.ends_at, draft.timezone) if draft.ends_at else None
        event.pitch_id = draft.pitch_id
        checklist = {key: bool(draft.checklist.get(key)) for key in CHECKLIST}
        if draft.status in ("registered", "attended"):
            checklist["registered"] = True
        event.checklist = json.dumps(checklist)
        event.updated_at = utcnow()
        event.save()

    # -- reading ----------------------------------------------------------------------------

    def load(self, event_id: int) -> EventDraft:
        """The event as it is edited: its times in the zone they are shown in (`place_zone`:
        local time for a UTC event, whose draft then says the local zone)."""
        event = Event.get_by_id(event_id)
        zone = place_zone(event.timezone)
        return EventDraft(
            starts_at=from_utc(event.starts_at, zone),
            ends_at=from_utc(event.ends_at, zone) if event.ends_at else None,
            pitch_id=event.pitch_id,
            checklist=checklist_of(event, self._profiles_fresh()),
            uid=event.uid or "",
            **{name: getattr(event, name) for name in _COPIED if name != "timezone"},
            timezone=zone,
        )

    def list(self, kind: str = "", status: str = "") -> list[EventRow]:
        """Events matching the filters: upcoming soonest first, then past latest first."""
        query = Event.select()
        if kind:
            query = query.where(Event.kind == kind)
        if status:
            query = query.where(Event.status == status)
        counts = self._people_counts()
        now = to_utc(self.followups.clock.now())
        fresh = self._profiles_fresh()
        rows = [self._row(event, now, counts.get(event.id, (0, 0, 0)), fresh) for event in query]
        upcoming = sorted((r for r in rows if r.upcoming), key=lambda r: self._utc(r))
        past = sorted((r for r in rows if not r.upcoming), key=lambda r: self._utc(r))
        return upcoming + past[::-1]

    def recent(
        self, limit: int, including: int | None = None
    ) -> builtins.list[tuple[int, str, datetime]]:
        """The latest `limit` events as (id, name, start in the event's zone), latest first (to
        pick where a contact was met), and the event `including` after them when it is older: a
        contact met at an old event must still show (and keep) it."""
        query = Event.select(Event.id, Event.name, Event.starts_at, Event.timezone)
        rows = list(tuples(query.order_by(Event.starts_at.desc()).limit(limit)))
        if including is not None and all(row[0] != including for row in rows):
            rows.extend(tuples(query.where(Event.id == including)))
        return [
            (event_id, name, from_utc(start, place_zone(zone)))
            for event_id, name, start, zone in rows
        ]

    def get(self, event_id: int) -> EventRow | None:
        event = Event.get_or_none(Event.id == event_id)
        if event is None:
            return None
        counts = self._people_counts(event_id)
        now = to_utc(self.followups.clock.now())
        return self._row(event, now, counts.get(event_id, (0, 0, 0)), self._profiles_fresh())

    def progress(self, event_id: int) -> tuple[int, int]:
        """Checklist items done, out of all."""
        checklist = checklist_of(Event.get_by_id(event_id), self._profiles_fresh())
        return sum(checklist.values()), len(CHECKLIST)

    def review(self, event_id: int) -> Review:
        """The goal against the people met, and want-to-meet people met and missed."""
        event = Event.get_by_id(event_id)
        people = self.people.list(event_id)
        wanted = [p for p in people if p.want_to_meet]
        return Review(
            goals=event.goals,
            goal_target=event.goal_target,
            met=sum(p.met for p in people),
            want_total=len(wanted),
            want_met=sum(p.met for p in wanted),
            met_names=[p.name for p in people if p.met],
            missed_names=[p.name for p in wanted if not p.met],
        )

    def prep_due(self) -> builtins.list[EventRow]:
        """Events to prepare for now: not yet started, within their prep-reminder days, not
        skipped or already reminded of."""
        now = to_utc(self.followups.clock.now())
        lead = fn.datetime(Event.starts_at, fn.printf("-%d days", Event.prep_reminder_days))
        query = Event.select().where(
            Event.status.in_(("considering", "registered")),
            Event.prep_notified_at.is_null(),
            Event.prep_reminder_days > 0,
            Event.starts_at > now,
            lead <= now,
        )
        counts = self._people_counts()
        fresh = self._profiles_fresh()
        return [self._row(e, now, counts.get(e.id, (0, 0, 0)), fresh) for e in query]

    def mark_prep_notified(self, ids: builtins.list[int]) -> None:
        Event.update(prep_notified_at=utcnow()).where(Event.id.in_(ids)).execute()

    def agenda(self, first: date, last: date) -> builtins.list[AgendaItem]:
        """Events on the local days `first` to `last`, for the follow-up calendar: one item per
        day an event spans ("PyCon DE (day 2)" at its start time on the later days)."""
        start = to_utc(datetime.combine(first, time.min))
        end = to_utc(datetime.combine(last + timedelta(days=1), time.min))
        query = Event.select(Event.id, Event.name, Event.starts_at, Event.ends_at).where(
            Event.starts_at < end,
            fn.coalesce(Event.ends_at, Event.starts_at) >= start,
            Event.status != "skipped",
        )
        items = []
        for event in query:
            begins = from_utc(event.starts_at)
            ends = from_utc(event.ends_at) if event.ends_at else begins
            for offset in range((ends.date() - begins.date()).days + 1):
                day = begins.date() + timedelta(days=offset)
                if first <= day <= last:
                    title = f"{event.name} (day {offset + 1})" if offset else event.name
                    when = datetime.combine(day, begins.time())
                    items.append(AgendaItem("event", event.id, when, title))
        return items

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _utc(row: EventRow) -> datetime:
        return to_utc(row.starts_at, row.timezone)

    def _profiles_fresh(self) -> bool | None:
        return self.profiles.freshness().fresh

    @staticmethod
    def _people_counts(event_id: int | None = None) -> dict[int, tuple[int, int, int]]:
        query = EventPerson.select(
            EventPerson.event,
            fn.COUNT(EventPerson.id),
            fn.SUM(EventPerson.want_to_meet),
            fn.SUM(EventPerson.met),
        ).group_by(EventPerson.event)
        if event_id is not None:
            query = query.where(EventPerson.event == event_id)
        return {e: (n, int(w or 0), int(m or 0)) for e, n, w, m in tuples(query)}

    @staticmethod
    def _row(
        event: Event, now_utc: datetime, counts: tuple[int, int, int], fresh: bool | None
    ) -> EventRow:
        zone = place_zone(event.timezone)
        end = event.ends_at or event.starts_at
        return EventRow(
            id=event.id,
            name=event.name,
            kind=event.kind,
            status=event.status,
            starts_at=from_utc(event.starts_at, zone),
            ends_at=from_utc(event.ends_at, zone) if event.ends_at else None,
            timezone=zone,
            place=event.place,
            online_link=event.online_link,
            upcoming=end >= now_utc,
            checklist_done=sum(checklist_of(event, fresh).values()),
            people=counts[0],
            want=counts[1],
            met=counts[2],
        )
