"""Times as people say them: "3 weeks ago", "tomorrow", "in 5 days"."""

from __future__ import annotations

from datetime import UTC, date, datetime

from netdesk.ui.dates import plain_day
from netdesk.ui.plural import counted


def local_from_utc(moment: datetime) -> datetime:
    """A naive UTC time from the store as naive local time."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _ago(days: int) -> str:
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return counted("timefmt", "%Ln day(s) ago", days)
    if days < 60:
        return counted("timefmt", "%Ln week(s) ago", days // 7)
    if days < 730:
        return counted("timefmt", "%Ln month(s) ago", days // 30)
    return counted("timefmt", "%Ln year(s) ago", days // 365)


def relative_time(utc_moment: datetime, today: date) -> str:
    """How long ago a stored (UTC) moment was, in days or coarser."""
    return _ago((today - local_from_utc(utc_moment).date()).days)


def relative_day(local_moment: datetime | date, today: date) -> str:
    """A local due date relative to today: "overdue 2 days", "today", "tomorrow", "in 5 days"."""
    day = local_moment.date() if isinstance(local_moment, datetime) else local_moment
    delta = (day - today).days
    if delta < 0:
        return counted("timefmt", "overdue %Ln day(s)", -delta)
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta < 14:
        return counted("timefmt", "in %Ln day(s)", delta)
    return plain_day(day)


def list_due_day(local_moment: datetime | date, today: date) -> str:
    """`relative_day` in a narrow column: "360 d overdue" (the whole date is in the tooltip)."""
    day = local_moment.date() if isinstance(local_moment, datetime) else local_moment
    late = (today - day).days
    return counted("timefmt", "%Ln d overdue", late) if late > 0 else relative_day(day, today)
