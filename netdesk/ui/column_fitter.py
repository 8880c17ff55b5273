"""Columns that make room for the one that matters when a list is narrow."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class ColumnFitter(QObject):
    """Keeps `stretch`'s column readable: while it would be narrower than its text (at most
    `wanted` px), the `droppable` columns are hidden in that order; they come back when the
    table is wide enough again. Other columns keep the widths their modes give them.

    `cells(column)`, when given, is the width a column's cells need (None: measure them with the
    table, which asks the model for every row)."""

    def __init__(
        self,
        table: QTableView,
        stretch: int,
        droppable: tuple[int, ...],
        wanted: int,
        cells: Callable[[int], int | None] = lambda _column: None,
    ) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.droppable = droppable
        self.wanted = wanted
        self.cells = cells
        self._sizes: dict[int, int] = {}
        """Each column's header width (or its width, when sized) when last shown: a hidden
        section measures 0."""
        for column in range(table.horizontalHeader().count()):
            self._width(column)
        table.viewport().installEventFilter(self)
        table.model().modelReset.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _needed(self, column: int) -> int:
        """What the column's cells need."""
        cells = self.cells(column)
        return self.table.sizeHintForColumn(column) if cells is None else cells

    def _width(self, column: int) -> int:
        header = self.table.horizontalHeader()
        cells = self.cells(column)  # sized to its cells (by its owner) when not None
        contents = header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents
        if not header.isSectionHidden(column):
            hinted = contents or cells is not None
            self._sizes[column] = (header.sectionSizeHint if hinted else header.sectionSize)(column)
        size = self._sizes.get(column, header.defaultSectionSize())
        if cells is not None:
            return max(size, cells)
        return max(size, self._needed(column)) if contents else size

    def fit(self) -> None:
        """Show what fits beside the stretched column's text (measured once it is shown).

        Each column is measured once, hidden or not, and only a section whose state changes
        is shown or hidden: each change makes the header measure its columns again, reading
        every row (the Events list's first showing took ~0.25 s at 92 events)."""
        if not self.table.isVisible():
            return
        header = self.table.horizontalHeader()
        wanted = min(max(self._needed(self.stretch), 0), self.wanted)
        wanted = max(wanted, header.sectionSizeHint(self.stretch))
        room = self.table.viewport().width()
        shown = [c for c in range(header.count()) if c != self.stretch]
        widths = {c: self._width(c) for c in shown}
        for column in self.droppable:
            if room - sum(widths[c] for c in shown) >= wanted:
                break
            shown.remove(column)
        for column in self.droppable:
            if header.isSectionHidden(column) != (column not in shown):
                header.setSectionHidden(column, column not in shown)
