"""Columns that make room for the one that matters when a list is narrow."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

from netdesk.ui.tables import viewport


def share_room(lacking: dict[int, int], room: int) -> dict[int, int]:
    """How many of `room` pixels each column gets of what it lacks (`lacking`, by column): the
    smallest lack first, so that as many columns as the room allows read whole; the next one
    gets what is left."""
    given: dict[int, int] = {}
    for column, lack in sorted(lacking.items(), key=lambda item: (item[1], item[0])):
        given[column] = max(0, min(lack, room))
        room -= given[column]
    return given


def shift_widened(header: QHeaderView, widened: dict[int, int], sign: int) -> None:
    """Take back (`sign` -1) or give again (1) the pixels `widened` says a fit added to each
    column, so that measuring and storing see the columns' own widths."""
    for column, extra in widened.items():
        header.resizeSection(column, header.sectionSize(column) + sign * extra)


class ColumnFitter(QObject):
    """Keeps `stretch`'s column readable: while it would be narrower than its text (at most
    `wanted` px; `wanted` with no row, as a list of rows would show it, where the empty Events
    list squeezed its titles), the `droppable` columns are hidden in that order; they come back
    when the table is wide enough again. Room left beyond `wanted` goes first to the columns
    whose text is cut, each widened up to its widest cell (when the room is short, those that
    lack least first: `share_room`, the stretched column's text beyond `wanted` counted too),
    and the stretched column has the rest: at 1920 px Opportunities gave it all while People
    and Heard of it stayed cut. A column you resized by dragging keeps the width you gave it; a
    widened one gives its extra back when the table narrows.

    `cells(column)`, when given, is the width a column's cells need (None: measure them with the
    table, which asks the model for every row; measured once per change of the rows)."""

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
        self.widened: dict[int, int] = {}
        """The pixels `fit` added to a column from the room left, given back before measuring."""
        self.dragged: set[int] = set()
        """The columns you resized: `fit` leaves their widths alone."""
        self._measured: dict[int, int] = {}  # the cells' widths, until the rows change
        self._fitting = False
        header = table.horizontalHeader()
        for column in range(header.count()):
            self._width(column)
        header.sectionResized.connect(self._resized)
        viewport(table).installEventFilter(self)
        model = table.model()
        model.modelReset.connect(self._rows_changed)
        self._refit = QTimer(self)  # once after a burst of changed rows (a filter typed)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        for signal in (
            model.dataChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
        ):
            signal.connect(lambda *_: self._cells_changed())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _rows_changed(self) -> None:
        self._measured.clear()
        self.fit()

    def _cells_changed(self) -> None:
        self._measured.clear()
        self._refit.start()

    def _resized(self, column: int) -> None:
        interactive = QHeaderView.ResizeMode.Interactive
        if (
            not self._fitting
            and self.table.horizontalHeader().sectionResizeMode(column) == interactive
        ):
            self.dragged.add(column)  # the width you chose is yours
            self.widened.pop(column, None)

    def _needed(self, column: int) -> int:
        """What the column's cells need."""
        cells = self.cells(column)
        if cells is not None:
            return cells
        if column not in self._measured:
            self._measured[column] = self.table.sizeHintForColumn(column)
        return self._measured[column]

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
        self._fitting = True
        try:
            shift_widened(self.table.horizontalHeader(), self.widened, -1)
            self.widened.clear()
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        header = self.table.horizontalHeader()
        wanted = self.wanted  # with no row, no text to fit: the room a list of rows gives it
        if self.table.model().rowCount():
            wanted = min(max(self._needed(self.stretch), 0), wanted)
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
        kept = max(wanted, self.wanted)  # the stretched column's own room, short text or not
        self._widen(shown, room - sum(header.sectionSize(c) for c in shown) - kept, kept)

    def _widen(self, shown: list[int], spare: int, wanted: int) -> None:
        """Share `spare` pixels (`share_room`) among the cut columns of `shown` that `fit` may
        widen (resizable ones you did not resize; each up to its widest cell or title), the
        stretched column's lack beyond `wanted` counted with theirs."""
        if spare <= 0:
            return
        header = self.table.horizontalHeader()
        interactive = QHeaderView.ResizeMode.Interactive  # the others' widths are their owners'
        lacking = {
            column: max(self._needed(column), header.sectionSizeHint(column))
            - header.sectionSize(column)
            for column in shown
            if column not in self.dragged and header.sectionResizeMode(column) == interactive
        }
        lacking = {column: lack for column, lack in lacking.items() if lack > 0}
        lacking[self.stretch] = self._needed(self.stretch) - wanted  # it takes what is left
        for column, extra in share_room(lacking, spare).items():
            if extra > 0 and column != self.stretch:
                header.resizeSection(column, header.sectionSize(column) + extra)
                self.widened[column] = extra
