"""The list: one row per opportunity, sortable by any column (dates by date)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from netdesk.core.opportunity_rows import OpportunityRow
from netdesk.core.vocabulary import OPPORTUNITY_STAGES
from netdesk.ui.dates import day_label
from netdesk.ui.opportunities.rows_model import RowsModel, people_words
from netdesk.ui.plain import plain_tooltip
from netdesk.ui.tables import Index
from netdesk.ui.timefmt import relative_time

COLUMNS = (
    "Company",
    "Role",
    "Stage",
    "Next step on",
    "Next step",
    "People",
    "Heard of it",
    "Updated",
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3


class OpportunityTableModel(RowsModel):
    """Rows of `OpportunityRow`, as text; SORT_ROLE gives each column's order."""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:  # a cell narrower than its text ends in "…"
            return plain_tooltip(text) if (text := self._text(row, column)) else None
        if role == SORT_ROLE:
            return self._order(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and row.next_step_on:
            if row.next_step_on < self.today:
                return QColor("#b3261e")
            if row.next_step_on == self.today:
                return QColor("#9a5b00")
        return None

    def _text(self, row: OpportunityRow, column: int) -> str:
        if column == 3:
            return day_label(row.next_step_on, self.today) if row.next_step_on else ""
        if column == 5:
            return people_words(row)
        if column == 6:
            when = day_label(row.heard_on, self.today) if row.heard_on else ""
            return ", ".join(part for part in (row.source, when) if part)
        if column == 7:
            return relative_time(row.updated_at, self.today)
        return (row.company, row.title, row.stage, "", row.next_step)[column]

    def _order(self, row: OpportunityRow, column: int) -> object:
        if column == 2:
            return OPPORTUNITY_STAGES.index(row.stage)
        if column == 3:
            return (row.next_step_on or date.max).isoformat()
        if column == 7:
            return row.updated_at.isoformat()
        return self._text(row, column).casefold()
