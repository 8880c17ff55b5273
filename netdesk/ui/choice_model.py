"""The entries of a combo box's menu as (text, value) pairs, answered when Qt asks.

A filter menu of 5,000 organisations filled by `addItem` is 5,000 calls into Qt while the
window waits (~70 ms of the Contacts view's start at 100,000 contacts on a loaded machine); a
model hands the list over in one call, and the combo box reads only the rows it shows. The
value is the item data (`Qt.UserRole`), so `currentData`, `findData` and `setCurrentIndex` work
as with items added one by one.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

_DISPLAY = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole)


class ChoiceModel(QAbstractListModel):
    """(text, value) pairs: the text shown, the value as item data."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices: list[tuple[str, str]] = []

    def set_choices(self, choices: Iterable[tuple[str, str]]) -> None:
        """Show these choices instead (the combo box's current index is then the caller's)."""
        self.beginResetModel()
        self._choices = list(choices)
        self.endResetModel()

    def rowCount(
        self,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> int:
        return 0 if parent.isValid() else len(self._choices)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        text, value = self._choices[index.row()]
        if role in _DISPLAY:
            return text
        return value if role == Qt.ItemDataRole.UserRole else None
