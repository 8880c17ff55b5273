"""Networking goals: kept in `tracked_goal`, measured by `goal_progress` over `goal_periods`.

A goal is what to count (kind and filters), over which periods (from its start day on) and how
many make it met; a target list names people and organisations instead. Changes return what
reverses them, for the views' undo, and are announced on the "goals" topic.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from netdesk.core.changes import Changes
from netdesk.core.clock import Clock
from netdesk.core.give_take import to_utc
from netdesk.core.goal_periods import PERIODS, Period, custom, periods
from netdesk.core.goal_progress import (
    KINDS,
    GoalSpec,
    TargetStage,
    cadence_kept,
    count,
    target_stages,
)
from netdesk.store.models import GoalTarget, TrackedGoal, db
from netdesk.store.rows import tuples

HISTORY = 6
"""Ended periods a goal's status shows (newest first)."""


@dataclass(frozen=True)
class TargetRef:
    """A target list's person (`contact_id`) or organisation (by name)."""

    contact_id: int | None = None
    organisation: str = ""


@dataclass(frozen=True)
class GoalData:
    """A goal as the user set it up; `id` is None until it is stored."""

    title: str
    kind: str
    target: int
    period: str = "month"
    starts_on: date = date.min
    ends_on: date | None = None
    channel: str = ""
    give_kind: str = ""
    circle: str = ""
    tag: str = ""
    company: str = ""
    targets: tuple[TargetRef, ...] = ()
    id: int | None = None

    def spec(self) -> GoalSpec:
        return GoalSpec(
            self.kind, self.channel, self.give_kind, self.circle, self.tag, self.company
        )


@dataclass(frozen=True)
class PeriodResult:
    """A goal's count in one period, against its target."""

    period: Period
    count: int
    target: int
    current: bool

    @property
    def met(self) -> bool:
        return self.count >= self.target

    @property
    def state(self) -> str:
        """ "met", "missed" (an ended period short of the target) or "in progress"."""
        if self.met:
            return "met"
        return "in progress" if self.current else "missed"


@dataclass(frozen=True)
class GoalStatus:
    """A goal now: the current period, the ended ones (newest first), for a cadence goal how
    many people it watches, for a target list each target's stage."""

    goal: GoalData
    current: PeriodResult
    past: list[PeriodResult] = field(default_factory=list)
    of: int | None = None
    targets: list[TargetStage] = field(default_factory=list)

    def words(self, period: str = "") -> str:
        """ "2 of 3 · Mar 2026", "5 of 7 kept (9 people) · week of 9 Mar 2026" (`period` names
        the current period in the user's words instead)."""
        done = f"{self.current.count} of {self.current.target}"
        if self.goal.kind == "targets":
            return f"{done} talked to or met"
        if self.of is not None:
            done += f" kept ({self.of} {'person' if self.of == 1 else 'people'})"
        return f"{done} · {period or self.current.period.label()}"


def _utc(day: date) -> datetime:
    return to_utc(datetime.combine(day, time.min))


class GoalService:
    """Stores goals and measures them at the clock's today."""

    def __init__(self, changes: Changes, clock: Clock) -> None:
        self.changes = changes
        self.clock = clock

    # -- keeping goals ---------------------------------------------------------------------

    def goals(self) -> list[GoalData]:
        """Every goal, in the order they were added."""
        rows = TrackedGoal.select().order_by(TrackedGoal.position, TrackedGoal.id)
        targets: dict[int, list[TargetRef]] = {}
        for goal_id, contact_id, organisation in tuples(
            GoalTarget.select(
                GoalTarget.goal, GoalTarget.contact, GoalTarget.organisation
            ).order_by(GoalTarget.position, GoalTarget.id)
        ):
            targets.setdefault(goal_id, []).append(TargetRef(contact_id, organisation))
        return [_data(row, tuple(targets.get(row.id, ()))) for row in rows]

    def get(self, goal_id: int) -> GoalData | None:
        return next((goal for goal in self.goals() if goal.id == goal_id), None)

    def check(self, goal: GoalData) -> GoalData:
        """The goal with its defaults filled in (a blank title names the kind, no start day is
        today), or ValueError saying why it cannot be measured."""
        return _checked(goal, self.clock.today())

    def save(self, goal: GoalData) -> tuple[int, GoalData | None]:
        """Add a goal (no id) or change one; return its id and what it was before (None for a
        new one). A goal with no start day starts today."""
        goal = self.check(goal)
        before = self.get(goal.id) if goal.id is not None else None
        fields = _fields(goal)
        with db.atomic():
            if goal.id is None or before is None:
                fields["position"] = TrackedGoal.select().count()
                goal_id = TrackedGoal.insert(id=goal.id, **fields).execute()
            else:
                goal_id = goal.id
                TrackedGoal.update(**fields).where(TrackedGoal.id == goal_id).execute()
                GoalTarget.delete().where(GoalTarget.goal == goal_id).execute()
            _write_targets(goal_id, goal.targets)
        self.changes.publish("goals", [goal_id])
        return goal_id, before

    def delete(self, goal_id: int) -> GoalData | None:
        """Remove a goal and its targets; return it (`save` puts it back) or None if gone."""
        goal = self.get(goal_id)
        if goal is not None:
            TrackedGoal.delete().where(TrackedGoal.id == goal_id).execute()
            self.changes.publish("goals", [goal_id])
        return goal

    # -- measuring -------------------------------------------------------------------------

    def statuses(self) -> list[GoalStatus]:
        """Every goal's status today."""
        return [self.status(goal) for goal in self.goals()]

    def status(self, goal: GoalData) -> GoalStatus:
        """How a goal stands today and how its last HISTORY ended periods went."""
        today = self.clock.today()
        if goal.kind == "targets":
            span = custom(goal.starts_on, goal.ends_on or max(today, goal.starts_on))
            stages = target_stages(goal.id or 0, _utc(goal.starts_on))
            done = sum(stage.connected for stage in stages)
            return GoalStatus(goal, PeriodResult(span, done, goal.target, True), targets=stages)
        spans = periods(goal.period, goal.starts_on, today, goal.ends_on)
        current = spans[-1]
        now = to_utc(self.clock.now())
        results = [
            PeriodResult(span, self._count(goal.spec(), span, now), goal.target, span is current)
            for span in spans[-HISTORY - 1 :]
        ]
        of = None
        if goal.kind == "cadence":
            of = cadence_kept(goal.spec(), min(now, _utc(current.end)))[1]
        return GoalStatus(goal, results[-1], results[-2::-1], of)

    @staticmethod
    def _count(spec: GoalSpec, span: Period, now: datetime) -> int:
        end = _utc(span.end)
        if spec.kind == "cadence":
            end = min(end, now)
        return count(spec, _utc(span.start), end)


def _checked(goal: GoalData, today: date) -> GoalData:
    """The goal with its defaults filled in, or ValueError saying what is wrong."""
    if goal.kind not in KINDS:
        raise ValueError(f"unknown goal kind {goal.kind!r}")
    if goal.period not in PERIODS:
        raise ValueError(f"unknown period {goal.period!r}")
    if goal.target < 1:
        raise ValueError("a goal's target must be at least 1")
    if goal.kind == "targets" and not goal.targets:
        raise ValueError("a target list needs at least one person or organisation")
    starts_on = today if goal.starts_on == date.min else goal.starts_on
    if goal.period == "custom" and (goal.ends_on is None or goal.ends_on < starts_on):
        raise ValueError("a custom period needs an end on or after its start")
    title = goal.title.strip() or KINDS[goal.kind]
    return replace(goal, title=title, starts_on=starts_on)


def _fields(goal: GoalData) -> dict[str, object]:
    return {
        "title": goal.title,
        "kind": goal.kind,
        "target": goal.target,
        "period": goal.period,
        "starts_on": goal.starts_on,
        "ends_on": goal.ends_on,
        "channel": goal.channel,
        "give_kind": goal.give_kind,
        "circle": goal.circle,
        "tag": goal.tag,
        "company": goal.company,
    }


def _write_targets(goal_id: int, targets: tuple[TargetRef, ...]) -> None:
    for position, target in enumerate(targets):
        GoalTarget.create(
            goal=goal_id,
            contact=target.contact_id,
            organisation=target.organisation.strip(),
            position=position,
        )


def _data(row: TrackedGoal, targets: tuple[TargetRef, ...]) -> GoalData:
    return GoalData(
        title=row.title,
        kind=row.kind,
        target=row.target,
        period=row.period,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        channel=row.channel,
        give_kind=row.give_kind,
        circle=row.circle,
        tag=row.tag,
        company=row.company,
        targets=targets,
        id=row.id,
    )
