"""Every view walked with Tab (issue 20): each widget that takes input is reached by the keyboard,
and lists, icon-only buttons, the sidebar and the charts have accessible names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from netdesk.ui.calendar.month_grid import MonthGrid
from netdesk.ui.chart import WeekChart

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    MonthGrid,
)
MAX_TABS = 200
TAB_PARTS = 8  # Tabs a widget may keep for its own parts (a date and time has six)


def _inside_another(widget: QWidget, root: QWidget) -> bool:
    """A part of another input (a spin box's editor, a table's header, a line edit's button)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, INTERACTIVE):
            return True
        parent = parent.parentWidget()
    return False


def interactive(root: QWidget) -> list[QWidget]:
    """The shown, enabled widgets of `root` that take input."""
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE)
        and not isinstance(w, QHeaderView)
        and w.isVisibleTo(root)
        and w.isEnabled()
        and not _inside_another(w, root)
    ]


def tab_walk(window, root: QWidget) -> list[QWidget]:
    """The widgets of `root` that Tab stops at, round the window back to the first one. A
    widget may keep Tab for its parts (a date's day, month, year), but not for long: a trap."""
    seen: list[QWidget] = []
    kept = 0
    for _ in range(MAX_TABS):
        focus = window.focusWidget()
        if focus is not None and root.isAncestorOf(focus):
            if seen and focus is seen[0]:
                break
            if focus not in seen:
                seen.append(focus)
        before = focus
        qtbot_key(window, Qt.Key.Key_Tab)
        kept = kept + 1 if window.focusWidget() is before else 0
        if kept > TAB_PARTS:
            break
    return seen


def qtbot_key(window, key: Qt.Key) -> None:
    """Press `key` where the window's focus is (a widget that eats Tab keeps it: a trap)."""
    from pytestqt.qtbot import QtBot

    QtBot.keyClick(window.focusWidget() or window, key)
    QApplication.processEvents()


_KEY_IN_TIP = re.compile(r"\((?:[A-Z]|Enter|Delete|Ctrl\+\S+)[;)]")


def keyed_instead(widget: QWidget) -> bool:
    """A button that leaves the focus with its list (Today's) and names its key instead."""
    return (
        isinstance(widget, QAbstractButton)
        and not widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and bool(_KEY_IN_TIP.search(widget.toolTip()))
    )


def by_arrows(widget: QWidget, reached: list[QWidget]) -> bool:
    """A button of an exclusive group (Day, Week): Tab stops at the checked one, arrows move."""
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    return group is not None and group.exclusive() and any(b in reached for b in group.buttons())


def pages(view: QWidget) -> Iterator[str]:
    """Show each page of the view in turn: as it is, then every other tab of its tab widgets."""
    yield ""
    for tabs in view.findChildren(QTabWidget):
        if tabs.isVisibleTo(view):
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                yield tabs.tabText(index)
            tabs.setCurrentIndex(0)


def test_tab_reaches_every_input_of_every_view(lived_in, qtbot) -> None:
    window = lived_in
    qtbot.waitUntil(window.isActiveWindow)
    for key, view in window.views.items():
        for page in pages(view):
            window.focus_view(key)
            QApplication.processEvents()
            assert view.isAncestorOf(window.focusWidget()), key
            reached = tab_walk(window, view)
            inputs = interactive(view)
            assert inputs, key
            missed = [
                w
                for w in inputs
                if w not in reached and not keyed_instead(w) and not by_arrows(w, reached)
            ]
            assert missed == [], (key, page, [(type(w).__name__, _label(w)) for w in missed])
            assert all(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in reached)


def _label(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return text() if callable(text) and isinstance(text(), str) else widget.objectName()


def _icon_only(widget: QWidget) -> bool:
    return isinstance(widget, QAbstractButton) and not any(c.isalnum() for c in widget.text())


def test_lists_icon_buttons_sidebar_and_charts_have_accessible_names(lived_in) -> None:
    window = lived_in
    assert window.sidebar.accessibleName() == "Views"
    nameless = []
    for key, view in window.views.items():
        window.show_view(key)
        QApplication.processEvents()
        for widget in interactive(view) + view.findChildren(WeekChart):
            needs = isinstance(widget, (QAbstractItemView, WeekChart)) or _icon_only(widget)
            if needs and widget.isVisibleTo(view) and not widget.accessibleName():
                nameless.append((key, type(widget).__name__, _label(widget)))
    assert nameless == []
    for chart in window.findChildren(WeekChart):
        assert chart.accessibleDescription() == chart.text()
