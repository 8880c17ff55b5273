"""Keep-in-touch intervals: each circle's ideal and maximum, a contact's own cadence over them.

A person is *due* (amber) once their ideal interval has passed since the last interaction (or
since they were added) and *drifting* (red) past the maximum. The interval is the contact's own
`cadence_days` when set (its maximum then MAX_FACTOR times it), else their circle's row of
`circle_cadence` (the user edits those in Contact settings); no circle and no cadence: none.
Reach out, the generated check-ins and the contact list all read it through the SQL below.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from netdesk.core.changes import Changes
from netdesk.core.vocabulary import CIRCLES
from netdesk.store.models import CircleCadence, db

MAX_FACTOR = 1.5
"""A contact's own cadence is its ideal; its maximum is this many times it."""

IDEAL_SQL = (
    "coalesce(c.cadence_days, (SELECT cc.ideal_days FROM circle_cadence cc "
    "WHERE cc.circle = c.circle))"
)
"""A contact `c`'s ideal interval in days (NULL for none)."""
MAX_SQL = (
    f"coalesce(CAST(c.cadence_days * {MAX_FACTOR} AS INTEGER), (SELECT cc.max_days "
    "FROM circle_cadence cc WHERE cc.circle = c.circle))"
)
"""A contact `c`'s maximum interval in days (NULL for none)."""


class Keep(StrEnum):
    """Where a person stands against their interval."""

    NONE = ""
    KEPT = "kept"
    DUE = "due"
    DRIFTING = "drifting"


@dataclass(frozen=True)
class CircleInterval:
    """A circle's keep-in-touch interval in days."""

    circle: str
    ideal_days: int
    max_days: int


def keep_state(elapsed_days: float, ideal: int | None, maximum: int | None) -> Keep:
    """`elapsed_days` since the last interaction against an interval."""
    if not ideal:
        return Keep.NONE
    if maximum and elapsed_days >= maximum:
        return Keep.DRIFTING
    return Keep.DUE if elapsed_days >= ideal else Keep.KEPT


class CadenceService:
    """Reads and changes the circles' intervals; a change is announced as "contacts" changed
    (possibly all), so check-ins and lists follow."""

    def __init__(self, changes: Changes | None = None) -> None:
        self.changes = changes

    def intervals(self) -> list[CircleInterval]:
        """Every circle of the vocabulary, in its order, with its interval (0, 0 for none)."""
        stored = {
            row.circle: CircleInterval(row.circle, row.ideal_days, row.max_days)
            for row in CircleCadence.select()
        }
        return [stored.get(circle, CircleInterval(circle, 0, 0)) for circle in CIRCLES]

    def set_intervals(self, intervals: Iterable[CircleInterval]) -> list[CircleInterval]:
        """Store these intervals (0 days: the circle has none); return the ones they replace,
        for undo. An ideal above its maximum is refused before anything is written."""
        intervals = list(intervals)
        for interval in intervals:
            if interval.circle not in CIRCLES:
                raise ValueError(f"unknown circle {interval.circle!r}")
            if interval.ideal_days < 0 or interval.max_days < interval.ideal_days:
                raise ValueError(
                    f"{interval.circle}: the maximum ({interval.max_days} days) must be at "
                    f"least the ideal ({interval.ideal_days} days)"
                )
        before = self.intervals()
        with db.atomic():
            for interval in intervals:
                CircleCadence.delete().where(CircleCadence.circle == interval.circle).execute()
                if interval.ideal_days > 0:
                    CircleCadence.create(
                        circle=interval.circle,
                        ideal_days=interval.ideal_days,
                        max_days=interval.max_days,
                    )
        if self.changes is not None:
            self.changes.publish("contacts")
        return before
