"""People to meet at an event: want-to-meet, name, organisation, role, research notes, met.

Changes are written at once through `EventPeople`; an add row links an existing contact (picked
from the completer) or creates one on the spot.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.event_people import EventPeople, PersonRow
from netdesk.core.vocabulary import EVENT_ROLES
from netdesk.ui.events.contact_completer import ContactCompleter
from netdesk.ui.plain import plain_label, plain_tooltip
from netdesk.ui.style import style_label

HEADERS = ("Want", "Name", "Organisation", "Role", "Research notes", "Met")
WANT, NAME, ORG, ROLE, NOTES, MET = range(len(HEADERS))
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
_MIN_TEXT_WIDTH = 32


def _check_item(checked: bool) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _text_item(text: str, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(plain_tooltip(text) if text else "")
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
    return item


class _FittedTable(QTableWidget):
    """The list as wide as its box, never scrolling sideways: the check boxes and the role as
    wide as they need, name and organisation the larger share of the rest, the research notes
    what is left; names wrap onto a second line in a narrow panel ("Jürgen / Gärtner") and text
    that still does not fit ends with "…" (its tooltip shows it all)."""

    def __init__(self, role_width: int) -> None:
        super().__init__(0, len(HEADERS))
        self.setHorizontalHeaderLabels(HEADERS)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(_MIN_TEXT_WIDTH)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column in (WANT, MET):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(NOTES, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(ROLE, role_width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fixed = sum(self.columnWidth(column) for column in (WANT, ROLE, MET))
        free = self.viewport().width() - fixed
        for column, share in ((NAME, 0.4), (ORG, 0.35)):
            self.setColumnWidth(column, max(int(free * share), _MIN_TEXT_WIDTH))
        self.resizeRowsToContents()


class PeopleTable(QWidget):
    """The event's people list with an add row."""

    def __init__(self, people: EventPeople, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = people
        self.event_id: int | None = None
        self._writing = False
        self._filling = False

        self.role = QComboBox()
        self.role.addItems([r.capitalize() for r in EVENT_ROLES])
        # Most people you plan to meet are there as you are: attendee; speakers and organisers
        # are the exception you pick.
        self.role.setCurrentIndex(EVENT_ROLES.index("attendee"))
        self.table = _FittedTable(self.role.sizeHint().width())
        self.table.setObjectName("peopleTable")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setMinimumHeight(150)
        self.table.itemChanged.connect(self._item_changed)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)

        self.name = QLineEdit()
        self.name.setPlaceholderText("Add someone to meet: type a name…")
        self.completer = ContactCompleter(
            self.name, lambda text: self.people.matches(text, self.event_id)
        )
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText("Organisation")
        self.completer.picked.connect(lambda _id, _name, org: self.organisation.setText(org))
        self.add_button = QPushButton("Add")
        self.add_button.clicked.connect(self.add_person)
        self.name.returnPressed.connect(self.add_person)
        self.organisation.returnPressed.connect(self.add_person)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = plain_label()
        style_label(self.message, "fieldError")

        who = QHBoxLayout()
        who.addWidget(self.name, 2)
        who.addWidget(self.organisation, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.role)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(who)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.message.hide()

    def show_event(self, event_id: int) -> None:
        self.event_id = event_id
        self.reload()

    def reload(self) -> None:
        """Show the stored list (skipped while this table itself is writing)."""
        if self._writing or self.event_id is None:
            return
        self._filling = True
        rows = self.people.list(self.event_id)
        self.table.setRowCount(len(rows))
        for index, person in enumerate(rows):
            self._fill_row(index, person)
        self.table.resizeRowsToContents()
        self._filling = False

    def _fill_row(self, index: int, person: PersonRow) -> None:
        want = _check_item(person.want_to_meet)
        want.setData(PERSON_ROLE, person.id)
        self.table.setItem(index, WANT, want)
        self.table.setItem(index, NAME, _text_item(person.name))
        self.table.setItem(index, ORG, _text_item(person.organisation))
        self.table.setItem(index, NOTES, _text_item(person.research_notes, editable=True))
        self.table.setItem(index, MET, _check_item(person.met))
        role = QComboBox()
        role.addItems([r.capitalize() for r in EVENT_ROLES])
        role.setCurrentIndex(EVENT_ROLES.index(person.role))
        role.activated.connect(lambda i, pid=person.id: self._write(pid, role=EVENT_ROLES[i]))
        self.table.setCellWidget(index, ROLE, role)

    def person_id(self, row: int) -> int:
        item = self.table.item(row, WANT)
        assert item is not None
        person_id: int = item.data(PERSON_ROLE)
        return person_id

    def add_person(self) -> None:
        """Add the typed person: the picked contact, or a new one created now."""
        name = self.name.text().strip()
        if self.event_id is None or not name:
            return
        if self.sender() is self.name and self.completer.picking():
            return
        role = EVENT_ROLES[self.role.currentIndex()]
        try:
            if self.completer.chosen_id is not None:
                self.people.add(self.event_id, self.completer.chosen_id, role)
            else:
                self.people.add_new(self.event_id, name, self.organisation.text().strip(), role)
        except ValueError as error:
            self.message.setText(str(error))
            self.message.show()
            return
        self.message.hide()
        self.name.clear()
        self.organisation.clear()
        self.completer.reset()
        self.name.setFocus()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        for person_id in [self.person_id(row) for row in rows]:
            self.people.remove(person_id)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        person_id = self.person_id(item.row())
        checked = item.checkState() == Qt.CheckState.Checked
        if item.column() == WANT:
            self._write(person_id, want_to_meet=checked)
        elif item.column() == MET:
            self._write(person_id, met=checked)
        elif item.column() == NOTES:
            self._write(person_id, research_notes=item.text())

    def _write(self, person_id: int, **values: Any) -> None:
        self._writing = True
        try:
            self.people.update(person_id, **values)
        finally:
            self._writing = False
