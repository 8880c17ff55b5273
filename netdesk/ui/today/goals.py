"""Goals on Today: each goal with a progress bar for its current period, how the last periods
went (met or missed), and for a target list where each person or organisation stands.

New goal… (G) adds one, Enter or Edit… changes the selected one, Delete removes it; every change
is undoable (Ctrl+Z). The bars move when data changes anywhere, since progress is counted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.contact_list import filter_choices
from netdesk.core.goals import GoalStatus
from netdesk.ui.dates import period_label
from netdesk.ui.goals.commands import delete_command, save_command
from netdesk.ui.goals.dialog import GoalDialog
from netdesk.ui.goals.targets_editor import NamedTarget
from netdesk.ui.list_rows import fit_rows, muted_item
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label
from netdesk.ui.today.section import TodayContext, TodaySection, section_list

_GOAL_ROLE = Qt.ItemDataRole.UserRole + 1
_PAST_SHOWN = 3
BAR_STYLE = """
QProgressBar { border: 1px solid #c9d2df; border-radius: 4px; background: #f1f4f9;
               text-align: center; color: #1c2a44; min-height: 18px; }
QProgressBar::chunk { background: %s; border-radius: 3px; }
"""
_IN_PROGRESS, _MET = "#8fb3ef", "#7cc7a1"


def history_words(status: GoalStatus) -> str:
    """How the last ended periods went, or where each target stands."""
    if status.targets:
        return " · ".join(f"{target.name}: {target.stage}" for target in status.targets)
    past = [f"{period_label(r.period)}: {r.state} ({r.count})" for r in status.past[:_PAST_SHOWN]]
    return "Before: " + " · ".join(past) if past else "First period"


def goal_words(status: GoalStatus) -> str:
    """ "2 of 3 · Mar 2026", the period in the locale's words."""
    return status.words(period_label(status.current.period))


class GoalRow(QWidget):
    """A goal's title, progress bar and history, as a row of the list."""

    def __init__(self, status: GoalStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        current = status.current
        self.title = plain_label(status.goal.title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.bar = QProgressBar()
        self.bar.setRange(0, current.target)
        self.bar.setValue(min(current.count, current.target))
        self.bar.setFormat(goal_words(status))
        self.bar.setStyleSheet(BAR_STYLE % (_MET if current.met else _IN_PROGRESS))
        self.bar.setAccessibleName(f"{status.goal.title}: {goal_words(status)}, {current.state}")
        self.history = style_label(plain_label(history_words(status)), "hint")
        self.history.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 6)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.bar)
        layout.addWidget(self.history)


class GoalList(QListWidget):
    """The goals; Delete asks to delete the current one (the list would take the key before a
    shortcut could)."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class GoalsSection(TodaySection):
    """The goals and their progress, added and changed in place."""

    key = "goals"

    def __init__(self, context: TodayContext) -> None:
        super().__init__(context, "Goals")
        self.goals = context.services.goals
        self.list = GoalList()
        section_list(self.list)
        self.list.itemActivated.connect(lambda _item: self.edit_goal())
        self.body.addWidget(self.list)
        self.new_button, self.edit_button, self.delete_button = self.add_buttons(
            ("New goal…", "Add a goal whose progress NetDesk counts (G)"),
            ("Edit…", "Change the selected goal (Enter)"),
            ("Delete", "Delete the selected goal (Delete; Ctrl+Z brings it back)"),
        )
        self.row_buttons = [self.edit_button, self.delete_button]
        self.new_button.clicked.connect(self.new_goal)
        self.edit_button.clicked.connect(self.edit_goal)
        self.delete_button.clicked.connect(self.delete_goal)
        self.add_keys({Qt.Key.Key_G: (self.tr("New goal"), self.new_goal)})
        self.list.delete_pressed.connect(self.delete_goal)
        self.statuses: list[GoalStatus] = []

    def load(self, today: date) -> Callable[[], list[GoalStatus]]:
        return self.goals.statuses

    def present(self, data: list[GoalStatus], today: date) -> None:
        row = self.list.currentRow()
        self.statuses = data
        self.list.clear()
        for status in self.statuses:
            item = QListWidgetItem()
            item.setData(_GOAL_ROLE, status.goal.id)
            widget = GoalRow(status)
            item.setSizeHint(widget.sizeHint())
            item.setText(f"{status.goal.title}: {goal_words(status)}")  # for screen readers
            item.setForeground(Qt.GlobalColor.transparent)  # the row widget shows it
            self.list.addItem(item)
            self.list.setItemWidget(item, widget)
        if not self.statuses:  # as the other sections say they have nothing
            self.list.addItem(
                muted_item(self.tr("No goals yet: add one, e.g. meet 3 new people a month."))
            )
        self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        fit_rows(self.list)
        self.show_rows_present(bool(data))

    def row_widget(self, row: int) -> GoalRow:
        widget = self.list.itemWidget(self.list.item(row))
        assert isinstance(widget, GoalRow)
        return widget

    def _selected(self) -> GoalStatus | None:
        row = self.list.currentRow()
        return self.statuses[row] if 0 <= row < len(self.statuses) else None

    def new_goal(self) -> None:
        self._open(None)

    def edit_goal(self) -> None:
        status = self._selected()
        if status is not None:
            self._open(status)

    def delete_goal(self) -> None:
        status = self._selected()
        if status is not None:
            self.context.undo_stack.push(delete_command(self.goals, status.goal))
            self.context.say(f"Deleted goal “{status.goal.title}” (Ctrl+Z brings it back)")

    def _open(self, status: GoalStatus | None) -> None:
        services = self.context.services
        targets = []
        if status is not None:  # the goal's targets and their stages come in the same order
            pairs = zip(status.goal.targets, status.targets, strict=True)
            targets = [NamedTarget(ref, stage.name) for ref, stage in pairs]
        dialog = GoalDialog(
            services.clock.today(),
            filter_choices(),
            services.events.people.matches,
            status.goal if status else None,
            targets,
        )
        dialog.accepted.connect(lambda: self._save(dialog))
        self.context.open_dialog(dialog)

    def _save(self, dialog: GoalDialog) -> None:
        try:
            goal = self.goals.check(dialog.goal())
        except ValueError as error:
            self.context.say(str(error))
            return
        self.context.undo_stack.push(save_command(self.goals, goal))
