"""Merge… : pick, per field, which contact's value the merged contact keeps."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.merge import MERGE_FIELDS
from netdesk.formats.draft import ContactDraft
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label

FIELD_TITLES = {
    "given_name": "First name",
    "family_name": "Last name",
    "nickname": "Nickname",
    "organisation": "Organisation",
    "title": "Title",
    "circle": "Circle",
    "birthday": "Birthday",
    "how_met": "How we met",
    "cadence_days": "Keep in touch (days)",
    "met_at": "Met at (event)",
    "notes": "Notes",
    "photo": "Photo",
}


def _shown(field: str, value: Any, owner: str) -> str:
    if field == "photo":
        return f"Photo of {owner}"
    text = str(value).replace("\n", " ")
    return text if len(text) <= 60 else text[:57] + "…"


class MergeDialog(QDialog):
    """Choose the main record and the value of each field that differs."""

    def __init__(
        self, ids: list[int], drafts: list[ContactDraft], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Merge {len(ids)} contacts")
        self.ids = ids
        self.drafts = drafts
        self.keeper = QComboBox()
        for contact_id, draft in zip(ids, drafts, strict=True):
            self.keeper.addItem(draft.full_name() or f"Contact {contact_id}", contact_id)
        self.choices: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow("Keep as main record", self.keeper)
        for field in MERGE_FIELDS:
            distinct: dict[Any, int] = {}
            for position, draft in enumerate(drafts):
                value = getattr(draft, field)
                if value not in (None, "", b"") and value not in distinct:
                    distinct[value] = position
            if len(distinct) < 2:
                continue
            box = QComboBox()
            for value, position in distinct.items():
                box.addItem(_shown(field, value, drafts[position].full_name()), position)
            self.choices[field] = box
            form.addRow(FIELD_TITLES[field], box)
        note = plain_label(
            "All emails, phones, profiles, tags, interactions and follow-ups are kept. "
            "The other contacts go to the Trash; Undo (Ctrl+Z) splits them again."
        )
        note.setWordWrap(True)
        style_label(note, "hint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def keeper_id(self) -> int:
        return self.keeper.currentData()

    def other_ids(self) -> list[int]:
        return [i for i in self.ids if i != self.keeper_id()]

    def chosen(self) -> dict[str, Any]:
        """The picked value of every field that differed."""
        return {
            field: getattr(self.drafts[box.currentData()], field)
            for field, box in self.choices.items()
        }
