"""The date steps follow-ups take: snooze presets, birthdays, whole days.

Month and year steps are dateutil's `relativedelta`, which clamps to the month's last day (a
29 February birthday is congratulated on the 28th in other years) instead of our own loops.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import MO, relativedelta

MORNING = time(9, 0)
SNOOZE_PRESETS = ("1 hour", "tomorrow morning", "next week")


def snooze_until(preset: str, now: datetime) -> datetime:
    """The moment a snooze preset ends: in an hour, tomorrow at 9:00, or next Monday at 9:00."""
    if preset == "1 hour":
        return now + timedelta(hours=1)
    if preset == "tomorrow morning":
        return datetime.combine(now.date() + timedelta(days=1), MORNING)
    if preset == "next week":
        return datetime.combine(now.date() + relativedelta(days=1, weekday=MO), MORNING)
    raise ValueError(f"unknown snooze preset {preset!r}; expected one of {SNOOZE_PRESETS}")


def next_birthday(birthday: date, today: date) -> date:
    """The first anniversary of `birthday` on or after `today` (29 February → 28th if needed)."""
    years = today.year - birthday.year
    candidate = birthday + relativedelta(years=years)
    return candidate if candidate >= today else birthday + relativedelta(years=years + 1)


def is_anniversary(day: date, birthday: date) -> bool:
    """Whether `day` is the day `birthday` is congratulated on in its year."""
    return next_birthday(birthday, day) == day


def day_start(day: date) -> datetime:
    """Midnight at the start of `day` (how a follow-up without a time is stored)."""
    return datetime.combine(day, time.min)


def date_of(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value
