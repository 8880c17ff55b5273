"""GoalService: keeping goals (save, change, delete and put back) and their periods on the clock:
ended periods stay met or missed, the current one is in progress."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from netdesk.core.goals import GoalData, TargetRef
from netdesk.core.weekly import interactions_per_week, new_people_per_week
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, GoalTarget, Interaction, TrackedGoal


def _utc(local: datetime) -> datetime:
    return local.astimezone(UTC).replace(tzinfo=None)


@pytest.fixture
def ana(services) -> int:
    contact_id = services.contacts.create(ContactDraft(given_name="Ana", family_name="Silva"))
    added = _utc(datetime(2025, 1, 1))
    Contact.update(created_at=added).where(Contact.id == contact_id).execute()
    return contact_id


def _talk(contact_id: int, local: datetime, channel: str = "call") -> None:
    Interaction.create(contact=contact_id, occurred_at=_utc(local), channel=channel)


def test_monthly_history_is_met_or_missed_and_moves_with_the_clock(services, clock, ana) -> None:
    _talk(ana, datetime(2026, 2, 3))
    _talk(ana, datetime(2026, 2, 27))
    _talk(ana, datetime(2026, 3, 2))
    goal_id, before = services.goals.save(
        GoalData("Two calls a month", "interactions", 2, "month", date(2026, 1, 15))
    )
    assert before is None
    status = services.goals.status(services.goals.get(goal_id))
    assert (status.current.period.label(), status.current.count, status.current.state) == (
        "Mar 2026",
        1,
        "in progress",
    )
    assert [(r.period.label(), r.count, r.state) for r in status.past] == [
        ("Feb 2026", 2, "met"),
        ("Jan 2026", 0, "missed"),
    ]
    assert status.words() == "1 of 2 · Mar 2026"
    _talk(ana, datetime(2026, 3, 31, 23, 59))
    assert services.goals.status(services.goals.get(goal_id)).current.state == "met"
    clock.set_wall(datetime(2026, 4, 1, 0, 0))  # the month turns: March is kept as met
    status = services.goals.status(services.goals.get(goal_id))
    assert (status.current.period.label(), status.current.count) == ("Apr 2026", 0)
    assert [(r.period.label(), r.state) for r in status.past][:1] == [("Mar 2026", "met")]


def test_weekly_and_quarterly_periods_turn_on_their_boundaries(services, clock, ana) -> None:
    _talk(ana, datetime(2026, 3, 8, 23, 59))  # Sunday: last week
    _talk(ana, datetime(2026, 3, 9, 0, 0))  # Monday: this week
    weekly, _ = services.goals.save(GoalData("", "interactions", 1, "week", date(2026, 3, 2)))
    status = services.goals.status(services.goals.get(weekly))
    assert [(r.period.label(), r.count) for r in (status.current, *status.past)] == [
        ("week of 9 Mar 2026", 1),
        ("week of 2 Mar 2026", 1),
    ]
    assert services.goals.get(weekly).title == "Interactions"  # a blank title names the kind
    quarterly, _ = services.goals.save(
        GoalData("Q", "interactions", 3, "quarter", date(2026, 2, 1))
    )
    clock.set_wall(datetime(2026, 4, 1, 9))
    status = services.goals.status(services.goals.get(quarterly))
    assert (status.current.period.label(), status.current.count) == ("Q2 2026", 0)
    assert [(r.period.label(), r.count, r.state) for r in status.past] == [("Q1 2026", 2, "missed")]


def test_a_cadence_goal_says_how_many_it_watches(services, ana) -> None:
    Contact.update(circle="mentor").where(Contact.id == ana).execute()
    _talk(ana, datetime(2026, 3, 1))
    goal_id, _ = services.goals.save(
        GoalData("Mentors every 2 months", "cadence", 1, "month", circle="mentor")
    )
    status = services.goals.status(services.goals.get(goal_id))
    assert (status.current.count, status.of, status.current.state) == (1, 1, "met")
    assert status.words() == "1 of 1 kept (1 person) · Mar 2026"
    assert status.goal.starts_on == date(2026, 3, 11)  # no start day: today


def test_change_delete_and_put_back(services, ana) -> None:
    heard: list[tuple[str, frozenset[int]]] = []
    services.changes.subscribe(lambda topic, ids: heard.append((topic, ids)))
    goal = GoalData("Meet Ana", "targets", 1, targets=(TargetRef(ana), TargetRef(None, "Acme")))
    goal_id, _ = services.goals.save(goal)
    assert heard == [("goals", frozenset({goal_id}))]
    changed = services.goals.get(goal_id)
    _, before = services.goals.save(
        GoalData("Meet Acme", "targets", 1, targets=(TargetRef(None, "Acme"),), id=goal_id)
    )
    assert before == changed
    assert GoalTarget.select().count() == 1
    deleted = services.goals.delete(goal_id)
    assert TrackedGoal.select().count() == GoalTarget.select().count() == 0
    services.goals.save(deleted)
    assert services.goals.get(goal_id) == deleted
    assert services.goals.delete(9999) is None


@pytest.mark.parametrize(
    ("goal", "message"),
    [
        (GoalData("x", "likes", 1), "unknown goal kind"),
        (GoalData("x", "gives", 0), "at least 1"),
        (GoalData("x", "gives", 1, "fortnight"), "unknown period"),
        (GoalData("x", "targets", 1), "at least one person"),
        (GoalData("x", "gives", 1, "custom", date(2026, 3, 1)), "custom period needs an end"),
    ],
)
def test_a_goal_that_cannot_be_measured_is_refused(services, goal, message) -> None:
    with pytest.raises(ValueError, match=message):
        services.goals.save(goal)
    assert TrackedGoal.select().count() == 0


def test_the_twelve_week_picture(services, clock, ana) -> None:
    _talk(ana, datetime(2026, 3, 9, 8))  # this week (Monday)
    _talk(ana, datetime(2026, 3, 11, 8))
    _talk(ana, datetime(2025, 12, 22, 8))  # the Monday of the oldest week shown
    _talk(ana, datetime(2025, 12, 21, 8))  # a day before it: left out
    counts = interactions_per_week(clock)
    assert len(counts) == 12
    assert (counts[0].start, counts[0].count) == (date(2025, 12, 22), 1)
    assert (counts[-1].start, counts[-1].count) == (date(2026, 3, 9), 2)
    assert sum(week.count for week in counts) == 3
    new = new_people_per_week(clock)
    assert [week.count for week in new] == [0] * 12  # Ana was first met on 21 December
