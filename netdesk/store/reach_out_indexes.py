"""Indexes that let Reach out read the head of its ranking instead of every contact.

Partial indexes over the living people (not deleted, not archived, not groups), on expressions,
so nothing stored needs keeping up to date: SQLite maintains them as rows change, whoever
writes. Check-ins: people with their own cadence by (cadence, last contact or added, name) and
by (cadence, name); people with none by (circle, last contact or added, name) and by (circle,
name) — the first order finds the longest overdue in a group, the second the alphabetical first
of those past four intervals, who all score the same. Birthdays by month-day. The queries that
use them (core/checkin_rank.py, core/reach_out.py) name them with INDEXED BY, and repeat their
expressions and conditions word for word: SQLite uses a partial or expression index only then.
"""

from __future__ import annotations

from peewee import Database

LIVING = "deleted_at IS NULL AND archived = 0 AND is_group = 0"
"""The condition of every index here (a query must say it too)."""
LAST_OR_ADDED = "coalesce(last_contacted_at, created_at)"
"""Since when a check-in counts: the last interaction, else when the person was added."""
MONTH_DAY = "substr(birthday, 6, 5)"
"""A stored birthday's "MM-DD"."""

OWN = "contact_checkin_own"
OWN_BY_NAME = "contact_checkin_own_name"
CIRCLE = "contact_checkin_circle"
CIRCLE_BY_NAME = "contact_checkin_circle_name"
BIRTHDAY = "contact_birthday_month_day"

_OWN_WHERE = f"{LIVING} AND cadence_days IS NOT NULL"
_CIRCLE_WHERE = f"{LIVING} AND cadence_days IS NULL"
DEFINITIONS = {
    OWN: f"(cadence_days, {LAST_OR_ADDED}, display_name) WHERE {_OWN_WHERE}",
    OWN_BY_NAME: f"(cadence_days, display_name) WHERE {_OWN_WHERE}",
    CIRCLE: f"(circle, {LAST_OR_ADDED}, display_name) WHERE {_CIRCLE_WHERE}",
    CIRCLE_BY_NAME: f"(circle, display_name) WHERE {_CIRCLE_WHERE}",
    BIRTHDAY: f"({MONTH_DAY}) WHERE birthday IS NOT NULL AND {LIVING}",
}


def create(database: Database) -> None:
    """Create the indexes that are missing."""
    for name, definition in DEFINITIONS.items():
        database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "contact" {definition}')
