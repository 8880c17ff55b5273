"""A name cell with the organisation under it, for a list too narrow for an Organisation column
(namesakes still differ: "Noor Sato / Acme" and "Noor Sato / Initech"): the contact list when
it leaves that column out, the people to meet at an event."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from netdesk.ui.tables import Index

_HINT = QColor("#5d6b82")
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class NameWithOrganisation(QStyledItemDelegate):
    """Paints the name and, on a second line in the hint colour, the organisation of column
    `organisation` of the same row (the picture, selection and focus as any cell)."""

    def __init__(self, organisation: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.organisation = organisation

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        company = index.model().index(index.row(), self.organisation).data() or ""
        if not company:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        text = text.adjusted(2, 0, -2, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = opt.palette.color(QPalette.ColorGroup.Normal, role)
        line = opt.fontMetrics.height()
        top = text.top() + max((text.height() - 2 * line) // 2, 0)
        painter.save()
        painter.setFont(opt.font)
        lines = ((name, colour), (company, colour if selected else _HINT))
        for number, (words, pen) in enumerate(lines):
            painter.setPen(pen)
            box = QRect(text.left(), top + number * line, text.width(), line)
            shown = opt.fontMetrics.elidedText(words, Qt.TextElideMode.ElideRight, box.width())
            painter.drawText(box, _LEFT, shown)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Two lines high (one without an organisation)."""
        size = super().sizeHint(option, index)
        if index.model().index(index.row(), self.organisation).data():
            size.setHeight(max(size.height(), 2 * option.fontMetrics.height() + 6))
        return size
