"""The people behind an opportunity: a list of "name — role", a name field that completes
contacts, a role, Add and Remove. Only contacts picked from the completion can be added (a
typed name that matches nobody says so)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.event_people import ContactMatch
from netdesk.core.opportunity_rows import Person
from netdesk.core.vocabulary import OPPORTUNITY_ROLES
from netdesk.ui.events.contact_completer import ContactCompleter
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label

_PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class PeopleEditor(QWidget):
    """Edits a tuple of `Person`; emits `changed` when it changes."""

    changed = Signal()

    def __init__(
        self,
        matches: Callable[[str], list[ContactMatch]],
        people: tuple[Person, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName("People involved")
        self.list.setMaximumHeight(110)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Type a contact's name…")
        self.name.setAccessibleName("Person to add")
        self.completer = ContactCompleter(self.name, matches)
        self.completer.picked.connect(self._picked)
        self.role = QComboBox()
        self.role.setAccessibleName("Their role")
        for role in OPPORTUNITY_ROLES:
            self.role.addItem(role.capitalize(), role)
        add = QPushButton("Add")
        add.clicked.connect(self.add)
        remove = QPushButton("Remove")
        remove.clicked.connect(self.remove)
        self.message = plain_label()
        style_label(self.message, "fieldError")
        self.message.hide()
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.role)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._picked_name: tuple[int, str] | None = None
        for person in people:
            self._append(person)

    def people(self) -> tuple[Person, ...]:
        return tuple(self.list.item(i).data(_PERSON_ROLE) for i in range(self.list.count()))

    def add(self) -> bool:
        """Add the picked contact in the chosen role; a name typed but not picked is refused."""
        name = self.name.text().strip()
        if not name:
            return False
        contact_id = self.completer.chosen_id
        if contact_id is None:
            self.message.setText(f"Pick “{name}” from the list of contacts (or add them first).")
            self.message.show()
            return False
        self._append(Person(contact_id, self.role.currentData(), name))
        self._clear()
        return True

    def pending(self) -> bool:
        """Whether a name is typed but not added."""
        return bool(self.name.text().strip())

    def _picked(self, contact_id: int, name: str, _organisation: str) -> None:
        self._append(Person(contact_id, self.role.currentData(), name))
        QTimer.singleShot(0, self._clear)  # after the completer puts the name in the field

    def _clear(self) -> None:
        self.name.clear()
        self.completer.reset()
        self.message.hide()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def _append(self, person: Person) -> None:
        if any((p.contact_id, p.role) == (person.contact_id, person.role) for p in self.people()):
            return
        item = QListWidgetItem(f"{person.name} — {person.role}")
        item.setData(_PERSON_ROLE, person)
        self.list.addItem(item)
        self.changed.emit()
