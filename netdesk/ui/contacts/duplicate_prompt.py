"""Asking before a new contact is saved whose email, phone or profile is already stored.

People are never merged by guess: the user opens the stored one, saves the new one anyway, or
goes back to the editor.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from netdesk.core.merge import Duplicate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class DuplicateChoice(Enum):
    OPEN_EXISTING = "open"
    SAVE_AS_NEW = "new"
    CANCEL = "cancel"


def ask_about_duplicate(parent: QWidget, duplicate: Duplicate) -> DuplicateChoice:
    """Ask whether to open `duplicate` instead of saving a new contact (plain text only)."""
    from PySide6.QtWidgets import QMessageBox  # its type built when asked, not before usable

    box = QMessageBox(parent)
    box.setWindowTitle("Already in your contacts?")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"{duplicate.name} with {duplicate.reason} already exists — open it?")
    open_button = box.addButton("Open existing", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Save as new", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_button:
        return DuplicateChoice.OPEN_EXISTING
    if box.buttonRole(clicked) == QMessageBox.ButtonRole.DestructiveRole:
        return DuplicateChoice.SAVE_AS_NEW
    return DuplicateChoice.CANCEL
