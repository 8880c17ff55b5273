"""The board: one column per stage, a card per opportunity; drag a card or use the keyboard.

Each column is a list over a `StageModel`. A card dragged onto another column travels as its
id (`MIME_TYPE`); the drop asks for the move through `move_requested` after the drag is over
(a zero timer: the views reload from the change it makes). Keys in a column: Up/Down move
between cards, Left/Right to the nearest card of the next column that has one, Shift+Right /
Shift+Left move the card to the next / previous stage, Enter opens it, R asks for a referral,
Delete deletes it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.opportunities import step_stage
from netdesk.core.opportunity_rows import OpportunityRow
from netdesk.core.vocabulary import OPPORTUNITY_STAGES
from netdesk.ui.opportunities.card import HINT, ROW_ROLE, CardDelegate, card_lines, card_text
from netdesk.ui.opportunities.rows_model import RowsModel
from netdesk.ui.plain import plain_label, plain_tooltip
from netdesk.ui.style import style_label
from netdesk.ui.tables import Index

MIME_TYPE = "application/x-netdesk-opportunity"
MIN_COLUMN_WIDTH = 155
"""A stage's column is never narrower: a board too narrow for all of them in a row wraps onto
more rows (two at 1024 pixels, one on a wide screen)."""
_SPACING = 8


class StageModel(RowsModel):
    """The cards of one stage; takes cards dropped from the other columns."""

    move_requested = Signal(int, str)

    def __init__(self, stage: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stage = stage

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return card_text(row, self.today)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join(line for line in card_lines(row, self.today) if line))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    # -- drag and drop ------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = ",".join(str(self.rows[i.row()].id) for i in indexes if i.isValid())
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(ids.encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(MIME_TYPE)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask for the dropped cards to move here, once the drag is over; the card itself comes
        with the reload (a drop returns no rows for Qt to remove: `removeRows` stays false)."""
        if not data.hasFormat(MIME_TYPE):
            return False
        text = bytes(data.data(MIME_TYPE).data()).decode()
        ids = [int(part) for part in text.split(",") if part.isdigit()]
        moving = [i for i in ids if self.row_of(i) < 0]  # a card dropped on its own column stays
        for opportunity_id in moving:
            QTimer.singleShot(0, lambda i=opportunity_id: self.move_requested.emit(i, self.stage))
        return bool(moving)


class StageList(QListView):
    """One column's cards."""

    def __init__(self, model: StageModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"stage-{model.stage}")
        self.setModel(model)
        self.setItemDelegate(CardDelegate(self))
        self.setAccessibleName(f"{model.stage.capitalize()} opportunities")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSpacing(2)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("QListView { background: #f1f4f9; border-radius: 8px; }")
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.hint = ""
        """Said in the column while it has no card (the first column of an empty board)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # the cards take the column's new width

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hint and not self.model().rowCount():
            painter = QPainter(self.viewport())
            painter.setPen(HINT)
            flags = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
            room = self.viewport().rect().adjusted(8, 8, -8, -8)
            painter.drawText(room, int(flags) | int(Qt.TextFlag.TextWordWrap), self.hint)

    def stage_model(self) -> StageModel:
        model = self.model()
        assert isinstance(model, StageModel)
        return model


class Board(QScrollArea):
    """The columns side by side, wrapping onto more rows when the window is too narrow for all
    of them (never scrolling sideways); up or down when the rows do not fit."""

    open_requested = Signal(int)
    move_requested = Signal(int, str)
    delete_requested = Signal(int)
    referral_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opportunityBoard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self.rows = QVBoxLayout(inner)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(_SPACING)
        self.lists: dict[str, StageList] = {}
        self.headers: dict[str, QLabel] = {}
        self.columns: list[QWidget] = []
        for stage in OPPORTUNITY_STAGES:
            model = StageModel(stage, self)
            model.move_requested.connect(self.move_requested)
            view = StageList(model)
            view.installEventFilter(self)
            view.doubleClicked.connect(lambda index: self._open(index))
            header = plain_label(stage.capitalize())
            style_label(header, "sectionTitle")
            self.headers[stage] = header
            self.lists[stage] = view
            holder = QWidget()
            holder.setMinimumSize(MIN_COLUMN_WIDTH, 160)  # a header and a card
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(4)
            column.addWidget(header)
            column.addWidget(view, 1)
            self.columns.append(holder)
        self.per_row = 0
        self._wrap(len(self.columns))
        self.setWidget(inner)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = self.viewport().width()
        fits = max(1, (room + _SPACING) // (MIN_COLUMN_WIDTH + _SPACING))
        rows = -(-len(self.columns) // fits)
        self._wrap(-(-len(self.columns) // rows))  # rows as even as they can be: 5 + 5, not 6 + 4
        QTimer.singleShot(0, self._fill_width)

    def _fill_width(self) -> None:
        """The rows as wide as the board: when a wrap hides the scroll bar, the layout kept the
        width it had beside it (the last column ended 14 px short of the edge)."""
        inner = self.widget()
        if inner is not None and self.rows.geometry() != inner.rect():
            self.rows.setGeometry(inner.rect())

    def _wrap(self, per_row: int) -> None:
        """Lay the columns out `per_row` to a row, in stage order (a short last row keeps the
        others' column width). Each row is a new layout: the columns stay where they are in
        the widget tree, so a card keeps the focus."""
        if per_row == self.per_row:
            return
        self.per_row = per_row
        while (old := self.rows.takeAt(0)) is not None:
            row = old.layout()
            assert row is not None
            for holder in self.columns:
                row.removeWidget(holder)
            row.deleteLater()
        for start in range(0, len(self.columns), per_row):
            row = QHBoxLayout()
            row.setSpacing(_SPACING)
            shown = self.columns[start : start + per_row]
            for holder in shown:
                row.addWidget(holder, 1)
            for _ in range(per_row - len(shown)):
                row.addStretch(1)
            self.rows.addLayout(row, 1)

    def set_rows(self, rows: list[OpportunityRow], today: date, empty: str = "") -> None:
        """Show `rows` in their columns, keeping the selected card (and the focus) where it was;
        with none, the first column says `empty`."""
        current = self.current_id()
        self.lists[OPPORTUNITY_STAGES[0]].hint = "" if rows else empty
        had_focus = any(view.hasFocus() for view in self.lists.values())
        for stage, view in self.lists.items():
            mine = [row for row in rows if row.stage == stage]
            view.stage_model().set_rows(mine, today)
            self.headers[stage].setText(
                f"{stage.capitalize()} · {len(mine)}" if mine else stage.capitalize()
            )
        if current is not None:
            self.select(current, focus=had_focus)

    def current_id(self) -> int | None:
        """The selected card's opportunity (the focused column's, else any column's)."""
        views = sorted(self.lists.values(), key=lambda v: not v.hasFocus())
        for view in views:
            index = view.currentIndex()
            if index.isValid() and view.selectionModel().isSelected(index):
                row: OpportunityRow = index.data(ROW_ROLE)
                return row.id
        return None

    def select(self, opportunity_id: int, focus: bool = True) -> bool:
        """Select an opportunity's card (and focus its column); False when it is not shown."""
        for view in self.lists.values():
            row = view.stage_model().row_of(opportunity_id)
            if row >= 0:
                self._select(view, row, focus)
                return True
        return False

    def _select(self, view: StageList, row: int, focus: bool) -> None:
        for other in self.lists.values():
            if other is not view:
                other.clearSelection()
        index = view.model().index(row, 0)
        view.setCurrentIndex(index)
        view.scrollTo(index)
        if focus:
            view.setFocus()
        self.ensureWidgetVisible(view, 0, 8)

    def focus_first(self) -> StageList:
        """Put the focus on the current card of the first column that has one (the first
        column when none has); return that column."""
        for view in self.lists.values():
            if view.model().rowCount():
                self._select(view, max(view.currentIndex().row(), 0), True)
                return view
        first = next(iter(self.lists.values()))
        first.setFocus()
        return first

    def _open(self, index: QModelIndex | QPersistentModelIndex) -> None:
        row: OpportunityRow | None = index.data(ROW_ROLE)
        if row is not None:
            self.open_requested.emit(row.id)

    # -- keys ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, StageList) or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        return self._key(watched, event)

    def _key(self, view: StageList, event: QKeyEvent) -> bool:
        key = event.key()
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        index = view.currentIndex()
        row: OpportunityRow | None = index.data(ROW_ROLE) if index.isValid() else None
        sideways = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
        if key in sideways and shift:
            target = step_stage(view.stage_model().stage, sideways[key])  # type: ignore[index]
            if row is not None and target is not None:
                self.move_requested.emit(row.id, target)
            return True
        if key in sideways:
            self._neighbour(view, sideways[key])  # type: ignore[index]
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row is not None:
            self.open_requested.emit(row.id)
            return True
        if key == Qt.Key.Key_Delete and row is not None:
            self.delete_requested.emit(row.id)
            return True
        if key == Qt.Key.Key_R and not event.modifiers() and row is not None:
            self.referral_requested.emit(row.id)
            return True
        return False

    def _neighbour(self, view: StageList, step: int) -> None:
        """Focus the nearest card (same height) in the next column with cards that way."""
        stages = list(self.lists)
        position = stages.index(view.stage_model().stage) + step
        while 0 <= position < len(stages):
            target = self.lists[stages[position]]
            count = target.model().rowCount()
            if count:
                self._select(target, min(max(view.currentIndex().row(), 0), count - 1), True)
                return
            position += step
