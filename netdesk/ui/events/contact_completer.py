"""Completes a name field with matching contacts as the user types (the event's people first).

Choosing a completion puts the bare name in the field and remembers the contact's id in
`chosen_id`; typing again forgets it. (Moving through the popup also edits the field; that is
not typing.) Nothing in the popup is current until the user moves into it, so Enter right after
typing keeps the typed name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit

if TYPE_CHECKING:
    from netdesk.core.event_people import ContactMatch

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
ORG_ROLE = Qt.ItemDataRole.UserRole + 3


class ContactCompleter(QCompleter):
    """A popup of `matches(text)` under `edit`; emits `picked(id, name, organisation)`."""

    picked = Signal(int, str, str)

    def __init__(self, edit: QLineEdit, matches: Callable[[str], list[ContactMatch]]) -> None:
        super().__init__(edit)
        self._matches = matches
        self.chosen_id: int | None = None
        self._highlighted = ""
        self.choices = QStandardItemModel(self)
        self.setModel(self.choices)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setMaxVisibleItems(8)
        edit.setCompleter(self)
        edit.textEdited.connect(self._typed)
        # PySide6's stubs do not type an overloaded signal's [signature] lookup
        self.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        self.highlighted[str].connect(self._highlight)  # type: ignore[index]

    def _popup(self) -> QAbstractItemView:
        popup = self.popup()  # Qt makes the default popup when there is none: never None
        assert popup is not None
        return popup

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return index.data(NAME_ROLE) or ""

    def picking(self) -> bool:
        """Whether Enter now picks a contact from the popup (the field sees Enter first)."""
        return self._popup().isVisible() and self._popup().currentIndex().isValid()

    def reset(self) -> None:
        self.chosen_id = None
        self.choices.clear()
        self._popup().hide()

    def _highlight(self, text: str) -> None:
        self._highlighted = text

    def _typed(self, text: str) -> None:
        if text == self._highlighted and self._popup().isVisible():
            return
        self.chosen_id = None
        self.choices.clear()
        for match in self._matches(text):
            item = QStandardItem(match.label + ("  ·  on the list" if match.on_event else ""))
            item.setData(match.id, ID_ROLE)
            item.setData(match.name, NAME_ROLE)
            item.setData(match.organisation, ORG_ROLE)
            self.choices.appendRow(item)
        if self.choices.rowCount():
            self.complete()
            self._popup().setCurrentIndex(QModelIndex())
        else:
            self._popup().hide()

    def _chosen(self, index: QModelIndex) -> None:
        self.chosen_id = index.data(ID_ROLE)
        self.picked.emit(self.chosen_id, index.data(NAME_ROLE), index.data(ORG_ROLE) or "")
