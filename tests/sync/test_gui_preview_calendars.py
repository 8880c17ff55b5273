"""File → Preview sync… against a real Radicale lists the follow-ups', events' and
interactions' changes too, each under its collection's heading by its summary, and writes
nothing."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from netdesk.core.event_draft import EventDraft
from netdesk.core.interactions import log_interaction
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import SyncEvent, SyncJournal, SyncTask
from tests.sync.windows import controller_of, file_action, open_settings, wait_idle


def test_preview_lists_follow_ups_events_and_interactions(qtbot, window, radicale_server):
    from netdesk.ui.sync.work import NEW_CALENDAR, NEW_JOURNAL, NEW_TASK_LIST

    controller = controller_of(window)
    hub = controller.services
    ana = hub.contacts.create(ContactDraft(display_name="Ana Lima"))
    dialog = open_settings(qtbot, window, radicale_server, radicale_server.password)
    for combo, chosen in (
        (dialog.task_list, NEW_TASK_LIST),
        (dialog.calendar, NEW_CALENDAR),
        (dialog.journal, NEW_JOURNAL),
    ):
        combo.setCurrentIndex(combo.findData(chosen))
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, controller)
    assert dialog.message.text().startswith("Synced."), dialog.message.text()
    dialog.close()
    hub.followups.create(ana, datetime(2026, 3, 12), reason="thank")
    hub.events.create(EventDraft(name="PyCon", starts_at=datetime(2026, 3, 10, 9, 30)))
    log_interaction(hub.changes, ana, occurred_at=datetime(2026, 3, 10, 9, 30), channel="coffee")
    rows_before = [model.select().count() for model in (SyncTask, SyncEvent, SyncJournal)]

    preview_action = file_action(window, "Previe&w sync…")
    qtbot.waitUntil(preview_action.isEnabled)
    preview_action.trigger()
    preview = controller.preview_dialog
    assert preview is not None
    qtbot.waitUntil(lambda: preview.task is None, timeout=30_000)
    tree = preview.tree
    headings = {
        tree.topLevelItem(i).text(0): [
            tree.topLevelItem(i).child(j).text(0) for j in range(tree.topLevelItem(i).childCount())
        ]
        for i in range(tree.topLevelItemCount())
    }
    assert headings["Follow-ups: New here: sent (1)"] == ["Thank: Ana Lima"], headings
    assert headings["Events: New here: sent (1)"] == ["PyCon"]
    assert headings["Interactions: New here: sent (1)"] == ["Coffee — Ana Lima"]
    assert preview.message.text().startswith("A sync would make these changes")
    assert [model.select().count() for model in (SyncTask, SyncEvent, SyncJournal)] == rows_before
