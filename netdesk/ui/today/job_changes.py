"""New jobs on Today: the people an import found in a new role in the last 30 days, the newest
first, each with the job before. Enter (or Open) shows the person in Contacts; W writes the
congratulations from the "congratulate" template (and marks the person's congratulate follow-up
done once sent); L logs an interaction. The rows come from one small query over the imports'
own rows (`load`, which touches no widget), then `show` fills the list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from netdesk.core.employment import RecentChange
from netdesk.ui.contacts.jobs import SOURCES
from netdesk.ui.dates import day_label
from netdesk.ui.list_rows import fit_rows, muted_item
from netdesk.ui.read_only import reading
from netdesk.ui.today.log_action import log_with
from netdesk.ui.today.section import TodayContext, TodaySection, section_list
from netdesk.ui.today.write_action import write_with

CONTACT_ROLE = Qt.ItemDataRole.UserRole
FOLLOWUP_ROLE = Qt.ItemDataRole.UserRole + 1


class JobChangesSection(TodaySection):
    """Recent job changes of people you know."""

    key = "job_changes"

    def __init__(self, context: TodayContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("New jobs"), parent)
        self.list = section_list(QListWidget())
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAccessibleName(self.tr("Recent job changes"))
        self.list.itemActivated.connect(lambda *_: self.open_current())
        self.body.addWidget(self.list, 1)
        self.row_buttons = self.add_buttons(
            (self.tr("Congratulate…"), self.tr("Write your congratulations (W)")),
            (self.tr("Log…"), self.tr("Log an interaction with this person (L)")),
            (self.tr("Open"), self.tr("Show this person in Contacts (Enter)")),
        )
        write, log, open_ = self.row_buttons
        write.clicked.connect(self.write)
        log.clicked.connect(self.log)
        open_.clicked.connect(self.open_current)
        reading(open_)
        self.add_keys(
            {
                Qt.Key.Key_W: (self.tr("Congratulate…"), self.write),
                Qt.Key.Key_L: (self.tr("Log an interaction…"), self.log),
            }
        )

    def load(self, today: date) -> Callable[[], list[RecentChange]]:
        """What reads the rows to show (database only: runs off the GUI thread)."""
        return self.context.services.employment.recent

    def present(self, changes: list[RecentChange], today: date) -> None:
        """Fill the list, keeping the current person when they are still in it."""
        current = self._current(CONTACT_ROLE)
        self.list.clear()
        for change in changes:
            self.list.addItem(self._item(change, today))
        if not changes:
            words = self.tr(
                "No new jobs in the last 30 days. Import a newer LinkedIn export to see who moved."
            )
            self.list.addItem(muted_item(words))
        rows = [self.list.item(i).data(CONTACT_ROLE) for i in range(self.list.count())]
        self.list.setCurrentRow(rows.index(current) if current in rows else 0)
        fit_rows(self.list)
        self.show_rows_present(bool(changes))

    def _item(self, change: RecentChange, today: date) -> QListWidgetItem:
        details = [day_label(change.after.started_on or change.recorded_at.date(), today)]
        if change.after.source in SOURCES:
            details.append(self.tr("from {0}").format(SOURCES[change.after.source]))
        if change.followup_id is not None:
            details.append(self.tr("congratulations to send"))
        item = QListWidgetItem(f"{change.name} — {change.words()}\n" + " · ".join(details))
        item.setData(CONTACT_ROLE, change.contact_id)
        item.setData(FOLLOWUP_ROLE, change.followup_id)
        return item

    def _current(self, role: int) -> int | None:
        item = self.list.currentItem()
        return item.data(role) if item is not None else None

    def open_current(self) -> None:
        contact_id = self._current(CONTACT_ROLE)
        if contact_id is not None:
            self.context.show_contact(contact_id)

    def write(self) -> None:
        write_with(
            self.context,
            self._current(CONTACT_ROLE),
            followup_id=self._current(FOLLOWUP_ROLE),
            reason="congratulate",
        )

    def log(self) -> None:
        log_with(self.context, self._current(CONTACT_ROLE))
