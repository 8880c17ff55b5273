"""The real window with every view: each view's shortcuts act in that view only."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from jeepney import Message
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact
from tests.ui.windows import build_window, current_view


@pytest.fixture
def window(qtbot, services, paths, clock):
    win = build_window(paths, clock=clock)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_ctrl_n_and_ctrl_z_act_in_the_shown_view(window, qtbot) -> None:
    contacts = window.show_view("contacts")
    contacts.search.setFocus()
    qtbot.keyClick(contacts.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert contacts.editor.given.hasFocus()
    contact_id = contacts.controller.save_contact(None, ContactDraft(given_name="Ana"))
    contacts.select_contact(contact_id)
    contacts.table.setFocus()
    qtbot.keyClick(contacts.table, Qt.Key.Key_Delete)
    assert Contact.get_by_id(contact_id).deleted_at is not None
    qtbot.keyClick(contacts.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Contact.get_by_id(contact_id).deleted_at is None
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert current_view(window) == "contacts"
    assert contacts.model.rowCount() == 1


def test_view_keys_work_from_the_sidebar_and_only_in_the_shown_view(window, qtbot) -> None:
    contacts = window.show_view("contacts")
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert contacts.editor.given.hasFocus()
    qtbot.keyClicks(contacts.editor.given, "Ana")
    qtbot.keyClick(contacts.editor.given, Qt.Key.Key_Backspace)
    qtbot.keyClick(contacts.editor.given, Qt.Key.Key_Home)
    qtbot.keyClick(contacts.editor.given, Qt.Key.Key_Delete)
    assert contacts.editor.given.text() == "n"
    events = window.show_view("events")
    window.sidebar.setFocus()
    contacts.editor.given.setText("kept")
    qtbot.keyClick(window.sidebar, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert contacts.editor.given.text() == "kept"
    assert events.isVisible() and not contacts.isVisible()
    assert contacts.controller.new_action.shortcut().isEmpty()
    window.show_view("contacts")
    assert not contacts.controller.new_action.shortcut().isEmpty()


def test_contact_actions_are_in_the_edit_menu(window) -> None:
    titles = [a.text() for a in window.menus["edit"].actions()]
    for title in ("&Undo", "&Find contacts", "&Log interaction…", "&Merge…", "&Delete"):
        assert any(t.startswith(title) for t in titles), title
    assert any(a.text() == "&New contact" for a in window.menus["file"].actions())


def _tooltips(view: QWidget) -> list[str]:
    """Every tooltip in `view`: its widgets' and every cell's of its item views."""
    tips = [widget.toolTip() for widget in view.findChildren(QWidget)]
    for item_view in view.findChildren(QAbstractItemView):
        model = item_view.model()
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        for row in range(model.rowCount() if model else 0):
            for column in range(columns):
                tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                tips.append(tip or "")
    return tips


class _Bus:
    """A notification server that renders body markup; keeps what it was sent."""

    lost = False

    def __init__(self) -> None:
        self.bodies: list[str] = []

    def send_and_get_reply(self, message: Message, timeout: float) -> SimpleNamespace:
        self.bodies.append(message.body[4])
        return SimpleNamespace(body=[7])


def test_hostile_contact_text_is_plain_in_every_view(window) -> None:
    from netdesk.ui.notify import DesktopNotifications, Notifier, ReminderBanner

    hostile = '<b>Bob</b><img src="http://x/y.png">'
    services = window.services
    contact_id = services.contacts.create(ContactDraft(given_name=hostile, organisation=hostile))
    fid = services.followups.create(contact_id, services.clock.today(), note=hostile)
    QApplication.processEvents()
    window.show_view("contacts").select_contact(contact_id)
    seen = tips = 0
    for spec in window.specs:
        view = window.show_view(spec.key)
        QApplication.processEvents()
        for label in view.findChildren(QLabel):
            if "<b>Bob" in label.text():
                seen += 1
                assert label.textFormat() == Qt.TextFormat.PlainText, (spec.key, label.text())
        for tip in _tooltips(view):
            assert "<b>Bob" not in tip, (spec.key, tip)  # Qt renders a tooltip with tags
            tips += "&lt;b&gt;Bob" in tip
    assert seen and tips >= 3  # the list's name and organisation, the agenda's note
    bus = _Bus()
    Notifier(DesktopNotifications(bus, {"body-markup"}), None, ReminderBanner()).show(
        [services.followups.get(fid)]
    )
    assert bus.bodies == ['check-in: &lt;b&gt;Bob&lt;/b&gt;&lt;img src="http://x/y.png"&gt;']


def test_an_event_opened_from_the_calendar_shows_in_events(window, qtbot) -> None:
    from netdesk.core.event_draft import EventDraft

    event_id = window.services.events.create(
        EventDraft(
            name="Data meetup", starts_at=window.services.clock.now().replace(hour=18, minute=30)
        )
    )
    calendar = window.show_view("followups")
    QApplication.processEvents()
    calendar.refresh()
    rows = [calendar.agenda.item(i) for i in range(calendar.agenda.count())]
    event_row = next(r for r in rows if "Data meetup" in r.text())
    calendar.agenda.setCurrentItem(event_row)
    calendar.open_current()
    assert current_view(window) == "events"
    assert window.views["events"].current_id() == event_id


def test_ctrl_f_from_any_view_searches_contacts(window, qtbot) -> None:
    contacts = window.show_view("contacts")
    contacts.controller.save_contact(None, ContactDraft(given_name="Ana", family_name="Silva"))
    contacts.controller.save_contact(None, ContactDraft(given_name="Bo", family_name="Lind"))
    for view in ("today", "followups", "events", "contacts"):
        window.show_view(view)
        window.sidebar.setFocus()
        qtbot.keyClick(window.sidebar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert current_view(window) == "contacts", view
        assert contacts.search.hasFocus(), view
    qtbot.keyClicks(contacts.search, "sil")
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)
