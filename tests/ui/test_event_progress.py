"""The checklist bar of a selected event row: an empty bar must not look full."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from netdesk.ui.events.model import draw_progress


def _bar(qapp, fraction: float, selected: bool) -> QImage:
    image = QImage(200, 30, QImage.Format.Format_RGB32)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 200, 30)
    option.palette = qapp.palette()
    highlight = option.palette.color(QPalette.ColorRole.Highlight)
    image.fill(highlight if selected else QColor("white"))
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    painter = QPainter(image)
    draw_progress(painter, option, QRect(8, 0, 150, 30), fraction, "0/5")
    painter.end()
    return image


def test_a_selected_empty_bar_is_a_faint_track_and_a_full_one_solid(qapp) -> None:
    empty = _bar(qapp, 0.0, selected=True).pixelColor(80, 15)
    full = _bar(qapp, 1.0, selected=True).pixelColor(80, 15)
    white = QColor("white")
    assert full == qapp.palette().color(QPalette.ColorRole.HighlightedText)
    assert empty != full and empty.lightness() < white.lightness() - 40
    assert _bar(qapp, 0.0, selected=False).pixelColor(80, 15) == QColor("#e1e6ee")
