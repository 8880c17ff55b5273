"""Python dates and times to Qt's and back.

PySide6 converts them itself (`QDate(date)`, `QTime.toPython()`), but its stubs know neither the
constructors from Python values nor what `toPython()` returns; these conversions are typed, so
the code around them is checked. Qt keeps milliseconds: microseconds are cut to them.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000)


def qdatetime(moment: datetime) -> QDateTime:
    """A naive (local) time as a local QDateTime."""
    return QDateTime(qdate(moment.date()), qtime(moment.time()))


def py_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def py_time(moment: QTime) -> time:
    return time(moment.hour(), moment.minute(), moment.second(), moment.msec() * 1000)


def py_datetime(moment: QDateTime) -> datetime:
    """A QDateTime as naive time in its own time spec (local for the app's edits)."""
    return datetime.combine(py_date(moment.date()), py_time(moment.time()))
