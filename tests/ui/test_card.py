"""Cards (Today's figures and sections) paint their white surface and border themselves: no
style sheet, which would have Qt make and paint them and all they hold through its slower
style-sheet style."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from netdesk.ui.card import BORDER, SURFACE, Card


def test_a_card_is_white_inside_its_border(qtbot) -> None:
    card = Card()
    qtbot.addWidget(card)
    card.resize(120, 60)
    image = card.grab().toImage()

    assert image.pixelColor(60, 30) == QColor(SURFACE)
    assert image.pixelColor(60, 0) == QColor(BORDER)
    assert image.pixelColor(0, 0) != QColor(SURFACE)  # a round corner


def test_today_holds_no_style_sheet(make_today) -> None:
    view = make_today()

    cards = [*view.sections.values(), *view.head.findChildren(Card)]
    assert len(cards) == len(view.sections) + 4  # the sections and the four figures
    assert [w for w in [view, *view.findChildren(QWidget)] if w.styleSheet()] == [view.message]
