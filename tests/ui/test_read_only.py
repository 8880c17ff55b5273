"""Read-only mode through the GUI: every view shows its data with each control that would
change it off (text fields read-only, buttons and actions disabled, Delete and the views'
single-letter keys doing nothing), what only reads still works, and a banner says why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QToolBar,
    QWidget,
)

from netdesk.core.opportunities import OpportunityDraft
from netdesk.core.own_profiles import linked
from netdesk.store.models import Contact, FollowUp
from netdesk.ui.read_only import READING, ReadOnlyLock
from netdesk.ui.store_faults import show_read_only
from tests.ui.today_view import settle_today

STILL_ON = {
    "today": {"Open", "Prep brief", "Me page", "5"},
    "contacts": {"contactSearch", "Due for a check-in", "All circles", "All tags", "All companies"}
    | {"Active"},
    "followups": {"‹", "›", "Today", "Day", "Week", "Open"},
    "events": {"Print / Save PDF", "Me page…", "All kinds", "All statuses"},
    "companies": {"companySearch", "Targets"},
    "opportunities": {"&Board", "&List", "Filter opportunities", "Export CSV…", "Stages"},
    "me": {"Open"},
}
"""What each view keeps on in read-only mode, by text, object or accessible name."""


@pytest.fixture
def locked(lived_in, paths):
    window = lived_in
    window.resize(1280, 800)
    profiles = window.services.profiles
    url = "https://www.linkedin.com/in/noor-sato"
    profiles.put("linkedin", linked(None, "linkedin", url, window.services.clock.today()))
    window.services.opportunities.create(OpportunityDraft("Platform lead", "Initech"))  # to export
    show_read_only(window, paths.data_dir)
    QApplication.processEvents()
    yield window
    QApplication.instance().removeEventFilter(window.findChild(ReadOnlyLock))  # for later tests


def _names(widget) -> set[str]:
    names = {widget.objectName(), widget.accessibleName()}
    if isinstance(widget, QAbstractButton):
        names.add(widget.text())
    if isinstance(widget, QComboBox):
        names.add(widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        names.add(widget.text())
    return names - {""}


def _on(widget) -> bool:
    """Whether the user could use `widget` to change something."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
        return widget.isEnabled() and not widget.isReadOnly()
    return widget.isEnabled()


def _controls(view):
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox)
    for widget in view.findChildren(QWidget):
        if not isinstance(widget, kinds):
            continue
        parent = widget.parent()
        if isinstance(parent, (QLineEdit, QComboBox, QAbstractSpinBox)):
            continue  # a field's own parts
        if widget.objectName().startswith(("qt_", "Scroll")) or not widget.isVisibleTo(view):
            continue
        yield widget


@pytest.mark.parametrize("key", list(STILL_ON))
def test_every_view_has_only_its_reading_controls_on(locked, key, qtbot) -> None:
    view = locked.show_view(key)
    QApplication.processEvents()
    if key == "contacts":  # its editor shown
        view.reload_now()
        qtbot.waitUntil(lambda: view.select_contact(Contact.select().first().id))
    if key == "today":  # lived_in's rows read and shown: a section's buttons are off without
        view.refresh()
        settle_today(qtbot, view)
    if key == "followups":  # lived_in's follow-ups listed: Open is off while none is
        view.refresh()
    controls = set(_controls(view))
    for tab in view.findChildren(QTabWidget):
        for index in range(tab.count()):  # the editors' every tab
            tab.setCurrentIndex(index)
            QApplication.processEvents()
            controls |= set(_controls(view))
    kept = [w for w in controls if _names(w) & STILL_ON[key]]
    for name in set().union(*(_names(w) for w in kept)) & STILL_ON[key]:  # on (one Open a link)
        assert any(w.isEnabled() for w in kept if name in _names(w)), f"{key}: {name} is off"
    on = {" / ".join(sorted(_names(w))) for w in controls if _on(w) and w not in kept}
    assert not on, f"{key}: still on: {sorted(on)}"
    listed = [a for a in view.actions() if a.isEnabled() and a.text()]
    assert all(a.property(READING) for a in listed), [a.text() for a in listed]
    assert locked.views[key].isEnabled()


def test_the_banner_says_why_and_how_to_fix_it(locked, paths) -> None:
    assert locked.windowTitle() == "NetDesk (read-only)"
    banner = locked.findChild(QToolBar, "readOnlyBanner")
    assert banner.isVisible()
    notice = locked.findChild(QLabel, "readOnlyNotice")
    assert notice.textFormat() == Qt.TextFormat.PlainText and notice.isEnabled()
    assert notice.text() == (
        f"Read-only: NetDesk cannot write to {paths.data_dir}, so editing is off. To make "
        "changes, quit NetDesk, make that folder writable (its permissions, or a disk mounted "
        "read-only) and start NetDesk again."
    )
    assert not locked.acceptDrops()  # dropped files would be imported
    assert ReadOnlyLock.install(locked) is locked.findChild(ReadOnlyLock)  # once


def _menu_items(window, menu: str) -> dict[str, bool]:
    return {
        a.text(): a.isEnabled()
        for a in window.menus[menu].actions()
        if a.isVisible() and not a.isSeparator()
    }


def test_menus_keep_only_what_reads(locked) -> None:
    file_items = _menu_items(locked, "file")
    assert {text for text, on in file_items.items() if on} == {
        "Import &history…",
        "&Export…",
        "Export even&ts (.ics)…",
        "Export opportunities (&CSV)…",
        "&Print event brief…",
        "&Quit",
    }
    locked.show_view("contacts")
    edit_items = _menu_items(locked, "edit")
    assert {text for text, on in edit_items.items() if on} == {"&Find contacts"}
    assert all(menu.menuAction().isEnabled() for menu in locked.menus.values())
    assert all(_menu_items(locked, "view").values())
    assert all(_menu_items(locked, "help").values())


def test_contacts_cannot_be_typed_into_deleted_or_made(locked, qtbot) -> None:
    contacts = locked.show_view("contacts")
    QApplication.processEvents()
    (noor,) = Contact.select()
    contacts.reload_now()
    qtbot.waitUntil(lambda: contacts.select_contact(noor.id))
    editor = contacts.editor
    qtbot.waitUntil(lambda: editor.given.text() == "Noor")
    qtbot.keyClicks(editor.given, "X")
    assert editor.given.text() == "Noor" and editor.given.isReadOnly()
    assert not editor.save_button.isEnabled()
    contacts.table.setFocus()
    QTest.keyClick(contacts.table, Qt.Key.Key_Delete)
    QTest.keySequence(contacts.table, QKeySequence("Ctrl+N"))
    QApplication.processEvents()
    assert [c.display_name for c in Contact.select()] == ["Noor Sato"]
    assert not contacts.controller.delete_action.isEnabled()
    contacts.controller.delete_action.setEnabled(True)  # a selection change does this
    assert not contacts.controller.delete_action.isEnabled()
    qtbot.keyClicks(contacts.search, "zzz")  # searching still works
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 0)


def test_follow_ups_keys_and_buttons_change_nothing(locked, qtbot) -> None:
    calendar = locked.show_view("followups")
    QApplication.processEvents()
    calendar.agenda.setFocus()
    calendar.agenda.setCurrentRow(0)
    for key in (Qt.Key.Key_D, Qt.Key.Key_Delete):
        QTest.keyClick(calendar.agenda, key)
    assert {f.status for f in FollowUp.select()} == {"open"}
    assert not calendar.grid.acceptDrops()  # a follow-up dropped on a day is rescheduled
    today = locked.show_view("today")
    QApplication.processEvents()
    QTest.keyClick(today, Qt.Key.Key_D)
    assert {f.status for f in FollowUp.select()} == {"open"}


def test_a_dialog_opened_from_a_view_reads_only_and_closes(locked, qtbot) -> None:
    calendar = locked.show_view("followups")
    QApplication.processEvents()
    calendar.open_followup(FollowUp.select().first().id)
    dialog = calendar.dialog
    qtbot.waitExposed(dialog)
    assert dialog.note.isReadOnly()
    buttons = {
        b.text().replace("&", ""): b.isEnabled() for b in dialog.findChildren(QAbstractButton)
    }
    assert buttons["OK"] is False and buttons["Cancel"] is True
    dialog.reject()


def test_context_menus_made_later_are_locked(locked, qtbot) -> None:
    contacts = locked.show_view("contacts")
    QApplication.processEvents()
    menu = contacts.controller.circle_menu
    menu.popup(contacts.mapToGlobal(contacts.rect().center()))
    qtbot.waitExposed(menu)
    assert not any(a.isEnabled() for a in menu.actions())
    menu.close()
    added = menu.addAction("Later")
    assert not added.isEnabled()
    assert isinstance(added, QAction)


def test_a_read_only_store_with_reminders_due_starts_and_changes_nothing(
    qtbot, paths, monkeypatch, clock
) -> None:
    """Reminders record that they were shown, which a read-only store cannot: start-up ends
    without an error, with no reminder shown, and the tray's menu only opens."""
    import sys
    from datetime import datetime

    from netdesk.store.db import close_database, open_database
    from netdesk.ui import app as app_module
    from netdesk.ui import reminders as reminders_module
    from tests.fault_helpers import read_only_folder

    open_database(paths.database, daily_backup=False)
    ana = Contact.create(display_name="Ana")
    # due long before the services' (fake) now
    FollowUp.create(contact=ana, due_at=datetime(2001, 1, 1), reason="check-in")
    close_database()
    errors: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *error: errors.append(error))
    made: list[reminders_module.Reminders] = []
    real_install = reminders_module.install_reminders
    monkeypatch.setattr(
        reminders_module,
        "install_reminders",
        lambda *args, **named: made.append(real_install(*args, **named)) or made[-1],
    )
    with read_only_folder(paths.data_dir):
        window = app_module.build_shell(paths)
        qtbot.addWidget(window)
        window.show()
        startup = app_module.finish_startup(window, paths, [], clock)
        try:
            qtbot.waitUntil(lambda: startup.ended, timeout=20000)
            assert startup.done and errors == []
            (reminders,) = made
            assert not reminders.scheduler.timer.isActive()
            tray = [a.text() for a in reminders.tray.menu.actions() if not a.isSeparator()]
            assert "Quick-add follow-up…" not in tray
            item = reminders.tray.due_menu.actions()[0].menu()
            assert [a.text() for a in item.actions()] == ["Open"]
            assert FollowUp.get().notified_at is None
        finally:
            QApplication.instance().removeEventFilter(window.findChild(ReadOnlyLock))
            close_database()
