"""A contact's interaction timeline, newest first, with Log interaction (Ctrl+L) and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.interactions import InteractionRow, timeline
from netdesk.core.services import Services
from netdesk.ui.dates import when_text
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label
from netdesk.ui.timefmt import local_from_utc, relative_time

if TYPE_CHECKING:
    from netdesk.ui.contacts.log_dialog import LoggedInteraction


class TimelineWidget(QWidget):
    """Interactions with one contact."""

    logged = Signal(int)
    delete_requested = Signal(list)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.contact_id: int | None = None
        self.contact_name = ""
        self.undo_stack: QUndoStack | None = None
        """The owner's (the Contacts view's): with it, what is logged here is undoable."""
        self.log_button = QPushButton("Log interaction…")
        self.log_button.setToolTip("Log a call, coffee, email… (Ctrl+L)")
        self.log_button.clicked.connect(self.ask_and_log)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.delete_selected)
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.setSpacing(4)
        self.items.setMinimumHeight(120)
        self.items.itemSelectionChanged.connect(
            lambda: self.delete_button.setEnabled(bool(self.items.selectedItems()))
        )
        self.empty = plain_label("No interactions yet. Press Ctrl+L after you talk.")
        style_label(self.empty, "hint")
        self.empty.setWordWrap(True)  # unwrapped, it held the editor beside the list ~500 px wide
        head = QHBoxLayout()
        head.addWidget(self.empty, 1)
        head.addWidget(self.delete_button)
        head.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.items)

    def show_contact(self, contact_id: int | None, name: str = "") -> None:
        self.contact_id = contact_id
        self.contact_name = name
        self.log_button.setEnabled(contact_id is not None)
        self.refresh()

    def refresh(self) -> None:
        self.items.clear()
        rows = timeline(self.contact_id) if self.contact_id is not None else []
        today = self.services.clock.today()
        for row in rows:
            when = local_from_utc(row.occurred_at)
            ago = relative_time(row.occurred_at, today)
            text = f"{row.channel.capitalize()} · {when_text(when)} ({ago})"
            if row.direction != "neutral":
                text += f"\n{self._give_words(row)}"
            if row.summary:
                text += f"\n{row.summary}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.items.addItem(item)
        self.empty.setVisible(not rows)

    def _give_words(self, row: InteractionRow) -> str:
        """ "Gave: introduction (Carl Ott to Ana Lima)", "Received: advice"."""
        words = f"{row.direction.capitalize()}: {row.give_kind or 'something'}"
        if row.introduced != (None, None):
            name = self.services.followups.contact_name
            a, b = (name(i) if i is not None else "you" for i in row.introduced)
            words += f" ({a} to {b})"
        return words

    def ask_and_log(self) -> int | None:
        """Ask for an interaction and record it; returns its id."""
        if self.contact_id is None:
            return None
        from netdesk.ui.contacts.log_dialog import LogInteractionDialog  # when first asked for

        dialog = LogInteractionDialog(
            self.contact_name,
            self.services.clock.now(),
            self,
            contact_id=self.contact_id,
            matches=self.services.events.people.matches,
        )
        if dialog.exec() != LogInteractionDialog.DialogCode.Accepted:
            return None
        return self.record(dialog.result_value())

    def record(self, entry: LoggedInteraction) -> int:
        """Store an interaction (and its follow-up) for the shown contact, on the owner's undo
        stack when there is one."""
        from netdesk.ui.contacts.log_dialog import (  # when first used
            log_command,
            record_interaction,
        )

        assert self.contact_id is not None
        if self.undo_stack is None:
            interaction_id, _ = record_interaction(self.services, self.contact_id, entry)
        else:
            command = log_command(self.services, self.contact_id, self.contact_name, entry)
            self.undo_stack.push(command)
            interaction_id, _ = command.record
        self.refresh()
        self.logged.emit(interaction_id)
        return interaction_id

    def delete_selected(self) -> None:
        """Ask the owner to delete the selected interactions (so it can be undone)."""
        rows = [item.data(Qt.ItemDataRole.UserRole) for item in self.items.selectedItems()]
        if rows:
            self.delete_requested.emit(rows)
