"""Small form helpers shared by the event widgets: date-time edits, headed sections."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QWidget

from netdesk.ui.dates import use_locale_format
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label


def datetime_edit(parent: QWidget | None = None) -> QDateTimeEdit:
    """A date-time field with a calendar popup, in minutes."""
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    use_locale_format(edit)
    return edit


def to_qt(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def from_qt(edit: QDateTimeEdit) -> datetime:
    value = edit.dateTime()
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())


def section_title(text: str) -> QLabel:
    """A bold heading above a group of fields."""
    label = plain_label(text)
    style_label(label, "sectionTitle")
    return label
