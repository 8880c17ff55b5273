"""What the Today view and `netdesk today` show: the figures and the day's plan.

The plan is who to reach out to (`reach_out`, ranked) and every pending follow-up due by
tonight, split into today's and the overdue ones (oldest first).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from netdesk.core.followup_dates import day_start
from netdesk.core.followup_queries import PENDING, FollowUpQueries, FollowUpRow
from netdesk.core.reach_out import DEFAULT_LIMIT, ReachOutService, Suggestion
from netdesk.store.models import db


@dataclass(frozen=True)
class TodaySummary:
    contacts: int
    due_today: int
    overdue: int
    upcoming_events: int


@dataclass(frozen=True)
class TodayPlan:
    """The day's plan: people to reach out to, follow-ups due today, overdue ones."""

    reach_out: list[Suggestion]
    due_today: list[FollowUpRow]
    overdue: list[FollowUpRow]


def today_plan(
    followups: FollowUpQueries, reach_out: ReachOutService, limit: int = DEFAULT_LIMIT
) -> TodayPlan:
    """Today's plan at the follow-ups' clock."""
    return TodayPlan(reach_out.rank(limit), *due_groups(followups))


def due_groups(followups: FollowUpQueries) -> tuple[list[FollowUpRow], list[FollowUpRow]]:
    """Pending follow-ups due by tonight: today's, then the overdue ones (oldest first)."""
    rows = followups.due()
    start = day_start(followups.clock.today())
    return [row for row in rows if row.due_at >= start], [row for row in rows if row.due_at < start]


@dataclass(frozen=True)
class DueGroup:
    """A group of Today's due list: its first rows (every one when asked for) and its count."""

    rows: list[FollowUpRow]
    total: int


def due_first(
    followups: FollowUpQueries, limits: tuple[int | None, int | None]
) -> tuple[DueGroup, DueGroup]:
    """The groups of `due_groups`, today's and the overdue, each read up to its limit (None:
    all) and counted: Today shows a group's first rows until it is expanded."""
    today_limit, overdue_limit = limits
    today = followups.clock.today()
    overdue = followups.count_overdue()
    tonight = day_start(today + timedelta(days=1))
    rows = followups.between(day_start(today), tonight, limit=today_limit)
    return (
        DueGroup(rows, followups.count_due(tonight) - overdue),
        DueGroup(followups.overdue(overdue_limit), overdue),
    )


def _stored(local: datetime) -> datetime:
    """A naive local time as the store keeps event and contact times (naive UTC)."""
    return local.astimezone(UTC).replace(tzinfo=None)


_PENDING = ", ".join(f"'{status}'" for status in PENDING)
_SUMMARY_SQL = f"""
SELECT (SELECT count(*) FROM contact) - (SELECT count(*) FROM contact WHERE archived = 1)
       - (SELECT count(*) FROM contact WHERE deleted_at IS NOT NULL)
       + (SELECT count(*) FROM contact WHERE archived = 1 AND deleted_at IS NOT NULL),
  (SELECT count(*) FROM follow_up WHERE status IN ({_PENDING}) AND due_at >= ? AND due_at < ?),
  (SELECT count(*) FROM follow_up WHERE status IN ({_PENDING}) AND due_at < ?),
  (SELECT count(*) FROM event WHERE starts_at >= ? AND starts_at < ?)
"""
"""Today's figures in one statement. The living contacts are all less the (few) archived or
deleted, each count answered by an index (counting the living directly reads every row); the
contacts' `count(*)` is SQLite's count of the table (the ORM's wrapped count walked an index:
~0.9 ms at 100,000). Written in SQL: building the ORM's seven counts took ~2 ms of Today's
first read (`python -m bench.today_read`)."""


class DashboardService:
    """Counts for the Today view, computed in SQL from indexes (no scan of the contact table)."""

    def summary(self, today: date) -> TodaySummary:
        start = datetime.combine(today, time.min)
        end = start + timedelta(days=1)
        events = (_stored(start), _stored(start + timedelta(days=30)))
        contacts, due_today, overdue, upcoming = db.execute_sql(
            _SUMMARY_SQL, (start, end, start, *events)
        ).fetchone()
        return TodaySummary(contacts, due_today, overdue, upcoming)
