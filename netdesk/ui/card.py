"""A card: a white surface with a thin border and round corners, as Today's figures and
sections sit on.

It paints itself rather than take a style sheet: a widget with a style sheet is made, polished
and painted (with all it holds) through Qt's style-sheet style, which made Today's sections
~15 ms slower to make at start-up (bench/README.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

SURFACE = "#ffffff"
BORDER = "#dde3ec"
RADIUS = 10.0


class Card(QFrame):
    """A frame drawn as a card; its layout's margins keep what it holds off the border."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(BORDER), 1))
        painter.setBrush(QColor(SURFACE))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
