"""The event list as a table model, and the delegate that draws checklist progress as a bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from netdesk.core.event_draft import CHECKLIST
from netdesk.core.event_times import zone_abbreviation
from netdesk.ui import dates
from netdesk.ui.tables import Index, RowsTableModel

if TYPE_CHECKING:
    from netdesk.core.events import EventRow

COLUMNS = ("When", "Event", "Kind", "Status", "Prep", "People", "Where")
PREP_COLUMN = COLUMNS.index("Prep")
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ANSWERED_ROLES = frozenset(
    int(role)
    for role in (
        _DISPLAY,
        PROGRESS_ROLE,
        Qt.ItemDataRole.ForegroundRole.value,
        Qt.ItemDataRole.ToolTipRole.value,
    )
)
PAST = QColor("#7a8699")
STATUS_COLOURS = {
    "considering": QColor("#8a6d00"),
    "registered": QColor("#1b5e20"),
    "attended": QColor("#1b3f8f"),
    "skipped": QColor("#7a8699"),
}


def when_text(row: EventRow, full: bool = False) -> str:
    """When an event is: "Tue, 14 Apr 2026 09:00 CEST", "14 Apr – 16 Apr 2026 CEST" for several
    days (or, if `full`, both ends with their times), in the locale's words (ui.dates)."""
    text = dates.when_text(row.starts_at)
    if full and row.ends_at:
        text += f" – {dates.when_text(row.ends_at)}"
    elif row.ends_at and row.ends_at.date() != row.starts_at.date():
        text = dates.day_range(row.starts_at.date(), row.ends_at.date())
    zone = zone_abbreviation(row.starts_at, row.timezone)
    return f"{text} {zone}".strip()


def people_text(row: EventRow) -> str:
    if not row.people:
        return ""
    return f"{row.want} to meet" if row.upcoming else f"met {row.met}"


class EventTableModel(RowsTableModel):
    """Rows of `EventService.list`; past events are greyed."""

    rows: list[EventRow]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self._texts: dict[int, tuple[str, ...]] = {}
        self._widths: dict[int, int] = {}

    def set_rows(self, rows: list[EventRow]) -> None:
        self._texts.clear()
        self._widths.clear()
        super().set_rows(rows)

    def text_width(self, column: int, metrics: QFontMetrics) -> int:
        """The width of the column's widest text, measured once per list."""
        width = self._widths.get(column)
        if width is None:
            texts = (self._texts_of(row)[column] for row in range(len(self.rows)))
            width = self._widths[column] = max(map(metrics.horizontalAdvance, texts), default=0)
        return width

    def event_id(self, row: int) -> int | None:
        return self.row_id(row)

    def _texts_of(self, number: int) -> tuple[str, ...]:
        """A row's cell texts, worked out once: measuring the columns to fit them asks for
        every cell of every row several times (the first showing of the list took ~0.25 s
        at 92 events when each ask formatted the row's dates again)."""
        texts = self._texts.get(number)
        if texts is None:
            row = self.rows[number]
            texts = self._texts[number] = (
                when_text(row),
                row.name,
                row.kind.capitalize(),
                row.status.capitalize(),
                f"{row.checklist_done}/{len(CHECKLIST)}",
                people_text(row),
                row.where,
            )
        return texts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Measuring and painting ask for a dozen roles a cell: answer the others at once.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        column = index.column()
        if role == _DISPLAY:
            return self._texts_of(index.row())[column]
        row = self.rows[index.row()]
        if role == PROGRESS_ROLE:
            return row.checklist_done / len(CHECKLIST)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COLUMNS.index("Status"):
                colour = STATUS_COLOURS.get(row.status)  # a status from a file may be any word
                return QBrush(colour) if colour else None
            return None if row.upcoming else QBrush(PAST)
        if role == Qt.ItemDataRole.ToolTipRole and column == PREP_COLUMN:
            return f"Checklist: {row.checklist_done} of {len(CHECKLIST)} done"
        return None


def draw_progress(
    painter: QPainter, option: QStyleOptionViewItem, rect: QRect, fraction: float, text: str
) -> None:
    """A thin bar across `rect` filled to `fraction` (green when complete), `text` beside it. On
    a selected row the bar is drawn in the selection's text colour: a faint track, a solid fill,
    so an empty bar never reads as a full one."""
    bar = QRect(rect.left(), rect.center().y() - 3, max(rect.width(), 0), 6)
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    ink = option.palette.highlightedText().color() if selected else option.palette.text().color()
    track = QColor(ink) if selected else QColor("#e1e6ee")
    if selected:
        track.setAlpha(70)
    fill = ink if selected else QColor("#2e7d32") if fraction >= 1 else QColor("#3d6fd8")
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(track)
    painter.drawRoundedRect(bar, 3, 3)
    if fraction > 0:
        done = QRect(bar.left(), bar.top(), round(bar.width() * fraction), bar.height())
        painter.setBrush(fill)
        painter.drawRoundedRect(done, 3, 3)
    painter.setPen(ink)
    text_rect = QRect(bar.right() + 6, option.rect.top(), 30, option.rect.height())
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)
    painter.restore()


class ProgressDelegate(QStyledItemDelegate):
    """A thin bar with the "3/5" text beside it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(style.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        fraction = float(index.data(PROGRESS_ROLE) or 0.0)
        draw_progress(painter, option, option.rect.adjusted(8, 0, -34, 0), fraction, index.data())
