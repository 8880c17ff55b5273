"""File → Sync conflicts…: each field of a contact, follow-up, event or interaction that NetDesk
and the server both changed, with both values as plain text; keep NetDesk's or take the
server's, row by row. Taking the server's changes the item: an undoable change on the stack of
the view that edits it (Edit → Undo in Contacts for a contact, an interaction; in Follow-ups for a
follow-up; in Events for an event)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.core import sync_conflicts, sync_desk
from netdesk.core.sync_conflicts import CONTACT, OpenConflict, open_conflicts
from netdesk.ui.undo import Command

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from netdesk.ui.sync.controller import SyncController


def shown_value(value: Any) -> str:
    """A conflict's value as plain text: a photo is "a photo", a list one item a line."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dict) and "base64" in value:
        return QCoreApplication.translate("ConflictsDialog", "(a photo)")
    if isinstance(value, list):
        return "\n".join(map(str, value))
    return str(value)


def field_name(field: str) -> str:
    """ "given_name" → "Given name"."""
    return field.replace("_", " ").capitalize()


class ConflictsDialog(QDialog):
    """The open conflicts; each choice settles one field."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(760, 420)
        intro = QLabel(
            self.tr(
                "These fields changed both here and on the server since the last sync. NetDesk "
                "kept its value; the server's is kept here until you choose."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Field"),
                self.tr("NetDesk's value"),
                self.tr("Server's value"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No conflicts: every field is settled."))
        buttons = QDialogButtonBox()
        self.keep_button = buttons.addButton(
            self.tr("&Keep NetDesk's"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.take_button = buttons.addButton(
            self.tr("&Take the server's"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.keep_button.clicked.connect(lambda: self.settle(take_server=False))
        self.take_button.clicked.connect(lambda: self.settle(take_server=True))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.conflicts: list[OpenConflict] = []
        self.reload()
        controller.conflicts_changed.connect(self.reload)  # Edit → Undo in Contacts too

    def reload(self) -> None:
        """Read the open conflicts again."""
        self.conflicts = open_conflicts()
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            texts = (
                conflict.name,
                field_name(conflict.field),
                shown_value(conflict.local),
                shown_value(conflict.remote),
            )
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.conflicts)
        if self.conflicts:
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = bool(self.selected())
        self.keep_button.setEnabled(chosen)
        self.take_button.setEnabled(chosen)

    def selected(self) -> list[OpenConflict]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.conflicts[row] for row in rows]

    def settle(self, *, take_server: bool) -> None:
        """Settle the selected fields; taking the server's value is undoable in the item's view."""
        for conflict in self.selected():
            stack = self._undo_stack(conflict.kind)
            words = (
                self.tr("Take the server's {0} of {1}")
                if take_server
                else self.tr("Keep NetDesk's {0} of {1}")
            )
            command = Command(
                words.format(field_name(conflict.field).lower(), conflict.name),
                self._settler(conflict, take_server),
                self._unsettler(),
            )
            if stack is None:
                command.redo()
            else:
                stack.push(command)

    def _settler(self, conflict: OpenConflict, take_server: bool) -> Callable[[], Any]:
        services, changed = self.controller.services, self.controller.conflicts_changed

        def settle() -> Any:
            if conflict.kind == CONTACT:
                settled: object = sync_desk.settle(
                    services.contacts, conflict.item_id, conflict.field, take_server
                )
            else:
                settled = sync_conflicts.settle(services, conflict, take_server)
            changed.emit()
            return settled

        return settle

    def _unsettler(self) -> Callable[[Any], None]:
        services, changed = self.controller.services, self.controller.conflicts_changed

        def unsettle(settled: Any) -> None:
            if isinstance(settled, sync_conflicts.Settled):
                sync_conflicts.unsettle(services, settled)
            else:
                sync_desk.unsettle(services.contacts, settled)
            changed.emit()

        return unsettle

    def _undo_stack(self, kind: str) -> QUndoStack | None:
        """The undo stack of the view that edits items of `kind` (the view made if not yet)."""
        view = self.controller.window.build_view(_VIEWS.get(kind, "contacts"))
        stack = getattr(view, "undo_stack", None)
        return stack or getattr(getattr(view, "controller", None), "undo_stack", None)


_VIEWS = {"follow-up": "followups", "event": "events"}
"""The view whose undo stack takes a settled conflict, by kind; Contacts for the others."""
