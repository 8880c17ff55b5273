"""Edit → Message templates…: the Write dialog's templates, kept in the database.

A list on the left, the chosen template's fields on the right with a live preview filled for a
sample person (plain text). Save stores it (a name is needed and unique), New starts an empty
one, Delete removes it. Saves and deletes are changes of the undo stack given (the Contacts
view's, whose Edit menu item opens the dialog): the dialog's Undo and Redo buttons name them, and
Edit → Undo does too after it closed.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.messages import PLACEHOLDERS, render
from netdesk.core.templates import TemplateRow, TemplateService
from netdesk.core.vocabulary import FOLLOWUP_REASONS, GIVE_KINDS
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label
from netdesk.ui.undo import Done

SAMPLE = {
    "first_name": "Ana",
    "last_name": "Lima",
    "name": "Ana Lima",
    "company": "Acme",
    "title": "Data Lead",
    "how_we_met": "introduced by Sam",
    "event": "PyCon",
    "my_pitch": "I build data tools for small teams.",
}


class TemplatesDialog(QDialog):
    """Lists, edits, adds and deletes message templates."""

    def __init__(
        self,
        templates: TemplateService,
        parent: QWidget | None = None,
        stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Message templates")
        self.service = templates
        self.stack = stack if stack is not None else QUndoStack()  # alone: its own (tests)
        self.rows: list[TemplateRow] = []
        self.list = QListWidget()
        self.list.setMaximumWidth(240)
        self.name = QLineEdit()
        self.reason = QComboBox()
        self.reason.addItem("Any", "")
        for reason in FOLLOWUP_REASONS:
            self.reason.addItem(reason.capitalize(), reason)
        self.gives = QComboBox()
        self.gives.addItem("Nothing", "")
        for kind in GIVE_KINDS:
            self.gives.addItem(kind.capitalize(), kind)
        self.gives.setToolTip("Sending it logs a give of this kind")
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(10 * self.body.fontMetrics().lineSpacing())  # a whole message
        self.preview = plain_label()
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.preview.setMinimumHeight(120)
        places = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        help_text = plain_label(f"Filled in for each person: {places}. Others stay as typed.")
        help_text.setWordWrap(True)
        style_label(help_text, "hint")
        self.problem = plain_label()
        style_label(self.problem, "fieldError")
        new, self.delete_button, save = (QPushButton(t) for t in ("New", "Delete", "Save"))
        new.clicked.connect(self.new)
        self.delete_button.clicked.connect(self.delete)
        save.clicked.connect(self.save)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.undo_button, self.redo_button = QToolButton(), QToolButton()
        for button, action in (
            (self.undo_button, self.stack.createUndoAction(self, "Undo")),
            (self.redo_button, self.stack.createRedoAction(self, "Redo")),
        ):
            button.setDefaultAction(action)
            close.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self._signals = ChangeSignals(templates.changes, self)
        self._signals.changed.connect(self._stored)

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Fits follow-ups", self.reason)
        form.addRow("Gives", self.gives)
        form.addRow("Subject", self.subject)
        form.addRow("Message", self.body)
        form.addRow("", help_text)
        form.addRow("Preview", self.preview)
        actions = QHBoxLayout()
        actions.addWidget(self.problem, 1)
        for widget in (new, self.delete_button, save):
            actions.addWidget(widget)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addLayout(actions)
        columns = QHBoxLayout()
        columns.addWidget(self.list)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._show)
        self.subject.textChanged.connect(self._preview)
        self.body.textChanged.connect(self._preview)
        self._reload()
        self.resize(760, self.sizeHint().height())  # fits a 1024x768 screen

    def _reload(self, select: int | None = None) -> None:
        self.rows = self.service.list()
        self.list.clear()
        self.list.addItems([row.name for row in self.rows])
        ids = [row.id for row in self.rows]
        self.list.setCurrentRow(ids.index(select) if select in ids else 0)

    def current(self) -> TemplateRow | None:
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _show(self) -> None:
        row = self.current() or TemplateRow(None, "")
        self.editing = row.id
        self.name.setText(row.name)
        self.reason.setCurrentIndex(max(self.reason.findData(row.reason), 0))
        self.gives.setCurrentIndex(max(self.gives.findData(row.give_kind), 0))
        self.subject.setText(row.subject)
        self.body.setPlainText(row.body)
        self.delete_button.setEnabled(row.id is not None)
        self.problem.clear()

    def _preview(self) -> None:
        subject = render(self.subject.text(), SAMPLE)
        self.preview.setText(f"{subject}\n\n{render(self.body.toPlainText(), SAMPLE)}")

    def edited(self) -> TemplateRow:
        """The template as the fields hold it."""
        return TemplateRow(
            self.editing,
            self.name.text(),
            self.reason.currentData(),
            self.subject.text(),
            self.body.toPlainText(),
            self.gives.currentData(),
        )

    def new(self) -> None:
        self.list.setCurrentRow(-1)
        self._show()
        self.name.setFocus()

    def save(self) -> None:
        edited = self.edited()
        before = self.service.snapshot(edited.id) if edited.id is not None else None
        try:
            saved = self.service.save(edited)
        except ValueError as error:
            self.problem.setText(str(error))
            return
        self._push(f"Save template “{edited.name.strip()}”", saved, before)

    def delete(self) -> None:
        row = self.current()
        if row is not None and row.id is not None:
            before = self.service.snapshot(row.id)
            self.service.delete(row.id)
            self._push(f"Delete template “{row.name}”", row.id, before)

    def _push(self, text: str, template_id: int, before: dict[str, Any] | None) -> None:
        """Keep a change made to a template on the stack: undo puts `before` back."""
        after = self.service.snapshot(template_id)
        self.stack.push(Done(text, before, after, partial(self.service.put_back, template_id)))

    def _stored(self, topic: str, ids: frozenset[int]) -> None:
        """Templates were saved, deleted, or put back by undo or redo: show them, the one
        changed selected while it exists."""
        if topic == "templates":
            self._reload(next(iter(ids), None))
