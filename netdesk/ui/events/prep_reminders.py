"""Prep reminders: "Prepare for PyCon DE" N days before an event (default 2), through the same
notifier as follow-ups; each event is announced once (`prep_notified_at`), again if it moves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject

from netdesk.core.changes import Changes
from netdesk.core.event_draft import CHECKLIST
from netdesk.core.events import EventRow, EventService
from netdesk.ui.announcer import Announcer, Found
from netdesk.ui.events.model import when_text
from netdesk.ui.notify import Notifier
from netdesk.ui.reminder_settings import ReminderSettings


def prep_text(row: EventRow) -> tuple[str, str]:
    """Title and body of the reminder for one event."""
    body = f"{when_text(row)} · checklist {row.checklist_done}/{len(CHECKLIST)}"
    if row.want:
        body += f" · {row.want} to meet"
    return f"Prepare for {row.name}", body


class PrepReminders(Announcer):
    """Checks every quarter hour and after event changes; announces what is due."""

    topic = "events"

    def __init__(
        self,
        events: EventService,
        changes: Changes,
        notifier: Notifier,
        parent: QObject,
        settings: ReminderSettings | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """`now`: the app's clock unless given."""
        super().__init__(changes, notifier, parent, settings, now or events.followups.clock.now)
        self.events = events

    def collect(self) -> list[Found]:
        rows = self.events.prep_due()
        if rows:
            self.events.mark_prep_notified([row.id for row in rows])
        return [(row.id, *prep_text(row)) for row in rows]
