"""The contact list's table model: rows come from SQL a page at a time.

Opening the list reads one page whatever the number of contacts; scrolling fetches more
(`canFetchMore`/`fetchMore`). Sorting and filtering build a new query and reset the model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor, QPixmap

from netdesk.core.clock import Clock
from netdesk.core.contact_list import ContactListQuery, ContactRow, ListFilter
from netdesk.ui.contacts.avatars import Avatars, PhotoLoader
from netdesk.ui.contacts.cells import Cell
from netdesk.ui.dates import long_day, time_label
from netdesk.ui.plain import plain_tooltip
from netdesk.ui.style import KEEP_COLOURS, KEEP_WORDS
from netdesk.ui.tables import Index
from netdesk.ui.timefmt import list_due_day, local_from_utc, relative_time

COLUMNS = (
    ("name", "Name"),
    ("organisation", "Organisation"),
    ("title", "Title"),
    ("circle", "Circle"),
    ("tags", "Tags"),
    ("last_contacted", "Last contacted"),
    ("next_followup", "Next follow-up"),
)
PAGE_SIZE = 200
FIRST_PAGE_SIZE = 60  # a tall screen's worth, until the view says how many rows it shows
VCARD_MIME = "text/vcard"
ContactIdRole = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_ANSWERED_ROLES = frozenset((_DISPLAY, _TOOLTIP, _DECORATION, _FOREGROUND, int(ContactIdRole)))
_LAST_CONTACTED = next(i for i, (key, _) in enumerate(COLUMNS) if key == "last_contacted")
_KEEP = ContactRow._fields.index("keep")
_KEEP_COLOURS = {keep: QColor(colour) for keep, colour in KEEP_COLOURS.items()}
_COLUMN_KEYS = tuple(key for key, _ in COLUMNS)
# flags() is asked for every painted cell: a constant answers without building enum values.
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
    | Qt.ItemFlag.ItemIsDragEnabled
)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


class ListRead(NamedTuple):
    """The list read again on a worker (`ContactTableModel.reread`)."""

    query: ContactListQuery
    rows: list[ContactRow]
    asked: int
    total: int
    shown: int  # the model's lists shown when the read began


def _display(row: ContactRow, key: str, today: date) -> str:
    if key == "last_contacted":
        return relative_time(row.last_contacted_at, today) if row.last_contacted_at else "—"
    if key == "next_followup":
        return list_due_day(row.next_followup_at, today) if row.next_followup_at else ""
    return getattr(row, key)


class ContactTableModel(QAbstractTableModel):
    """Contacts matching a filter, in SQL order, fetched lazily."""

    def __init__(
        self, load_photos: PhotoLoader, clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.list_filter = ListFilter()
        self.sort_key = "name"
        self.descending = False
        self.avatars = Avatars(load_photos)
        self._rows: list[tuple[object, ...]] = []
        """The fetched rows as exact tuples (`ContactRow` fields): the garbage collector stops
        tracking those (not a tuple subclass), see `ContactRow`."""
        self._total: int | None = 0
        self._exhausted = True
        self._query = ContactListQuery()
        self._loaded = False
        self._shown = 0  # lists shown so far: a list read on a worker is shown if none since
        # Rows read when the list is (re)filled (the view sets it): each costs on every keystroke.
        self.first_page_size = FIRST_PAGE_SIZE
        self._stale = False
        # Counts of lists shown since contacts last changed: clearing a search shows its count
        # at once. A list "due for a check-in" is not kept (who is due changes with the time).
        self._counts: dict[ListFilter, int] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
        self._texts_day: date | None = None
        self._day_checked_at = float("-inf")
        self.drag_out: Callable[[list[int]], QMimeData] | None = None

    def reload(self) -> None:
        """Run the query again (after a change or a new sort) and show its first page."""
        self._show(
            ContactListQuery(
                self.list_filter,
                self.sort_key,
                self.descending,
                now=self.clock.now(),
                first_page=self.first_page_size,
            )
        )

    def set_filter(self, list_filter: ListFilter) -> None:
        """Show only the contacts that match `list_filter`."""
        self.list_filter = list_filter
        narrowing = self._query if self._loaded and not self._stale else None
        self._show(
            ContactListQuery(
                list_filter,
                self.sort_key,
                self.descending,
                now=self.clock.now(),
                narrowing=narrowing,
                first_page=self.first_page_size,
            )
        )

    def mark_stale(self) -> None:
        """Contacts changed: the next filter reads every match again (none are kept) and
        counts again."""
        self._stale = True
        self._counts.clear()

    def _show(self, query: ContactListQuery) -> None:
        self._present(query, query.page(0, self.first_page_size), self.first_page_size)

    def reread(self, rows: int) -> Callable[[], ListRead]:
        """The list read again after contacts changed, as work for a worker (no Qt in it): its
        first `rows` rows (at least a first page) and its count; `show_read` shows it."""
        asked = max(rows, self.first_page_size)
        shown = self._shown
        list_filter, sort, descending, now = (
            self.list_filter,
            self.sort_key,
            self.descending,
            self.clock.now(),
        )

        def read() -> ListRead:
            query = ContactListQuery(list_filter, sort, descending, now=now, first_page=asked)
            return ListRead(query, query.page(0, asked), asked, query.count(), shown)

        return read

    def show_read(self, read: ListRead) -> bool:
        """Show a list read by `reread`; False when the list was read anew since it began (a
        search, a sort: that read is newer)."""
        if read.shown != self._shown:
            return False
        self._present(read.query, read.rows, read.asked)
        self._total = read.total
        return True

    def _present(self, query: ContactListQuery, first: list[ContactRow], asked: int) -> None:
        self._loaded = True
        self._stale = False
        self._shown += 1
        self.beginResetModel()
        self._query = query
        self._rows = [tuple(row) for row in first]
        self._texts.clear()
        self.avatars.forget_photos()
        self.avatars.add_rows(first)
        self._exhausted = len(self._rows) < asked
        self._total = len(self._rows) if self._exhausted else query.known_count()
        if self._total is None:
            self._total = self._counts.get(query.filter)
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many contacts match (also those not fetched yet); counted here when not known."""
        if self._total is None:
            self.take_count(self._query, self._query.count())
        assert self._total is not None
        return self._total

    @property
    def known_total(self) -> int | None:
        """How many contacts match, if known without counting (a short list, kept matches, a
        list counted before); else the view has them counted off the GUI thread."""
        return self._total

    def take_count(self, query: ContactListQuery, count: int) -> bool:
        """Take the count of `query` worked out elsewhere; False when the rows shown are of
        another query by now (the count would be stale)."""
        if query is not self._query:
            return False
        self._total = count
        if not self._stale and not query.filter.due_only:
            self._counts[query.filter] = count
        return True

    def query(self) -> ContactListQuery:
        """The query behind the rows (for "all matching" actions)."""
        return self._query

    def row_of(self, index: Index) -> ContactRow:
        return self._row(index.row())

    def _row(self, number: int) -> ContactRow:
        return ContactRow._make(self._rows[number])

    def contact_id(self, row: int) -> int:
        contact_id = self._rows[row][0]
        assert isinstance(contact_id, int)
        return contact_id

    def row_for_id(self, contact_id: int) -> int:
        """The row showing `contact_id` among those fetched, or -1."""
        return next((i for i, r in enumerate(self._rows) if r[0] == contact_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = self._query.page(len(self._rows), PAGE_SIZE)
        self._exhausted = len(more) < PAGE_SIZE
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(tuple(row) for row in more)
        self.avatars.add_rows(more)
        self.endInsertRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def mimeTypes(self) -> list[str]:
        return [VCARD_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged contacts as vCard data and .vcf files (for the desktop, mail)."""
        ids = list(dict.fromkeys(self.contact_id(i.row()) for i in indexes if i.isValid()))
        if self.drag_out is None or not ids:
            return QMimeData()
        return self.drag_out(ids)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][1])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self._loaded:
            known = None if self._stale else self._total
            self.reload()
            if self._total is None:
                self._total = known  # same contacts in another order: no need to count again

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # The view asks for a dozen roles per cell on every paint: answer the others at once.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        column = index.column()
        if role == _DISPLAY:
            return self._texts_of(index.row())[column]
        # a picture and a colour in one column each: the others' cells read no row
        if (role == _DECORATION and column != 0) or (
            role == _FOREGROUND and column != _LAST_CONTACTED
        ):
            return None
        row = self._row(index.row())
        if role == _DECORATION:
            return self._avatar(row)
        if role == _TOOLTIP:
            return self._tooltip(row, _COLUMN_KEYS[column])
        if role == _FOREGROUND:
            return _KEEP_COLOURS.get(row.keep)
        return row.id

    def cell(self, row: int, column: int) -> Cell:
        """A cell's text, colour and picture, as `data` gives them (`cells.ListCells` paints
        them)."""
        text = self._texts_of(row)[column]
        if column == 0:
            return text, None, self._avatar(self._row(row))
        if column == _LAST_CONTACTED:
            return text, _KEEP_COLOURS.get(str(self._rows[row][_KEEP])), None
        return text, None, None

    def _texts_of(self, row_number: int) -> tuple[str, ...]:
        """A row's cell texts, worked out once a day ("3 weeks ago" changes at midnight).

        Asked for every painted cell: the day is read at most once a minute.
        """
        mono = self.clock.monotonic()
        if mono - self._day_checked_at >= 60:
            self._day_checked_at = mono
            today = self.clock.today()
            if today != self._texts_day:
                self._texts.clear()
                self._texts_day = today
        texts = self._texts.get(row_number)
        if texts is None:
            row, day = self._row(row_number), self._texts_day
            assert day is not None
            texts = self._texts[row_number] = tuple(_display(row, key, day) for key in _COLUMN_KEYS)
        return texts

    def _avatar(self, row: ContactRow) -> QPixmap:
        return self.avatars.pixmap(row)

    @staticmethod
    def _tooltip(row: ContactRow, key: str) -> str | None:
        moment: datetime | None = {
            "last_contacted": row.last_contacted_at,
            "next_followup": row.next_followup_at,
        }.get(key)
        if moment is not None:
            if key == "last_contacted":  # an interaction's time, kept in UTC
                moment = local_from_utc(moment)
            when = long_day(moment.date())
            if key == "last_contacted" or moment.time() != time.min:  # midnight: a day only
                when += f", {time_label(moment)}"
            keep = KEEP_WORDS.get(row.keep) if key == "last_contacted" else None
            return f"{when}\n{keep}" if keep else when
        if key in ("name", "organisation", "title", "tags") and getattr(row, key):
            return plain_tooltip(getattr(row, key))
        return None
