"""Two-way sync of events with a CalDAV calendar, one VEVENT each (`formats.vevent`).

Every event goes, past ones too; every VEVENT of the calendar comes in as an event (the kind
guessed from its words when it does not say, as an .ics import does), except a repeating one
(RRULE) of another client's: NetDesk's events happen once, so it is left alone. A VEVENT whose
UID an event here has already (imported from the same .ics file) is linked to that event, not
doubled.

As with follow-ups (`sync_tasks`, the walk is `sync_collection`'s): receive first, then send
with If-None-Match / If-Match, each event committed as it is done. A changed VEVENT is merged
field by field against the last synced one (times and zone together; name, place, online link,
web page, notes, kind, status, organiser, cost, goals, the goal's target and its words, prep
notes, conversation starters, the pitch's text and the days of the prep reminder each alone; the
checklist tick by tick and the people person by person, `sync_event_lists`): a field changed on
one side takes that side's value; changed on both sides, NetDesk's value is kept and the
server's with it until the user chooses (`sync_conflicts`). A person whose contact has not
arrived yet is kept as the server has it and put on the list when it arrives. A VEVENT
deleted elsewhere deletes its event, unless the event changed here since (then it is sent again
as a new one). An event deleted here has its VEVENT deleted on the server.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from netdesk.core import sync_accounts
from netdesk.core.caldav_client import CalDavClient
from netdesk.core.carddav import Card
from netdesk.core.event_draft import EventDraft, checklist_of
from netdesk.core.event_ics import guess_kind
from netdesk.core.event_times import from_utc, to_utc
from netdesk.core.events import EventService
from netdesk.core.sync_calendar import CalendarSync, chosen_calendar, merge, same
from netdesk.core.sync_collection import Counts, Row, Table, resource_name
from netdesk.core.sync_event_lists import (
    kept,
    link_waiting,
    merge_people,
    merge_ticks,
    people_of,
    ticked,
    ticks,
    write_people,
)
from netdesk.core.vocabulary import EVENT_KINDS, EVENT_ROLES, EVENT_STATUSES
from netdesk.formats.ics_events import IcsEvent
from netdesk.formats.vevent import FIELDS, EventFields, ParsedEvent, parse_event, render_event
from netdesk.store.models import Event, SyncAccount, SyncEvent, new_uid
from netdesk.store.rows import tuples

NEW_CALENDAR_NAME = "NetDesk events"
"""The calendar made when NEW is chosen and the server has none of that name."""
_TIMES = ("starts_at", "ends_at", "timezone")
GROUPS = (_TIMES, *((name,) for name in FIELDS if name not in _TIMES))
"""Fields merged together: an event's times with their zone; every other field alone."""
_LISTS = ("checklist", "people")
_STORED = tuple(name for name in FIELDS[4:] if name not in _LISTS)
"""The fields an event keeps as they are (besides its name and times)."""
_OWN = tuple(group for group in GROUPS if group != ("people",))
"""The groups of the event's own fields (its people are rows of their own)."""
EVENTS = Table(
    SyncEvent, SyncEvent.event, SyncEvent.ical, "calendar_token", "calendar_ctag", SyncEvent.foreign
)


@dataclass
class EventReport(Counts):
    """What an event sync did (or, in a dry run, would do)."""

    left_alone: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data (for --json)."""
        return asdict(self)


class EventSync(CalendarSync):
    """Syncs the events with one account's calendar through `client`."""

    table = EVENTS
    conflict_note = (
        "an event changed on both sides keeps NetDesk's values of the fields both changed"
    )
    conflict_column = "event"

    def __init__(
        self,
        events: EventService,
        client: CalDavClient,
        account: SyncAccount,
        *,
        dry_run: bool = False,
    ) -> None:
        self.report = EventReport()
        super().__init__(client, account, account.calendar, self.report, dry_run=dry_run)
        self.events = events

    def run(self) -> EventReport:
        """Put the people whose contacts arrived since on their events' lists (not in a dry
        run); receive, then send (see `CollectionSync.sync`)."""
        if not self.dry_run:
            link_waiting(self.events.changes, self.account.id)
        self.run_sync()
        return self.report

    # receiving

    def parse(self, text: str) -> ParsedEvent:
        return parse_event(text)

    def take_changed(self, resource: Card, parsed: ParsedEvent, row: Row) -> None:
        assert row.local_id is not None
        local = _local(row)
        base = _base(row, local)
        incoming = _said(parsed.fields, base)
        if same(GROUPS, base, incoming):
            self.agreed(row, resource.etag, resource.text)
            return
        merged = self._merge(row.local_id, base, local, incoming) if row.dirty else incoming
        waiting = apply_event(self.events, row.local_id, local, merged)
        self.report.received_changed += 1
        dirty = not same(GROUPS, merged, incoming)
        self.agreed(row, resource.etag, resource.text, dirty=dirty, waiting=waiting)

    def take_new(self, resource: Card, parsed: ParsedEvent) -> None:
        """A VEVENT NetDesk does not know: linked to the event of the same UID, else a new
        event; a repeating one is left alone (remembered until it changes)."""
        uid, incoming = parsed.uid, parsed.fields
        if parsed.repeats:
            self.report.left_alone += 1
            self.link(None, resource.href, resource.etag, resource.text, foreign=True)
            return
        known = Event.get_or_none(Event.uid == uid) if uid else None
        if known is not None and not self._linked(known.id):
            local = event_fields(known.id)
            merged = self._merge(known.id, _EMPTY, local, _said(incoming, local))
            waiting = apply_event(self.events, known.id, local, merged)
            dirty = not same(GROUPS, merged, incoming)
            text = resource.text
            self.link(known.id, resource.href, resource.etag, text, dirty=dirty, waiting=waiting)
            self.report.received_changed += 1
            return
        guessed = replace(
            incoming,
            name="(untitled event)",
            kind=guess_kind(_ics_item(incoming)),
            status="considering",
            prep_reminder_days=EventDraft.prep_reminder_days,
        )
        fields = _said(incoming, guessed)
        draft = with_fields(EventDraft(name="", starts_at=fields.starts_at), fields)
        draft.uid = uid if known is None else ""  # a UID is one event's
        event_id = self.events.create(draft)
        waiting = write_people(self.events.changes, event_id, (), fields.people)
        self.link(event_id, resource.href, resource.etag, resource.text, waiting=waiting)
        self.report.received_new += 1

    def _linked(self, event_id: int) -> bool:
        """Whether the event has a VEVENT on the account already."""
        return bool(EVENTS.rows(EVENTS.of(self.account.id) & (SyncEvent.event == event_id)))

    def _merge(
        self, event_id: int, base: EventFields, local: EventFields, remote: EventFields
    ) -> EventFields:
        """`local` with the server's changes since `base`; a group changed on both sides keeps
        NetDesk's values and the server's as a conflict (the checklist merged tick by tick and
        the people person by person first)."""
        ours, theirs = merge_people(base.people, local.people, remote.people)
        checklist = merge_ticks(base.checklist, local.checklist, remote.checklist)
        local = replace(local, people=ours, checklist=checklist)
        remote = replace(remote, people=theirs, checklist=checklist)
        taken, conflicts = merge(GROUPS, base, local, remote)
        self.keep_conflicts(event_id, conflicts)
        return replace(local, **taken)

    def removed(self, row: Row) -> None:
        """A VEVENT deleted on the server: its event deleted, unless changed here since (then
        it is sent again as a new VEVENT)."""
        self.forget(row)
        if row.local_id is None or row.foreign:
            return
        local = _local(row)
        if row.dirty and not same(GROUPS, local, _base(row, local)):
            return
        self.events.delete(row.local_id)
        self.report.received_removed += 1

    # sending

    def send_new(self, item_id: int, item: Any) -> tuple[str, str, str]:
        uid = Event.select(Event.uid).where(Event.id == item_id).scalar() or ""
        if not uid.strip():  # written around the service: a VEVENT needs one
            uid = f"{new_uid()}@netdesk"
            Event.update(uid=uid).where(Event.id == item_id).execute()
        href = f"{self.collection.rstrip('/')}/{resource_name(uid)}.ics"
        text = render_event(event_fields(item_id), uid, self._stamp())
        return href, text, self.put(href, text, None)

    def send_changed(self, row: Row) -> tuple[str, str] | None:
        assert row.local_id is not None
        server = parse_event(row.text)
        local = kept(event_fields(row.local_id), server.fields)
        if same(GROUPS, local, _said(server.fields, local)):
            return None
        uid = server.uid or new_uid()
        text = render_event(local, uid, self._stamp(), row.text, server.fields)
        return text, self.put(row.href, text, row.etag)

    def unsynced(self) -> list[int]:
        """Events without a VEVENT yet, soonest first."""
        query = _unsynced(self.account.id).order_by(Event.starts_at, Event.id)
        return [event_id for (event_id,) in tuples(query)]

    def _stamp(self) -> datetime:
        return to_utc(self.events.followups.clock.now())


def sync_events(
    events: EventService, client: CalDavClient, account: SyncAccount, chosen: str
) -> EventReport | None:
    """Make `chosen` (a calendar's path, "" for none, or NEW) the account's calendar and sync
    the events with it; None without one."""
    chosen = chosen_calendar(client, chosen, NEW_CALENDAR_NAME, "netdesk-events", "VEVENT")
    sync_accounts.set_calendar(account, chosen)
    if not chosen:
        return None
    return EventSync(events, client, account).run()


def apply_event(
    events: EventService, event_id: int, local: EventFields, merged: EventFields
) -> str:
    """Write the merged fields into the event through the service (as the editor does) and
    its people into its list; the vCard UIDs of people left waiting for their contacts (see
    `sync_event_lists.write_people`)."""
    if not same(_OWN, merged, local):
        events.update(event_id, with_fields(events.load(event_id), merged))
    return write_people(events.changes, event_id, local.people, merged.people)


def pending_events(account_id: int) -> int:
    """Events the next sync sends: never synced, changed, or deleted here."""
    return EVENTS.pending(account_id, _unsynced(account_id))


_EMPTY = EventFields(name="", starts_at=datetime.min)


def _unsynced(account_id: int) -> Any:
    """The query of events without a VEVENT on the account."""
    return EVENTS.unsynced(Event.select(Event.id), Event, account_id)


def event_fields(event_id: int) -> EventFields:
    """The stored event as its VEVENT reads back (times to the second, in its own zone)."""
    event = Event.get_by_id(event_id)
    zone = event.timezone
    return EventFields(
        name=event.name,
        starts_at=from_utc(event.starts_at, zone).replace(microsecond=0),
        ends_at=from_utc(event.ends_at, zone).replace(microsecond=0) if event.ends_at else None,
        timezone=zone,
        checklist=ticked(checklist_of(event)),
        people=people_of(event_id),
        **{name: getattr(event, name) for name in _STORED},
    )


def _local(row: Row) -> EventFields:
    """The event of a synced row as NetDesk has it, with the people of the VEVENT last synced
    whose contacts NetDesk does not have (see `sync_event_lists`)."""
    assert row.local_id is not None
    return kept(event_fields(row.local_id), parse_event(row.text).fields)


def _base(row: Row, local: EventFields) -> EventFields:
    """The VEVENT last synced, with what it did not say taken from the event."""
    return _said(parse_event(row.text).fields, local)


def _said(incoming: EventFields, known: EventFields) -> EventFields:
    """`incoming` with what it may not say (another client's event has no kind, status or
    days of the prep reminder; a name may be empty) or says wrongly taken from `known`; a
    checklist item this NetDesk does not know is left out, a role it does not know read as an
    attendee's."""
    kind = incoming.kind if incoming.kind in EVENT_KINDS else known.kind
    status = incoming.status if incoming.status in EVENT_STATUSES else known.status
    name = incoming.name if incoming.name.strip() else known.name
    days = incoming.prep_reminder_days
    people = tuple(
        person if person.role in EVENT_ROLES else person._replace(role="attendee")
        for person in incoming.people
    )
    return replace(
        incoming,
        name=name,
        kind=kind,
        status=status,
        prep_reminder_days=known.prep_reminder_days if days is None else days,
        checklist=ticked(ticks(incoming.checklist)),
        people=people,
    )


def with_fields(draft: EventDraft, fields: EventFields) -> EventDraft:
    """`draft` with the VEVENT's fields set (its people are not the draft's)."""
    values = {name: getattr(fields, name) for name in FIELDS if name not in _LISTS}
    return replace(draft, checklist=ticks(fields.checklist), **values)


def _ics_item(fields: EventFields) -> IcsEvent:
    """The VEVENT as an .ics import sees it (to guess its kind)."""
    return IcsEvent(
        uid="",
        summary=fields.name,
        starts_at=fields.starts_at,
        location=fields.place or fields.online_link,
        url=fields.url,
        description=fields.notes,
    )
