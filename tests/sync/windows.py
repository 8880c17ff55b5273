"""The window's sync parts in a GUI test: the controller, File menu items, the settings dialog
filled in, waiting for a sync to end."""

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
