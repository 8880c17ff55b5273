"""Prep reminders reach the follow-up notifier once per event, N days before it."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QObject

from netdesk.core.events import EventDraft
from netdesk.ui.events.prep_reminders import PrepReminders
from netdesk.ui.notify import Notifier, ReminderBanner

NOW = datetime(2026, 3, 11, 9, 0)


def test_prep_reminder_shows_once_through_the_notifier(qtbot, services, clock) -> None:
    clock.set_wall(NOW)
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    owner = QObject()
    reminders = PrepReminders(
        services.events, services.changes, Notifier(None, None, banner), owner
    )
    event_id = services.events.create(
        EventDraft(
            name="PyCon DE",
            starts_at=NOW + timedelta(days=1, hours=9),
            status="registered",
            checklist={"pitch": True},
        )
    )
    qtbot.waitUntil(lambda: banner.text.text() != "")
    assert banner.text.text() == "Prepare for PyCon DE: Thu, 12 Mar 2026 18:00 · checklist 2/5"
    assert reminders.notifier.last_route == "banner"
    assert reminders.check() == []
    services.events.create(EventDraft(name="Later", starts_at=NOW + timedelta(days=5)))
    assert reminders.check() == []
    draft = services.events.load(event_id)
    draft.starts_at += timedelta(hours=1)
    services.events.update(event_id, draft)
    assert reminders.check() == [event_id]


def test_prep_reminders_keep_quiet_hours_and_pause(qtbot, services, clock) -> None:
    from datetime import time

    from netdesk.ui.reminder_settings import ReminderSettings

    clock.set_wall(datetime(2026, 3, 11, 23, 0))
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    settings = ReminderSettings(quiet_start=time(22, 0), quiet_end=time(7, 0))
    reminders = PrepReminders(
        services.events,
        services.changes,
        Notifier(None, None, banner),
        QObject(),
        settings=settings,
    )
    event_id = services.events.create(
        EventDraft(name="PyCon DE", starts_at=clock.now() + timedelta(days=1))
    )
    assert reminders.check() == []
    clock.advance(9 * 3600)  # 08:00
    settings.paused_until = datetime(2026, 3, 12, 9, 0)
    assert reminders.check() == []
    clock.advance(90 * 60)  # 09:30
    assert reminders.check() == [event_id]
