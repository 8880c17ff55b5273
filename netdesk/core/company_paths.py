"""Ways into a target company: second-degree paths the user has recorded.

The people *there* are the company's contacts, archived ones too (living ones are the people
you know; an archived one may still answer). A way in is a contact who is not there but
- used to work there (their employment history says so), or
- introduced you to someone there, or was introduced by you to someone there (an interaction
  marked as an introduction, given or received, naming that person), or
- was met at an event where someone there was listed ("where Ana was too"), or that the
  company organised ("met at Acme's Tech Talk").
The same person reached several ways is named once, by the first way found: former
colleagues, then introductions, then events, newer before older.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from netdesk.core.company_detail import former_at
from netdesk.store.models import db

LIMIT = 12
"""Ways in shown at most."""

_THERE = "SELECT id FROM contact WHERE company_id = :company AND +deleted_at IS NULL"
_INTRODUCTIONS_SQL = f"""
WITH there(id) AS ({_THERE})
SELECT i.direction, i.contact_id, i.introduced_a_id, i.introduced_b_id, i.occurred_at
FROM interaction i
WHERE i.give_kind = 'introduction'
    AND (i.introduced_a_id IN there OR i.introduced_b_id IN there)
ORDER BY i.occurred_at DESC, i.id DESC
"""
_EVENTS_SQL = f"""
WITH there(id) AS ({_THERE}),
company_events(id, inside) AS (
    SELECT ep.event_id, min(ep.contact_id) FROM event_person ep WHERE ep.contact_id IN there
    GROUP BY ep.event_id
    UNION ALL SELECT e.id, NULL FROM event e
    WHERE e.organiser = (SELECT name FROM company WHERE id = :company) COLLATE NOCASE
),
met(event_id, contact_id) AS (
    SELECT ep.event_id, ep.contact_id FROM event_person ep
    WHERE ep.met = 1 AND ep.event_id IN (SELECT id FROM company_events)
    UNION SELECT c.met_at_id, c.id FROM contact c
    WHERE c.met_at_id IN (SELECT id FROM company_events)
)
SELECT m.contact_id, ce.inside, e.name, e.starts_at, e.organiser
FROM met m JOIN event e ON e.id = m.event_id JOIN company_events ce ON ce.id = e.id
WHERE m.contact_id NOT IN there
ORDER BY e.starts_at DESC, e.id DESC, ce.inside IS NULL
"""


@dataclass(frozen=True)
class WayIn:
    """A contact who could lead into the company, why (plain text), and when: a stored moment
    (naive UTC) or the day they left the company (None when not known)."""

    contact_id: int
    name: str
    why: str
    when: datetime | date | None


def _names(ids: set[int]) -> dict[int, str]:
    """Display names of the living contacts among `ids`."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    sql = f"SELECT id, display_name FROM contact WHERE id IN ({marks}) AND deleted_at IS NULL"
    return dict(db.execute_sql(sql, list(ids)).fetchall())


@dataclass(frozen=True)
class _Lead:
    """A way in before names are read: `words` makes the why from the name of `inside`."""

    way: int | None
    inside: int | None
    when: str
    words: Callable[[str], str]


def _introduced(there: set[int], params: dict[str, int]) -> list[_Lead]:
    """The ways in of the introductions naming someone there."""
    leads = []
    for direction, contact, a, b, when in db.execute_sql(_INTRODUCTIONS_SQL, params):
        inside = a if a in there else b
        if direction == "received" and None in (a, b):  # `contact` introduced the user
            leads.append(_Lead(contact, inside, when, "introduced you to {}".format))
        else:  # two people introduced to each other, by the user or by `contact`
            other = b if inside == a else a
            leads.append(_Lead(other, inside, when, "was introduced to {}".format))
    return leads


def _met_with(event: str) -> Callable[[str], str]:
    return lambda name: f"met at {event}, where {name} was too"


def _organised(event: str, organiser: str) -> Callable[[str], str]:
    return lambda _name: f"met at {organiser}'s {event}"


def _met(params: dict[str, int]) -> list[_Lead]:
    """The ways in of the events where someone there was, or that the company organised."""
    leads = []
    for contact, inside, event, when, organiser in db.execute_sql(_EVENTS_SQL, params):
        words = _organised(event, organiser) if inside is None else _met_with(event)
        leads.append(_Lead(contact, inside, when, words))
    return leads


def _used_to(title: str, now_at: str) -> str:
    words = f"used to work there as {title}" if title else "used to work there"
    return f"{words}; now at {now_at}" if now_at else words


def ways_in(company_id: int) -> list[WayIn]:
    """Up to LIMIT ways into the company (see the module docstring)."""
    params = {"company": company_id}
    there = {row[0] for row in db.execute_sql(_THERE, params).fetchall()}
    ways = [
        WayIn(p.id, p.name, _used_to(p.title, p.now_at), p.left_on) for p in former_at(company_id)
    ]
    leads = _introduced(there, params) + _met(params)
    names = _names({p for lead in leads for p in (lead.way, lead.inside) if p is not None})
    for lead in leads:
        if lead.way is None or lead.way not in names or lead.way in there:
            continue
        if all(way.contact_id != lead.way for way in ways):
            why = lead.words(names.get(lead.inside or 0, ""))
            ways.append(WayIn(lead.way, names[lead.way], why, datetime.fromisoformat(lead.when)))
    return ways[:LIMIT]
