"""The tray icon: how many follow-ups are due, and a menu to act on them without the window.

The menu is built once, before the first click (some trays read it only then); the due
submenu ("35 due (33 overdue)") is refilled whenever follow-ups change. The tooltip says when the
quiet hours or a pause hold reminders back.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from netdesk.core.changes import Changes
from netdesk.core.followup_queries import FollowUpRow
from netdesk.core.followups import FollowUpService
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.icons import icon
from netdesk.ui.numbers import grouped
from netdesk.ui.reminder_words import Hold, due_title, tray_row, tray_tooltip

MAX_MENU_ROWS = 15


def badged_icon(base: QIcon, count: int, size: int = 64) -> QIcon:
    """`base` with the count in a red circle in its corner (the plain icon for 0)."""
    if count <= 0:
        return base
    pixmap = base.pixmap(size, size) if not base.isNull() else QPixmap(size, size)
    if base.isNull():
        pixmap.fill(QColor("#1b3f8f"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    badge = QRectF(size * 0.42, size * 0.42, size * 0.58, size * 0.58)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c62828"))
    painter.drawEllipse(badge)
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(int(size * 0.36))
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.white)
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(count) if count < 100 else "99")
    painter.end()
    return QIcon(pixmap)


class ReminderTray(QObject):
    """The tray icon and its menu; user choices come out as signals (Done and Snooze too:
    `Reminders` makes them undoable)."""

    open_app = Signal()
    open_followup = Signal(int)
    done_requested = Signal(list)  # follow-up ids
    snooze_requested = Signal(list)  # follow-up ids, for an hour
    quick_add = Signal()
    pause_toggled = Signal(bool)
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        followups: FollowUpService,
        changes: Changes,
        parent: QObject | None = None,
        *,
        editable: bool = True,
    ) -> None:
        """`editable` False (a read-only store): the menu only opens, it changes nothing."""
        super().__init__(parent)
        self.followups = followups
        self.editable = editable
        self.hold: Hold | None = None
        self.icon = QSystemTrayIcon(icon("netdesk"), self)
        self.icon.activated.connect(self._activated)
        self.menu = QMenu()
        self.menu.addAction(self.tr("Open NetDesk"), self.open_app.emit)
        self.due_menu = self.menu.addMenu(self.tr("Due today"))
        if editable:
            self.menu.addAction(self.tr("Quick-add follow-up…"), self.quick_add.emit)
        self.pause_action = self.menu.addAction(self.tr("Pause reminders for an hour"))
        self.pause_action.setCheckable(True)
        self.pause_action.toggled.connect(self.pause_toggled.emit)
        self.menu.addAction(self.tr("Reminder settings…"), self.settings_requested.emit)
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Quit NetDesk"), self.quit_requested.emit)
        self.icon.setContextMenu(self.menu)
        self._signals = ChangeSignals(changes, self)
        self._signals.changed.connect(self._on_change)
        self.refresh()

    def show(self) -> bool:
        """Show the icon where the desktop has a tray; whether it does."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        self.icon.show()
        return True

    def refresh(self) -> None:
        """Update the count, tooltip and the due submenu."""
        count = self.followups.count_due()
        overdue = self.followups.count_overdue() if count else 0
        rows = self.followups.due(limit=MAX_MENU_ROWS)
        self.icon.setIcon(badged_icon(icon("netdesk"), count))
        self.icon.setToolTip(tray_tooltip(count, overdue, self.hold))
        self.due_menu.setTitle(due_title(count, overdue))
        self.due_menu.clear()
        self.due_menu.setEnabled(bool(rows))
        today = self.followups.clock.today()
        for row in rows:
            self._add_row_menu(row, tray_row(row, today))
        if count > MAX_MENU_ROWS:
            more = self.due_menu.addAction(
                self.tr("… {0} more in NetDesk").format(grouped(count - MAX_MENU_ROWS))
            )
            more.triggered.connect(self.open_app.emit)

    def set_hold(self, hold: Hold | None) -> None:
        """Say in the tooltip that reminders are held back (None: they are not)."""
        if hold != self.hold:
            self.hold = hold
            self.refresh()

    def _add_row_menu(self, row: FollowUpRow, text: str) -> None:
        def open_row() -> None:
            self.open_followup.emit(row.id)

        def done() -> None:
            self.done_requested.emit([row.id])

        def snooze() -> None:
            self.snooze_requested.emit([row.id])

        sub = self.due_menu.addMenu(text)
        sub.addAction(self.tr("Open"), open_row)
        if self.editable:
            sub.addAction(self.tr("Done"), done)
            sub.addAction(self.tr("Snooze 1 hour"), snooze)

    def set_paused(self, until: datetime | None) -> None:
        self.pause_action.blockSignals(True)
        self.pause_action.setChecked(until is not None)
        self.pause_action.blockSignals(False)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_app.emit()

    def _on_change(self, topic: str, _ids: object) -> None:
        if topic in ("followups", "contacts"):
            self.refresh()
