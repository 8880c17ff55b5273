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


@pytest.fixture
def contacts_view(qtbot, services):
    """The Contacts view alone over the test database, shown at 1200×760."""
    from netdesk.ui.app import settings_for
    from netdesk.ui.contacts.view import ContactsView

    widget = ContactsView(services, settings_for(services.paths))
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def make_today(qtbot, services):
    """Make the Today view over the test database, shown at `size` with its data read (the
    view, closed at the end, lets a read in progress end before the database closes)."""
    from netdesk.ui.today import TodayView
    from tests.ui.today_view import settle_today

    def make(settings=None, size: tuple[int, int] = (1024, 700), show: bool = True):
        widget = TodayView(services, settings)
        qtbot.addWidget(widget)
        if show:
            widget.resize(*size)
            widget.show()
            qtbot.waitExposed(widget)
        settle_today(qtbot, widget)
        return widget

    return make
