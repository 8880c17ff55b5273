"""The event editor: name, kind, status, start and end with time zone, place, link, notes.

It edits the event fields of an `EventDraft`; the panel that owns it stores the draft.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from netdesk.core.event_draft import EventDraft
from netdesk.core.event_times import zone_names
from netdesk.core.vocabulary import EVENT_KINDS, EVENT_STATUSES
from netdesk.ui.events.forms import datetime_edit, from_qt, to_qt

LOCAL_ZONE = "Local time"
_LINES = ("name", "place", "online_link", "organiser", "url", "cost")


def _value_box(values: tuple[str, ...]) -> QComboBox:
    box = QComboBox()
    for value in values:
        box.addItem(value.capitalize(), value)
    return box


def _choose(box: QComboBox, known: tuple[str, ...], value: str) -> None:
    """Select `value`; one NetDesk does not name (an imported file's "going") is shown as it
    is, as the list shows it (Save then asks for one it names)."""
    while box.count() > len(known):
        box.removeItem(len(known))
    if value not in known:
        box.addItem(value.capitalize(), value)
    box.setCurrentIndex(box.findData(value))


class EventEditor(QWidget):
    """The event's own fields; emits `edited` on every change the user makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. PyCon DE 2026")
        self.kind = _value_box(EVENT_KINDS)
        self.status = _value_box(EVENT_STATUSES)
        self.starts = datetime_edit()
        self.ends = datetime_edit()
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems([LOCAL_ZONE, *zone_names()])
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.zone.model(), self.zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone.setCompleter(completer)
        self.place = QLineEdit()
        self.place.setPlaceholderText("Venue and city")
        self.online_link = QLineEdit()
        self.online_link.setPlaceholderText("https://… for online events")
        self.organiser = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.cost = QLineEdit()
        self.cost.setPlaceholderText("e.g. €450, free")
        self.reminder = QSpinBox()
        self.reminder.setRange(0, 60)
        self.reminder.setSpecialValueText("No prep reminder")
        self.reminder.setPrefix("Remind me to prepare ")
        self.reminder.setSuffix(" days before")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)

        form = QFormLayout(self)  # the default margins, as the Prep brief and Review tabs
        for label, widget in (
            ("Name", self.name),
            ("Kind", self.kind),
            ("Status", self.status),
            ("Starts", self.starts),
            ("Ends", self.ends),
            ("Time zone", self.zone),
            ("Place", self.place),
            ("Online link", self.online_link),
            ("Organiser", self.organiser),
            ("Web page", self.url),
            ("Cost", self.cost),
            ("Reminder", self.reminder),
            ("Notes", self.notes),
        ):
            form.addRow(label, widget)
        for line in (getattr(self, n) for n in _LINES):
            line.textEdited.connect(self.edited)
        for box in (self.kind, self.status):
            box.activated.connect(self.edited)
        self.zone.currentTextChanged.connect(self._user_edit)
        self.starts.dateTimeChanged.connect(self._start_moved)
        self.ends.dateTimeChanged.connect(self._user_edit)
        self.notes.textChanged.connect(self._user_edit)
        self.reminder.valueChanged.connect(self._user_edit)
        self._loading = False

    def fill(self, draft: EventDraft) -> None:
        """Show `draft`'s event fields."""
        self._loading = True
        for name in _LINES:
            line = getattr(self, name)
            line.setText(getattr(draft, name))
            line.setCursorPosition(0)  # a long name or place shows its start
        _choose(self.kind, EVENT_KINDS, draft.kind)
        _choose(self.status, EVENT_STATUSES, draft.status)
        self.starts.setDateTime(to_qt(draft.starts_at))
        self.ends.setDateTime(to_qt(draft.ends_at or draft.starts_at + timedelta(hours=2)))
        self.zone.setCurrentText(draft.timezone or LOCAL_ZONE)
        self.notes.setPlainText(draft.notes)
        self.reminder.setValue(draft.prep_reminder_days)
        self._loading = False

    def apply(self, draft: EventDraft) -> None:
        """Write the edited fields into `draft` (an end at or before the start means none)."""
        for name in _LINES:
            setattr(draft, name, getattr(self, name).text().strip())
        draft.kind = self.kind.currentData()
        draft.status = self.status.currentData()
        draft.starts_at = from_qt(self.starts)
        end = from_qt(self.ends)
        draft.ends_at = end if end > draft.starts_at else None
        zone = self.zone.currentText().strip()
        draft.timezone = "" if zone in ("", LOCAL_ZONE) else zone
        draft.notes = self.notes.toPlainText()
        draft.prep_reminder_days = self.reminder.value()

    def _start_moved(self) -> None:
        """Keep the end after the start when the start moves past it."""
        if not self._loading and self.ends.dateTime() <= self.starts.dateTime():
            self.ends.setDateTime(self.starts.dateTime().addSecs(2 * 3600))
        self._user_edit()

    def _user_edit(self) -> None:
        if not self._loading:
            self.edited.emit()
