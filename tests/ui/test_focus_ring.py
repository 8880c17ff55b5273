"""A focus ring on every focused widget, after a click as after Tab (ui/focus_ring.py; issue 20:
"a focus ring always visible")."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.ui.focus_ring import RING_COLOUR, FocusRings, Ring, ring_of
from tests.ui.test_tab_walk import interactive, pages


@pytest.fixture(autouse=True)
def rings(qapp) -> FocusRings:
    return FocusRings.install(qapp)


def _image(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


@pytest.fixture
def form(qtbot) -> QWidget:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    for part in (QPushButton("Save"), QTableWidget(3, 2), QPlainTextEdit("notes")):
        layout.addWidget(part)
    qtbot.addWidget(widget)
    widget.resize(300, 400)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def test_a_clicked_table_shows_a_ring_inside_its_edge_and_loses_it_with_the_focus(
    qtbot, form
) -> None:
    button, table, _notes = (form.layout().itemAt(i).widget() for i in range(3))
    table.setCurrentCell(1, 0)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert table.hasFocus()
    ring = ring_of(table)
    assert isinstance(ring, Ring) and ring.isVisible()
    assert ring.geometry() == table.rect()
    image = _image(table)
    assert image.pixelColor(0, table.height() // 2) == RING_COLOUR
    assert image.pixelColor(table.width() - 1, table.height() // 2) == RING_COLOUR
    assert ring.mask().contains(QPoint(1, 1)) and not ring.mask().contains(QPoint(40, 40))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.hasFocus() and not ring.isVisible()
    assert _image(table).pixelColor(0, table.height() // 2) != RING_COLOUR


def test_a_button_focused_by_a_click_is_ringed_as_after_tab(qtbot, form) -> None:
    button, table = form.layout().itemAt(0).widget(), form.layout().itemAt(1).widget()
    table.setFocus(Qt.FocusReason.MouseFocusReason)
    plain = _image(button)
    button.setFocus(Qt.FocusReason.MouseFocusReason)
    assert form.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    assert _image(button) != plain  # the style draws its focus ring


def test_installing_twice_keeps_one(qapp, rings) -> None:
    assert FocusRings.install(qapp) is rings


def test_every_input_of_every_view_shows_that_it_has_the_focus(lived_in, qtbot) -> None:
    """Each widget that takes input looks different focused: the style's ring (buttons, fields,
    boxes, tabs, the month's day) or ours (lists, tables, text boxes)."""
    window = lived_in
    qtbot.waitUntil(window.isActiveWindow)
    unmarked = []
    for key, view in window.views.items():
        for page in pages(view):
            window.focus_view(key)
            for widget in interactive(view):
                if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    continue
                window.sidebar.setFocus(Qt.FocusReason.MouseFocusReason)
                plain = _image(widget)
                widget.setFocus(Qt.FocusReason.MouseFocusReason)
                focused = _image(widget)
                ring = ring_of(widget) if isinstance(widget, QAbstractScrollArea) else None
                if focused == plain or (ring is not None and not ring.isVisible()):
                    unmarked.append((key, page, type(widget).__name__, widget.objectName()))
    assert unmarked == []


def test_rings_installed_after_the_focus_moved_ring_the_focused_widget(qapp, rings, form) -> None:
    """Start-up installs the rings after the first paint, when a widget may have the focus."""
    table = form.layout().itemAt(1).widget()
    shiboken6.delete(rings)  # none, as before start-up installs them
    form.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)
    table.setFocus(Qt.FocusReason.MouseFocusReason)
    assert ring_of(table, make=False) is None
    assert FocusRings.install(qapp) is not rings
    ring = ring_of(table, make=False)
    assert isinstance(ring, Ring) and ring.isVisible()
    assert form.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
