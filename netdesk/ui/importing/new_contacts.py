"""The preview's list of new contacts as a model: a line is made when its row is painted.

Building a list item (its line and tooltip) for each of the first thousand new contacts of a
10,000-card file took the GUI thread ~10 ms of the preview's showing; the list shows a dozen.
The list lays its rows out a hundred a turn (`NewContactList`) and says it is still reading the
file until they are laid out: a QListView in batched mode paints no row before its last batch.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QListView, QWidget

from netdesk.core.importing import PlannedCard
from netdesk.ui.importing.merge_words import new_contact_line
from netdesk.ui.numbers import grouped
from netdesk.ui.plain import plain_tooltip
from netdesk.ui.tables import Index

NEW_SHOWN = 1000
"""New contacts listed (the count names them all)."""


class NewContacts(QAbstractListModel):
    """The first NEW_SHOWN new contacts, one line each, then a row saying how many more."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cards: list[PlannedCard] = []
        self.more = ""
        self._lines: dict[int, str] = {}

    def show_cards(self, cards: list[PlannedCard], more: str) -> None:
        """List `cards`; `more` ("… and {0} more") ends the list when some are left out."""
        self.beginResetModel()
        self.cards = cards[:NEW_SHOWN]
        hidden = len(cards) - NEW_SHOWN
        self.more = more.format(grouped(hidden)) if hidden > 0 else ""
        self._lines = {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cards) + bool(self.more)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = index.row()
        if row >= len(self.cards):
            return self.more if role == Qt.ItemDataRole.DisplayRole else None
        card = self.cards[row]
        if role == Qt.ItemDataRole.DisplayRole:
            line = self._lines.get(row)
            if line is None:
                line = self._lines[row] = new_contact_line(card)
            return line
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{card.file}, card {card.card}")
        return None


class NewContactList(QListView):
    """The list of new contacts, laid out a hundred rows a turn (QListView's batched mode: all
    1,001 at once took ~15 ms of the preview's showing, each row's index asking the model's
    rowCount, in Python, twice). Batched, Qt paints no row until the last batch is laid out (a
    blank list for the ten turns of 1,001 rows): until then it shows `waiting`, plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.waiting = ""
        self.setUniformItemSizes(True)  # every row as tall as the first
        self.setLayoutMode(QListView.LayoutMode.Batched)

    def laid_out(self) -> bool:
        """Whether the rows can be painted (none to paint, or the top one is laid out)."""
        model = self.model()
        return model is None or model.rowCount() == 0 or self.indexAt(QPoint(1, 1)).isValid()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.laid_out() or not self.waiting:
            super().paintEvent(event)
            return
        painter = QPainter(self.viewport())
        area = self.viewport().rect().adjusted(6, 4, -6, -4)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextSingleLine
        painter.drawText(area, flags, self.waiting)
