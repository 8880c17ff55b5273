"""Refresh reminders of your own profiles: "Refresh your LinkedIn profile" through the follow-ups'
notifier when a profile falls due, at most once per its refresh months."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject

from netdesk.core.changes import Changes
from netdesk.core.own_profiles import OwnProfileService
from netdesk.ui.announcer import Announcer, Found
from netdesk.ui.notify import Notifier
from netdesk.ui.reminder_settings import ReminderSettings


class ProfileReminders(Announcer):
    """Checks every quarter hour and after profile changes; announces the profiles due."""

    topic = "profiles"

    def __init__(
        self,
        profiles: OwnProfileService,
        changes: Changes,
        notifier: Notifier,
        parent: QObject,
        settings: ReminderSettings | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(changes, notifier, parent, settings, now or profiles.clock.now)
        self.profiles = profiles

    def collect(self) -> list[Found]:
        today = self.profiles.clock.today()
        return [
            (row.service, f"Refresh your {row.label} profile", f"{row.status(today)} · Me page")
            for row in self.profiles.to_announce()
        ]
