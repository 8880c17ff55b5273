"""The goal dialog: what to count, which people, over which period, and how many make it met.

Only the fields the chosen kind uses are shown (a channel for interactions, a give kind for
interactions and gives, the people filters for every kind but events and target lists, a list of
people and organisations for a target list). Nothing here is a count: progress is measured.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from netdesk.core.goal_periods import PERIODS
from netdesk.core.goal_progress import FILTERED_KINDS, KINDS
from netdesk.core.goals import GoalData
from netdesk.core.vocabulary import CHANNELS, CIRCLES, GIVE_KINDS
from netdesk.ui.dates import use_locale_format
from netdesk.ui.followup_dialog import ok_cancel
from netdesk.ui.goals.targets_editor import NamedTarget, TargetsEditor

if TYPE_CHECKING:
    from netdesk.core.event_people import ContactMatch

_ANY = "any"
_PERIOD_WORDS = {
    "week": "each week",
    "month": "each month",
    "quarter": "each quarter",
    "custom": "once, between two days",
}


def _choices(combo: QComboBox, values: list[str] | tuple[str, ...], current: str) -> QComboBox:
    """Fill `combo` with "any" and `values`, `current` selected ("" is any)."""
    combo.addItem(_ANY, "")
    for value in values:
        combo.addItem(value, value)
    found = combo.findData(current)
    if found < 0 and current:  # a tag or company no contact has any more: keep it
        combo.addItem(current, current)
        found = combo.count() - 1
    combo.setCurrentIndex(max(found, 0))
    return combo


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class GoalDialog(QDialog):
    """Add a goal (`goal` None) or change one; `goal()` reads the form after OK."""

    def __init__(
        self,
        today: date,
        choices: dict[str, list[str]],
        matches: Callable[[str], list[ContactMatch]],
        goal: GoalData | None = None,
        targets: list[NamedTarget] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit goal" if goal else "New goal")
        self.setMinimumWidth(460)
        self._id = goal.id if goal else None
        goal = goal or GoalData("", "new_contacts", 3, starts_on=today)
        self.title = QLineEdit(goal.title)
        self.title.setPlaceholderText("e.g. Meet 3 new people in fintech")
        self.kind = QComboBox()
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(self.kind.findData(goal.kind))
        self.channel = _choices(QComboBox(), CHANNELS, goal.channel)
        self.give_kind = _choices(QComboBox(), GIVE_KINDS, goal.give_kind)
        self.circle = _choices(QComboBox(), CIRCLES, goal.circle)
        self.tag = _choices(QComboBox(), choices.get("tag", []), goal.tag)
        self.company = _choices(QComboBox(), choices.get("company", []), goal.company)
        self.period = QComboBox()
        for key in PERIODS:
            self.period.addItem(_PERIOD_WORDS[key], key)
        self.period.setCurrentIndex(self.period.findData(goal.period))
        self.starts_on = QDateEdit(_qdate(goal.starts_on))
        self.ends_on = QDateEdit(_qdate(goal.ends_on or goal.starts_on))
        for edit in (self.starts_on, self.ends_on):
            edit.setCalendarPopup(True)
            use_locale_format(edit, weekday=False)
        self.target = QSpinBox()
        self.target.setRange(1, 10_000)
        self.target.setValue(goal.target)
        self.targets = TargetsEditor(matches, targets or [])

        self.form = QFormLayout(self)
        self.form.addRow("Goal", self.title)
        self.form.addRow("Count", self.kind)
        self.form.addRow("Channel", self.channel)
        self.form.addRow("Give kind", self.give_kind)
        self.form.addRow("Circle", self.circle)
        self.form.addRow("Tag", self.tag)
        self.form.addRow("Company", self.company)
        self.form.addRow("People", self.targets)
        self.form.addRow("Period", self.period)
        self.form.addRow("From", self.starts_on)
        self.form.addRow("To", self.ends_on)
        self.form.addRow("Target", self.target)
        self.form.addRow(ok_cancel(self))
        self.kind.currentIndexChanged.connect(self._show_fields)
        self.period.currentIndexChanged.connect(self._show_fields)
        self._show_fields()

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        custom = self.period.currentData() == "custom"
        shown = {
            self.channel: kind == "interactions",
            self.give_kind: kind in ("interactions", "gives"),
            self.circle: kind in FILTERED_KINDS,
            self.tag: kind in FILTERED_KINDS,
            self.company: kind in FILTERED_KINDS,
            self.targets: kind == "targets",
            self.period: kind != "targets",
            self.ends_on: custom or kind == "targets",
        }
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)
        self.target.setToolTip(
            "How many of the list to have talked to or met"
            if kind == "targets"
            else "How many make the period a success"
        )
        self.adjustSize()

    def goal(self) -> GoalData:
        """The goal as the form says."""
        kind = self.kind.currentData()
        period = self.period.currentData()
        dated = kind == "targets" or period == "custom"
        filtered = kind in FILTERED_KINDS
        return GoalData(
            title=self.title.text().strip(),
            kind=kind,
            target=self.target.value(),
            period="month" if kind == "targets" else period,
            starts_on=_day(self.starts_on.date()),
            ends_on=_day(self.ends_on.date()) if dated else None,
            channel=self.channel.currentData() if kind == "interactions" else "",
            give_kind=self.give_kind.currentData() if kind in ("interactions", "gives") else "",
            circle=self.circle.currentData() if filtered else "",
            tag=self.tag.currentData() if filtered else "",
            company=self.company.currentData() if filtered else "",
            targets=tuple(t.ref for t in self.targets.targets()) if kind == "targets" else (),
            id=self._id,
        )

    def accept(self) -> None:
        if self.kind.currentData() == "targets" and self.targets.pending():
            self.targets.add()  # Enter in the name field adds the name, the dialog stays
            return
        goal = self.goal()
        if goal.kind == "targets" and not goal.targets:
            QMessageBox.warning(self, "Goal", "Add at least one person or organisation.")
            return
        if goal.ends_on is not None and goal.ends_on < goal.starts_on:
            QMessageBox.warning(self, "Goal", "The goal must end on or after its start.")
            return
        super().accept()
