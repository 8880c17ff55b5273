"""What the views' short lists share: the muted grey row that says why a list has nothing to
act on (Today's sections, the Follow-ups agenda)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QListWidgetItem


def muted_item(text: str) -> QListWidgetItem:
    """A list's row saying why it has nothing to act on: muted grey, not selectable (every
    list's, alike)."""
    from netdesk.ui.calendar.month_grid import MUTED

    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    item.setForeground(QBrush(MUTED))
    return item
