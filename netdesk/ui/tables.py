"""The look and behaviour shared by the row lists (contacts, events, companies): whole rows,
read-only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractScrollArea

Index = QModelIndex | QPersistentModelIndex
"""The index Qt's model and delegate methods are handed."""
_VIEWPORT_NAME = "qt_scrollarea_viewport"  # the object name Qt gives the viewport it makes


def viewport(area: QAbstractScrollArea) -> QWidget:
    """`area.viewport()`, first wrapped as the plain QWidget it is. Asked for through
    `viewport()` first, PySide6 (6.11) looked for the widget's class among the QWidget subclasses
    it had not built yet, building each with its enum types (29 types, ~2 ms, before Contacts
    was usable over 100,000 contacts); `findChild` wraps it as the class it is asked for."""
    area.findChild(QWidget, _VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return area.viewport()


class RowsTableModel(QAbstractTableModel):
    """A table of `rows` (any objects with an `id`) under fixed `headers`; subclasses say what
    each cell shows in `data`."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_id(self, row: int) -> int | None:
        """The id of row `row` (None outside the table)."""
        return int(self.rows[row].id) if 0 <= row < len(self.rows) else None

    def row_of(self, row_id: int) -> int:
        """The row holding `row_id`, -1 for none."""
        return next((i for i, r in enumerate(self.rows) if r.id == row_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def select_row(table: QTableView, row: int) -> None:
    """Make row `row` the table's current and only selected row."""
    flags = QItemSelectionModel.SelectionFlag
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)


def list_table(
    name: str,
    model: QAbstractItemModel,
    widths: tuple[int, ...],
    row_height: int,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
) -> QTableView:
    """A table over `model` of whole-row, read-only items, fixed row height, given widths."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # arrows move in the list, Tab goes on to the next field
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table
