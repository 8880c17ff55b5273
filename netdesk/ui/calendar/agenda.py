"""Agenda lists: follow-ups (and events) as plain-text rows that can be dragged onto the grid."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from netdesk.core.followup_queries import AgendaItem, FollowUpRow
from netdesk.ui.calendar.month_grid import EVENT, FOLLOWUP_MIME, MUTED, OVERDUE, TEXT
from netdesk.ui.dates import day_label, time_label
from netdesk.ui.plain import plain_tooltip

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CONTACT_ROLE = Qt.ItemDataRole.UserRole + 2
ROWS_AT_ONCE = 150
"""Rows `add_later` adds at once, then a turn of the event loop: ~10 ms of building items (the
3,000 rows of an expanded Overdue froze the window for ~0.35 s)."""


def followup_text(row: FollowUpRow, today: date | None = None) -> str:
    """One line for a follow-up: time, who, why, and the note's first line; with `today`, the
    day first (with its year when not today's)."""
    when = time_label(row.due_at) if row.has_time else ""
    if today is not None:
        when = f"{day_label(row.due_at.date(), today)} {when}".strip()
    note = row.note.splitlines()[0] if row.note else ""
    parts = [row.contact_name, row.reason] + ([note] if note else [])
    return f"{when:>5}  " + " · ".join(parts) if when else " · ".join(parts)


class AgendaList(QListWidget):
    """Rows of follow-ups; dragging rows carries their ids (FOLLOWUP_MIME) to a day."""

    filled = Signal()
    """The rows `add_later` was given are all in the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._later: deque[Callable[[], None]] = deque()
        self._feeder = QTimer(self)
        self._feeder.setInterval(0)
        self._feeder.timeout.connect(self._add_some)
        self._preferred: int | None = None  # the height `fit_rows` chose
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        # a long line ends with "…" (its tooltip holds it) instead of a sideways scroll bar
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def mimeTypes(self) -> list[str]:
        return [FOLLOWUP_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        ids = [item.data(ID_ROLE) for item in items if item.data(KIND_ROLE) == "followup"]
        data.setData(FOLLOWUP_MIME, json.dumps(ids).encode())
        return data

    def clear(self) -> None:
        """No rows, none waiting to be added."""
        self._later.clear()
        self._feeder.stop()
        super().clear()

    def add_later(self, adds: list[Callable[[], None]]) -> None:
        """Run the row `adds` in order: the first ROWS_AT_ONCE now, the rest as many at a
        time between turns of the event loop, so a long list never freezes the window;
        `filled` tells when all are in."""
        self._later.extend(adds)
        self._add_some()

    @property
    def filling(self) -> bool:
        """Whether rows wait to be added."""
        return bool(self._later)

    def _add_some(self) -> None:
        for _ in range(min(ROWS_AT_ONCE, len(self._later))):
            self._later.popleft()()
        if self._later:
            self._feeder.start()
        else:
            self._feeder.stop()
            self.filled.emit()

    def add_heading(self, text: str) -> None:
        self.addItem(self.heading_item(text))

    def heading_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        item.setForeground(TEXT)
        return item

    def add_followup(self, row: FollowUpRow, today: date, with_day: bool = False) -> None:
        self.addItem(self.followup_item(row, today, with_day))

    def followup_item(self, row: FollowUpRow, today: date, with_day: bool) -> QListWidgetItem:
        item = QListWidgetItem(followup_text(row, today if with_day else None))
        item.setData(KIND_ROLE, "done" if row.status == "done" else "followup")
        item.setData(ID_ROLE, row.id)
        item.setData(CONTACT_ROLE, row.contact_id)
        item.setToolTip(plain_tooltip(row.note or item.text()))
        if row.status == "done":
            font = QFont(self.font())
            font.setStrikeOut(True)
            item.setFont(font)
            item.setForeground(MUTED)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        elif row.due_at.date() < today:
            item.setForeground(OVERDUE)
        return item

    def add_other(self, entry: AgendaItem) -> None:
        item = QListWidgetItem(f"{time_label(entry.when):>5}  {entry.title}")
        item.setData(KIND_ROLE, entry.kind)
        item.setData(ID_ROLE, entry.id)
        item.setForeground(EVENT)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.addItem(item)

    def selected_followups(self, or_current: bool = True) -> list[int]:
        """Ids of the selected follow-up rows (or, with `or_current`, the current row if none is
        selected)."""
        items = self.selectedItems()
        if not items and or_current and self.currentItem():
            items = [self.currentItem()]
        return [i.data(ID_ROLE) for i in items if i.data(KIND_ROLE) == "followup"]

    def select_followups(self, followup_ids: set[int]) -> bool:
        """Select exactly the rows of these follow-ups (the first one current); whether any is."""
        self.clearSelection()
        rows = [
            index
            for index in range(self.count())
            if self.item(index).data(KIND_ROLE) == "followup"
            and self.item(index).data(ID_ROLE) in followup_ids
        ]
        if rows:
            self.setCurrentRow(rows[0])
        for index in rows:
            self.item(index).setSelected(True)
        return bool(rows)

    def fit_rows(self, most: int, least: int | None = None) -> None:
        """As tall as its rows, at most `most` of them: never a row cut in half. With `least`
        (fewer), a layout short of room may squeeze it down to that many rows: its preferred
        height stays `most` rows, and a tall list never raises the window's minimum height."""
        row, frame = self.sizeHintForRow(0), 2 * self.frameWidth()
        height = row * min(self.count(), most) + frame
        self._preferred = height
        self.setMinimumHeight(row * min(self.count(), most if least is None else least) + frame)
        self.setMaximumHeight(height)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self._preferred is not None:
            hint.setHeight(self._preferred)
        return hint

    def select_first(self) -> None:
        self.select_from(0)

    def select_from(self, row: int) -> None:
        """Make current the first open follow-up at or after `row`, else the last one before it
        (after Done, the next one, so a second D goes on)."""
        rows = [i for i in range(self.count()) if self.item(i).data(KIND_ROLE) == "followup"]
        later = [i for i in rows if i >= row]
        if later or rows:
            self.setCurrentRow(later[0] if later else rows[-1])
