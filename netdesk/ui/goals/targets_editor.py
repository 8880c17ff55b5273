"""A target list's people and organisations, as the goal dialog edits them.

Typing a name offers matching contacts; picking one adds that person, while Add with a name no
contact was picked for adds an organisation by that name (people there count for it). Enter in
the name field adds (the dialog asks `pending` before it closes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.goals import TargetRef
from netdesk.ui.events.contact_completer import ContactCompleter

if TYPE_CHECKING:
    from netdesk.core.event_people import ContactMatch

_TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class NamedTarget:
    """A target with the name to show for it."""

    ref: TargetRef
    name: str


class TargetsEditor(QWidget):
    """The list, a name field with contact completion, Add and Remove."""

    def __init__(
        self,
        matches: Callable[[str], list[ContactMatch]],
        targets: list[NamedTarget],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setMaximumHeight(140)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Type a person's or an organisation's name…")
        self.completer = ContactCompleter(self.name, matches)
        self.completer.picked.connect(self._picked)
        add = QPushButton("Add")
        add.clicked.connect(self.add)
        remove = QPushButton("Remove")
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        for target in targets:
            self._append(target)

    def targets(self) -> list[NamedTarget]:
        return [self.list.item(i).data(_TARGET_ROLE) for i in range(self.list.count())]

    def add(self) -> None:
        """Add the picked contact, or else an organisation by the typed name."""
        name = self.name.text().strip()
        if not name:
            return
        contact_id = self.completer.chosen_id
        ref = TargetRef(contact_id) if contact_id is not None else TargetRef(None, name)
        self._append(NamedTarget(ref, name))
        self._clear()

    def _picked(self, contact_id: int, name: str, _organisation: str) -> None:
        self._append(NamedTarget(TargetRef(contact_id), name))
        QTimer.singleShot(0, self._clear)  # after the completer puts the name in the field

    def _clear(self) -> None:
        self.name.clear()
        self.completer.reset()

    def pending(self) -> bool:
        """Whether a name is typed but not added yet."""
        return bool(self.name.text().strip())

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def _append(self, target: NamedTarget) -> None:
        if target.ref in [known.ref for known in self.targets()]:
            return
        kind = "person" if target.ref.contact_id is not None else "organisation"
        item = QListWidgetItem(f"{target.name} ({kind})")
        item.setData(_TARGET_ROLE, target)
        self.list.addItem(item)
