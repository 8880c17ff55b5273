"""Columns that make room for the one that matters when a list is narrow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class ColumnFitter(QObject):
    """Keeps `stretch`'s column readable: while it would be narrower than its text (at most
    `wanted` px), the `droppable` columns are hidden in that order; they come back when the
    table is wide enough again. Other columns keep the widths their modes give them."""

    def __init__(
        self, table: QTableView, stretch: int, droppable: tuple[int, ...], wanted: int
    ) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.droppable = droppable
        self.wanted = wanted
        table.viewport().installEventFilter(self)
        table.model().modelReset.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _width(self, column: int) -> int:
        header = self.table.horizontalHeader()
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents:
            return max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))
        return header.sectionSize(column)

    def fit(self) -> None:
        """Show what fits beside the stretched column's text (measured once it is shown)."""
        if not self.table.isVisible():
            return
        header = self.table.horizontalHeader()
        wanted = min(max(self.table.sizeHintForColumn(self.stretch), 0), self.wanted)
        wanted = max(wanted, header.sectionSizeHint(self.stretch))
        room = self.table.viewport().width()
        for column in self.droppable:  # a hidden section measures 0: show it to measure it
            header.setSectionHidden(column, False)
        shown = [c for c in range(header.count()) if c != self.stretch]
        for column in self.droppable:
            if room - sum(self._width(c) for c in shown) >= wanted:
                break
            shown.remove(column)
        for column in self.droppable:
            header.setSectionHidden(column, column not in shown)
