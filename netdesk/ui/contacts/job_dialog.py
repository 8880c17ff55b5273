"""Add or edit one job of a contact's history: organisation, title, from, to (none: current)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLineEdit, QWidget

from netdesk.core.employment import Job
from netdesk.ui.dates import use_locale_format
from netdesk.ui.followup_dialog import ok_cancel
from netdesk.ui.optional_date import OptionalDateEdit
from netdesk.ui.plain import plain_label
from netdesk.ui.qtdates import py_date, qdate
from netdesk.ui.style import style_label

NO_DATE = QDate(1900, 1, 1)


def _date_edit(empty: str) -> QDateEdit:
    """A date field whose lowest value reads `empty` (no date), which does not keep Tab."""
    edit = OptionalDateEdit()
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(empty)
    use_locale_format(edit, weekday=False)
    edit.setCalendarPopup(True)
    return edit


class JobDialog(QDialog):
    """One job; OK only with an organisation or a title."""

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.setWindowTitle(self.tr("Edit job") if job.id else self.tr("Add job"))
        self.organisation = QLineEdit(job.organisation)
        self.title = QLineEdit(job.title)
        self.started = _date_edit(self.tr("—"))
        self.ended = _date_edit(self.tr("now (current job)"))
        for edit, day in ((self.started, job.started_on), (self.ended, job.ended_on)):
            edit.setDate(qdate(day) if day else NO_DATE)
        hint = plain_label(
            self.tr("A job without an end date is the current one: the contact's organisation.")
        )
        style_label(hint, "hint")
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("O&rganisation"), self.organisation)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&From"), self.started)
        form.addRow(self.tr("T&o"), self.ended)
        form.addRow(hint)
        self.buttons = ok_cancel(self)
        form.addRow(self.buttons)
        for line in (self.organisation, self.title):
            line.textChanged.connect(self._check)
        self._check()
        self.resize(420, self.sizeHint().height())

    def chosen(self) -> Job:
        """The job as entered (same id, so saving it changes the entry)."""
        return replace(
            self.job,
            organisation=self.organisation.text().strip(),
            title=self.title.text().strip(),
            started_on=_day(self.started),
            ended_on=_day(self.ended),
        )

    def _check(self) -> None:
        ok = bool(self.organisation.text().strip() or self.title.text().strip())
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(ok)


def _day(edit: QDateEdit) -> date | None:
    return None if edit.date() == NO_DATE else py_date(edit.date())
