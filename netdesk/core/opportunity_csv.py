"""Opportunities as CSV for a spreadsheet: one row each, its people by role, dates as ISO.

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
so a spreadsheet shows it as text instead of running it as a formula (text from imported cards
is not the user's own).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime

from netdesk.core.give_take import to_local
from netdesk.core.opportunity_rows import OpportunityRow
from netdesk.core.vocabulary import OPPORTUNITY_ROLES

HEADER = (
    "Company",
    "Role",
    "Stage",
    "Link",
    "Heard of it",
    "Heard on",
    "Told me",
    "Could refer me",
    "Referred me",
    "Interviews me",
    "Next step",
    "Next step on",
    "Next step with",
    "Notes",
    "Created",
    "Updated",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return to_local(value).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def csv_text(rows: Iterable[OpportunityRow]) -> str:
    """The rows as CSV text (comma-separated, CRLF line ends, a header first)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in rows:
        people = ["; ".join(row.names(role)) for role in OPPORTUNITY_ROLES]
        values = [
            row.company,
            row.title,
            row.stage,
            row.url,
            row.source,
            row.heard_on,
            *people,
            row.next_step,
            row.next_step_on,
            row.next_step_with,
            row.notes,
            row.created_at,
            row.updated_at,
        ]
        writer.writerow([_cell(v) for v in values])
    return out.getvalue()
