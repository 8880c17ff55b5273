"""Fixtures of the GUI tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale


@pytest.fixture
def app_window(qtbot, database, paths, clock):
    """The whole main window over the test database (views, importing) on the fake clock, shown."""
    from tests.ui.windows import build_window

    win = build_window(paths, clock=clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close_views()  # before the store closes: the views' workers stop and are waited for


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
    yield widget
    widget.close()  # before the store closes: its count stops and is waited for


@pytest.fixture
def make_today(qtbot, services):
    """Make the Today view over the test database, shown at `size` with its data read (the
    view, closed at the end, lets a read in progress end before the database closes)."""
    from netdesk.ui.today.view import TodayView
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


@pytest.fixture
def lived_in(app_window, services, clock):
    """The window over a contact with follow-ups (one overdue), an event and a goal."""
    from datetime import datetime, timedelta

    from netdesk.core.events import EventDraft
    from netdesk.formats.draft import ContactDraft

    noor = services.contacts.create(ContactDraft(given_name="Noor", family_name="Sato"))
    services.followups.create(noor, clock.now() - timedelta(days=2))
    services.followups.create(noor, clock.now())
    start = datetime.combine(clock.today() + timedelta(days=3), datetime.min.time())
    event = services.events.create(EventDraft(name="Data meetup", starts_at=start))
    app_window.views["events"].reload()
    app_window.views["events"].select(event)  # its panel (details, prep, review) shows
    app_window.activateWindow()
    return app_window


@pytest.fixture
def locale():
    """Set the default QLocale by name for the test; the C locale of the suite comes back after."""
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)
