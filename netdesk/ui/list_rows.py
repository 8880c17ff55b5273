"""What the views' short lists share: the muted grey row that says why a list has nothing to
act on (Today's sections, the Follow-ups agenda), and a list or table as tall as its rows
(Today's sections, the Companies panel's tables)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidgetItem, QTableView

MIN_ROWS = 3  # a list is never shorter than this many rows
MAX_ROWS = 20  # nor taller (Due with both groups full fits): past this it scrolls


def muted_item(text: str) -> QListWidgetItem:
    """A list's row saying why it has nothing to act on: muted grey, not selectable (every
    list's, alike)."""
    from netdesk.ui.calendar.month_grid import MUTED

    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    item.setForeground(MUTED)
    return item


def fit_rows(widget: QAbstractItemView, most: int = MAX_ROWS) -> None:
    """Make the list (or table, with its header) at least as tall as its rows (MIN_ROWS to
    `most` of them), so the page or the other lists give way rather than a short list
    scrolling."""
    model = widget.model()
    count = min(model.rowCount() if model is not None else 0, most)
    if isinstance(widget, QTableView):  # its rows are as tall as its vertical header says
        rows = [widget.rowHeight(i) for i in range(count)]
        header = widget.horizontalHeader()
        padding = header.sizeHint().height() if not header.isHidden() else 0
    else:
        rows = [widget.sizeHintForRow(i) for i in range(count)]
        spacing = widget.spacing() if isinstance(widget, QListView) else 0
        padding = 2 * spacing * len(rows)
    row_height = max(rows, default=widget.fontMetrics().height() + 4)
    padding += 2 * widget.frameWidth() + 4
    height = sum(rows) + row_height * max(0, MIN_ROWS - len(rows)) + padding
    widget.setMinimumHeight(height)
