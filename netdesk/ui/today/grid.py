"""The Today sections in reading order: two to a row when the view is wide, one under another
when it is narrow, so a large screen shows more of the plan instead of empty space."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QWidget

COLUMN_MIN_WIDTH = 380  # px: a column is never narrower, whatever its sections need
SPACING = 16


class SectionGrid(QWidget):
    """Lays out `sections` in `columns` columns; rows are as tall as their taller section, and
    what height is left over stays below the last row."""

    def __init__(self, sections: Sequence[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = list(sections)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(SPACING)
        self.columns = 0
        self.set_columns(1)

    def columns_for(self, width: int) -> int:
        """Two columns when `width` pixels hold two of the widest section's minimum (its
        buttons in a row), else one: nothing is cut off at the right."""
        needed = max([COLUMN_MIN_WIDTH] + [s.minimumSizeHint().width() for s in self.sections])
        return 2 if width >= 2 * needed + SPACING else 1

    def set_columns(self, columns: int) -> None:
        if columns != self.columns:
            self._lay_out(columns)

    def add(self, sections: Sequence[QWidget], width: int) -> None:
        """Add `sections` after the others, laid out for a page `width` pixels wide."""
        self.sections.extend(sections)
        self._lay_out(self.columns_for(width))

    def _lay_out(self, columns: int) -> None:
        for section in self.sections:
            self.grid.removeWidget(section)
        rows = (len(self.sections) + columns - 1) // columns
        for row in range(len(self.sections) + 1):
            self.grid.setRowStretch(row, 0)
        for index, section in enumerate(self.sections):
            self.grid.addWidget(section, index // columns, index % columns)
        self.grid.setRowStretch(rows, 1)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.columns = columns
