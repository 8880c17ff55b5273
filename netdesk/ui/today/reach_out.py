"""Reach out today: the people `ReachOutService` ranks first, each with its reason.

Enter or Open shows the person in Contacts, L logs an interaction, W writes to them from the
template that fits the reason, N ("Not now") leaves them out for a week (undoable). How many to
show is a remembered setting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSpinBox, QWidget

from netdesk.core.reach_out import DEFAULT_LIMIT, Suggestion
from netdesk.ui.calendar.agenda import CONTACT_ROLE, ID_ROLE, KIND_ROLE
from netdesk.ui.list_rows import fit_rows, muted_item
from netdesk.ui.read_only import reading
from netdesk.ui.style import KEEP_COLOURS
from netdesk.ui.today.log_action import log_with
from netdesk.ui.today.section import TodayContext, TodaySection, section_list
from netdesk.ui.today.write_action import write_with
from netdesk.ui.undo import Command

COUNT_KEY = "today/reach_out_count"
SIGNAL_ROLE = CONTACT_ROLE + 10  # the suggestion's strongest signal: Write picks its template


class ReachOutList(QListWidget):
    """Ranked people, each on two lines: the name, then the reason in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        section_list(self)
        self.setWordWrap(True)
        self.setSpacing(2)

    def fill(self, suggestions: list[Suggestion]) -> None:
        self.clear()
        for suggestion in suggestions:
            item = QListWidgetItem(f"{suggestion.name}\n{suggestion.reason}")
            item.setData(KIND_ROLE, "person")
            item.setData(ID_ROLE, suggestion.contact_id)
            item.setData(CONTACT_ROLE, suggestion.contact_id)
            item.setData(SIGNAL_ROLE, suggestion.signal)
            item.setToolTip(suggestion.reason)
            if suggestion.keep in KEEP_COLOURS:
                item.setForeground(QColor(KEEP_COLOURS[suggestion.keep]))
            self.addItem(item)
        if not suggestions:
            self.addItem(muted_item(self.tr("Nobody is waiting on you today.")))
        fit_rows(self)

    def current_contact(self) -> int | None:
        item = self.currentItem()
        return item.data(CONTACT_ROLE) if item is not None else None

    def current_signal(self) -> str:
        item = self.currentItem()
        return (item.data(SIGNAL_ROLE) or "") if item is not None else ""


class ReachOutSection(TodaySection):
    """The ranked people with Log, Write, Not now and Open."""

    key = "reach_out"

    def __init__(self, context: TodayContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Reach out today"), parent)
        self.count = QSpinBox()
        self.count.setRange(1, 50)
        self.count.setValue(self._saved_count())
        self.count.setToolTip(self.tr("How many people to suggest each day"))
        self.count.valueChanged.connect(self._count_changed)
        self.head.addWidget(QLabel(self.tr("Show")))
        self.head.addWidget(self.count)
        self.list = ReachOutList()
        self.list.itemActivated.connect(lambda *_: self.open_person())
        self.body.addWidget(self.list, 1)
        self.row_buttons = self.add_buttons(
            (self.tr("Log…"), self.tr("Log an interaction with this person (L)")),
            (self.tr("Write…"), self.tr("Write to this person from a template (W)")),
            (self.tr("Not now"), self.tr("Leave this person out for a week (N)")),
            (self.tr("Open"), self.tr("Show this person in Contacts (Enter)")),
        )
        log, write, skip, open_ = self.row_buttons
        log.clicked.connect(self.log)
        write.clicked.connect(self.write)
        skip.clicked.connect(self.not_now)
        open_.clicked.connect(self.open_person)
        reading(open_, self.count)
        self.add_keys(
            {
                Qt.Key.Key_L: (self.tr("Log an interaction…"), self.log),
                Qt.Key.Key_W: (self.tr("Write…"), self.write),
                Qt.Key.Key_N: (self.tr("Not now"), self.not_now),
            }
        )

    def _saved_count(self) -> int:
        settings = self.context.settings
        return (
            DEFAULT_LIMIT
            if settings is None
            else int(str(settings.value(COUNT_KEY, DEFAULT_LIMIT)))
        )

    def _count_changed(self, value: int) -> None:
        if self.context.settings is not None:
            self.context.settings.setValue(COUNT_KEY, value)
        self.context.reload()

    def load(self, today: date) -> Callable[[], list[Suggestion]]:
        rank, count = self.context.services.reach_out.rank, self.count.value()
        return lambda: rank(count)

    def present(self, data: list[Suggestion], today: date) -> None:
        """The ranking, keeping the current row's place."""
        row = self.list.currentRow()
        self.list.fill(data)
        self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self.show_rows_present(bool(data))

    def log(self) -> None:
        log_with(self.context, self.list.current_contact())

    def write(self) -> None:
        write_with(self.context, self.list.current_contact(), reason=self.list.current_signal())

    def open_person(self) -> None:
        contact_id = self.list.current_contact()
        if contact_id is not None:
            self.context.show_contact(contact_id)

    def not_now(self) -> None:
        """Leave the current person out of Reach out for a week (undoable)."""
        contact_id = self.list.current_contact()
        if contact_id is None:
            return
        name = self.list.currentItem().text().splitlines()[0]
        self.context.undo_stack.push(
            Command(
                self.tr("Not now: {0}").format(name),
                lambda: self._skip(contact_id),
                lambda before: self._unskip(contact_id, before),
            )
        )
        self.context.say(self.tr("{0} is left out for a week. Ctrl+Z undoes.").format(name))

    def _skip(self, contact_id: int) -> date | None:
        before = self.context.services.reach_out.skip(contact_id)
        self.context.reload()
        return before

    def _unskip(self, contact_id: int, before: date | None) -> None:
        self.context.services.reach_out.unskip(contact_id, before)
        self.context.reload()
