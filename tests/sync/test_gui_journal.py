"""Interactions sync through the window against a real Radicale: the Journal choice of Sync
settings (none by default, the note saying interactions stay here without one; NetDesk's own
journal made when chosen, then listed by name), the result in words, and an interaction logged
afterwards counted in the status bar and sent by F5."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from netdesk.core.interactions import log_interaction
from netdesk.formats.draft import ContactDraft
from tests.sync.windows import (
    connect_in_dialog,
    controller_of,
    open_settings,
    sync_by_f5,
    sync_into_a_new_collection,
    wait_idle,
)


def test_interactions_sync_with_the_journal_chosen_in_the_dialog(
    qtbot, window, services, radicale_server
):
    from netdesk.ui.sync.work import NEW_JOURNAL, NEW_JOURNAL_NAME, NO_JOURNAL

    controller = controller_of(window)
    hub = controller.services  # the window's: its changes reach the status bar
    ana = hub.contacts.create(ContactDraft(display_name="Ana Lima"))
    log_interaction(hub.changes, ana, occurred_at=datetime(2026, 3, 10, 9, 30), channel="coffee")
    dialog = open_settings(qtbot, window, radicale_server, radicale_server.password)
    assert dialog.journal.currentData() == NO_JOURNAL
    assert dialog.journal.currentText() == "None: interactions stay on this computer"
    assert "interactions with a journal where the server keeps" in dialog.note.text()

    text = sync_into_a_new_collection(qtbot, window, dialog, dialog.journal, NEW_JOURNAL)
    assert "Interactions: received 0 new, 0 changed, 0 deleted; sent 1 new" in text, text
    qtbot.waitUntil(lambda: controller.button.text().startswith("Synced "))
    assert controller.state is not None and controller.state.journal.endswith("/")
    connect_in_dialog(qtbot, dialog)  # now listed by name
    assert dialog.journal.findText(NEW_JOURNAL_NAME) >= 2

    log_interaction(hub.changes, ana, occurred_at=datetime(2026, 3, 11, 9, 0), channel="call")
    # the interaction alone: Ana's last-contacted time moved, which her card does not carry
    qtbot.waitUntil(lambda: "1 change to send" in controller.button.text())
    sync_by_f5(qtbot, window, dialog)
    assert controller.last_report.interactions.sent_new == 1
    assert controller.last_report.sent_changed == 0


def test_a_server_without_journals_says_in_the_dialog_that_interactions_stay_here(
    qtbot, window, radicale_server
):
    from netdesk.ui.sync.work import NEW_JOURNAL
    from tests.sync.proxy import Proxy

    refusing = Proxy(
        radicale_server.port,
        lambda method, body: 403 if method == "MKCALENDAR" and b"VJOURNAL" in body else None,
    )
    try:
        radicale_server.url = refusing.url
        controller = controller_of(window)
        dialog = open_settings(qtbot, window, radicale_server, radicale_server.password)
        dialog.journal.setCurrentIndex(dialog.journal.findData(NEW_JOURNAL))
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, controller)
    finally:
        refusing.close()
    text = dialog.message.text()
    assert text.startswith("Synced."), text
    assert "\ninteractions stay on this computer: the server does not make calendars" in text
    qtbot.waitUntil(lambda: controller.button.text().startswith("Synced "))
    assert controller.state is not None and controller.state.journal == ""
