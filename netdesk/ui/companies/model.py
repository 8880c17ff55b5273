"""The Companies list as a table model, and a plain rows model for the company's own tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, Qt

from netdesk.core.companies import CompanyRow
from netdesk.ui.plain import plain_tooltip
from netdesk.ui.tables import Index, RowsTableModel
from netdesk.ui.timefmt import relative_time

COLUMNS = ("Company", "People", "Last contact", "★")
TARGET_COLUMN = 3
_SORT_KEYS: dict[int, Callable[[CompanyRow], Any]] = {
    0: lambda row: row.name.casefold(),
    1: lambda row: row.people,
    2: lambda row: row.last_contacted_at or datetime.min,
    3: lambda row: row.target,
}


def last_contact_text(moment: datetime | None, today: date) -> str:
    """ "3 weeks ago", or "—" for never."""
    return relative_time(moment, today) if moment else "—"


class CompanyTableModel(RowsTableModel):
    """Rows of `CompanyService.rows`, ranked by a search or sorted by a column; a star marks
    the targets (the column's header says "Target" to screen readers and in its tooltip)."""

    rows: list[CompanyRow]

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self.today = today
        self._last_texts: dict[int, str] = {}  # by company id, made as rows are first painted

    def set_rows(self, rows: list[CompanyRow]) -> None:
        """Show `rows`; the same companies in the same order (a change to a few of them) are
        repainted in place, without the reset that lays out the whole table again."""
        self._last_texts = {}
        same = len(rows) == len(self.rows) and all(
            new.id == old.id for new, old in zip(rows, self.rows, strict=True)
        )
        if not same or not rows:
            super().set_rows(rows)
            return
        self.rows = rows
        last = self.index(len(rows) - 1, len(COLUMNS) - 1)
        self.dataChanged.emit(self.index(0, 0), last)

    def _last_text(self, row: CompanyRow) -> str:
        text = self._last_texts.get(row.id)
        if text is None:
            text = self._last_texts[row.id] = last_contact_text(row.last_contacted_at, self.today())
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.name,
                str(row.people),
                self._last_text(row),
                "★" if row.target else "",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:  # a long name ends in "…"
            return plain_tooltip(row.name)
        if role == Qt.ItemDataRole.ToolTipRole and column == TARGET_COLUMN and row.target:
            return "A target company (Ctrl+T marks or unmarks)"
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TARGET_COLUMN:
            return "target" if row.target else "not a target"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, TARGET_COLUMN):
            return Qt.AlignmentFlag.AlignCenter  # a count right-aligned ran into the date
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> str | None:
        named = role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
        if orientation == Qt.Orientation.Horizontal and section == TARGET_COLUMN and named:
            return "Target"
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        descending = order == Qt.SortOrder.DescendingOrder
        self.rows.sort(key=_SORT_KEYS[column], reverse=descending)
        self.layoutChanged.emit()


class TextRow(NamedTuple):
    """A row of a company's own tables: whose (a contact's or an event's id) and its cells."""

    id: int
    cells: tuple[str, ...]


class RowsModel(RowsTableModel):
    """Read-only rows of text (`TextRow`) under fixed headers."""

    rows: list[TextRow]

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(headers, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text = self.rows[index.row()].cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole and text:
            return plain_tooltip(text)
        return None
