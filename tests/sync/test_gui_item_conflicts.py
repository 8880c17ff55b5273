"""File → Sync conflicts… with a follow-up's and an event's conflict: each row says what the
item is; taking the server's value changes the item, undoable in the view that edits it
(Follow-ups, Events); keeping NetDesk's closes the row."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from netdesk.core.event_draft import EventDraft
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Event, FollowUp
from tests.sync.conflicts import add_item_conflict
from tests.sync.windows import controller_of, file_action

DUE = datetime(2026, 12, 5, 14, 30)


def test_the_dialog_settles_a_follow_ups_and_an_events_conflict(qtbot, window, services, clock):
    ada = services.contacts.create(ContactDraft(given_name="Ada", family_name="Lovelace"))
    followup = services.followups.create(ada, DUE, reason="thank", note="mine", has_time=True)
    event = services.events.create(EventDraft(name="PyCon <b>", starts_at=DUE, place="Hall A"))
    add_item_conflict("followup", followup, "note", "mine", "theirs")
    add_item_conflict("event", event, "place", "Hall A", "Hall <i>B</i>")
    controller = controller_of(window)
    controller.read_state()
    qtbot.waitUntil(lambda: "2 conflicts" in controller.button.text())
    file_action(window, "Sync conf&licts…").trigger()
    dialog = controller.conflicts_dialog
    assert dialog is not None and dialog.table.rowCount() == 2
    rows = {dialog.table.item(row, 0).text(): row for row in range(2)}
    assert set(rows) == {
        "Follow-up: Thank Ada Lovelace: due 2026-12-05",
        "Event: PyCon <b>: 2026-12-05",
    }
    at = rows["Event: PyCon <b>: 2026-12-05"]
    texts = [dialog.table.item(at, column).text() for column in (1, 2, 3)]
    assert texts == ["Place", "Hall A", "Hall <i>B</i>"]  # plain text

    dialog.table.selectRow(at)
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    assert Event.get_by_id(event).place == "Hall <i>B</i>"
    assert dialog.table.rowCount() == 1
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    assert FollowUp.get_by_id(followup).note == "theirs"
    assert dialog.empty.isVisible()
    qtbot.waitUntil(lambda: "conflict" not in controller.button.text())

    events = window.views["events"].undo_stack
    assert events.undoText() == "Take the server's place of Event: PyCon <b>: 2026-12-05"
    events.undo()
    assert Event.get_by_id(event).place == "Hall A"
    followups = window.views["followups"].undo_stack
    followups.undo()
    assert FollowUp.get_by_id(followup).note == "mine"
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
