"""Dates and times as the user's locale writes them (QLocale): the one place that shows a date.

Every pattern comes from the locale's long date format ("dddd, MMMM d, yyyy" in en_US, "dddd,
d. MMMM yyyy" in de_DE), shortened (day and month names abbreviated) and with the parts a place
does not need taken out, so the order, separators and words stay the locale's: "Wed, Dec 9, 2026"
in en_US, "Mi., 9. Dez. 2026" in de_DE, "Wed, 9 Dec 2026" in en_GB. Times use the locale's short
time format ("9:30 AM", "09:30"). A day in another year than today's carries its year, so an
old overdue follow-up is not read as this year's. Times from the store (naive UTC) are shown in
local time (`netdesk.ui.timefmt.local_from_utc`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTimeEdit

from netdesk.core.goal_periods import Period
from netdesk.ui.qtdates import qdate, qtime

_TOKEN = re.compile(r"'(?:[^']|'')*'|d+|M+|y+|[^dMy']+")
_SPACES = " ,\u00a0\u202f"


def _tokens(pattern: str) -> list[str]:
    return _TOKEN.findall(pattern)


def _is_field(token: str) -> bool:
    return token[0] in "dMy"


def _part(token: str) -> str:
    """Which part a token is: "weekday", "day", "month", "year" or "" (words between)."""
    if not _is_field(token):
        return ""
    if token[0] == "d":
        return "weekday" if len(token) >= 3 else "day"
    return "month" if token[0] == "M" else "year"


def _without(tokens: list[str], part: str) -> list[str]:
    """`tokens` without the fields of `part` and the words that join them to the rest."""
    while any(_part(token) == part for token in tokens):
        index = next(i for i, token in enumerate(tokens) if _part(token) == part)
        fields = [i for i, token in enumerate(tokens) if _is_field(token)]
        if index == fields[-1] and len(fields) > 1:
            joint = "".join(tokens[fields[-2] + 1 : index])
            # a year takes its words along ("'de' yyyy"); a weekday leaves 日 to the day
            kept = "" if part == "year" else joint.rstrip(_SPACES)
            tokens = tokens[: fields[-2] + 1] + ([kept] if kept else [])
        else:
            after = next((i for i in fields if i > index), len(tokens))
            tokens = tokens[:index] + tokens[after:]
    return tokens


def date_pattern(
    weekday: bool = True, day: bool = True, year: bool = True, full: bool = False
) -> str:
    """A Qt date pattern in the locale's order: day and month names abbreviated unless `full`,
    without the weekday, the day or the year when asked."""
    return _pattern(QLocale().dateFormat(QLocale.FormatType.LongFormat), weekday, day, year, full)


@lru_cache(maxsize=64)
def _pattern(long_format: str, weekday: bool, day: bool, year: bool, full: bool) -> str:
    """`date_pattern` of a locale's long date format, worked out once (a list of 3,600 overdue
    follow-ups spent ~40 ms of its building on it)."""
    tokens = _tokens(long_format)
    if not full:
        tokens = [
            token[:3] if _is_field(token) and token[0] in "dM" and len(token) == 4 else token
            for token in tokens
        ]
    for wanted, part in ((weekday, "weekday"), (day, "day"), (year, "year")):
        if not wanted:
            tokens = _without(tokens, part)
    return "".join(tokens).strip(_SPACES)


def _show(day: date, pattern: str) -> str:
    return QLocale().toString(qdate(day), pattern)


def date_text(day: date) -> str:
    """ "Wed, 9 Dec 2026" (en_GB), "Wed, Dec 9, 2026" (en_US), "Mi., 9. Dez. 2026" (de_DE)."""
    return _show(day, date_pattern())


def day_label(day: date, today: date) -> str:
    """ "Wed, 19 Mar", with the year when not in today's year."""
    return _show(day, date_pattern(year=day.year != today.year))


def plain_day(day: date, today: date | None = None) -> str:
    """ "19 Mar 2026" (no weekday); without the year when it is `today`'s."""
    same_year = today is not None and day.year == today.year
    return _show(day, date_pattern(weekday=False, year=not same_year))


def month_label(day: date, short: bool = False) -> str:
    """ "December 2026" (or "Dec 2026"): the month's own name (nominative: "grudzień", not
    "grudnia")."""
    form = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    name = QLocale().standaloneMonthName(day.month, form).replace("'", "''")
    pattern = date_pattern(weekday=False, day=False, full=True)
    return _show(day, re.sub("M{3,4}", f"'{name}'", pattern))


def long_day(day: date, year: bool = True) -> str:
    """ "Wednesday, 11 March 2026" (the locale's long date), optionally without its year."""
    return _show(day, date_pattern(year=year, full=True))


def time_label(moment: datetime | time) -> str:
    """ "16:00" or "4:00 PM", as the locale writes a short time."""
    clock = moment.time() if isinstance(moment, datetime) else moment
    return QLocale().toString(qtime(clock.replace(second=0, microsecond=0)), time_pattern())


def time_pattern() -> str:
    """The locale's short time pattern ("HH:mm", "h:mm AP")."""
    return QLocale().timeFormat(QLocale.FormatType.ShortFormat)


def when_label(moment: datetime, today: date) -> str:
    """ "Fri, 13 Mar 09:30": a day (its year when not today's) and its time."""
    return f"{day_label(moment.date(), today)} {time_label(moment)}"


def when_text(moment: datetime) -> str:
    """ "Fri, 13 Mar 2026 09:30": a day with its year and its time."""
    return f"{date_text(moment.date())} {time_label(moment)}"


def day_range(first: date, last: date) -> str:
    """The days of an event: "14–16 Apr 2026" ("Apr 14–16, 2026" in en_US) within a month,
    else "30 Apr – 2 May 2026" (the first day's year only when it differs)."""
    if (first.year, first.month) != (last.year, last.month):
        start = plain_day(first, last if first.year == last.year else None)
        return f"{start} – {plain_day(last)}"
    tokens = _tokens(date_pattern(weekday=False))
    day = next(i for i, token in enumerate(tokens) if _part(token) == "day")
    start = QLocale().toString(qdate(first), tokens[day]).replace("'", "''")
    tokens[day] = f"'{start}–'{tokens[day]}"
    return _show(last, "".join(tokens))


def edit_pattern(with_time: bool = False, weekday: bool = True) -> str:
    """The display format of date (and date-time) edits: the locale's order, named months."""
    pattern = date_pattern(weekday=weekday)
    return f"{pattern} {time_pattern()}" if with_time else pattern


def period_label(period: Period) -> str:
    """A goal's period: "week of 9 Mar 2026", "Mar 2026", "Q1 2026" or "1 Mar – 15 Apr 2026"."""
    if period.kind == "week":
        return f"week of {plain_day(period.start)}"
    if period.kind == "month":
        return month_label(period.start, short=True)
    if period.kind == "quarter":
        return period.label()
    return day_range(period.start, period.end - timedelta(days=1))


def use_locale_format(edit: QDateTimeEdit, weekday: bool = True) -> None:
    """Show a date, date-time or time edit in the locale's order with named months (Qt's own
    default is the locale's short numeric date: "9 12 2026" in the C locale); a birthday or a
    job's start needs no `weekday`."""
    if isinstance(edit, QTimeEdit):
        edit.setDisplayFormat(time_pattern())
    elif isinstance(edit, QDateEdit):
        edit.setDisplayFormat(edit_pattern(weekday=weekday))
    else:
        edit.setDisplayFormat(edit_pattern(with_time=True, weekday=weekday))
