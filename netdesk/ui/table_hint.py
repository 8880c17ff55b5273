"""Words over an empty table: why it is empty and what to do, where its rows would be."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QVBoxLayout

from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label

MARGIN = 8  # from the table's edges, as an empty board column's words


class TableHint:
    """A hint-styled label wrapping at the top of `table`'s rows area (a layout of the viewport
    keeps it as wide as the table), shown while it has words (`say`)."""

    def __init__(self, table: QAbstractItemView) -> None:
        self.label = style_label(plain_label(), "hint")
        self.label.setForegroundRole(QPalette.ColorRole.WindowText)  # not the rows' Text
        self.label.setWordWrap(True)
        self.label.hide()
        layout = QVBoxLayout(table.viewport())
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(self.label)
        layout.addStretch(1)

    def say(self, text: str) -> None:
        """Show `text` over the table ("" hides it)."""
        self.label.setText(text)
        self.label.setVisible(bool(text))
