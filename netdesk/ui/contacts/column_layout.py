"""The contact list's columns: order, widths, sort and the list/editor split remembered; the
columns you hide or show kept so; a narrow list leaving out the less important ones.

Right-click the header to show or hide a column or go back to the default columns; drag a
header to move its column. A list too narrow for every column leaves out Tags, Circle, Title
and then Organisation (in that order, unless you chose to show one) so that Name, Last contacted
and Next follow-up stay in view at 1024 pixels; with Organisation left out, the name cell shows
it on a second line. Room left beside the columns goes first to the columns whose text in view
is cut (each up to its widest cell, those lacking least first; measured when the list is
shown, resized, filled anew or still after a scroll), then widens Organisation, Name and Title
(to at most 200 pixels) rather than the stretched last column; when it is short, a column whose
cells need less than its width (Circle with nobody in one) lends the rest to the cut ones. A
column you resize keeps your width. Everything lives in the window's settings (one QSettings
for the whole window) and is written whenever it changes (a sort a turn after its page shows),
so a crash does not lose it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QMenu, QSplitter, QTableView

from netdesk.ui.column_fitter import share_room, shift_widened
from netdesk.ui.contacts.model import COLUMNS
from netdesk.ui.name_cell import NameWithOrganisation
from netdesk.ui.stored_settings import read_bytes, read_text
from netdesk.ui.tables import viewport

HEADER_KEY = "contacts/header"
SPLITTER_KEY = "contacts/splitter"
HIDDEN_KEY = "contacts/hidden_columns"
SHOWN_KEY = "contacts/shown_columns"
KEYS = tuple(key for key, _ in COLUMNS)
WIDTHS = {
    "name": 155,
    "organisation": 125,
    "title": 125,
    "circle": 90,
    "tags": 95,
    "last_contacted": 100,
    "next_followup": 105,
}
"""First-start widths: Name, Last contacted and Next follow-up fit a 1024-pixel window."""
DEFAULT_ORDER = ("name", "organisation", "last_contacted", "next_followup", "title", "circle")
LEFT_OUT_FIRST = ("tags", "circle", "title", "organisation")
ROOMY = {"organisation": 200, "name": 200, "title": 200}
"""Room left beside the columns widens these (in this order, up to these widths) before the
stretched last column, whose dates need no more than their first-start width."""
SCROLL_SETTLES_MS = 150
"""How long the list stays still (a scroll stopped, a search no longer typed) before its columns
fit the rows then in view."""
_DEFAULT_SIZES = [600, 500]  # the list gets the larger share beside the editor
_NAME, _ORGANISATION = KEYS.index("name"), KEYS.index("organisation")


def _keys(settings: QSettings, key: str) -> set[str]:
    text = read_text(settings, key, "", lambda t: set(t.split(",")) <= set(KEYS))
    return set(text.split(",")) - {""}


class ColumnLayout(QObject):
    """Puts back the stored layout (or the default one), stores each change the user makes and
    fits the columns to the list's width."""

    def __init__(self, settings: QSettings, table: QTableView, splitter: QSplitter) -> None:
        super().__init__(table)
        self.settings = settings
        self.table = table
        self.splitter = splitter
        self.header = table.horizontalHeader()
        self.hidden = _keys(settings, HIDDEN_KEY) - {"name"}
        self.shown = _keys(settings, SHOWN_KEY) - self.hidden
        self.name_cell = NameWithOrganisation(_ORGANISATION, table)
        self._fitting = False
        self.widened: dict[int, int] = {}
        """The pixels `fit` added to a column from the spare room (or took from one with room to
        lend: fewer than 0), given back before measuring."""
        self.dragged: set[int] = set()
        """The columns you resized: `fit` leaves their widths alone."""
        self._cells: dict[int, int] = {}  # each column's widest cell, until the rows change
        self._measured = False  # rows in view measured once: a list filled anew then waits
        state = read_bytes(settings, HEADER_KEY)
        if state:
            self.header.restoreState(state)
            table.sortByColumn(self.header.sortIndicatorSection(), self.header.sortIndicatorOrder())
        else:
            self._default_columns()
        sizes = read_bytes(settings, SPLITTER_KEY)
        if sizes:
            splitter.restoreState(sizes)
        else:
            splitter.setSizes(_DEFAULT_SIZES)
        self.header.setSectionsMovable(True)
        self.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header.customContextMenuRequested.connect(self._show_menu)
        self.header.sectionResized.connect(self._resized)
        self.header.sectionMoved.connect(self.save)
        # a sort is stored a turn after the click: the settings file's write (1.2-1.5 ms of the
        # GUI thread) ran before the sorted page's paint, which waited for it
        self._save_sort = QTimer(self)
        self._save_sort.setSingleShot(True)
        self._save_sort.setInterval(1)  # a timer: posted calls run before the paint's request
        self._save_sort.timeout.connect(self.save)
        self.header.sortIndicatorChanged.connect(lambda *_: self._save_sort.start())
        splitter.splitterMoved.connect(self.save)
        viewport(table).installEventFilter(self)
        self._settled = QTimer(self)  # the rows in view measured once the list stays
        self._settled.setSingleShot(True)
        self._settled.setInterval(SCROLL_SETTLES_MS)
        self._settled.timeout.connect(self._rows_changed)
        table.verticalScrollBar().valueChanged.connect(lambda _value: self._settled.start())
        model = table.model()
        model.modelReset.connect(self._filled)
        for signal in (model.rowsInserted, model.dataChanged, model.layoutChanged):
            signal.connect(lambda *_: self._cells.clear())  # measured again at the next fit

    def _default_columns(self) -> None:
        for key, width in WIDTHS.items():
            self.table.setColumnWidth(KEYS.index(key), width)
        for target, key in enumerate(DEFAULT_ORDER):
            self.header.moveSection(self.header.visualIndex(KEYS.index(key)), target)

    def save(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:  # the widths without the spare room `fit` gave: a smaller window starts from them
            shift_widened(self.header, self.widened, -1)
            self.settings.setValue(HEADER_KEY, self.header.saveState())
            shift_widened(self.header, self.widened, 1)
        finally:
            self._fitting = False
        self.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self.settings.setValue(HIDDEN_KEY, ",".join(sorted(self.hidden)))
        self.settings.setValue(SHOWN_KEY, ",".join(sorted(self.shown)))

    def _resized(self, column: int) -> None:
        if not self._fitting:
            self.widened.pop(column, None)  # the width you chose is yours
            self.dragged.add(column)
            self.save()

    def _filled(self) -> None:
        """The list filled anew (a search, a sort, a change): its first rows fitted at once, as
        the list shows; later fills once the list stays (measuring the rows in view at each key
        typed in a search took ~25% of its time until the rows showed)."""
        self._cells.clear()
        if self._measured:
            self._settled.start()
        else:
            self._rows_changed()

    def _rows_changed(self) -> None:
        """Other rows in view: their cells measured, the columns fitted."""
        self._cells.clear()
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    # -- fitting ------------------------------------------------------------------------------

    def _needed(self, columns: list[int]) -> int:
        """The width `columns` take; the last one stretches, so it counts at its own width."""
        ordered = sorted(columns, key=self.header.visualIndex)
        *others, last = ordered
        wanted = min(self.header.sectionSize(last), WIDTHS[KEYS[last]])
        return sum(self.header.sectionSize(c) for c in others) + wanted

    def fit(self) -> None:
        """Show the columns you want that fit, leaving out the less important ones first."""
        if not self.table.isVisible():
            return
        shown = [c for c, key in enumerate(KEYS) if key not in self.hidden]
        room = self.table.viewport().width()
        self._fitting = True
        try:
            shift_widened(self.header, self.widened, -1)
            self.widened.clear()
            for column in shown:  # a hidden section measures 0: show it to measure it
                self.header.setSectionHidden(column, False)
            for key in LEFT_OUT_FIRST:
                if self._needed(shown) <= room:
                    break
                if key not in self.shown and KEYS.index(key) in shown:
                    shown.remove(KEYS.index(key))
            for column in range(len(KEYS)):
                self.header.setSectionHidden(column, column not in shown)
            self._widen(shown, room)
        finally:
            self._fitting = False
        name_cell = None if _ORGANISATION in shown else self.name_cell
        if self.table.itemDelegateForColumn(_NAME) is not name_cell:
            self.table.setItemDelegateForColumn(_NAME, name_cell)  # type: ignore[arg-type]
            self.table.viewport().update()

    def _cell_width(self, column: int) -> int:
        """What the column's cells in view need (the rows read are thousands, and a long one
        far down would take the room of the text in sight)."""
        if column not in self._cells:
            table, rows = self.table, self.table.verticalHeader()
            first = max(0, rows.visualIndexAt(0))  # -1 while a new list is laid out: its top
            shown = table.viewport().height() // max(1, rows.defaultSectionSize()) + 1
            last = min(first + shown, table.model().rowCount())
            index = table.model().index
            widths = (
                table.sizeHintForIndex(index(row, column)).width() for row in range(first, last)
            )
            self._cells[column] = max(widths, default=0)
            self._measured = self._measured or last > first
        return self._cells[column]

    def _widen(self, shown: list[int], room: int) -> None:
        """Give the room the columns leave to the cut ones (borrowing from those with room to
        lend when it is short), then to the text columns (see `ROOMY`)."""
        last = max(shown, key=self.header.visualIndex)
        spare = self._fill_cut([c for c in shown if c != last], room - self._needed(shown))
        for key, most in ROOMY.items():
            column = KEYS.index(key)
            extra = min(spare, most - self.header.sectionSize(column))
            if column in shown and column not in (last, *self.dragged) and extra > 0:
                self._resize_by(column, extra)
                spare -= extra

    def _fill_cut(self, columns: list[int], spare: int) -> int:
        """Widen the cut `columns` you did not resize up to their cells (`share_room` when the
        room, `spare` and what the others can lend down to their cells and title, is short; a
        column is lent room only to be made whole); the room still spare."""
        lacking: dict[int, int] = {}
        lending: dict[int, int] = {}
        for column in (c for c in columns if c not in self.dragged):
            size, cells = self.header.sectionSize(column), self._cell_width(column)
            if cells > size:
                lacking[column] = cells - size
            else:
                lending[column] = max(0, size - max(cells, self.header.sectionSizeHint(column)))
        spare = max(spare, 0)
        shared = share_room(lacking, spare + sum(lending.values()))
        given = {c: extra for c, extra in shared.items() if extra == lacking[c]}  # made whole
        borrowed = max(0, sum(given.values()) - spare)  # only to make a column whole
        rest = {c: lack for c, lack in lacking.items() if c not in given}
        given |= share_room(rest, max(0, spare - sum(given.values())))
        for column, extra in sorted(lending.items(), key=lambda item: -item[1]):
            lent = min(extra, borrowed)
            self._resize_by(column, -lent)
            borrowed -= lent
        for column, extra in given.items():
            self._resize_by(column, extra)
        return max(0, spare - sum(given.values()))

    def _resize_by(self, column: int, extra: int) -> None:
        if extra:
            self.header.resizeSection(column, self.header.sectionSize(column) + extra)
            self.widened[column] = self.widened.get(column, 0) + extra

    # -- choosing -----------------------------------------------------------------------------

    def menu(self) -> QMenu:
        """A column per line, ticked when you want it shown (Name always is), and the defaults."""
        menu = QMenu(self.table)
        for key, title in COLUMNS:
            action = menu.addAction(self.table.model().tr(title))
            action.setCheckable(True)
            action.setChecked(key not in self.hidden)
            action.setEnabled(key != "name")
            action.toggled.connect(lambda on, k=key: self.set_shown(k, on))
        menu.addSeparator()
        menu.addAction("Default columns", self.reset)
        return menu

    def _show_menu(self, position: QPoint) -> None:
        self.menu().popup(self.header.mapToGlobal(position))

    def set_shown(self, key: str, shown: bool) -> None:
        """Show or hide a column (kept so after a restart; one you show is never left out)."""
        if key == "name":
            return
        (self.shown if shown else self.hidden).add(key)
        (self.hidden if shown else self.shown).discard(key)
        self.fit()
        self.save()

    def reset(self) -> None:
        """The first start's columns: their order and widths, none hidden or chosen."""
        self.hidden.clear()
        self.shown.clear()
        self.widened.clear()
        self.dragged.clear()
        self._fitting = True
        for column in range(len(KEYS)):
            self.header.setSectionHidden(column, False)
        self._default_columns()
        self._fitting = False
        self.fit()
        self.save()
