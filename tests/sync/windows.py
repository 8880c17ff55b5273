"""The window's sync parts in a GUI test: the controller, File menu items, the settings dialog
filled in and used (connect, sync into a new collection, F5), waiting for a sync to end."""

from __future__ import annotations

from typing import Any

from tests.dav_servers import DavServer


def controller_of(window: Any) -> Any:
    """The window's SyncController."""
    from netdesk.ui.sync.controller import SyncController

    (found,) = window.findChildren(SyncController)
    return found


def file_action(window: Any, text: str) -> Any:
    """The File menu's action called `text`."""
    (action,) = [a for a in window.menus["file"].actions() if a.text() == text]
    return action


def open_settings(qtbot: Any, window: Any, server: DavServer, password: str) -> Any:
    """File → Sync settings… with the server, user and `password` typed in."""
    file_action(window, "Sync &settings…").trigger()
    dialog = controller_of(window).settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.url.setText(server.url)
    dialog.user.setText(server.user)
    dialog.password.setText(password)
    return dialog


def wait_idle(qtbot: Any, controller: Any) -> None:
    """Until no sync runs."""
    qtbot.waitUntil(lambda: controller.running is None, timeout=60_000)


def connect_in_dialog(qtbot: Any, dialog: Any) -> None:
    """Click Test connection, until the dialog says it connected."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Connected"), timeout=30_000)


def sync_into_a_new_collection(
    qtbot: Any, window: Any, dialog: Any, combo: Any, new: object
) -> str:
    """Connect, choose NetDesk's own new collection (`new`, its item data) in `combo` and
    click Sync now; the dialog's message once the sync ended."""
    from PySide6.QtCore import Qt

    connect_in_dialog(qtbot, dialog)
    combo.setCurrentIndex(combo.findData(new))
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, controller_of(window))
    return str(dialog.message.text())


def sync_by_f5(qtbot: Any, window: Any, dialog: Any = None) -> None:
    """Close the settings dialog (if open) and press F5 in the window, until that sync ended."""
    from PySide6.QtCore import Qt

    if dialog is not None:
        dialog.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.views["contacts"], Qt.Key.Key_F5)
    wait_idle(qtbot, controller_of(window))
