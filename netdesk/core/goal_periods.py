"""The periods a goal is measured over: weeks (Monday to Sunday), months, quarters, or one
custom span, all in local dates.

A goal is measured in every period from the one holding its start day to the one holding today;
each ended period is met or missed for good, the current one is still in progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

PERIODS = ("week", "month", "quarter", "custom")
_MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)  # not strftime's %b, which follows the locale Qt sets


@dataclass(frozen=True)
class Period:
    """Local days `start` (included) to `end` (excluded), and how it is named."""

    kind: str
    start: date
    end: date

    def label(self) -> str:
        """ "week of 9 Mar 2026", "Mar 2026", "Q1 2026" or "1 Mar 2026 – 15 Apr 2026"."""
        if self.kind == "week":
            return f"week of {_day(self.start)}"
        if self.kind == "month":
            return f"{_MONTHS[self.start.month - 1]} {self.start.year}"
        if self.kind == "quarter":
            return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"
        return f"{_day(self.start)} – {_day(self.end - timedelta(days=1))}"

    def days(self) -> int:
        return (self.end - self.start).days


def _day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _month_start(day: date, months: int = 0) -> date:
    """The first of `day`'s month, moved by `months`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_of(kind: str, day: date) -> Period:
    """The week, month or quarter holding `day`."""
    if kind == "week":
        start = day - timedelta(days=day.weekday())
        return Period(kind, start, start + timedelta(weeks=1))
    if kind == "month":
        start = _month_start(day)
        return Period(kind, start, _month_start(start, 1))
    if kind == "quarter":
        start = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        return Period(kind, start, _month_start(start, 3))
    raise ValueError(f"unknown period {kind!r}")


def custom(start: date, last: date) -> Period:
    """The days `start` to `last`, both included."""
    if last < start:
        raise ValueError("a custom period must end on or after its start")
    return Period("custom", start, last + timedelta(days=1))


def periods(kind: str, starts_on: date, today: date, ends_on: date | None = None) -> list[Period]:
    """Every period of a goal from its start to today's, oldest first (a custom goal has one).

    A goal that starts after today has just its first period.
    """
    if kind == "custom":
        return [custom(starts_on, ends_on or starts_on)]
    found = [period_of(kind, starts_on)]
    while found[-1].end <= today:
        found.append(period_of(kind, found[-1].end))
    return found
