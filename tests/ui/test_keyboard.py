"""No keyboard dead ends (issue 20): the search leads into the list, Ctrl+3 puts the arrows on the
calendar, Done moves on to the next follow-up, Enter in the capture dialog's Follow up saves."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from netdesk.core.events import EventDraft
from netdesk.formats.draft import ContactDraft
from netdesk.ui.calendar import CalendarView
from netdesk.ui.calendar.agenda import ID_ROLE
from netdesk.ui.events.capture import CaptureDialog
from tests.ui.today_view import settle_today


def _person(services, given: str, family: str = "Test", organisation: str = "") -> int:
    draft = ContactDraft(given_name=given, family_name=family, organisation=organisation)
    return services.contacts.create(draft)


def _shown(qtbot, view):
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def _keys_to(qtbot, widget) -> None:
    """Make `widget`'s window active and give it the keys (window shortcuts need both)."""
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow)
    widget.setFocus()


def _settle(qtbot) -> None:
    qtbot.wait(1)
    QApplication.processEvents()


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return], ids=["down", "enter"])
def test_down_or_enter_in_the_search_moves_into_the_results(contacts_view, qtbot, services, key):
    for given in ("Maria", "Marius", "Ahmed"):
        _person(services, given)
    view = contacts_view
    view.apply_filter()
    view.search.setFocus()
    qtbot.keyClicks(view.search, "mari")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    qtbot.keyClick(view.search, key)
    assert view.table.hasFocus()
    assert view.selected_ids() == [view.model.contact_id(0)]
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.selected_ids() == [view.model.contact_id(1)]
    qtbot.waitUntil(lambda: view.editor.contact_id == view.model.contact_id(1))  # a turn later


def test_ctrl_3_puts_the_arrows_on_the_calendar(app_window, qtbot, clock) -> None:
    window = app_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    calendar = window.views["followups"]
    assert isinstance(calendar, CalendarView) and calendar.isVisible()
    assert window.focusWidget() is calendar.grid
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)
    assert calendar.selected == clock.today() + timedelta(days=1)
    assert not calendar.week_mode
    qtbot.keyClick(window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.views["contacts"].search


@pytest.fixture
def calendar(qtbot, services, clock):
    today = clock.today()
    followups = services.followups
    for given in ("Ana", "Ben", "Cleo"):
        contact = _person(services, given)
        followups.create(contact, datetime.combine(today, datetime.min.time()))
        followups.create(contact, datetime.combine(today - timedelta(days=3), datetime.min.time()))
    return _shown(qtbot, CalendarView(followups, services.changes))


@pytest.mark.parametrize("section", ["agenda", "overdue"])
def test_done_moves_to_the_next_follow_up_so_d_goes_on(calendar, services, qtbot, section):
    listing = getattr(calendar, section)
    listing.setFocus()
    listing.setCurrentRow(0)
    first = listing.currentItem().data(ID_ROLE)
    qtbot.keyClick(listing, Qt.Key.Key_D)
    _settle(qtbot)
    assert listing.hasFocus()
    second = listing.currentItem().data(ID_ROLE)
    assert second != first and services.followups.get(second).status == "open"
    qtbot.keyClick(listing, Qt.Key.Key_D)
    _settle(qtbot)
    assert [services.followups.get(i).status for i in (first, second)] == ["done", "done"]


def test_done_on_today_moves_to_the_next_follow_up(qtbot, services, clock, make_today) -> None:
    for given in ("Ana", "Ben", "Cleo"):
        services.followups.create(_person(services, given), clock.today())
    view = make_today(size=(1200, 900))
    due = view.sections["due"].list
    _keys_to(qtbot, due)
    due.select_key(None, 0)
    first = due.currentItem().data(ID_ROLE)
    qtbot.keyClick(due, Qt.Key.Key_D)
    settle_today(qtbot, view)
    second = due.currentItem().data(ID_ROLE)
    qtbot.keyClick(due, Qt.Key.Key_D)
    settle_today(qtbot, view)
    statuses = [services.followups.get(i).status for i in (first, second)]
    assert second != first and statuses == ["done", "done"]


def test_enter_in_the_capture_dialogs_follow_up_saves(qtbot, services, clock) -> None:
    start = datetime.combine(clock.today(), datetime.min.time())
    event_id = services.events.create(EventDraft(name="Data meetup", starts_at=start))
    dialog = CaptureDialog(services.events, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name.setText("Grace Hopper")
    dialog.days.setFocus()
    dialog.days.selectAll()
    qtbot.keyClicks(dialog.days, "5")
    qtbot.keyClick(dialog.days, Qt.Key.Key_Return)
    assert [r.name for r in dialog.results] == ["Grace Hopper"]
    assert dialog.name.text() == "" and dialog.focusWidget() is dialog.name
    [followup] = services.followups.agenda(clock.today() + timedelta(days=5))
    assert followup.contact_name == "Grace Hopper"
    assert followup.day == clock.today() + timedelta(days=5) != date.min


def test_the_grid_shows_whether_it_has_the_keys(calendar, qtbot) -> None:
    _keys_to(qtbot, calendar.agenda)
    away = calendar.grid.grab().toImage()
    calendar.grid.setFocus()
    qtbot.waitUntil(calendar.grid.hasFocus)
    assert calendar.grid.grab().toImage() != away


def test_tab_leaves_a_list_at_once(contacts_view, qtbot, services) -> None:
    for given in ("Maria", "Marius", "Ahmed"):
        _person(services, given)
    contacts_view.apply_filter()
    _keys_to(qtbot, contacts_view.table)
    contacts_view.table.selectRow(0)
    qtbot.keyClick(contacts_view.table, Qt.Key.Key_Tab)
    assert not contacts_view.table.hasFocus()  # not on to the next of 7 × 3 cells
