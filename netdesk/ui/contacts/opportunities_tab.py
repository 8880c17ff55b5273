"""A contact's Opportunities tab: the openings they are involved in and their role in each;
Enter or a double-click opens one in the Opportunities view (`opportunity_requested`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label

if TYPE_CHECKING:
    from netdesk.core.opportunities import OpportunityService

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OpportunitiesTab(QWidget):
    """The opportunities of one contact."""

    opportunity_requested = Signal(int)

    def __init__(
        self, opportunities: Callable[[], OpportunityService], parent: QWidget | None = None
    ) -> None:
        """`opportunities` gives the service when a contact is first shown (asked for as the
        Contacts view was made, it loaded its modules before a Contacts start was usable)."""
        super().__init__(parent)
        self.opportunities = opportunities
        self.contact_id: int | None = None
        self.items = QListWidget()
        self.items.setAccessibleName("Opportunities this person is involved in")
        self.items.setToolTip("Enter or a double-click opens the opportunity")
        self.items.itemActivated.connect(self._activated)
        self.empty = plain_label(
            "Not involved in any opportunity yet. Add them as a person of one in Opportunities."
        )
        self.empty.setWordWrap(True)
        style_label(self.empty, "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.items, 1)

    def show_contact(self, contact_id: int | None) -> None:
        self.contact_id = contact_id
        self.refresh()

    def refresh(self) -> None:
        self.items.clear()
        found = self.opportunities().for_contact(self.contact_id) if self.contact_id else []
        for row, roles in found:
            item = QListWidgetItem(f"{row.heading()} — {', '.join(roles)} · {row.stage}")
            item.setData(_ID_ROLE, row.id)
            self.items.addItem(item)
        self.empty.setVisible(not found)
        self.items.setVisible(bool(found))

    def count(self) -> int:
        return self.items.count()

    def _activated(self, item: QListWidgetItem) -> None:
        self.opportunity_requested.emit(item.data(_ID_ROLE))
