"""Rows of several lines that show every line when one is in a taller font.

Qt's item painter elides a row's next line when it would not fit were it as tall as the line
before it, so a Chinese or Japanese name (drawn in a fallback font a pixel taller) over a Latin
reason lost the reason ("太郎 山田…") in a row sized to the lines' real heights.

Laying a row's lines out costs ~0.1-0.16 ms: a row whose every letter the list's own font has
("Sat, 28 Nov · in 4 days", "Zoë") needs no fallback font and keeps Qt's height unmeasured
(Today's lists ask for their rows' heights each time they are shown).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QRawFont, QTextLayout
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from netdesk.ui.tables import Index


def line_height(text: str, font: QFont) -> float:
    """The height of `text` laid out on one line in `font` (and its fallbacks)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return line.height()


def needs_fallback(text: str, font: QFont) -> bool:
    """Whether a letter of `text` is drawn in another font than `font` (it lacks the letter)."""
    if text.isascii():
        return False
    own = QRawFont.fromFont(font)  # the font itself: QFontMetrics counts the fallbacks in
    return any(not own.supportsCharacter(ord(letter)) for letter in text if not letter.isascii())


class WholeLinesDelegate(QStyledItemDelegate):
    """Makes each row as tall as its lines would be were each as tall as the tallest."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text or index.data(Qt.ItemDataRole.SizeHintRole) is not None:
            return size
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        if not needs_fallback(str(text), shown.font):
            return size
        heights = [line_height(part, shown.font) for part in str(text).split("\n")]
        lines = round(size.height() / min(heights))
        return QSize(size.width(), max(size.height(), math.ceil(max(heights)) * lines))
