"""A contact's editor in its own window (double-click a row, or Enter)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from netdesk.core.services import Services
from netdesk.ui.contacts.editor import ContactEditor


class ContactDialog(QDialog):
    """The editor for one contact; closes after Save."""

    def __init__(
        self, services: Services, region: str, contact_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.editor = ContactEditor(services, region)
        self.editor.load(contact_id)
        self.setWindowTitle(self.editor.heading.text())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self.resize(560, 720)
