"""A tool button that opens its menu at a click, with room for its arrow.

Qt draws the arrow of a tool button whose menu opens at once (InstantPopup) in its bottom right
corner, over the end of the text, and counts no room for it: "Add email, phone, profile…" had
the arrow under its "…". `MenuToolButton` gives the arrow a place of its own right of the text,
centred in the height, as a push button with a menu has it (Snooze).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QMenu,
    QStyle,
    QStyleOption,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
    QWidget,
)

ARROW_GAP = 4  # pixels between the text and the arrow, and after the arrow


class MenuToolButton(QToolButton):
    """A text button that opens `menu` when clicked, its arrow in a room of its own."""

    def __init__(self, text: str, menu: QMenu, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setMenu(menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

    def arrow_size(self) -> int:
        """The side of the arrow, as the style draws a menu button's."""
        metric = QStyle.PixelMetric.PM_MenuButtonIndicator
        return max(self.style().pixelMetric(metric, None, self) - 4, 6)

    def arrow_room(self) -> int:
        """The width kept right of the text for the arrow."""
        return self.arrow_size() + 2 * ARROW_GAP

    def arrow_rect(self) -> QRect:
        """Where the arrow is drawn: right, centred in the height."""
        size = self.arrow_size()
        left = self.width() - ARROW_GAP - size
        return QRect(left, (self.height() - size) // 2, size, size)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self.arrow_room(), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.features &= ~QStyleOptionToolButton.ToolButtonFeature.HasMenu  # no corner arrow
        text, option.text = option.text, ""
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)  # the frame
        option.text = text
        option.rect = option.rect.adjusted(0, 0, -self.arrow_room() + ARROW_GAP, 0)
        painter.drawControl(QStyle.ControlElement.CE_ToolButtonLabel, option)
        arrow = QStyleOption()
        arrow.initFrom(self)
        arrow.rect = self.arrow_rect()
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorArrowDown, arrow)
