"""The month grid: six weeks of days, each with how many follow-ups are due on it.

Painted by hand (no widget per cell) so a month paints in well under a frame. Days before today
that still have follow-ups are marked overdue; today is highlighted; days with events get a dot.
Arrow keys move the selected day (framed strong blue while the grid has the keys, pale blue
otherwise); follow-ups dropped on a day are rescheduled to it.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from PySide6.QtCore import QLocale, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

FOLLOWUP_MIME = "application/x-netdesk-followups"
WEEKS = 6
HEADER = 26

TEXT = QColor("#243047")
MUTED = QColor("#9aa5b8")
LINE = QColor("#dde3ec")
TODAY_FILL = QColor("#e8f0fe")
ACCENT = QColor("#1b3f8f")
UNFOCUSED = QColor("#8fa9d9")  # the selected day's frame while the keys are elsewhere
OVERDUE = QColor("#c62828")
OVERDUE_FILL = QColor("#fdecea")
BADGE = QColor("#3b6fd6")
EVENT = QColor("#8e44ad")


def grid_start(month: date) -> date:
    """The Monday on or before the first of `month` (the grid's top-left day)."""
    first = month.replace(day=1)
    return first - timedelta(days=first.weekday())


def grid_range(day: date) -> tuple[date, date]:
    """The first and last day the grid shows for the month of `day`."""
    first = grid_start(day)
    return first, first + timedelta(days=WEEKS * 7 - 1)


class MonthGrid(QWidget):
    """Six weeks of day cells; emits the day the user picks and follow-ups dropped on a day."""

    day_selected = Signal(object)
    followups_dropped = Signal(list, object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMinimumSize(420, 330)
        self.month = today.replace(day=1)
        self.selected = today
        self.today = today
        self.counts: dict[date, int] = {}
        self.event_days: set[date] = set()
        self._drop_day: date | None = None
        locale = QLocale()
        self._weekdays = [locale.dayName(d, QLocale.FormatType.ShortFormat) for d in range(1, 8)]

    def set_data(
        self,
        selected: date,
        today: date,
        counts: dict[date, int],
        event_days: set[date] | None = None,
    ) -> None:
        """Show the month of `selected` with these per-day counts."""
        self.selected = selected
        self.month = selected.replace(day=1)
        self.today = today
        self.counts = counts
        self.event_days = event_days or set()
        self.update()

    def first_day(self) -> date:
        return grid_start(self.month)

    def sizeHint(self) -> QSize:
        return QSize(560, 440)

    def cell_rect(self, day: date) -> QRect:
        """Where `day` is drawn."""
        index = (day - self.first_day()).days
        width = self.width() / 7
        height = (self.height() - HEADER) / WEEKS
        row, col = divmod(index, 7)
        return QRectF(col * width, HEADER + row * height, width, height).toRect()

    def day_at(self, x: float, y: float) -> date | None:
        """The day under a point, if any."""
        if y < HEADER or x < 0 or x >= self.width() or y >= self.height():
            return None
        col = int(x / (self.width() / 7))
        row = int((y - HEADER) / ((self.height() - HEADER) / WEEKS))
        return self.first_day() + timedelta(days=min(row, WEEKS - 1) * 7 + min(col, 6))

    # -- painting ---------------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        width = self.width() / 7
        painter.setPen(MUTED)
        for col, name in enumerate(self._weekdays):
            painter.drawText(
                QRectF(col * width, 0, width, HEADER), Qt.AlignmentFlag.AlignCenter, name
            )
        bold = QFont(self.font())
        bold.setBold(True)
        first = self.first_day()
        for index in range(WEEKS * 7):
            self._paint_day(painter, first + timedelta(days=index), bold)
        painter.end()

    def _paint_day(self, painter: QPainter, day: date, bold: QFont) -> None:
        rect = self.cell_rect(day)
        count = self.counts.get(day, 0)
        overdue = count > 0 and day < self.today
        if day == self.today:
            painter.fillRect(rect, TODAY_FILL)
        elif overdue:
            painter.fillRect(rect, OVERDUE_FILL)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(LINE, 1))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if day == self._drop_day or day == self.selected:
            focused = self.hasFocus() or day == self._drop_day
            painter.setPen(QPen(ACCENT if focused else UNFOCUSED, 2.5))
            painter.drawRect(QRectF(rect).adjusted(1.5, 1.5, -2.5, -2.5))
        in_month = day.month == self.month.month
        painter.setFont(bold if day == self.today else self.font())
        painter.setPen(ACCENT if day == self.today else TEXT if in_month else MUTED)
        painter.drawText(
            rect.adjusted(8, 5, -6, -4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            str(day.day),
        )
        if day in self.event_days:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(EVENT)
            painter.drawEllipse(QRectF(rect.right() - 14, rect.top() + 9, 7, 7))
        if count:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_badge(painter, rect, count, OVERDUE if overdue else BADGE, bold)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    @staticmethod
    def _paint_badge(
        painter: QPainter, rect: QRect, count: int, colour: QColor, font: QFont
    ) -> None:
        text = str(count) if count < 1000 else "999+"
        painter.setFont(font)
        metrics = painter.fontMetrics()
        height = metrics.height() + 4
        width = max(height, metrics.horizontalAdvance(text) + 12)
        badge = QRectF(rect.center().x() - width / 2, rect.bottom() - height - 8, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

    # -- input ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().x(), event.position().y())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.day_selected.emit(day)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        step = steps.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        self.day_selected.emit(self.selected + timedelta(days=step))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(FOLLOWUP_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        day = self.day_at(event.position().x(), event.position().y())
        if day is None or not event.mimeData().hasFormat(FOLLOWUP_MIME):
            event.ignore()
            return
        event.acceptProposedAction()
        if day != self._drop_day:
            self._drop_day = day
            self.update()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drop_day = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._drop_day = None
        self.update()
        day = self.day_at(event.position().x(), event.position().y())
        data = event.mimeData()
        if day is None or not data.hasFormat(FOLLOWUP_MIME):
            return
        ids = [int(i) for i in json.loads(bytes(data.data(FOLLOWUP_MIME).data()).decode())]
        event.acceptProposedAction()
        self.followups_dropped.emit(ids, day)
