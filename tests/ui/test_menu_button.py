"""Buttons that open a menu keep a room of their own for the arrow (ui/menu_button.py): the
contact editor's "Add email, phone, profile…" had its arrow in the corner, under the "…"."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from netdesk.ui.contacts.methods_editor import MethodsEditor
from netdesk.ui.menu_button import ARROW_GAP, MenuToolButton


def _ink_columns(button: QWidget) -> list[tuple[int, int]]:
    """The runs of columns (first, last) where `button` paints darker than its face, inside its
    frame."""
    image = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    face = image.pixelColor(4, image.height() // 2).lightness()
    inked = [
        any(image.pixelColor(x, y).lightness() < face - 60 for y in range(3, image.height() - 3))
        for x in range(3, image.width() - 3)
    ]
    runs: list[tuple[int, int]] = []
    for x, ink in enumerate(inked, start=3):
        if ink and runs and runs[-1][1] == x - 1:
            runs[-1] = (runs[-1][0], x)
        elif ink:
            runs.append((x, x))
    return runs


def _ink_rows(button: QWidget, first: int, last: int) -> list[int]:
    image = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    face = image.pixelColor(4, image.height() // 2).lightness()
    return [
        y
        for y in range(2, image.height() - 2)
        if any(image.pixelColor(x, y).lightness() < face - 60 for x in range(first, last + 1))
    ]


def test_the_add_buttons_arrow_sits_apart_from_its_text_centred(qtbot) -> None:
    editor = MethodsEditor("DE")
    qtbot.addWidget(editor)
    editor.resize(420, 120)
    editor.show()
    qtbot.waitExposed(editor)
    button = editor.add_button
    assert button.text() == "Add email, phone, profile…"
    assert [a.text() for a in button.menu().actions()][:2] == ["Email", "Phone"]
    runs = _ink_columns(button)
    arrow, text_end = runs[-1], runs[-2][1]
    assert arrow[0] - text_end > ARROW_GAP, "a gap between the text and the arrow"
    rows = _ink_rows(button, *arrow)
    middle = (rows[0] + rows[-1]) / 2
    assert abs(middle - button.height() / 2) <= 2, "the arrow centred in the height"


def test_a_menu_button_counts_the_arrows_room_in_its_size(qtbot) -> None:
    plain = QToolButton()
    plain.setText("Print / Save PDF")
    button = MenuToolButton("Print / Save PDF", QMenu())
    for widget in (plain, button):
        qtbot.addWidget(widget)
    assert button.sizeHint().width() == plain.sizeHint().width() + button.arrow_room()
    assert button.minimumSizeHint() == button.sizeHint()
    button.resize(button.sizeHint())
    arrow = button.arrow_rect()
    assert arrow.right() == button.width() - 1 - ARROW_GAP
    assert arrow.width() == button.arrow_size() and arrow.center().y() in (
        button.height() // 2 - 1,
        button.height() // 2,
    )
    assert button.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup
