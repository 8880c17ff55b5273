"""The menus: File in separated groups (one Import… for every file), Help's keyboard shortcuts,
data folder and log, a mnemonic or key on every item, and Add tag… opening empty."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu

from netdesk.formats.draft import ContactDraft
from netdesk.ui.shortcuts_dialog import EVERYWHERE, ShortcutsDialog, shortcut_rows
from netdesk.ui.view_actions import ViewActions


@pytest.fixture
def window(app_window):
    app_window.resize(1280, 800)
    return app_window


def _listed(menu: QMenu) -> list[str]:
    """The menu as the user sees it: texts, "-" for a separator (empty groups collapse)."""
    shown: list[str] = []
    for action in menu.actions():
        if not action.isVisible():
            continue
        if action.isSeparator():
            if shown and shown[-1] != "-":
                shown.append("-")
        else:
            shown.append(action.text())
    return shown


def _keys(window, action: QAction) -> list:
    views = window.findChildren(ViewActions)
    return next((k for va in views if (k := va.keys_of(action))), action.shortcuts())


def test_file_menu_is_grouped_and_has_one_import(window) -> None:
    assert _listed(window.menus["file"]) == [
        "&New contact",
        "New &follow-up…",
        "New e&vent",
        "New &opportunity",
        "-",
        "&Import…",
        "Import &history…",
        "-",
        "&Export…",
        "Export even&ts (.ics)…",
        "Export opportunities (&CSV)…",
        "-",
        "&Print event brief…",
        "-",
        "S&ync now",
        "Previe&w sync…",
        "Sync &settings…",
        "Sync conf&licts…",
        "-",
        "&Quit",
    ]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_help_menu(window) -> None:
    assert _listed(window.menus["help"]) == [
        "&Keyboard shortcuts…",
        "Open &data folder",
        "Open &log file",
        "-",
        "&About NetDesk",
    ]


@pytest.mark.parametrize("view", ["today", "contacts", "followups", "events", "me"])
def test_every_menu_item_has_a_mnemonic_or_a_key_and_no_mnemonic_twice(window, view) -> None:
    window.show_view(view)
    QApplication.processEvents()
    for key in ("file", "edit", "view", "help"):
        items = [a for a in window.menus[key].actions() if a.isVisible() and not a.isSeparator()]
        for action in items:
            assert "&" in action.text() or _keys(window, action), (key, action.text())
        letters = [m.group(1).lower() for a in items if (m := re.search(r"&(\w)", a.text()))]
        assert len(letters) == len(set(letters)), (key, letters)


def test_keyboard_shortcuts_lists_every_key_of_the_window(window, qtbot) -> None:
    rows = shortcut_rows(window)
    listed = {(row.what, key) for row in rows for key in row.keys.split(", ")}
    for action in window.findChildren(QAction):
        for key in _keys(window, action):
            if not action.isSeparator() and action.menu() is None:
                what = action.whatsThis() or action.text().replace("&", "")
                assert (what, key.toString()) in listed, (what, key.toString())
    sections = [row.section for row in rows]
    assert sections[0] == EVERYWHERE and sections == sorted(
        sections, key=[EVERYWHERE, *(s.title for s in window.specs)].index
    )
    by_what = {(row.section, row.what): row.keys for row in rows}
    assert by_what[(EVERYWHERE, "Redo the change undone last")] == "Ctrl+Shift+Z, Ctrl+Y"
    assert by_what[("Follow-ups", "Mark done")] == "D"
    assert by_what[("Today", "Due today and overdue: Snooze…")] == "S"
    assert by_what[("Contacts", "Go to the results")] == "Down, Return, Enter"
    assert by_what[("Events", "New event")] == "Ctrl+N"
    assert by_what[("Opportunities", "New opportunity")] == "Ctrl+N"


def test_f1_opens_the_keyboard_shortcuts(window, qtbot) -> None:
    window.show_view("contacts")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    tree = dialog.tree
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert titles == [EVERYWHERE] + [s.title for s in window.specs]
    contacts = tree.topLevelItem(titles.index("Contacts"))
    rows = {
        contacts.child(i).text(0): contacts.child(i).text(1) for i in range(contacts.childCount())
    }
    assert rows["New contact"] == "Ctrl+N"
    assert tree.currentItem() is contacts.child(0)
    assert not contacts.flags() & Qt.ItemFlag.ItemIsSelectable
    dialog.reject()


def test_the_shortcuts_filter_keeps_matching_rows(window, qtbot) -> None:
    window.show_view("followups")
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    tree = dialog.tree
    qtbot.keyClicks(dialog.filter, "snooze")
    shown = [
        tree.topLevelItem(i).child(j).text(0)
        for i in range(tree.topLevelItemCount())
        if not tree.topLevelItem(i).isHidden()
        for j in range(tree.topLevelItem(i).childCount())
        if not tree.topLevelItem(i).child(j).isHidden()
    ]
    assert shown and all("snooze" in what.casefold() for what in shown)
    dialog.filter.clear()
    assert not any(tree.topLevelItem(i).isHidden() for i in range(tree.topLevelItemCount()))


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def test_open_data_folder_and_log_file(window, opened) -> None:
    paths = window.services.paths
    window.help_actions[1].trigger()
    assert opened == [QUrl.fromLocalFile(str(paths.data_dir))]
    paths.log_file.parent.mkdir(parents=True, exist_ok=True)
    paths.log_file.write_text("started\n")
    window.help_actions[2].trigger()
    assert opened[-1] == QUrl.fromLocalFile(str(paths.log_file))


def test_a_log_not_written_yet_is_said_not_opened(window, opened) -> None:
    paths = window.services.paths
    if paths.log_file.exists():
        paths.log_file.unlink()
    assert not window.open_log_file()
    assert opened == []
    assert window.statusBar().currentMessage() == f"{paths.log_file} does not exist yet."


def test_add_tag_opens_empty_and_tags_the_selection(window, qtbot) -> None:
    contacts = window.services.contacts
    ana = contacts.create(ContactDraft(given_name="Ana", tags=["zzz-unrelated"]))
    bob = contacts.create(ContactDraft(given_name="Bob", tags=["aaa-first"]))
    view = window.show_view("contacts")
    view.apply_filter()
    view.select_contact(ana)
    dialog = view.controller.tag_selected()
    assert dialog is not None and dialog.textValue() == ""
    assert dialog.comboBoxItems() == ["aaa-first", "zzz-unrelated"]
    dialog.setTextValue("pycon ")
    dialog.accept()
    assert contacts.tags_of(ana) == ["pycon", "zzz-unrelated"]
    assert contacts.tags_of(bob) == ["aaa-first"]
    assert view.controller.undo_action.text() == "&Undo Tag 1 contact “pycon”"
