"""Reach out's two crowded signals read from the head of an index (store/reach_out_indexes.py):
check-ins past their interval and close people gone quiet, best first, only as deep as asked.

Check-ins: within one interval (a cadence value, or a circle's ideal) a check-in's score falls as
its last contact (or addition) gets later, so the most overdue of each interval are that index's
first rows; everyone past four intervals scores the cap, 2.5, and those are ordered by name — the
alphabetical index gives their first few, or, when there are few of them, they are read and
sorted. Each interval gives at most `top` people; the merge of the intervals' lists by score and
name (as SQLite's NOCASE orders it) is the head of the whole ranking. There are as many
intervals as distinct cadences plus circles: a few dozen short index reads.

Silences: the months of silence, capped at 24, order the quiet; a month's people are read by
name, the longest silences first, until `top` are found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from netdesk.core.cadence import IDEAL_SQL, MAX_FACTOR, MAX_SQL
from netdesk.store.models import db
from netdesk.store.reach_out_indexes import (
    CIRCLE,
    CIRCLE_BY_NAME,
    LAST_OR_ADDED,
    LIVING,
    OWN,
    OWN_BY_NAME,
)

CAP = 2.5
"""A check-in's highest score, reached at CAP_RATIO intervals."""
CAP_RATIO = 4
QUIET_AFTER_DAYS = 182
CLOSE_INTERACTIONS = 5
QUIET_CAP_MONTHS = 24
MONTH_DAYS = 30.44
SORT_AT_MOST = 500
"""An interval's capped people are read and sorted when no more than this; else found by name."""

_MARGIN = timedelta(days=1)  # index ranges are this much wider; the exact test is in the SQL
_NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ELAPSED = f"(julianday(?) - julianday({LAST_OR_ADDED}))"
_SCORE = f"min({CAP}, 1.0 + ({_ELAPSED} / ? - 1) / 2)"


@dataclass(frozen=True)
class Overdue:
    """A person past their keep-in-touch interval."""

    contact_id: int
    name: str
    ideal: int
    maximum: int | None
    elapsed: float
    """Days since the last interaction (or since they were added)."""

    @property
    def score(self) -> float:
        return checkin_score(self.elapsed, self.ideal)


@dataclass(frozen=True)
class Quiet:
    """A close person gone quiet since `last`."""

    contact_id: int
    name: str
    last: datetime


def checkin_score(elapsed: float, ideal: int) -> float:
    """1.0 at the interval, half a point more per further interval, at most CAP."""
    return min(CAP, 1.0 + (elapsed / ideal - 1) / 2)


def nocase(name: str) -> str:
    """`name` as SQLite's NOCASE collation compares it (ASCII letters folded, nothing else)."""
    return name.translate(_NOCASE)


def stamp(moment: datetime) -> str:
    """A naive UTC moment as the store writes it, to the second."""
    return moment.strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class _Interval:
    """The people sharing one ideal: `where` (with `key`) picks them out of `index`, which
    orders them by last contact, and of `by_name`."""

    index: str
    by_name: str
    where: str
    key: object
    ideal: int
    maximum: int | None


def _distinct(column: str, index: str, where: str) -> list[object]:
    """The distinct values of `column`, the first of `index`: one seek each, not a scan."""
    first = f"SELECT min({column}) FROM contact INDEXED BY {index} WHERE {LIVING} AND {where}"
    sql = (
        f"WITH RECURSIVE v(x) AS ({first} UNION ALL "
        f"SELECT ({first} AND {column} > v.x) FROM v WHERE v.x IS NOT NULL) "
        "SELECT x FROM v WHERE x IS NOT NULL"
    )
    return [value for (value,) in db.execute_sql(sql)]


def _intervals() -> list[_Interval]:
    own_where = "cadence_days IS NOT NULL AND cadence_days = ?"
    own = [
        _Interval(OWN, OWN_BY_NAME, own_where, days, days, int(days * MAX_FACTOR))
        for days in _distinct("cadence_days", OWN, "cadence_days IS NOT NULL")
        if isinstance(days, int) and days > 0
    ]
    circles = db.execute_sql(
        "SELECT circle, ideal_days, max_days FROM circle_cadence WHERE ideal_days > 0"
    ).fetchall()
    circle_where = "cadence_days IS NULL AND circle = ?"
    return own + [
        _Interval(CIRCLE, CIRCLE_BY_NAME, circle_where, circle, ideal, maximum)
        for circle, ideal, maximum in circles
    ]


def overdue(now: datetime, top: int) -> list[Overdue]:
    """The `top` people most past their interval (score, then name), `now` naive UTC; -1: all."""
    found = [person for interval in _intervals() for person in _overdue(interval, now, top)]
    found.sort(key=lambda p: (-p.score, nocase(p.name), p.contact_id))
    return found if top < 0 else found[:top]


def _overdue(interval: _Interval, now: datetime, top: int) -> list[Overdue]:
    """`interval`'s first `top` capped people by name and first `top` others by score."""
    ideal, key, at = interval.ideal, interval.key, stamp(now)
    capped_surely = stamp(now - timedelta(days=CAP_RATIO * ideal) - _MARGIN)
    capped_maybe = stamp(now - timedelta(days=CAP_RATIO * ideal) + _MARGIN)
    due_maybe = stamp(now - timedelta(days=ideal) + _MARGIN)
    group = f"{LIVING} AND {interval.where}"
    count = db.execute_sql(
        f"SELECT count(*) FROM (SELECT 1 FROM contact INDEXED BY {interval.index} "
        f"WHERE {group} AND {LAST_OR_ADDED} < ? LIMIT ?)",
        (key, capped_maybe, SORT_AT_MOST + 1),
    ).fetchone()[0]
    index = interval.index if count <= SORT_AT_MOST else interval.by_name
    head = f"SELECT id, display_name, {_ELAPSED} FROM contact INDEXED BY "
    capped = db.execute_sql(
        f"{head}{index} WHERE {group} AND {LAST_OR_ADDED} < ? "
        f"AND ({LAST_OR_ADDED} < ? OR {_SCORE} >= {CAP}) ORDER BY display_name, id LIMIT ?",
        (at, key, capped_maybe, capped_surely, at, ideal, top),
    ).fetchall()
    rising = db.execute_sql(
        f"{head}{interval.index} WHERE {group} AND {LAST_OR_ADDED} >= ? AND {LAST_OR_ADDED} < ? "
        f"AND {_ELAPSED} >= ? AND {_SCORE} < {CAP} "
        f"ORDER BY {LAST_OR_ADDED}, display_name, id LIMIT ?",
        (at, key, capped_surely, due_maybe, at, ideal, at, ideal, top),
    ).fetchall()
    return [
        Overdue(contact_id, name, ideal, interval.maximum, elapsed)
        for contact_id, name, elapsed in capped + rising
    ]


def quiet(now: datetime, top: int) -> list[Quiet]:
    """The `top` close people (CLOSE_INTERACTIONS or more) without an interval who have been
    quiet longest (months, capped, then name), `now` naive UTC; -1: all."""
    circles = _quiet_circles()
    if not circles:
        return []
    at = stamp(now)
    months = (
        f"min({QUIET_CAP_MONTHS}, CAST(CAST(julianday(?) - julianday(last_contacted_at) "
        f"AS INTEGER) / {MONTH_DAYS} AS INTEGER))"
    )
    marks = ", ".join("?" * len(circles))
    sql = (
        f"SELECT id, display_name, last_contacted_at FROM contact INDEXED BY {CIRCLE} "
        f"WHERE {LIVING} AND cadence_days IS NULL AND circle IN ({marks}) "
        f"AND {LAST_OR_ADDED} >= ? AND {LAST_OR_ADDED} < ? AND last_contacted_at IS NOT NULL "
        f"AND last_contacted_at < ? AND {months} = ? AND (SELECT count(*) FROM interaction i "
        f"WHERE i.contact_id = contact.id) >= {CLOSE_INTERACTIONS} ORDER BY display_name, id "
        "LIMIT ?"
    )
    found: list[Quiet] = []
    after = (now - timedelta(days=QUIET_AFTER_DAYS)).isoformat(" ")  # as the store compares
    for month in range(QUIET_CAP_MONTHS, int(QUIET_AFTER_DAYS / MONTH_DAYS) - 1, -1):
        if 0 <= top <= len(found):
            break
        newest = stamp(now - timedelta(days=int(month * MONTH_DAYS)) + _MARGIN)
        oldest = (
            ""
            if month == QUIET_CAP_MONTHS
            else stamp(now - timedelta(days=int((month + 1) * MONTH_DAYS) + 1) - _MARGIN)
        )
        need = top - len(found) if top >= 0 else -1
        rows = db.execute_sql(sql, (*circles, oldest, newest, after, at, month, need))
        found += [Quiet(contact_id, name, moment(last)) for contact_id, name, last in rows]
    return found


def _quiet_circles() -> Sequence[str]:
    """The circles of people without a cadence that have no interval of their own."""
    have = {circle for (circle,) in db.execute_sql("SELECT circle FROM circle_cadence")}
    return [
        circle
        for circle in _distinct("circle", CIRCLE, "cadence_days IS NULL")
        if isinstance(circle, str) and circle not in have
    ]


def moment(value: object) -> datetime:
    """A stored time as a datetime (SQLite hands back text)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def overdue_among(now: datetime, ids: list[int]) -> list[Overdue]:
    """Those of the people `ids` past their interval (for the reasons of people chosen by
    another signal)."""
    sql = (
        f"SELECT c.id, c.display_name, {IDEAL_SQL}, {MAX_SQL}, julianday(?) - julianday("
        "coalesce(c.last_contacted_at, c.created_at)) FROM contact c "
        f"WHERE c.id IN ({', '.join('?' * len(ids))}) "
        "AND c.deleted_at IS NULL AND c.archived = 0 AND c.is_group = 0"
    )
    rows = db.execute_sql(sql, (stamp(now), *ids))
    return [
        Overdue(contact_id, name, ideal, maximum, elapsed)
        for contact_id, name, ideal, maximum, elapsed in rows
        if ideal and ideal > 0 and elapsed >= ideal
    ]


def quiet_among(now: datetime, ids: list[int]) -> list[Quiet]:
    """Those of the people `ids` who are close and gone quiet, without an interval."""
    sql = (
        f"SELECT id, display_name, last_contacted_at FROM contact WHERE id IN "
        f"({', '.join('?' * len(ids))}) AND {LIVING} AND cadence_days IS NULL "
        "AND circle NOT IN (SELECT circle FROM circle_cadence) AND last_contacted_at < ? "
        f"AND (SELECT count(*) FROM interaction i WHERE i.contact_id = contact.id) "
        f">= {CLOSE_INTERACTIONS}"
    )
    after = (now - timedelta(days=QUIET_AFTER_DAYS)).isoformat(" ")
    rows = db.execute_sql(sql, (*ids, after))
    return [Quiet(contact_id, name, moment(last)) for contact_id, name, last in rows]
