"""Alt+letter mnemonics (issue 20): no letter is taken twice in what a window shows, else Qt
finds the shortcut ambiguous and neither fires; on the Me page Alt+E opens the Edit menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabBar,
    QWidget,
)

from netdesk.core.employment import Job
from netdesk.ui.contacts.job_dialog import JobDialog
from netdesk.ui.sync.controller import SyncController
from tests.ui.test_tab_walk import pages


def _texts(window: QWidget) -> list[str]:
    """The texts of the window's shown widgets that may carry a mnemonic."""
    texts: list[str] = []
    if isinstance(window, QMainWindow):
        texts += [a.text() for a in window.menuBar().actions() if a.isVisible()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    return texts


def clashes(window: QWidget) -> dict[str, list[str]]:
    """The Alt keys taken more than once, with the texts taking them (`&&` is an ampersand)."""
    by_key: dict[str, list[str]] = {}
    for text in _texts(window):
        if key := QKeySequence.mnemonic(text).toString():
            by_key.setdefault(key, []).append(text)
    return {key: texts for key, texts in by_key.items() if len(texts) > 1}


def test_a_double_ampersand_is_no_mnemonic(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    for text in ("Save && &close", "&Send", "&Copy"):
        QPushButton(text, window).show()
    window.show()
    assert clashes(window) == {"Alt+C": ["Save && &close", "&Copy"]}


def test_no_alt_key_is_taken_twice_in_any_view(lived_in) -> None:
    window = lived_in
    found = {}
    for key, view in window.views.items():
        window.show_view(key)
        for page in pages(view):
            QApplication.processEvents()
            if twice := clashes(window):
                found[key, page] = twice
    window.resize(1920, 1080)  # the pitches below the profiles, under a title of their own
    window.show_view("me")
    QApplication.processEvents()
    assert window.views["me"].both.isVisible()
    if twice := clashes(window):
        found["me", "tall"] = twice
    assert found == {}


def test_no_alt_key_is_taken_twice_in_a_dialog(lived_in, qtbot) -> None:
    sync = lived_in.findChild(SyncController)
    for dialog in (JobDialog(Job("")), sync.edit_settings(), sync.show_conflicts()):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert clashes(dialog) == {}, dialog.windowTitle()
        dialog.close()


def test_alt_e_opens_edit_and_alt_l_the_pitches(lived_in, qtbot) -> None:
    window = lived_in
    window.focus_view("me")
    me = window.views["me"]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    menu = window.menus["edit"]
    qtbot.waitUntil(menu.isVisible)
    menu.hide()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert me.tabs.currentWidget() is me.pitches  # the tab
    window.resize(1920, 1080)  # the pitches below the profiles: their title's buddy
    qtbot.waitUntil(me.both.isVisible)
    window.focus_view("me")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert window.focusWidget() is me.pitches.list
