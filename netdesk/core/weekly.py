"""Today's 12-week picture: interactions and new people met per week, the current week last.

Weeks run Monday to Sunday in local time (like `give_take.weekly`); each week is one SQL count
of `goal_progress`, so the charts and the goals count the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from netdesk.core.clock import Clock
from netdesk.core.give_take import WEEKS, to_utc, week_start
from netdesk.core.goal_progress import GoalSpec, count


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
    return [WeekTotal(starts[i], count(spec, moments[i], moments[i + 1])) for i in range(weeks)]


def interactions_per_week(clock: Clock) -> list[WeekTotal]:
    """Interactions logged with anyone, per week."""
    return weekly_counts(GoalSpec("interactions"), clock)


def new_people_per_week(clock: Clock) -> list[WeekTotal]:
    """People first met, per week (as a "new people met" goal counts them)."""
    return weekly_counts(GoalSpec("new_contacts"), clock)
