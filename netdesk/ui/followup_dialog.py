"""Asking for a follow-up: the create/edit dialog, the snooze menu and the date-time picker.

`ask_follow_up(parent, services, contact_id)` is what Ctrl+Shift+F on a contact calls; with no
contact the dialog offers a search box (the tray's quick-add).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.contact_list import ContactListQuery, ListFilter
from netdesk.core.followup_dates import MORNING, SNOOZE_PRESETS, snooze_until
from netdesk.core.followup_queries import FollowUpRow
from netdesk.core.vocabulary import FOLLOWUP_REASONS
from netdesk.ui.dates import use_locale_format
from netdesk.ui.qtdates import py_date, py_datetime, py_time, qdate, qdatetime, qtime

if TYPE_CHECKING:
    from netdesk.core.followups import FollowUpService
    from netdesk.core.services import Services
    from netdesk.ui.followup_commands import FollowUpCommands

QUICK_DELAYS = (("in 2 days", 2), ("in 1 week", 7), ("in 1 month", 30))


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel buttons wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class FollowUpDialog(QDialog):
    """Create a follow-up for a contact (or pick the contact), or edit an existing one; with
    `commands`, as a change of their view's undo stack."""

    def __init__(
        self,
        followups: FollowUpService,
        contact_id: int | None = None,
        existing: FollowUpRow | None = None,
        parent: QWidget | None = None,
        *,
        reason: str = "check-in",
        interaction_id: int | None = None,
        commands: FollowUpCommands | None = None,
    ) -> None:
        super().__init__(parent)
        self._followups = followups
        self._commands = commands
        self._existing = existing
        self._interaction_id = interaction_id
        self.contact_id = existing.contact_id if existing else contact_id
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("Edit follow-up") if existing else self.tr("New follow-up"))
        today = followups.clock.today()

        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("Type a name…"))
        self._matches: dict[str, int] = {}
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.contact.setCompleter(completer)
        self.contact.textEdited.connect(self._search)
        self.contact_label = QLabel(existing.contact_name if existing else "")
        self.contact_label.setTextFormat(Qt.TextFormat.PlainText)

        self.day = QDateEdit(qdate(existing.due_at.date() if existing else today))
        self.day.setCalendarPopup(True)
        use_locale_format(self.day)
        self.timed = QCheckBox(self.tr("at"))
        self.at = QTimeEdit(qtime(existing.due_at.time() if existing else MORNING))
        use_locale_format(self.at)
        self.timed.setChecked(bool(existing and existing.has_time))
        self.at.setEnabled(self.timed.isChecked())
        self.timed.toggled.connect(self.at.setEnabled)
        self.reason = QComboBox()
        self.reason.addItems(list(FOLLOWUP_REASONS))
        self.reason.setCurrentText(existing.reason if existing else reason)
        self.note = QPlainTextEdit(existing.note if existing else "")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)

        when = QHBoxLayout()
        when.addWidget(self.day, 1)
        when.addWidget(self.timed)
        when.addWidget(self.at)
        quick = QHBoxLayout()
        for label, days in QUICK_DELAYS:
            button = QPushButton(self.tr(label))
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _=False, d=days: self.day.setDate(qdate(today + timedelta(days=d)))
            )
            quick.addWidget(button)

        form = QFormLayout()
        form.addRow(self.tr("Contact"), self.contact_label if self.contact_id else self.contact)
        form.addRow(self.tr("Due"), when)
        form.addRow("", quick)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        buttons = ok_cancel(self)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if self.contact_id is not None and existing is None:
            self.contact_label.setText(followups.contact_name(self.contact_id))

    def _search(self, text: str) -> None:
        rows = ContactListQuery(ListFilter(text=text)).page(0, 20) if text.strip() else []
        self._matches = {
            f"{r.name} ({r.organisation})" if r.organisation else r.name: r.id for r in rows
        }
        self._names.setStringList(list(self._matches))

    def due_at(self) -> datetime:
        moment = py_time(self.at.time()) if self.timed.isChecked() else time.min
        return datetime.combine(py_date(self.day.date()), moment)

    def accept(self) -> None:
        contact_id = self.contact_id or self._matches.get(self.contact.text())
        if contact_id is None:
            self.error.setText(self.tr("Pick a contact from the suggestions."))
            return
        fields: dict[str, Any] = {
            "has_time": self.timed.isChecked(),
            "reason": self.reason.currentText(),
            "note": self.note.toPlainText().strip(),
        }
        if self._commands is not None and self._existing is not None:
            self._commands.edit(self._existing.id, self.due_at(), fields)
        elif self._existing is not None:
            self._followups.update(self._existing.id, self.due_at(), **fields)
        elif self._commands is not None:
            fields["interaction_id"] = self._interaction_id
            self.created_id = self._commands.create(contact_id, self.due_at(), fields)
        else:
            self.created_id = self._followups.create(
                contact_id, self.due_at(), interaction_id=self._interaction_id, **fields
            )
        super().accept()


def ask_follow_up(
    parent: QWidget | None,
    services: Services,
    contact_id: int | None,
    *,
    reason: str = "check-in",
    interaction_id: int | None = None,
    commands: FollowUpCommands | None = None,
) -> int | None:
    """Ask for a follow-up with a contact (Ctrl+Shift+F, or after logging an interaction:
    reason "after meeting" and the interaction's id), undoable with `commands`; the new
    follow-up's id, or None."""
    dialog = FollowUpDialog(
        services.followups,
        contact_id,
        parent=parent,
        reason=reason,
        interaction_id=interaction_id,
        commands=commands,
    )
    dialog.exec()
    return dialog.created_id


def pick_moment(parent: QWidget | None, initial: datetime) -> datetime | None:
    """Ask for a date and time; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(dialog.tr("Snooze until"))
    edit = QDateTimeEdit(qdatetime(initial))
    edit.setCalendarPopup(True)
    use_locale_format(edit)
    layout = QVBoxLayout(dialog)
    layout.addWidget(edit)
    layout.addWidget(ok_cancel(dialog))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return py_datetime(edit.dateTime()).replace(second=0, microsecond=0)


def snooze_menu(
    parent: QWidget, now: Callable[[], datetime], snooze: Callable[[datetime], None]
) -> QMenu:
    """The snooze choices (presets, then "Pick…"); choosing one calls `snooze(until)`."""
    menu = QMenu(parent.tr("Snooze"), parent)
    for preset in SNOOZE_PRESETS:
        action = menu.addAction(parent.tr(preset.capitalize()))
        action.triggered.connect(lambda _=False, p=preset: snooze(snooze_until(p, now())))
    menu.addSeparator()
    pick = menu.addAction(parent.tr("Pick a date and time…"))

    def _pick() -> None:
        chosen = pick_moment(parent, snooze_until("tomorrow morning", now()))
        if chosen is not None:
            snooze(chosen)

    pick.triggered.connect(_pick)
    return menu
