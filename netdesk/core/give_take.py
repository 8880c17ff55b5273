"""Give and take: what the user gave and received, per contact and per week, and who is owed.

Interactions marked "gave" or "received" (see `interactions.Give`) make the ledger. A contact's
balance counts them over the last 12 months of the clock; the weekly picture counts the last 12
weeks (Monday to Sunday, local), the current week last; `owed` finds the people who gave the
user something and got nothing back since, for Reach out's "you have not given back". Stored
times are naive UTC; the clock's are naive local.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from netdesk.core.clock import Clock
from netdesk.store.models import db
from netdesk.store.rows import stored_time

WEEKS = 12
BALANCE_MONTHS = 12


def to_utc(local: datetime) -> datetime:
    """A naive local time as the store keeps times (naive UTC)."""
    return local.astimezone(UTC).replace(tzinfo=None)


def to_local(stored: datetime) -> datetime:
    """A stored naive UTC time as naive local time."""
    return stored.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


@dataclass(frozen=True)
class Balance:
    """How often the user gave to and received from one contact."""

    gave: int
    received: int

    def words(self) -> str:
        """ "gave 3, received 5 in the last 12 months"."""
        return f"gave {self.gave}, received {self.received} in the last {BALANCE_MONTHS} months"


@dataclass(frozen=True)
class WeekCount:
    """Gives and receives in the week starting `start` (a Monday)."""

    start: date
    gave: int
    received: int


@dataclass(frozen=True)
class Owed:
    """A contact who gave the user something (`count` times) and got nothing back since; the
    latest such receive's time (naive UTC), kind and the other person of an introduction."""

    contact_id: int
    name: str
    count: int
    received_at: datetime
    kind: str
    introduced_name: str


def balance(contact_id: int, clock: Clock) -> Balance:
    """Gives and receives with a contact in the last BALANCE_MONTHS months."""
    since = to_utc(clock.now() - relativedelta(months=BALANCE_MONTHS))
    rows = db.execute_sql(
        "SELECT direction, count(*) FROM interaction WHERE contact_id = ? AND occurred_at >= ? "
        "AND direction IN ('gave', 'received') GROUP BY direction",
        (contact_id, since),
    ).fetchall()
    counts = dict(rows)
    return Balance(counts.get("gave", 0), counts.get("received", 0))


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def weekly(clock: Clock, weeks: int = WEEKS) -> list[WeekCount]:
    """Gives and receives per week over the last `weeks` weeks, oldest first (for the chart)."""
    first = week_start(clock.today()) - timedelta(weeks=weeks - 1)
    since = to_utc(datetime.combine(first, datetime.min.time()))
    counts = {first + timedelta(weeks=i): [0, 0] for i in range(weeks)}
    rows = db.execute_sql(
        "SELECT direction, occurred_at FROM interaction "
        "WHERE direction IN ('gave', 'received') AND occurred_at >= ?",
        (since,),
    )
    for direction, occurred in rows:
        bucket = counts.get(week_start(to_local(stored_time(occurred)).date()))
        if bucket is not None:
            bucket[0 if direction == "gave" else 1] += 1
    return [WeekCount(start, gave, received) for start, (gave, received) in counts.items()]


def _among(column: str, count: int) -> str:
    return f" AND {column} IN ({', '.join('?' * count)})" if count else ""


def last_gave(among: int = 0) -> str:
    """A CTE: each contact's last give (of `among` contacts, their ids its first parameters),
    one pass over the gives (a correlated NOT EXISTS took minutes at 300,000 rows)."""
    return (
        "last_gave AS (SELECT contact_id, max(occurred_at) AS at FROM interaction "
        f"WHERE direction = 'gave'{_among('contact_id', among)} GROUP BY contact_id)"
    )


def open_receives(among: int = 0) -> str:
    """FROM and WHERE of the receives `r` (of `among` contacts, their ids the first parameters)
    since the next parameter (naive UTC) with no give after them (`last_gave`): what is owed."""
    return (
        "FROM interaction r LEFT JOIN last_gave g ON g.contact_id = r.contact_id "
        f"WHERE r.direction = 'received'{_among('r.contact_id', among)} AND r.occurred_at >= ? "
        "AND (g.at IS NULL OR g.at < r.occurred_at)"
    )


_OWED_SQL = """
WITH {last_gave}, open AS (
  SELECT r.contact_id, r.occurred_at, r.give_kind, r.introduced_a_id, r.introduced_b_id,
         count(*) OVER (PARTITION BY r.contact_id) AS n,
         row_number() OVER (PARTITION BY r.contact_id ORDER BY r.occurred_at DESC, r.id DESC) AS k
  {open_receives}
)
SELECT o.contact_id, c.display_name, o.n, o.occurred_at, o.give_kind,
       a.display_name, o.introduced_a_id, b.display_name, o.introduced_b_id
FROM open o JOIN contact c ON c.id = o.contact_id
LEFT JOIN contact a ON a.id = o.introduced_a_id
LEFT JOIN contact b ON b.id = o.introduced_b_id
WHERE o.k = 1 AND c.deleted_at IS NULL AND c.archived = 0 AND c.is_group = 0
"""
"""Receives since the contact's last give, the latest first per contact."""


def owed(since: datetime, among: Sequence[int] | None = None) -> list[Owed]:
    """Living contacts with a receive since `since` (naive UTC) and no give after it (of the
    contacts `among` only, when given); one statement, whatever their number."""
    if among is not None and not among:
        return []
    ids = list(among or ())
    sql = _OWED_SQL.format(last_gave=last_gave(len(ids)), open_receives=open_receives(len(ids)))
    found = []
    for row in db.execute_sql(sql, (*ids, *ids, since)).fetchall():
        contact_id, name, count, latest, kind, a_name, a_id, b_name, b_id = row
        others = [n for n, i in ((a_name, a_id), (b_name, b_id)) if i not in (None, contact_id)]
        moment = stored_time(latest)
        found.append(Owed(contact_id, name, count, moment, kind, others[0] if others else ""))
    return found
