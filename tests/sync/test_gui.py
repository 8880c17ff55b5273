"""Sync through the window against a real Radicale: File → Sync settings…, Test connection,
Sync now with progress and Cancel, errors in words, the status bar item, F5, and the conflicts
dialog (taking the server's value is undoable in Contacts). The keyring is a failing fake, so
the password is kept for the session only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from netdesk.formats.draft import ContactDraft
from tests.sync.conflicts import add_conflicts
from tests.sync.windows import connect_in_dialog, sync_by_f5, sync_into_a_new_collection
from tests.sync.windows import controller_of as _controller
from tests.sync.windows import file_action as _file_action
from tests.sync.windows import open_settings as _open_settings
from tests.sync.windows import wait_idle as _wait_idle


def test_set_up_test_and_sync_from_the_dialog(qtbot, window, services, radicale_server):
    services.contacts.create(ContactDraft(given_name="Ana", family_name="Lima"))
    controller = _controller(window)
    qtbot.waitUntil(lambda: controller.button.text() == "Sync: not set up")
    dialog = _open_settings(qtbot, window, radicale_server, radicale_server.password)

    connect_in_dialog(qtbot, dialog)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert not dialog.sync_button.isEnabled() and dialog.cancel_button.isEnabled()
    _wait_idle(qtbot, controller)

    assert dialog.message.text().startswith("Synced. Received 0 new"), dialog.message.text()
    assert "sent 1 new" in dialog.message.text()
    qtbot.waitUntil(lambda: "system keyring" in dialog.note.text())  # none: for the session
    qtbot.waitUntil(lambda: controller.button.text().startswith("Synced "))
    assert "change" not in controller.button.text()
    assert controller.session_passwords == {
        (radicale_server.url, radicale_server.user): radicale_server.password
    }

    # F5 syncs the account without the dialog, a change sent
    dialog.close()
    controller.services.contacts.create(ContactDraft(given_name="Ben"))  # the window's hub
    qtbot.waitUntil(lambda: "1 change to send" in controller.button.text())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.views["contacts"], Qt.Key.Key_F5)
    assert controller.running is not None
    _wait_idle(qtbot, controller)
    assert controller.last_report.sent_new == 1
    qtbot.waitUntil(lambda: "change" not in controller.button.text())


def test_wrong_password_is_said_in_words(qtbot, window, services, radicale_server):
    controller = _controller(window)
    dialog = _open_settings(qtbot, window, radicale_server, "wrong")

    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, controller)

    assert "password" in dialog.message.text().lower(), dialog.message.text()
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText


def test_missing_fields_then_a_server_gone(qtbot, window, services, radicale_server):
    controller = _controller(window)
    dialog = _open_settings(qtbot, window, radicale_server, "")
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Fill in the password."
    dialog.password.setText(radicale_server.password)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, controller)
    qtbot.waitUntil(lambda: controller.button.text().startswith("Synced "))

    radicale_server.stop()
    _file_action(window, "S&ync now").trigger()
    _wait_idle(qtbot, controller)

    assert dialog.message.text().startswith("The sync stopped: the server 127.0.0.1")
    qtbot.waitUntil(lambda: controller.button.text().startswith("Sync failed: the server"))
    assert "127.0.0.1" in controller.button.toolTip()


def test_cancel_stops_the_sync_and_keeps_what_was_sent(qtbot, window, services, radicale_server):
    for name in ("Ana", "Ben", "Cy"):
        services.contacts.create(ContactDraft(given_name=name))
    controller = _controller(window)
    dialog = _open_settings(qtbot, window, radicale_server, radicale_server.password)

    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, controller)

    assert dialog.message.text() == "The sync stopped: Cancelled"
    assert dialog.sync_button.isEnabled() and not dialog.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)  # the next one goes on
    _wait_idle(qtbot, controller)
    from netdesk.store.models import SyncCard

    assert SyncCard.select().count() == 3  # each sent once, none twice
    qtbot.waitUntil(lambda: controller.button.text().startswith("Synced "))
    assert "change" not in controller.button.text()


def test_conflicts_dialog_takes_the_servers_value_undoably(qtbot, window, services, clock):
    ana = services.contacts.create(ContactDraft(given_name="Ana", title="Chef <b>", notes="mine"))
    add_conflicts(ana, ("title", "Chef <b>", "Cook"), ("notes", "mine", "theirs"))
    controller = _controller(window)
    controller.read_state()
    qtbot.waitUntil(lambda: "2 conflicts" in controller.button.text())
    action = _file_action(window, "Sync conf&licts…")
    assert action.isEnabled()
    action.trigger()
    dialog = controller.conflicts_dialog
    assert dialog is not None and dialog.table.rowCount() == 2
    rows = {dialog.table.item(r, 1).text(): r for r in range(2)}
    assert dialog.table.item(rows["Title"], 2).text() == "Chef <b>"  # plain text
    assert dialog.table.item(rows["Title"], 3).text() == "Cook"

    dialog.table.selectRow(rows["Title"])
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    assert services.contacts.load(ana).title == "Cook"
    assert dialog.table.rowCount() == 1
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert services.contacts.load(ana).notes == "mine"
    assert dialog.empty.isVisible()

    stack = window.views["contacts"].controller.undo_stack
    assert stack.undoText() == "Keep NetDesk's notes of Ana"
    stack.undo()
    stack.undo()
    assert services.contacts.load(ana).title == "Chef <b>"
    assert dialog.table.rowCount() == 2


def test_follow_ups_sync_with_the_task_list_chosen_in_the_dialog(
    qtbot, window, services, radicale_server
):
    from netdesk.ui.sync.work import NEW_TASK_LIST, NEW_TASK_LIST_NAME, NO_TASKS

    controller = _controller(window)
    hub = controller.services  # the window's: its changes reach the status bar
    ana = hub.contacts.create(ContactDraft(given_name="Ana", family_name="Lima"))
    followup = hub.followups.create(ana, date(2026, 3, 20), reason="thank", note="the intro")
    dialog = _open_settings(qtbot, window, radicale_server, radicale_server.password)
    assert dialog.task_list.currentData() == NO_TASKS
    assert "follow-ups with a task list" in dialog.note.text()

    text = sync_into_a_new_collection(qtbot, window, dialog, dialog.task_list, NEW_TASK_LIST)
    assert "Follow-ups: received 0 new, 0 changed (0 done), 0 dismissed; sent 1 new" in text
    qtbot.waitUntil(lambda: controller.button.text().startswith("Synced "))
    assert controller.state is not None and controller.state.task_list.endswith("/")
    connect_in_dialog(qtbot, dialog)  # now listed by name
    assert dialog.task_list.findText(NEW_TASK_LIST_NAME) >= 2

    hub.followups.done([followup])  # F5 sends it as done, to the same list
    qtbot.waitUntil(lambda: "to send" in controller.button.text())
    sync_by_f5(qtbot, window, dialog)
    assert controller.last_report.tasks.sent_changed == 1


def test_several_address_books_and_none_called_netdesk_ask_which(
    qtbot, window, services, radicale_server
):
    from netdesk.core.carddav import CardDavClient

    client = CardDavClient(radicale_server.url, radicale_server.user, radicale_server.password)
    for name in ("Family", "Work"):
        client.create_address_book(client.discover(), name.lower(), name)
    client.close()
    controller = _controller(window)
    dialog = _open_settings(qtbot, window, radicale_server, radicale_server.password)
    assert dialog.book.currentText() == "“NetDesk” or the only one (or a new one)"

    connect_in_dialog(qtbot, dialog)
    assert "None is called NetDesk: choose the one to sync." in dialog.message.text()
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, controller)
    assert dialog.message.text() == (
        "The sync stopped: the server has 2 address books and none is called NetDesk (Family, "
        "Work): choose the one to sync in Sync settings (Test connection lists them)"
    )

    dialog.book.setCurrentIndex(dialog.book.findText("Work"))
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, controller)
    assert dialog.message.text().startswith("Synced."), dialog.message.text()
    from netdesk.store.models import SyncAccount

    assert SyncAccount.get().address_book == "/alice/work/"
