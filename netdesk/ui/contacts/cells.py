"""The contact list's cells, painted as Qt's item delegate paints them at a fraction of the cost.

Qt's delegate asks the model for seven roles a cell and shapes its text again at every paint
(~80 µs a cell: 100 cells were 8-11 ms of each keystroke's repaint at 100,000 contacts, nearly
all of it the text's shaping; eliding a text costs ~20 times measuring it). Here a cell asks the
model once for its text, colour and picture; a text is elided once for its column's width (only
when it does not fit), and a text painted a second time (an organisation, a title, "3 weeks
ago", a row painted again) is kept shaped, a `QStaticText`, whose paint costs a third of shaping
it again (making one costs more than shaping: a text painted once is not kept so). Where the
platform style draws more than a text and a picture (a selected, focused, hovered or disabled
cell, a right-to-left layout, a text of several lines) Qt's delegate paints the cell.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap, QStaticText, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from netdesk.ui.tables import Index

Cell = tuple[str, QColor | None, QPixmap | None]
"""A cell's text, its colour (None: the palette's) and its picture (None: no picture)."""
CellOf = Callable[[int, int], Cell]

_STYLED = (
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_HasFocus
    | QStyle.StateFlag.State_MouseOver
).value  # an int: combining PySide6's enum flags costs a few µs a cell
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_TEXT_LIMIT = 4000
_RESET_ON = frozenset(
    (
        QEvent.Type.FontChange,
        QEvent.Type.PaletteChange,
        QEvent.Type.StyleChange,
        QEvent.Type.LayoutDirectionChange,
    )
)


class _Place:
    """Where a cell of a size draws its text and picture, as the style lays it out."""

    def __init__(
        self, text: QRect, picture: QRect, line_height: int, ascent: int, plain: bool
    ) -> None:
        self.text_x = text.x()
        self.text_y = text.y() + (text.height() - line_height) // 2
        self.ascent = ascent
        self.text_width = text.width()
        self.picture_x, self.picture_y = picture.x(), picture.y()
        self.plain = plain  # False: Qt's delegate paints such cells (right to left)


class ListCells(QStyledItemDelegate):
    """Paints a table's cells from `cell_of(row, column)`; see the module's docstring."""

    def __init__(self, cell_of: CellOf, table: QTableView) -> None:
        super().__init__(table)
        self.cell_of = cell_of
        self._texts: dict[tuple[str, int], str | QStaticText] = {}
        """Each text painted, elided to a width; shaped once painted twice."""
        self._places: dict[tuple[int, int, bool], _Place] = {}
        self._pens: dict[int, QColor] = {}  # by the state's active bit
        self._text_option = QTextOption()
        self._text_option.setWrapMode(QTextOption.WrapMode.ManualWrap)
        self._text_option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _RESET_ON:  # texts, places and colours are made anew
            self._texts.clear()
            self._places.clear()
            self._pens.clear()
        return False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        state = option.state.value
        text, colour, picture = self.cell_of(index.row(), index.column())
        if state & (_STYLED | _ENABLED) != _ENABLED or "\n" in text:
            super().paint(painter, option, index)
            return
        rect = option.rect
        size = (rect.width(), rect.height(), picture is not None)
        place = self._places.get(size) or self._place(option, index, size)
        if not place.plain:
            super().paint(painter, option, index)
            return
        x, y = rect.x(), rect.y()
        if picture is not None:
            painter.drawPixmap(x + place.picture_x, y + place.picture_y, picture)
        if not text:
            return
        painter.setPen(colour if colour is not None else self._pen(option, state))
        shown = self._texts.get((text, place.text_width))
        if not isinstance(shown, QStaticText):
            shown = self._shown(text, place.text_width, option)
        x += place.text_x
        y += place.text_y
        if isinstance(shown, str):
            painter.drawText(QPointF(x, y + place.ascent), shown)
        else:
            painter.drawStaticText(x, y, shown)

    def _place(
        self, option: QStyleOptionViewItem, index: Index, size: tuple[int, int, bool]
    ) -> _Place:
        """Where the style puts the text and the picture in a cell of `size` (width, height,
        with a picture), kept for the next cells of that size."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        at = opt.rect.topLeft()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        text = text.translated(-at).adjusted(margin, 0, -margin, 0)
        picture = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, opt, widget)
        plain = opt.direction == Qt.LayoutDirection.LeftToRight
        metrics = opt.fontMetrics
        place = _Place(text, picture.translated(-at), metrics.height(), metrics.ascent(), plain)
        self._places[size] = place
        return place

    def _shown(self, text: str, width: int, option: QStyleOptionViewItem) -> str | QStaticText:
        """`text` elided to `width`: the text the first time, shaped the second."""
        key = (text, width)
        shown = self._texts.get(key)
        if shown is None:
            if len(self._texts) >= _TEXT_LIMIT:
                self._texts.clear()
            metrics = option.fontMetrics
            # a rounded width: a text within a pixel of the column's is left to elidedText
            fits = metrics.horizontalAdvance(text) < width
            shown = text if fits else metrics.elidedText(text, option.textElideMode, width)
            self._texts[key] = shown
        elif isinstance(shown, str):
            static = self._texts[key] = QStaticText(shown)
            static.setTextFormat(Qt.TextFormat.PlainText)  # contact text is never markup
            static.setTextOption(self._text_option)
            static.prepare(font=option.font)
            return static
        return shown

    def _pen(self, option: QStyleOptionViewItem, state: int) -> QColor:
        """The palette's text colour for an enabled cell's `state`, as the style picks it."""
        pen = self._pens.get(state & _ACTIVE)
        if pen is None:
            active = state & _ACTIVE
            group = QPalette.ColorGroup.Normal if active else QPalette.ColorGroup.Inactive
            pen = self._pens[active] = option.palette.color(group, QPalette.ColorRole.Text)
        return pen
