"""Events on Today: the next ones with their prep progress, and the recent ones with the people
met there whose follow-up is still open.

*Upcoming* are events not yet started within `UPCOMING_DAYS`, soonest first, not skipped; prep
progress is the checklist's items done out of all. *Recent* are events started in the last
`RECENT_DAYS` days, latest first, not skipped. A person *met* at an event is ticked met on its
list or has it as *met at*; their follow-up is *open* while a follow-up tied to the event is
pending, or — when no follow-up was ever tied to them there — while nothing was logged with them
after the event (other than at the event itself). Done follow-ups and later interactions close it.

Times: the store keeps naive UTC; starts are returned wall-clock in the event's zone, and day
counts compare local (clock) dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from netdesk.core.clock import Clock
from netdesk.core.event_draft import CHECKLIST, checklist_of
from netdesk.core.event_times import from_utc, place_zone, to_utc
from netdesk.core.followup_queries import PENDING
from netdesk.core.own_profiles import freshness
from netdesk.store.models import Event, db
from netdesk.store.rows import stored_time

UPCOMING_DAYS = 30
RECENT_DAYS = 14
EVENT_LIMIT = 5


@dataclass(frozen=True)
class UpcomingEvent:
    """An event to prepare for: when (wall-clock, its zone), how far off, the prep done."""

    id: int
    name: str
    starts_at: datetime
    days_until: int
    place: str
    prep_done: int
    prep_total: int
    want_to_meet: int


@dataclass(frozen=True)
class MetPerson:
    """Someone met at an event still to follow up: their pending follow-up's id and local due
    date, or None for both when none was made."""

    contact_id: int
    name: str
    organisation: str
    followup_id: int | None = None
    due: date | None = None


@dataclass(frozen=True)
class RecentEvent:
    """An event of the last days and the people met there still to follow up (by name)."""

    id: int
    name: str
    starts_at: datetime
    days_ago: int
    met: int
    open: list[MetPerson] = field(default_factory=list)


_UPCOMING_SQL = (
    "SELECT * FROM event WHERE starts_at > ? AND starts_at < ? AND status != ? "
    "ORDER BY starts_at, id LIMIT ?"
)
_RECENT_SQL = (
    "SELECT * FROM event WHERE starts_at <= ? AND starts_at > ? AND status != ? "
    "ORDER BY starts_at DESC, id DESC LIMIT ?"
)
"""Today's events as Peewee's queries selected them, written out: Peewee built each in ~0.3 ms
of Today's first read (its SQL names every column), ~5 times the time running it."""


class TodayEvents:
    """Reads Today's events at the clock's time."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock = clock or Clock()

    def upcoming(self, limit: int = EVENT_LIMIT) -> list[UpcomingEvent]:
        """The next `limit` events within UPCOMING_DAYS, soonest first."""
        now = to_utc(self.clock.now())
        today = self.clock.today()
        end = now + timedelta(days=UPCOMING_DAYS)
        events = list(Event.raw(_UPCOMING_SQL, now, end, "skipped", limit))
        wanted = _want_counts([event.id for event in events])
        fresh = freshness(today).fresh if events else None
        return [
            UpcomingEvent(
                id=event.id,
                name=event.name,
                starts_at=from_utc(event.starts_at, place_zone(event.timezone)),
                days_until=(from_utc(event.starts_at).date() - today).days,
                place=event.place or event.online_link,
                prep_done=sum(checklist_of(event, fresh).values()),
                prep_total=len(CHECKLIST),
                want_to_meet=wanted.get(event.id, 0),
            )
            for event in events
        ]

    def recent(self, limit: int = EVENT_LIMIT) -> list[RecentEvent]:
        """Events started in the last RECENT_DAYS days, latest first, with who to follow up."""
        now = to_utc(self.clock.now())
        today = self.clock.today()
        since = to_utc(_day_start(today - timedelta(days=RECENT_DAYS)))
        query = Event.raw(_RECENT_SQL, now, since, "skipped", limit)
        result = []
        for event in query:
            met = _met_people(event.id)
            result.append(
                RecentEvent(
                    id=event.id,
                    name=event.name,
                    starts_at=from_utc(event.starts_at, place_zone(event.timezone)),
                    days_ago=(today - from_utc(event.starts_at).date()).days,
                    met=len(met),
                    open=_still_open(event, met),
                )
            )
        return result


def _day_start(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


def _want_counts(event_ids: list[int]) -> dict[int, int]:
    if not event_ids:
        return {}
    rows = db.execute_sql(
        "SELECT event_id, count(id) FROM event_person WHERE event_id IN "
        f"({_marks(event_ids)}) AND want_to_meet = ? GROUP BY event_id",
        (*event_ids, True),
    )
    return dict(rows)


_MET_SQL = (
    "SELECT id, display_name, organisation FROM contact WHERE deleted_at IS NULL "
    "AND archived = ? AND id IN (SELECT id FROM contact WHERE met_at_id = ? "
    "UNION SELECT contact_id FROM event_person WHERE event_id = ? AND met = ?)"
)
"""The living contacts met at an event: its people ticked met, and those it is `met_at` of."""


def _met_people(event_id: int) -> dict[int, tuple[str, str]]:
    """Living contacts met at the event: id → (name, organisation). Their ids are found through
    the two indexes first (`met_at = ? OR id IN ...` had SQLite walk every living contact by
    the `archived` index: ~110 ms an event at 100,000 contacts). Recent events' statements are
    written in SQL: Peewee built each event's three in ~0.7 ms of CPU, ten times running them,
    in Today's first read."""
    rows = db.execute_sql(_MET_SQL, (False, event_id, event_id, True))
    return {cid: (name, org) for cid, name, org in rows}


def _marks(ids: list[int]) -> str:
    return ", ".join("?" * len(ids))


def _still_open(event: Event, met: dict[int, tuple[str, str]]) -> list[MetPerson]:
    """The people of `met` whose follow-up of this event is open (see the module docstring),
    those with a pending follow-up first (soonest due), then by name."""
    ids = list(met)
    if not ids:
        return []
    tied = db.execute_sql(
        "SELECT id, contact_id, due_at, status FROM follow_up WHERE event_id = ? "
        f"AND contact_id IN ({_marks(ids)}) ORDER BY due_at",
        (event.id, *ids),
    )
    pending: dict[int, tuple[int, datetime]] = {}
    has_followup: set[int] = set()
    for followup_id, contact_id, due_at, status in tied:
        has_followup.add(contact_id)
        if status in PENDING and contact_id not in pending:
            pending[contact_id] = (followup_id, stored_time(due_at))
    after = event.ends_at or event.starts_at
    unfollowed = [cid for cid in ids if cid not in has_followup]
    followed_up: set[int] = set()
    if unfollowed:
        later = db.execute_sql(
            f"SELECT contact_id FROM interaction WHERE contact_id IN ({_marks(unfollowed)}) "
            "AND occurred_at > ? AND (event_id IS NULL OR event_id != ?)",
            (*unfollowed, after, event.id),
        )
        followed_up = {cid for (cid,) in later}
    people = []
    for contact_id, (name, organisation) in met.items():
        if contact_id in pending:
            followup_id, due_at = pending[contact_id]
            people.append(MetPerson(contact_id, name, organisation, followup_id, due_at.date()))
        elif contact_id not in has_followup and contact_id not in followed_up:
            people.append(MetPerson(contact_id, name, organisation))
    people.sort(key=lambda p: (p.due is None, p.due or date.min, p.name.casefold()))
    return people
