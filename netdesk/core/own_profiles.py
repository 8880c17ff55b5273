"""Your own online profiles (the Me page): a link per service, a short checklist you tick, and
a refresh due when a tick grows older than the profile's months.

A checklist item counts as done while its tick is younger than `refresh_months` months; a
profile is *fresh* while every item is done, else *due* (and says which items are left). The
event checklist's "Profile up to date" reads `freshness`: ticked when every profile you keep is
fresh. Every change is a new row written with `put`, which returns the row it replaced, so the
Me page's undo writes that back.
"""

from __future__ import annotations

import builtins
import json
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from netdesk.core.changes import Changes
from netdesk.core.clock import Clock
from netdesk.core.profiles import Profile, recognise
from netdesk.store.models import OwnProfile
from netdesk.store.rows import tuples

SERVICES: dict[str, str] = {
    "linkedin": "LinkedIn",
    "github": "GitHub",
    "x": "X",
    "stackoverflow": "Stack Overflow",
    "mastodon": "Mastodon",
    "website": "Personal site",
}
EXAMPLES: dict[str, str] = {
    "linkedin": "https://www.linkedin.com/in/your-name",
    "github": "https://github.com/your-name",
    "x": "https://x.com/your-name",
    "stackoverflow": "https://stackoverflow.com/users/1234567/your-name",
    "mastodon": "@your-name@mastodon.social",
    "website": "https://your-name.dev",
}
CHECKS: dict[str, str] = {
    "photo": "Photo",
    "headline": "Headline",
    "about": "About",
    "activity": "Recent activity",
}
DEFAULT_MONTHS = 6
MAX_MONTHS = 36
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months (the 31st becomes the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def day_words(day: date) -> str:
    """3 Nov 2026 (the C locale's month names, whatever the machine's)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class OwnProfileRow:
    """One profile as stored: its link, the day each checklist item was last ticked."""

    service: str
    url: str = ""
    ticks: dict[str, date] = field(default_factory=dict)
    refresh_months: int = DEFAULT_MONTHS
    notified_on: date | None = None

    @property
    def label(self) -> str:
        return SERVICES.get(self.service, self.service)

    def done(self, item: str, today: date) -> bool:
        """Whether `item` was ticked less than `refresh_months` months ago."""
        tick = self.ticks.get(item)
        return tick is not None and add_months(tick, self.refresh_months) > today

    def left(self, today: date) -> list[str]:
        """The checklist items to (re)check, in checklist order."""
        return [item for item in CHECKS if not self.done(item, today)]

    def due(self, today: date) -> bool:
        return bool(self.left(today))

    def fresh_until(self) -> date | None:
        """The day the oldest tick runs out (None while an item was never ticked)."""
        if set(self.ticks) < set(CHECKS):
            return None
        return min(add_months(tick, self.refresh_months) for tick in self.ticks.values())

    def status(self, today: date, words: Callable[[date], str] = day_words) -> str:
        """Fresh until 2 May 2027 · To check: headline, about · Not checked yet (`words`
        writes the day: the user's locale in the GUI)."""
        left = self.left(today)
        if not left:
            until = self.fresh_until()
            return f"Fresh until {words(until)}" if until else "Fresh"
        if not self.ticks:
            return "Not checked yet"
        return "To check: " + ", ".join(CHECKS[item].lower() for item in left)

    def ticked(self, item: str, on: date | None) -> OwnProfileRow:
        """This profile with `item` ticked on `on` (None: unticked)."""
        ticks = {key: day for key, day in self.ticks.items() if key != item}
        if on is not None:
            ticks[item] = on
        return replace(self, ticks=ticks)

    def all_ticked(self, on: date) -> OwnProfileRow:
        """Every item checked on `on`: the whole profile refreshed."""
        return replace(self, ticks=dict.fromkeys(CHECKS, on))

    def with_months(self, months: int) -> OwnProfileRow:
        return replace(self, refresh_months=max(1, min(months, MAX_MONTHS)))


def linked(previous: OwnProfileRow | None, service: str, url: str, today: date) -> OwnProfileRow:
    """`previous` with a new link, or a new profile (its reminder counts as told today: you
    have just looked at it)."""
    if previous is None:
        return OwnProfileRow(service, url, notified_on=today)
    return replace(previous, url=url)


def link_of(service: str, text: str) -> Profile | str:
    """The profile link `text` gives for `service`, or a message saying why it is not one."""
    found = recognise(text, service)
    if isinstance(found, str):
        return found
    if found.service == service:
        return found
    label = SERVICES[service]
    if service == "mastodon":
        return "This is not a Mastodon link: paste https://server/@name or @name@server."
    if found.service in SERVICES and found.service != "website":
        return f"This is a {SERVICES[found.service]} link, not {label}: it goes in its own row."
    return f"This is not a {label} link (for example {EXAMPLES[service]})."


@dataclass(frozen=True)
class Freshness:
    """Whether your profiles are up to date, for the event checklist."""

    profiles: int
    stale: list[str]

    @property
    def fresh(self) -> bool | None:
        """True or False; None when you keep no profiles here (the item is ticked by hand)."""
        return not self.stale if self.profiles else None

    def words(self) -> str:
        if not self.profiles:
            return "Add your profiles on the Me page and this ticks itself."
        if not self.stale:
            return "All your profiles are fresh."
        return f"Due for a refresh: {', '.join(self.stale)}."


def _row(
    service: str, url: str, ticks: str, refresh_months: int, notified_on: date | None
) -> OwnProfileRow:
    stored_ticks = json.loads(ticks or "{}")
    days = {item: date.fromisoformat(stored_ticks[item]) for item in CHECKS if item in stored_ticks}
    return OwnProfileRow(service, url, days, refresh_months, notified_on)


_COLUMNS = (
    OwnProfile.service,
    OwnProfile.url,
    OwnProfile.ticks,
    OwnProfile.refresh_months,
    OwnProfile.notified_on,
)


def stored() -> list[OwnProfileRow]:
    """Every profile you keep, in the Me page's order."""
    order = list(SERVICES)
    rows = [_row(*values) for values in tuples(OwnProfile.select(*_COLUMNS))]
    return sorted(rows, key=lambda row: order.index(row.service) if row.service in order else 99)


def freshness(today: date) -> Freshness:
    """Your profiles' freshness on `today` (one small query of at most six rows, read as tuples:
    Today and the event list ask on every refresh)."""
    rows = stored()
    return Freshness(len(rows), [row.label for row in rows if row.due(today)])


class OwnProfileService:
    """Reads and writes your profiles; changes are announced on the "profiles" topic."""

    def __init__(self, changes: Changes, clock: Clock | None = None) -> None:
        self.changes = changes
        self.clock = clock or Clock()

    def list(self) -> list[OwnProfileRow]:
        return stored()

    def get(self, service: str) -> OwnProfileRow | None:
        query = OwnProfile.select(*_COLUMNS).where(OwnProfile.service == service)
        values = next(tuples(query), None)
        return _row(*values) if values else None

    def put(self, service: str, row: OwnProfileRow | None) -> OwnProfileRow | None:
        """Store `row` as the `service` profile (None removes it); the row it replaced."""
        if service not in SERVICES:
            raise ValueError(f"Unknown profile service {service!r}.")
        previous = self.get(service)
        if row is None:
            OwnProfile.delete().where(OwnProfile.service == service).execute()
        else:
            ticks = {item: day.isoformat() for item, day in row.ticks.items()}
            OwnProfile.insert(
                service=service,
                url=row.url,
                ticks=json.dumps(ticks, sort_keys=True),
                refresh_months=row.refresh_months,
                notified_on=row.notified_on,
            ).on_conflict_replace().execute()
        self.changes.publish("profiles")
        return previous

    def due(self) -> builtins.list[OwnProfileRow]:
        """The profiles to refresh today."""
        today = self.clock.today()
        return [row for row in stored() if row.due(today)]

    def freshness(self) -> Freshness:
        return freshness(self.clock.today())

    def to_announce(self) -> builtins.list[OwnProfileRow]:
        """Due profiles not announced in their last `refresh_months` months; marked as told."""
        today = self.clock.today()
        told = [
            row
            for row in self.due()
            if row.notified_on is None or add_months(row.notified_on, row.refresh_months) <= today
        ]
        if told:
            OwnProfile.update(notified_on=today).where(
                OwnProfile.service.in_([row.service for row in told])
            ).execute()
        return told
