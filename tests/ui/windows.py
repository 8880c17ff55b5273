"""The main window as the GUI tests build and read it."""

from __future__ import annotations

from PySide6.QtGui import QAction

from netdesk.core.clock import Clock
from netdesk.paths import Paths
from netdesk.ui.app import attach_services, build_shell
from netdesk.ui.main_window import MainWindow
from netdesk.ui.single_instance import InstanceServer


def build_window(
    paths: Paths, server: InstanceServer | None = None, clock: Clock | None = None
) -> MainWindow:
    """The main window with its views over an already opened store, as start-up builds it."""
    window = build_shell(paths, server)
    attach_services(window, paths, clock)
    return window


def edit_action(window: MainWindow, prefix: str) -> QAction:
    """The one Undo (or Redo) the Edit menu lists: the shown view's."""
    listed = [
        action
        for action in window.menus["edit"].actions()
        if action.isVisible() and action.text().startswith(prefix)
    ]
    assert len(listed) == 1, [a.text() for a in listed]
    return listed[0]


def current_view(window: MainWindow) -> str:
    """The key of the view the sidebar shows ("" for none)."""
    row = window.sidebar.currentRow()
    return window.specs[row].key if row >= 0 else ""
