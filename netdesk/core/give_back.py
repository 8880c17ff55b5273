"""Reach out's "you have not given back": the debts (`give_take.owed`) best first, read only as
deep as asked.

A debt's score falls with the days since the latest receive and rises with the receives not
given back (`debt_score`). SQL orders the people owed by an upper bound of that score (its days
counted from a fractional day count, a day and a little less: `_SLACK`); their debts are read a
batch at a time, the living ones scored exactly, until the next bound is below the `top`-th
score found: what is left cannot reach it. So the head is the exhaustive ranking's (score, then
name as Python casefolds it, then id), ties included, without reading every debt (1,000 at
100,000 contacts: ~6 ms of Today's first read).
"""

from __future__ import annotations

import heapq
from datetime import datetime, timedelta

from netdesk.core.give_take import Owed, last_gave, open_receives, owed
from netdesk.store.models import db

GIVE_BACK_DAYS = 365
BATCH = 16
"""People read per step (a few more than a usual Reach out list)."""
_SLACK = 1.01
"""Days taken off the fractional day count for the bound: a whole day (the score counts whole
days) and far more than julianday's rounding."""

_DAYS = f"(julianday(?) - julianday(max(r.occurred_at)) - {_SLACK})"
_BOUND = f"coalesce(min(2.5, 2.2 - 0.8 * {_DAYS} / 365 + 0.1 * (count(*) - 1)), 3)"
"""At least the score (3 when SQLite cannot read the time: read first)."""
_BY_BOUND = (
    f"WITH {last_gave()} SELECT r.contact_id, {_BOUND} AS bound {open_receives()} "
    "GROUP BY r.contact_id ORDER BY bound DESC"
)


def debt_score(now: datetime, debt: Owed) -> float:
    """Fresh help scores 2.2, a year-old one 1.4; 0.1 more per earlier receive (at most 2.5)."""
    days = (now - debt.received_at).days
    return min(2.5, 2.2 - 0.8 * days / GIVE_BACK_DAYS + 0.1 * (debt.count - 1))


def since(now: datetime) -> datetime:
    """How far back a receive is still owed."""
    return now - timedelta(days=GIVE_BACK_DAYS)


def first_owed(now: datetime, top: int) -> list[Owed]:
    """The `top` best debts at `now` (naive UTC): highest score first, then name (casefolded),
    then contact id; the head of sorting every `owed` debt so."""
    if top <= 0:
        return []
    start = since(now)
    cursor = db.execute_sql(_BY_BOUND, (now.isoformat(" "), start))
    best: list[tuple[tuple[float, str, int], Owed]] = []
    while rows := cursor.fetchmany(BATCH):
        debts = owed(start, among=[contact_id for contact_id, _ in rows])
        keys = [((-debt_score(now, d), d.name.casefold(), d.contact_id), d) for d in debts]
        best = heapq.nsmallest(top, best + keys, key=lambda item: item[0])
        if len(best) == top and rows[-1][1] < -best[-1][0][0]:
            break  # every debt not read scores below the last of `best`
    return [debt for _, debt in best]
