"""One undo in every view: Edit → Undo and Redo name the shown view's last change and act on it."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from netdesk.core.events import EventDraft
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact
from tests.fake_time import NOW
from tests.ui.windows import build_window, edit_action


@pytest.fixture
def window(qtbot, database, paths, clock):
    win = build_window(paths, clock=clock)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def _edit(window, prefix: str) -> QAction:
    return edit_action(window, prefix)


def _deleted_contact(window, qtbot) -> int:
    """Ana, made and sent to the Trash with Delete in the contact list (which has the focus)."""
    contacts = window.show_view("contacts")
    ana = window.services.contacts.create(ContactDraft(given_name="Ana"))
    qtbot.waitUntil(lambda: contacts.select_contact(ana))  # the list is read off the GUI thread
    contacts.table.setFocus()
    qtbot.keyClick(contacts.table, Qt.Key.Key_Delete)
    assert Contact.get_by_id(ana).deleted_at is not None
    return ana


def test_contacts_undo_and_redo_from_the_edit_menu(window, qtbot) -> None:
    ana = _deleted_contact(window, qtbot)
    undo = _edit(window, "&Undo")
    assert undo.text() == "&Undo Delete 1 contact" and undo.isEnabled()
    undo.trigger()
    assert Contact.get_by_id(ana).deleted_at is None
    redo = _edit(window, "&Redo")
    assert redo.text() == "&Redo Delete 1 contact"
    redo.trigger()
    assert Contact.get_by_id(ana).deleted_at is not None


def test_calendar_undo_and_redo_from_the_edit_menu(window, qtbot) -> None:
    followups = window.services.followups
    ana = window.services.contacts.create(ContactDraft(given_name="Ana"))
    fid = followups.create(ana, NOW.date(), reason="thank")
    calendar = window.show_view("followups")
    calendar.go_today()
    calendar.agenda.setFocus()
    calendar.agenda.select_followups({fid})
    qtbot.keyClick(calendar.agenda, Qt.Key.Key_D)
    assert followups.get(fid).status == "done"
    undo = _edit(window, "&Undo")
    assert undo.text() == "&Undo Done (1 follow-up)"
    undo.trigger()
    assert followups.get(fid).status == "open"
    assert calendar.message.text() == "Undone: Done"
    _edit(window, "&Redo").trigger()
    assert followups.get(fid).status == "done"
    assert _edit(window, "&Undo").text() == "&Undo Done (1 follow-up)"


def test_events_undo_and_redo_from_the_edit_menu(window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    events = window.services.events
    meetup = events.create(EventDraft(name="PyData", starts_at=datetime(2026, 4, 2, 18, 0)))
    view = window.show_view("events")
    qtbot.waitUntil(lambda: view.model.row_of(meetup) >= 0)
    view.select(meetup)
    view.delete_current()
    assert events.get(meetup) is None
    undo = _edit(window, "&Undo")
    assert undo.text() == "&Undo Delete event “PyData”"
    undo.trigger()
    assert events.get(meetup).name == "PyData" and view.current_id() == meetup
    _edit(window, "&Redo").trigger()
    assert events.get(meetup) is None
    assert not _edit(window, "&Redo").isEnabled() and _edit(window, "&Undo").isEnabled()


def test_a_change_that_did_nothing_is_not_kept(qapp) -> None:
    from PySide6.QtGui import QUndoStack

    from netdesk.ui.undo import Command

    stack = QUndoStack()
    done: list[str] = []
    stack.push(Command("Nothing", lambda: [], done.append, changed=bool))
    assert stack.count() == 0 and not stack.canUndo()
    stack.push(Command("Something", lambda: ["x"], lambda record: done.extend(record), bool))
    assert stack.undoText() == "Something"
    stack.undo()
    assert done == ["x"] and stack.redoText() == "Something"


def test_each_view_keeps_its_last_hundred_changes(window) -> None:
    from netdesk.ui.undo import UNDO_LIMIT

    assert UNDO_LIMIT == 100
    for key in ("contacts", "followups", "events"):
        view = window.views[key]
        stack = view.controller.undo_stack if key == "contacts" else view.undo_stack
        assert stack.undoLimit() == UNDO_LIMIT, key


@pytest.mark.parametrize("redo_key", ["Ctrl+Shift+Z", "Ctrl+Y"])
def test_ctrl_z_undoes_and_both_redo_keys_redo(window, qtbot, redo_key) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    ana = _deleted_contact(window, qtbot)
    table = window.views["contacts"].table
    QTest.keySequence(table, QKeySequence("Ctrl+Z"))
    assert Contact.get_by_id(ana).deleted_at is None
    QTest.keySequence(table, QKeySequence(redo_key))
    assert Contact.get_by_id(ana).deleted_at is not None
