"""Today's 12-week picture: interactions and new people met per week, the current week last.

Weeks run Monday to Sunday in local time (like `give_take.weekly`); the weeks are counted by
`goal_progress.count_periods`, as a goal counts a period, so the charts and the goals agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from netdesk.core.clock import Clock
from netdesk.core.give_take import WEEKS, to_utc, week_start
from netdesk.core.goal_progress import GoalSpec, count_periods


@dataclass(frozen=True)
class WeekTotal:
    """A count for the week starting `start` (a Monday)."""

    start: date
    count: int


def weekly_counts(spec: GoalSpec, clock: Clock, weeks: int = WEEKS) -> list[WeekTotal]:
    """What `spec` counts in each of the last `weeks` weeks, oldest first."""
    first = week_start(clock.today()) - timedelta(weeks=weeks - 1)
    starts = [first + timedelta(weeks=i) for i in range(weeks + 1)]
    moments = [to_utc(datetime.combine(day, time.min)) for day in starts]
    return [
        WeekTotal(start, n) for start, n in zip(starts, count_periods(spec, moments), strict=False)
    ]


def interactions_per_week(clock: Clock) -> list[WeekTotal]:
    """Interactions logged with anyone, per week."""
    return weekly_counts(GoalSpec("interactions"), clock)


def new_people_per_week(clock: Clock) -> list[WeekTotal]:
    """People first met, per week (as a "new people met" goal counts them)."""
    return weekly_counts(GoalSpec("new_contacts"), clock)
