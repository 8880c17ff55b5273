"""Fixtures of the GUI tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def app_window(qtbot, database, paths):
    """The whole main window over the test database (views, importing), shown."""
    from netdesk.ui.app import build_window

    win = build_window(paths)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
