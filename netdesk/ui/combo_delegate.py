"""A table column edited with a combo box of the texts a row allows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QWidget,
)

from netdesk.ui.tables import Index


class ComboDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of `options(index)`; the chosen text becomes its value."""

    def __init__(self, options: Callable[[Index], list[str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.options = options

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(self.options(index))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(index.data())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


def choose_in_column(
    table: QTableWidget, column: int, options: Callable[[Index], list[str]]
) -> None:
    """Make `table` rows whose `column` is picked from `options(index)`: whole rows selected, no
    row numbers, the combo box opening as soon as the cell is current or clicked."""
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.CurrentChanged
        | QAbstractItemView.EditTrigger.SelectedClicked
        | QAbstractItemView.EditTrigger.DoubleClicked
    )
    table.setItemDelegateForColumn(column, ComboDelegate(options, table))
