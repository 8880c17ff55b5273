"""Prep reminders: "Prepare for PyCon DE" N days before an event (default 2), through the same
notifier as follow-ups; each event is announced once (`prep_notified_at`), again if it moves."""

from __future__ import annotations

from netdesk.core.clock import Clock
from netdesk.core.event_draft import CHECKLIST
from netdesk.core.events import EventRow, EventService
from netdesk.ui.announcer import Announcer, Found
from netdesk.ui.events.model import when_text


def prep_text(row: EventRow) -> tuple[str, str]:
    """Title and body of the reminder for one event."""
    body = f"{when_text(row)} · checklist {row.checklist_done}/{len(CHECKLIST)}"
    if row.want:
        body += f" · {row.want} to meet"
    return f"Prepare for {row.name}", body


class PrepReminders(Announcer):
    """Checks every quarter hour and after event changes; announces the events to prepare for
    (built with the events service: `PrepReminders(events, changes, notifier, parent)`)."""

    topic = "events"
    source: EventService

    def clock(self) -> Clock:
        return self.source.followups.clock

    def collect(self) -> list[Found]:
        rows = self.source.prep_due()
        if rows:
            self.source.mark_prep_notified([row.id for row in rows])
        return [(row.id, *prep_text(row)) for row in rows]
