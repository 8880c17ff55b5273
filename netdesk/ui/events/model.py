"""The event list as a table model, and the delegate that draws checklist progress as a bar."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from netdesk.core.event_draft import CHECKLIST
from netdesk.core.event_times import zone_abbreviation
from netdesk.core.events import EventRow
from netdesk.ui.tables import Index, RowsTableModel

COLUMNS = ("When", "Event", "Kind", "Status", "Prep", "People", "Where")
PREP_COLUMN = COLUMNS.index("Prep")
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1
PAST = QColor("#7a8699")
STATUS_COLOURS = {
    "considering": QColor("#8a6d00"),
    "registered": QColor("#1b5e20"),
    "attended": QColor("#1b3f8f"),
    "skipped": QColor("#7a8699"),
}


def when_text(row: EventRow, full: bool = False) -> str:
    """When an event is: "Tue 14 Apr 2026 09:00 CEST", "14–16 Apr 2026 CEST" for several days
    (or, if `full`, both ends with their times)."""
    text = row.starts_at.strftime("%a %d %b %Y %H:%M")
    if full and row.ends_at:
        text += f" – {row.ends_at:%a %d %b %Y %H:%M}"
    elif row.ends_at and row.ends_at.date() != row.starts_at.date():
        same_month = (row.starts_at.year, row.starts_at.month) == (
            row.ends_at.year,
            row.ends_at.month,
        )
        first = f"{row.starts_at:%d}–" if same_month else f"{row.starts_at:%d %b} – "
        text = first + f"{row.ends_at:%d %b %Y}"
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

    def event_id(self, row: int) -> int | None:
        return self.row_id(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                when_text(row),
                row.name,
                row.kind.capitalize(),
                row.status.capitalize(),
                f"{row.checklist_done}/{len(CHECKLIST)}",
                people_text(row),
                row.where,
            )[column]
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
