"""Reminder settings kept in QSettings: quiet hours, the daily digest time, pause, close to tray."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from PySide6.QtCore import QSettings

from netdesk.ui.stored_settings import read_bool, read_datetime, read_time


@dataclass
class ReminderSettings:
    """When reminders may appear. Day-only follow-ups are announced at `digest`."""

    digest: time = time(9, 0)
    quiet_start: time | None = time(22, 0)
    quiet_end: time | None = time(7, 0)
    paused_until: datetime | None = None
    close_to_tray: bool = True

    def is_quiet(self, moment: datetime) -> bool:
        """Whether `moment` falls in the quiet hours (which may span midnight)."""
        if self.quiet_start is None or self.quiet_end is None:
            return False
        now, start, end = moment.time(), self.quiet_start, self.quiet_end
        return start <= now < end if start <= end else now >= start or now < end

    @classmethod
    def load(cls, settings: QSettings) -> ReminderSettings:
        """The stored settings; a value that cannot be read is its default (and logged)."""
        default = cls()
        return cls(
            digest=read_time(settings, "reminders/digest", default.digest) or default.digest,
            quiet_start=read_time(settings, "reminders/quiet_start", default.quiet_start),
            quiet_end=read_time(settings, "reminders/quiet_end", default.quiet_end),
            paused_until=read_datetime(settings, "reminders/paused_until"),
            close_to_tray=read_bool(settings, "reminders/close_to_tray", default.close_to_tray),
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue("reminders/digest", self.digest.isoformat("minutes"))
        settings.setValue(
            "reminders/quiet_start",
            self.quiet_start.isoformat("minutes") if self.quiet_start else "",
        )
        settings.setValue(
            "reminders/quiet_end", self.quiet_end.isoformat("minutes") if self.quiet_end else ""
        )
        paused = self.paused_until.isoformat() if self.paused_until else ""
        settings.setValue("reminders/paused_until", paused)
        settings.setValue("reminders/close_to_tray", self.close_to_tray)
