"""Fixtures of the GUI tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def app_window(qtbot, database, paths, clock):
    """The whole main window over the test database (views, importing) on the fake clock, shown."""
    from tests.ui.windows import build_window

    win = build_window(paths, clock=clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
