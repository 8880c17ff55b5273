"""Events sync through the window against a real Radicale: the Calendar choice of Sync
settings (none by default; NetDesk's own calendar made when chosen, then listed by name), the
result in words, and an event changed afterwards (its place, then someone on its list marked
met) counted in the status bar and sent by F5."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from netdesk.core.event_draft import EventDraft
from netdesk.formats.draft import ContactDraft
from netdesk.formats.vevent import parse_event
from netdesk.store.models import SyncEvent
from tests.sync.desks import plain_request
from tests.sync.windows import (
    connect_in_dialog,
    controller_of,
    open_settings,
    sync_by_f5,
    sync_into_a_new_collection,
)


def test_events_sync_with_the_calendar_chosen_in_the_dialog(
    qtbot, window, services, radicale_server
):
    from netdesk.ui.sync.work import NEW_CALENDAR, NEW_EVENT_CALENDAR_NAME, NO_EVENTS

    controller = controller_of(window)
    hub = controller.services  # the window's: its changes reach the status bar
    draft = EventDraft(name="PyCon", starts_at=datetime(2026, 3, 10, 9, 30), kind="conference")
    event = hub.events.create(draft)
    ana = hub.contacts.create(ContactDraft(display_name="Ana Lima"))
    person = hub.events.people.add(event, ana, "speaker")
    dialog = open_settings(qtbot, window, radicale_server, radicale_server.password)
    assert dialog.calendar.currentData() == NO_EVENTS
    assert "events with a calendar" in dialog.note.text()

    text = sync_into_a_new_collection(qtbot, window, dialog, dialog.calendar, NEW_CALENDAR)
    assert "Events: received 0 new, 0 changed, 0 deleted; sent 1 new" in text, text
    qtbot.waitUntil(lambda: controller.button.text().startswith("Synced "))
    assert controller.state is not None and controller.state.calendar.endswith("/")
    connect_in_dialog(qtbot, dialog)  # now listed by name
    assert dialog.calendar.findText(NEW_EVENT_CALENDAR_NAME) >= 2

    hub.events.update(event, replace(hub.events.load(event), place="Hall A"))
    qtbot.waitUntil(lambda: "1 change to send" in controller.button.text())
    sync_by_f5(qtbot, window, dialog)
    assert controller.last_report.events.sent_changed == 1

    hub.events.people.update(person, met=True)
    qtbot.waitUntil(lambda: "1 change to send" in controller.button.text())
    sync_by_f5(qtbot, window)
    assert controller.last_report.events.sent_changed == 1
    _, text = plain_request(radicale_server, "GET", SyncEvent.get().href)
    (said,) = parse_event(text).fields.people
    assert (said.contact, said.role, said.met) == (hub.contacts.load(ana).uid, "speaker", True)
