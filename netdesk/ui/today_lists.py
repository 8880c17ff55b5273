"""The two lists of the Today view: people to reach out to, and follow-ups due by tonight."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from netdesk.core.followup_queries import FollowUpRow
from netdesk.core.reach_out import Suggestion
from netdesk.ui.calendar.agenda import CONTACT_ROLE, ID_ROLE, KIND_ROLE, AgendaList
from netdesk.ui.calendar.month_grid import MUTED

GROUP_ROWS = 8  # rows a group shows before its "N more"


class ReachOutList(QListWidget):
    """Ranked people, each on two lines: the name, then the reason in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setSpacing(2)

    def fill(self, suggestions: list[Suggestion]) -> None:
        self.clear()
        for suggestion in suggestions:
            item = QListWidgetItem(f"{suggestion.name}\n{suggestion.reason}")
            item.setData(KIND_ROLE, "person")
            item.setData(ID_ROLE, suggestion.contact_id)
            item.setData(CONTACT_ROLE, suggestion.contact_id)
            item.setToolTip(suggestion.reason)
            self.addItem(item)
        if not suggestions:
            item = QListWidgetItem(self.tr("Nobody is waiting on you today."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setForeground(QBrush(MUTED))
            self.addItem(item)

    def current_contact(self) -> int | None:
        item = self.currentItem()
        return item.data(CONTACT_ROLE) if item is not None else None


class DueList(AgendaList):
    """Today's follow-ups, then the overdue ones (oldest first), each group under a heading;
    a group longer than GROUP_ROWS ends in an "N more" row that Enter or a click expands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.expanded: set[str] = set()

    def fill(self, due_today: list[FollowUpRow], overdue: list[FollowUpRow], today: date) -> None:
        self.clear()
        for key, title, rows in (
            ("today", self.tr("Due today ({0})"), due_today),
            ("overdue", self.tr("Overdue ({0})"), overdue),
        ):
            if not rows:
                continue
            self.add_heading(title.format(len(rows)))
            shown = rows if key in self.expanded else rows[:GROUP_ROWS]
            for row in shown:
                self.add_followup(row, today, with_day=key == "overdue")
            if len(rows) > len(shown):
                self._add_more(key, len(rows) - len(shown))
        if self.count() == 0:
            self.add_heading(self.tr("Nothing due. Well done."))
            self.item(0).setFont(self.font())

    def _add_more(self, key: str, hidden: int) -> None:
        item = QListWidgetItem(self.tr("{0} more…").format(hidden))
        item.setData(KIND_ROLE, "more")
        item.setData(ID_ROLE, key)
        font = QFont(self.font())
        font.setItalic(True)
        item.setFont(font)
        item.setForeground(QBrush(MUTED))
        self.addItem(item)

    def current_kind(self) -> str | None:
        item = self.currentItem()
        return item.data(KIND_ROLE) if item is not None else None

    def expand_current(self) -> bool:
        """Show the whole group of the current "N more" row; whether it was one."""
        item = self.currentItem()
        if item is None or item.data(KIND_ROLE) != "more":
            return False
        self.expanded.add(item.data(ID_ROLE))
        return True

    def current_contact(self) -> int | None:
        item = self.currentItem()
        if item is None or item.data(KIND_ROLE) != "followup":
            return None
        return item.data(CONTACT_ROLE)

    def select_key(self, key: tuple[str, object] | None, fallback_row: int) -> None:
        """Make current the row with this (kind, id), else the selectable row nearest
        `fallback_row` (after Done, the next one)."""
        rows = [i for i in range(self.count()) if self.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]
        rows = [i for i in rows if self.item(i).data(KIND_ROLE) in ("followup", "more")]
        if not rows:
            return
        for index in rows:
            item = self.item(index)
            if key is not None and (item.data(KIND_ROLE), item.data(ID_ROLE)) == key:
                self.setCurrentRow(index)
                return
        later = [i for i in rows if i >= fallback_row]
        self.setCurrentRow(later[0] if later else rows[-1])

    def current_key(self) -> tuple[str, object] | None:
        item = self.currentItem()
        return (item.data(KIND_ROLE), item.data(ID_ROLE)) if item is not None else None
