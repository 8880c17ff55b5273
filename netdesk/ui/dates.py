"""Dates and times as the user's locale writes them (QLocale), for lists that name days.

A day in another year than today's carries its year ("Wed 19 Mar 2025"), so an old overdue
follow-up is not read as this year's.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale, QTime

from netdesk.ui.qtdates import qdate


def day_label(day: date, today: date) -> str:
    """ "Wed 19 Mar", or "Wed 19 Mar 2025" when not in today's year."""
    pattern = "ddd d MMM" if day.year == today.year else "ddd d MMM yyyy"
    return QLocale().toString(qdate(day), pattern)


def long_day(day: date) -> str:
    """ "Wednesday 11 March 2026"."""
    return QLocale().toString(qdate(day), "dddd d MMMM yyyy")


def time_label(moment: datetime) -> str:
    """ "16:00" (24-hour, as the app's lists write times)."""
    return QLocale().toString(QTime(moment.hour, moment.minute), "HH:mm")


def when_label(moment: datetime, today: date) -> str:
    """ "Fri 13 Mar 09:30": a day and its time."""
    return f"{day_label(moment.date(), today)} {time_label(moment)}"
