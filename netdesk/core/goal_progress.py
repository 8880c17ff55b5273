"""Goal progress counted from the data, never typed: one SQL count per goal and period.

What each kind counts between two moments (naive UTC, as the store keeps times), among contacts
not in the Trash (archived ones still count: archiving someone later does not undo what
happened) and matching the goal's circle, tag and company when it has them:

- **new_contacts** — people first met then: their first interaction, or for someone added by
  hand (not imported) the moment they were added, whichever came first. An imported contact
  with no interaction is not met yet.
- **interactions** — interactions then, of the goal's channel and give kind when set.
- **gives** — interactions marked "gave" (give and take), of the give kind when set.
- **events** — events marked attended that started then (the contact filters do not apply).
- **cadence** — people (not archived) with a keep-in-touch interval (`core.cadence`) who were
  within it at the end: their last interaction, or their adding, less than the ideal before.
- **targets** — a list of people and organisations, each at a stage (`target_stages`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from netdesk.core.cadence import IDEAL_SQL
from netdesk.core.contact_narrowing import narrowing
from netdesk.store.models import db

KINDS = {
    "new_contacts": "New people met",
    "interactions": "Interactions",
    "gives": "Gives",
    "events": "Events attended",
    "cadence": "Check-ins kept",
    "targets": "Target list",
}
FILTERED_KINDS = ("new_contacts", "interactions", "gives", "cadence")
"""The kinds the circle, tag and company filters narrow."""
STAGES = ("to reach", "reached out", "talked", "met")
_CHANNEL_STAGE = {
    "email": 1,
    "message": 1,
    "connected": 1,
    "call": 2,
    "in person": 3,
    "coffee": 3,
    "event": 3,
}
"""How far an interaction over a channel takes a target (an index into STAGES)."""


@dataclass(frozen=True)
class GoalSpec:
    """What a goal counts: its kind and filters ("" for any)."""

    kind: str
    channel: str = ""
    give_kind: str = ""
    circle: str = ""
    tag: str = ""
    company: str = ""


@dataclass(frozen=True)
class TargetStage:
    """A person or organisation of a target list, and how far it got."""

    target_id: int
    contact_id: int | None
    name: str
    stage: str

    @property
    def connected(self) -> bool:
        """Talked or met: what a target list's progress counts."""
        return STAGES.index(self.stage) >= STAGES.index("talked")


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _contact_filters(spec: GoalSpec) -> tuple[str, list[object]]:
    narrow, params = narrowing(spec.circle, spec.tag, spec.company)
    clauses = ["+c.deleted_at IS NULL", "+c.is_group = 0", *narrow]  # "+": by the time range
    return " AND ".join(clauses), params


def _count(sql: str, args: list[object]) -> int:
    found: int = db.execute_sql(sql, args).fetchone()[0]
    return found


_FIRST_MET = (
    "SELECT c.created_at AS met FROM contact c WHERE c.import_batch_id IS NULL "
    "AND c.created_at >= ? AND c.created_at < ? AND {where} AND NOT EXISTS (SELECT 1 "
    "FROM interaction p WHERE p.contact_id = c.id AND p.occurred_at < c.created_at) "
    "UNION ALL SELECT f.first FROM (SELECT contact_id, min(occurred_at) AS first "
    "FROM interaction WHERE contact_id IN (SELECT contact_id FROM interaction "
    "WHERE occurred_at >= ? AND occurred_at < ?) GROUP BY contact_id) f "
    "JOIN contact c ON c.id = f.contact_id WHERE f.first >= ? AND f.first < ? AND {where} "
    "AND NOT (c.import_batch_id IS NULL AND c.created_at <= f.first)"
)
"""When each person counted was first met (`met`), between two moments (`?`, twice): those
added by hand then with no earlier interaction, read off `store.models.ADDED_INDEX`; then
those first talked to then, unless added by hand by that time — only the people with an
interaction in the span are looked at, each once in the index of their interactions."""


def count(spec: GoalSpec, start: datetime, end: datetime) -> int:
    """What `spec` counts from `start` (included) to `end` (excluded), both naive UTC."""
    since, until = _stamp(start), _stamp(end)
    where, params = _contact_filters(spec)
    if spec.kind == "events":
        sql = (
            "SELECT count(*) FROM event WHERE status = 'attended' "
            "AND starts_at >= ? AND starts_at < ?"
        )
        return _count(sql, [since, until])
    if spec.kind in ("interactions", "gives"):
        sql = (
            "SELECT count(*) FROM interaction i JOIN contact c ON c.id = i.contact_id "
            f"WHERE i.occurred_at >= ? AND i.occurred_at < ? AND {where}"
        )
        args: list[object] = [since, until, *params]
        if spec.kind == "gives":
            sql += " AND i.direction = 'gave'"
        for column, value in (("channel", spec.channel), ("give_kind", spec.give_kind)):
            if value:
                sql += f" AND i.{column} = ?"
                args.append(value)
        return _count(sql, args)
    if spec.kind == "new_contacts":
        return count_periods(spec, [start, end])[0]
    if spec.kind == "cadence":
        return cadence_kept(spec, end)[0]
    raise ValueError(f"{spec.kind!r} goals are not counted by period")


def count_periods(spec: GoalSpec, moments: list[datetime]) -> list[int]:
    """What `spec` counts in each period from one of `moments` (naive UTC, ascending) to the
    next — as `count` would period by period, in one statement for the interaction and new
    people kinds (one pass over the whole span, not one per period)."""
    if spec.kind not in ("interactions", "new_contacts"):
        return [count(spec, start, end) for start, end in pairwise(moments)]
    stamps = [_stamp(moment) for moment in moments]
    where, params = _contact_filters(spec)
    first, last = stamps[0], stamps[-1]
    if spec.kind == "interactions":
        moment = "i.occurred_at"
        source = (
            f"interaction i JOIN contact c ON c.id = i.contact_id WHERE i.occurred_at >= ? "
            f"AND i.occurred_at < ? AND {where}"
        )
        args: list[object] = [first, last, *params]
        for column, value in (("channel", spec.channel), ("give_kind", spec.give_kind)):
            if value:
                source += f" AND i.{column} = ?"
                args.append(value)
    else:
        moment = "met"
        source = f"({_FIRST_MET.format(where=where)})"
        args = [first, last, *params, first, last, first, last, *params]
    bucket = "CASE " + " ".join(f"WHEN {moment} < ? THEN {n}" for n in range(len(stamps) - 1))
    rows = db.execute_sql(
        f"SELECT {bucket} END, count(*) FROM {source} GROUP BY 1", [*stamps[1:], *args]
    ).fetchall()
    counts = dict(rows)
    return [counts.get(n, 0) for n in range(len(stamps) - 1)]


def cadence_kept(spec: GoalSpec, moment: datetime) -> tuple[int, int]:
    """(kept, of): the people `spec` matches who have a keep-in-touch interval and were added
    by `moment`, and how many of them were within it then."""
    where, params = _contact_filters(spec)
    latest = (
        "coalesce((SELECT max(i.occurred_at) FROM interaction i WHERE i.contact_id = c.id "
        "AND i.occurred_at <= ?), c.created_at)"
    )
    sql = (
        f"SELECT count(*), coalesce(sum(julianday(?) - julianday({latest}) < {IDEAL_SQL}), 0) "
        f"FROM contact c WHERE {where} AND c.archived = 0 AND {IDEAL_SQL} > 0 "
        "AND c.created_at <= ?"
    )
    stamp = _stamp(moment)
    total, kept = db.execute_sql(sql, [stamp, stamp, *params, stamp]).fetchone()
    return kept, total


def target_stages(goal_id: int, since: datetime) -> list[TargetStage]:
    """Each target of a goal with the furthest stage reached since `since` (naive UTC): an
    email, message or new connection is "reached out", a call "talked", meeting in person, for
    coffee or at an event (or marked met at an event) "met". An organisation takes the furthest
    stage of anyone there."""
    rows = db.execute_sql(
        "SELECT g.id, g.contact_id, coalesce(c.display_name, g.organisation) FROM goal_target g "
        "LEFT JOIN contact c ON c.id = g.contact_id WHERE g.goal_id = ? ORDER BY g.position, g.id",
        (goal_id,),
    ).fetchall()
    stamp = _stamp(since)
    found = []
    for target_id, contact_id, name in rows:
        if contact_id is not None:
            people = "SELECT ?"
            arg: object = contact_id
        else:
            people = (
                "SELECT id FROM contact WHERE organisation = ? COLLATE NOCASE "
                "AND deleted_at IS NULL"
            )
            arg = name
        channels = db.execute_sql(
            f"SELECT DISTINCT channel FROM interaction WHERE contact_id IN ({people}) "
            "AND occurred_at >= ?",
            (arg, stamp),
        ).fetchall()
        stage = max((_CHANNEL_STAGE.get(channel, 0) for (channel,) in channels), default=0)
        met_at_event = db.execute_sql(
            "SELECT 1 FROM event_person ep JOIN event e ON e.id = ep.event_id "
            f"WHERE ep.met = 1 AND e.starts_at >= ? AND ep.contact_id IN ({people}) LIMIT 1",
            (stamp, arg),
        ).fetchone()
        if met_at_event:
            stage = 3
        found.append(TargetStage(target_id, contact_id, name, STAGES[stage]))
    return found
