"""A board card: company, role, people and next step, each wrapped onto up to two lines so a
narrow column shows whole names ("Ironbridge / Logistics") instead of ending them with "…"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from netdesk.core.opportunity_rows import OpportunityRow
from netdesk.ui.dates import day_label
from netdesk.ui.opportunities.rows_model import people_words
from netdesk.ui.tables import Index

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
LINES_EACH = 2
_PADDING = (8, 5)  # inside the card's border, sideways and up/down
_MARGIN = 2  # around the card
_OVERDUE = QColor("#b3261e")
_TODAY = QColor("#9a5b00")
HINT = QColor("#5d6b82")
_TEXT = QColor("#1c2a44")
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def card_lines(row: OpportunityRow, today: date) -> tuple[str, str, str, str]:
    """A card's four parts: company, role, people, next step ("" where there is nothing)."""
    people = people_words(row)
    step = ""
    if row.next_step_on is not None:
        step = f"{day_label(row.next_step_on, today)}: {row.next_step or 'next step'}"
    return (row.company or "(no company)", row.title or "(no role)", people, step)


def card_text(row: OpportunityRow, today: date) -> str:
    """What a screen reader says of a card."""
    company, title, people, step = card_lines(row, today)
    parts = [f"{title} at {company}", row.stage, people, f"next step {step}" if step else ""]
    return ", ".join(p for p in parts if p)


def wrapped(text: str, metrics: QFontMetrics, width: int, most: int = LINES_EACH) -> list[str]:
    """`text` broken at spaces into lines `width` pixels wide, at most `most` of them (the last
    ends with "…" when the text goes on; a word longer than a line too)."""

    def elided(line: str) -> str:
        return metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)

    lines: list[str] = []
    rest = text.split()
    while rest and len(lines) < most:
        line = rest.pop(0)
        # fits as elidedText measures: for a line mixing fonts ("referred: 美咲 佐藤; told:") it
        # needs a pixel more than horizontalAdvance says, and ended the line in "…"
        while rest and elided(f"{line} {rest[0]}") == f"{line} {rest[0]}":
            line = f"{line} {rest.pop(0)}"
        lines.append(line)
    if rest:
        lines[-1] = f"{lines[-1]} {' '.join(rest)}"
    return [elided(line) for line in lines]


class CardDelegate(QStyledItemDelegate):
    """Paints a card: company in bold, the role, the people, the next step (red when overdue,
    amber today); as tall as its wrapped lines."""

    def _parts(
        self, option: QStyleOptionViewItem, index: Index, width: int
    ) -> list[tuple[QFont, QColor, list[str]]]:
        """Each shown part's font, colour and lines at a card `width` pixels wide."""
        row: OpportunityRow = index.data(ROW_ROLE)
        today = getattr(index.model(), "today", date.min)
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        colours = [_TEXT, _TEXT, HINT, HINT]
        if row.next_step_on is not None and row.next_step_on <= today:
            colours[3] = _OVERDUE if row.next_step_on < today else _TODAY
        room = width - 2 * (_MARGIN + _PADDING[0])
        parts = []
        for number, value in enumerate(card_lines(row, today)):
            font = bold if number == 0 else option.font
            if value:
                parts.append((font, colours[number], wrapped(value, QFontMetrics(font), room)))
        return parts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.data(ROW_ROLE) is None:
            return
        rect = QRect(option.rect).adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#3b6fd8" if selected else "#d5dce8"), 2 if focused else 1))
        painter.setBrush(QColor("#e8f0fe" if selected else "#ffffff"))
        painter.drawRoundedRect(rect, 6, 6)
        line = option.fontMetrics.height() + 1
        top = rect.top() + _PADDING[1]
        left, width = rect.left() + _PADDING[0], rect.width() - 2 * _PADDING[0]
        for font, colour, lines in self._parts(option, index, option.rect.width()):
            painter.setFont(font)
            painter.setPen(colour)
            for text in lines:
                painter.drawText(QRect(left, top, width, line), _LEFT, text)
                top += line
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """As wide as the column, as tall as the card's lines."""
        view = self.parent()
        width = view.viewport().width() - 6 if isinstance(view, QListView) else 150
        if index.data(ROW_ROLE) is None:
            return QSize(width, 0)
        count = sum(len(lines) for _, _, lines in self._parts(option, index, width))
        line = option.fontMetrics.height() + 1
        return QSize(width, count * line + 2 * (_MARGIN + _PADDING[1]) + 4)
