"""Add tag… for the selected contacts: a box that opens empty, with the tags in use to pick."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from netdesk.ui.plural import counted

if TYPE_CHECKING:
    from PySide6.QtWidgets import QInputDialog, QWidget


def tag_dialog(parent: QWidget, count: int, tags: list[str]) -> QInputDialog:
    """Ask for the tag to give `count` contacts; the box is empty (never a tag picked for
    them), its list the tags in use."""
    from PySide6.QtWidgets import QInputDialog  # its type built when asked, not before usable

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(dialog.tr("Add tag"))
    dialog.setLabelText(counted("ContactsController", "Tag for %Ln contact(s):", count))
    dialog.setComboBoxEditable(True)
    dialog.setComboBoxItems(tags)
    dialog.setTextValue("")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog
