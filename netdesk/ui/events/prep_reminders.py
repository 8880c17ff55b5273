"""Prep reminders: "Prepare for PyCon DE" N days before an event (default 2), through the same
notifier as follow-ups; each event is announced once (`prep_notified_at`), again if it moves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from netdesk.core.changes import Changes
from netdesk.core.event_draft import CHECKLIST
from netdesk.core.events import EventRow, EventService
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.events.model import when_text
from netdesk.ui.notify import Notifier
from netdesk.ui.reminder_settings import ReminderSettings

CHECK_MS = 15 * 60 * 1000


def prep_text(row: EventRow) -> tuple[str, str]:
    """Title and body of the reminder for one event."""
    body = f"{when_text(row)} · checklist {row.checklist_done}/{len(CHECKLIST)}"
    if row.want:
        body += f" · {row.want} to meet"
    return f"Prepare for {row.name}", body


class PrepReminders(QObject):
    """Checks every quarter hour and after event changes; announces what is due."""

    def __init__(
        self,
        events: EventService,
        changes: Changes,
        notifier: Notifier,
        parent: QObject,
        settings: ReminderSettings | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """`settings`: the follow-up reminders' quiet hours and pause, which prep reminders keep
        too (what is held back is announced at the next check after them). `now`: the app's
        clock unless given."""
        super().__init__(parent)
        self.events = events
        self.notifier = notifier
        self.settings = settings
        self.now = now or events.followups.clock.now
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self._signals = ChangeSignals(changes, self)
        self._signals.changed.connect(
            lambda topic, _ids: topic == "events" and QTimer.singleShot(0, self.check)
        )

    def check(self) -> list[int]:
        """Announce the events due for prep; their ids."""
        if self._held_back():
            return []
        rows = self.events.prep_due()
        for row in rows:
            self.notifier.show_message(*prep_text(row))
        if rows:
            self.events.mark_prep_notified([row.id for row in rows])
        return [row.id for row in rows]

    def _held_back(self) -> bool:
        if self.settings is None:
            return False
        moment = self.now()
        paused = self.settings.paused_until is not None and moment < self.settings.paused_until
        return paused or self.settings.is_quiet(moment)
