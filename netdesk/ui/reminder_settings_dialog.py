"""The reminder settings dialog: digest time, quiet hours, close to tray."""

from __future__ import annotations

from datetime import time

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from netdesk.ui.followup_dialog import ok_cancel
from netdesk.ui.qtdates import py_time, qtime
from netdesk.ui.reminder_settings import ReminderSettings


class ReminderSettingsDialog(QDialog):
    """Edits a ReminderSettings in place when accepted."""

    def __init__(
        self, settings: ReminderSettings, has_tray: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Reminder settings"))
        self.digest = QTimeEdit(qtime(settings.digest))
        self.quiet = QCheckBox(self.tr("Quiet hours from"))
        self.quiet.setChecked(settings.quiet_start is not None)
        self.quiet_start = QTimeEdit(qtime(settings.quiet_start or time(22, 0)))
        self.quiet_end = QTimeEdit(qtime(settings.quiet_end or time(7, 0)))
        for edit in (self.quiet_start, self.quiet_end):
            edit.setEnabled(self.quiet.isChecked())
            self.quiet.toggled.connect(edit.setEnabled)
        self.close_to_tray = QCheckBox(self.tr("Keep running in the tray when the window closes"))
        self.close_to_tray.setChecked(settings.close_to_tray)
        self.close_to_tray.setEnabled(has_tray)
        quiet = QHBoxLayout()
        quiet.addWidget(self.quiet)
        quiet.addWidget(self.quiet_start)
        quiet.addWidget(QLabel(self.tr("to")))
        quiet.addWidget(self.quiet_end)
        form = QFormLayout()
        form.addRow(self.tr("Daily reminder for follow-ups without a time at"), self.digest)
        form.addRow(quiet)
        form.addRow(self.close_to_tray)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        self.settings.digest = py_time(self.digest.time())
        quiet = self.quiet.isChecked()
        self.settings.quiet_start = py_time(self.quiet_start.time()) if quiet else None
        self.settings.quiet_end = py_time(self.quiet_end.time()) if quiet else None
        self.settings.close_to_tray = self.close_to_tray.isChecked()
        super().accept()
