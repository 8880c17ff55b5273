"""Reminders that are not follow-ups ("Prepare for PyCon DE", "Refresh your LinkedIn profile"):
checked every quarter hour and after a change of their topic, shown through the follow-ups'
notifier, held back in quiet hours and while reminders are paused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from netdesk.core.changes import Changes
from netdesk.core.clock import Clock
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.notify import Notifier
from netdesk.ui.reminder_settings import ReminderSettings

CHECK_MS = 15 * 60 * 1000
Found = tuple[object, str, str]  # what is announced (an id), the title and the body


class Announcer(QObject):
    """Announces what `collect` finds in `source` (a service); a subclass sets `topic`, declares
    the type of `source` and implements `collect`, which marks what it returns as told (each
    thing is announced once)."""

    topic = ""
    source: object

    def __init__(
        self,
        source: object,
        changes: Changes,
        notifier: Notifier,
        parent: QObject,
        settings: ReminderSettings | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """`settings`: the follow-up reminders' quiet hours and pause (what is held back is
        announced at the next check after them). `now`: the source's clock unless given."""
        super().__init__(parent)
        self.source = source
        self.notifier = notifier
        self.settings = settings
        self.now = now or self.clock().now
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self._signals = ChangeSignals(changes, self)
        self._signals.changed.connect(
            lambda topic, _ids: topic == self.topic and QTimer.singleShot(0, self.check)
        )

    def clock(self) -> Clock:
        raise NotImplementedError

    def collect(self) -> list[Found]:
        raise NotImplementedError

    def check(self) -> list[object]:
        """Announce what is due; what was announced."""
        if self._held_back():
            return []
        found = self.collect()
        for _what, title, body in found:
            self.notifier.show_message(title, body)
        return [what for what, _title, _body in found]

    def _held_back(self) -> bool:
        if self.settings is None:
            return False
        moment = self.now()
        paused = self.settings.paused_until is not None and moment < self.settings.paused_until
        return paused or self.settings.is_quiet(moment)
