"""Edit → Message templates…: the Write dialog's templates, kept in the database.

A list on the left, the chosen template's fields on the right with a live preview filled for a
sample person (plain text). Save stores it (a name is needed and unique), New starts an empty
one, Delete removes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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
    QVBoxLayout,
    QWidget,
)

from netdesk.core.messages import PLACEHOLDERS, render
from netdesk.core.templates import TemplateRow, TemplateService
from netdesk.core.vocabulary import FOLLOWUP_REASONS, GIVE_KINDS
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label

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

    def __init__(self, templates: TemplateService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Message templates")
        self.service = templates
        self.rows: list[TemplateRow] = []
        self.list = QListWidget()
        self.list.setMaximumWidth(280)
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
        for button in (new, self.delete_button, save):
            actions.addWidget(button)
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
        try:
            saved = self.service.save(self.edited())
        except ValueError as error:
            self.problem.setText(str(error))
            return
        self._reload(saved)

    def delete(self) -> None:
        row = self.current()
        if row is not None and row.id is not None:
            self.service.delete(row.id)
            self._reload()
