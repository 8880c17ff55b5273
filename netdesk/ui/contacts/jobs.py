"""A contact's job history in the editor: current job first, then past ones, with Add, Edit and
Remove. It does not write by itself: each change goes out as a `JobEdit` on `edit_requested`, and
the owner applies it as an undoable command (see ContactsController.edit_job)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.employment import Job
from netdesk.core.services import Services
from netdesk.ui.dates import plain_day
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label

SOURCES = {"linkedin": "LinkedIn", "vcard": "vCard", "google": "Google", "outlook": "Outlook"}
"""How each source of an entry is named (others as stored; "manual" is not shown)."""


@dataclass(frozen=True)
class JobEdit:
    """One change to a contact's history: save `job` (added when it has no id) or remove it."""

    contact_id: int
    job: Job
    remove: bool = False

    def text(self) -> str:
        """What Edit → Undo calls it."""
        what = self.job.words() or "job"
        if self.remove:
            return f"Remove job {what}"
        return f"Edit job {what}" if self.job.id else f"Add job {what}"


def job_period(job: Job) -> str:
    """ "1 Apr 2021 – 15 Nov 2026", "11 Mar 2026 – now", "– 31 May 2024", "" (no dates): days
    as the locale writes them."""
    start = plain_day(job.started_on) if job.started_on else ""
    end = plain_day(job.ended_on) if job.ended_on else "now"
    return f"{start} – {end}".strip() if start or job.ended_on else ""


def job_lines(job: Job) -> str:
    """ "VP Engineering at Globex" over "11 Mar 2026 – now · from LinkedIn"."""
    period = job_period(job)
    details = [period] if period else []
    if job.ended_on is None:
        details.insert(0, "current")
    if job.source not in ("manual", ""):
        details.append(f"from {SOURCES.get(job.source, job.source)}")
    return f"{job.words()}\n{' · '.join(details)}" if details else job.words()


class JobHistoryPanel(QWidget):
    """The jobs of one contact."""

    edit_requested = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.contact_id: int | None = None
        self.jobs: list[Job] = []
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.setSpacing(2)
        self.items.setAccessibleName(self.tr("Job history"))
        self.items.itemSelectionChanged.connect(self._selection_changed)
        self.items.itemActivated.connect(lambda _item: self.edit_selected())
        self.add_button = QPushButton(self.tr("Add job…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected job (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.items, self.remove_selected)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.setWhatsThis(self.tr("Jobs: remove the selected job"))
        self.edit_button.setToolTip(self.tr("Edit the selected job (Enter)"))
        self.empty = plain_label(
            self.tr("No jobs yet. An import that brings a new employer or title adds one.")
        )
        style_label(self.empty, "hint")
        self.empty.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.empty, 1)
        head.addWidget(self.remove_button)
        head.addWidget(self.edit_button)
        head.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.items)
        self._selection_changed()

    def show_contact(self, contact_id: int | None) -> None:
        self.contact_id = contact_id
        self.add_button.setEnabled(contact_id is not None)
        self.refresh()

    def refresh(self) -> None:
        """Read the shown contact's jobs again."""
        self.jobs = (
            [] if self.contact_id is None else self.services.employment.jobs(self.contact_id)
        )
        self.items.clear()
        for job in self.jobs:
            item = QListWidgetItem(job_lines(job))
            item.setData(Qt.ItemDataRole.UserRole, job)
            if job.ended_on is None:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.items.addItem(item)
        self.empty.setVisible(not self.jobs)
        self._selection_changed()

    def add(self) -> None:
        """Ask for a new job; a current one ends the one before."""
        if self.contact_id is not None:
            self._ask(Job(""))

    def edit_selected(self) -> None:
        job = self._selected()
        if job is not None:
            self._ask(job)

    def remove_selected(self) -> None:
        job = self._selected()
        if job is not None and self.contact_id is not None:
            self.edit_requested.emit(JobEdit(self.contact_id, job, remove=True))

    def _ask(self, job: Job) -> None:
        assert self.contact_id is not None
        from netdesk.ui.contacts.job_dialog import JobDialog  # imported when first asked for

        dialog = JobDialog(job, self)
        if dialog.exec() == JobDialog.DialogCode.Accepted:
            self.edit_requested.emit(JobEdit(self.contact_id, dialog.chosen()))

    def _selected(self) -> Job | None:
        items = self.items.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _selection_changed(self) -> None:
        chosen = bool(self.items.selectedItems())
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
