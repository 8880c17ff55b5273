"""People to meet at an event: want-to-meet, name, organisation, role, research notes, met.

Changes are written at once through `EventPeople`, each an undoable change of the view's stack
(its undo puts the list back as it was; a contact created on the spot stays); an add row links an
existing contact (picked from the completer) or creates one on the spot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QUndoStack
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
from netdesk.ui.name_cell import NameWithOrganisation
from netdesk.ui.plain import plain_label, plain_tooltip
from netdesk.ui.style import style_label
from netdesk.ui.undo import Done

HEADERS = ("Want", "Name", "Organisation", "Role", "Research notes", "Met")
WANT, NAME, ORG, ROLE, NOTES, MET = range(len(HEADERS))
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
_SHORT_NOTES = "Notes"  # the research notes' title in a narrow panel
_MIN_TEXT_WIDTH = 32
_LEAST_ROWS, _MOST_ROWS = 3, 8


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
    wide as they need, the name (its organisation on a second line: one column less in a narrow
    panel) the larger share of the rest, the research notes what is left ("Notes" above them
    where "Research notes" would be cut), wrapped; text that still does not fit ends with "…"
    (its tooltip shows it all)."""

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
        notes = self.horizontalHeaderItem(NOTES)
        assert notes is not None
        notes.setToolTip(HEADERS[NOTES])
        self.setColumnHidden(ORG, True)  # shown under the name
        self.setItemDelegateForColumn(NAME, NameWithOrganisation(ORG, self))

    def _title_notes(self, room: int) -> None:
        """ "Research notes" above the notes where that fits in `room`, else "Notes" (the
        tooltip has the long title): a title is never cut short."""
        header = self.horizontalHeader()
        item = self.horizontalHeaderItem(NOTES)
        assert item is not None
        padding = header.sectionSizeFromContents(NOTES).width()
        padding -= header.fontMetrics().horizontalAdvance(item.text())
        fits = header.fontMetrics().horizontalAdvance(HEADERS[NOTES]) + padding <= room
        item.setText(HEADERS[NOTES] if fits else _SHORT_NOTES)

    def sizeHint(self) -> QSize:
        """As tall as its rows (three at least, eight at most): a short list leaves the pitch
        below it in view instead of an empty box (a taller panel still stretches it)."""
        size = super().sizeHint()
        rows = [self.rowHeight(row) for row in range(min(self.rowCount(), _MOST_ROWS))]
        rows += [self.verticalHeader().defaultSectionSize()] * (_LEAST_ROWS - len(rows))
        frame = 2 * self.frameWidth() + self.horizontalHeader().height()
        size.setHeight(sum(rows) + frame)
        return size

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fixed = sum(self.columnWidth(column) for column in (WANT, ROLE, MET))
        free = self.viewport().width() - fixed
        name = int(free * 0.55)
        self._title_notes(free - name)
        notes_title = self.horizontalHeader().sectionSizeFromContents(NOTES).width()
        self.setColumnWidth(NAME, max(min(name, free - notes_title), _MIN_TEXT_WIDTH))
        self.resizeRowsToContents()


class PeopleTable(QWidget):
    """The event's people list with an add row."""

    def __init__(
        self, people: EventPeople, stack: QUndoStack | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.people = people
        self.stack = stack
        self.event_id: int | None = None
        self.contact_ids: frozenset[int] = frozenset()
        """The contacts on the list shown."""
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
        self.table.setMinimumHeight(100)
        self.table.itemChanged.connect(self._item_changed)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        remove.setWhatsThis("Prep brief: remove the selected people")

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

    def reload(self) -> None:
        """Show the stored list (skipped while this table itself is writing)."""
        if self._writing or self.event_id is None:
            return
        self.fill(self.event_id, self.people.list(self.event_id))

    def fill(self, event_id: int, rows: list[PersonRow]) -> None:
        """Show `rows`, the stored list of event `event_id` (read by `reload`, or on a worker)."""
        self.event_id = event_id
        self._filling = True
        self.contact_ids = frozenset(person.contact_id for person in rows)
        self.table.setRowCount(len(rows))
        for index, person in enumerate(rows):
            self._fill_row(index, person)
        self.table.resizeRowsToContents()
        self.table.updateGeometry()  # as tall as its rows
        self._filling = False

    def _fill_row(self, index: int, person: PersonRow) -> None:
        want = _check_item(person.want_to_meet)
        want.setData(PERSON_ROLE, person.id)
        self.table.setItem(index, WANT, want)
        name = _text_item(person.name)
        who = (person.name, person.organisation)
        name.setToolTip(plain_tooltip("\n".join(t for t in who if t)))
        self.table.setItem(index, NAME, name)
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
        event_id, chosen = self.event_id, self.completer.chosen_id
        organisation = self.organisation.text().strip()
        added = f"Add {name} to the people to meet"
        try:
            if chosen is not None:
                self._change(added, lambda: self.people.add(event_id, chosen, role))
            else:
                self._change(added, lambda: self.people.add_new(event_id, name, organisation, role))
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
        ids = [self.person_id(row) for row in rows]
        if not ids:
            return

        def remove() -> None:
            for person_id in ids:
                self.people.remove(person_id)

        names = ", ".join(self._name(row) for row in rows)
        self._change(f"Remove {names} from the people to meet", remove)

    def _name(self, row: int) -> str:
        item = self.table.item(row, NAME)
        return item.text() if item is not None else ""

    def _change(self, text: str, write: Callable[[], object]) -> None:
        """Make a change to the list, undoable on the view's stack (a refused one is not)."""
        event_id = self.event_id
        assert event_id is not None  # the table acts on a shown event
        before = self.people.snapshot(event_id)
        write()
        self.reload()  # at once (the view shows others' changes a turn later)
        if self.stack is not None:
            after = self.people.snapshot(event_id)
            self.stack.push(Done(text, before, after, lambda rows: self._put_back(event_id, rows)))

    def _put_back(self, event_id: int, rows: list[dict[str, Any]]) -> None:
        """Undo or redo: the list as it was, shown at once."""
        self.people.put_back(event_id, rows)
        self.reload()

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
            self._change(
                "Change the people to meet", lambda: self.people.update(person_id, **values)
            )
        finally:
            self._writing = False
