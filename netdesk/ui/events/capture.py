"""Quick capture, "Who did I meet?": keyboard-only entry of the people met at an event.

Type a name (matching contacts pop up; arrows and Enter pick one), Tab to the organisation and a
line of notes, Enter: the person is captured and the fields clear for the next. Each capture is a
change of the Events view's undo stack: Ctrl+Z (or Undo last) in the dialog takes the last one
back, Ctrl+Shift+Z / Ctrl+Y captures it again, and Edit → Undo names it after the dialog closed;
Esc closes.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.event_capture import CaptureResult
from netdesk.core.events import EventService
from netdesk.ui.dates import day_label
from netdesk.ui.events.contact_completer import ContactCompleter
from netdesk.ui.icons import icon
from netdesk.ui.plain import plain_label
from netdesk.ui.plural import counted
from netdesk.ui.style import style_label
from netdesk.ui.undo import REDO_KEYS, Command


class CaptureDialog(QDialog):
    """Captures people met at one event, one after the other."""

    def __init__(
        self,
        events: EventService,
        event_id: int,
        stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.events = events
        self.event_id = event_id
        self.stack = stack if stack is not None else QUndoStack()  # alone: its own (for tests)
        self.results: list[CaptureResult] = []
        self._captures: list[QUndoCommand] = []  # this dialog's, which Undo last may take back
        event = events.get(event_id)
        assert event is not None  # captured from its open panel
        name = event.name
        self.setWindowTitle(f"Who did I meet at {name}?")
        self.resize(560, 460)

        self.name = QLineEdit()
        self.name.setPlaceholderText("Name")
        self.completer = ContactCompleter(
            self.name, lambda text: events.people.matches(text, event_id)
        )
        self.completer.picked.connect(self._picked)
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText("Organisation")
        self.note = QLineEdit()
        self.note.setPlaceholderText("What you talked about")
        self.days = QSpinBox()
        self.days.setRange(0, 60)
        self.days.setValue(2)
        self.days.setPrefix("in ")
        self.days.setSuffix(" days")
        self.match = plain_label()
        style_label(self.match, "hint")
        self.captured = QListWidget()
        self.captured.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        side = self.captured.fontMetrics().height()  # each row's mark as tall as its text
        self.captured.setIconSize(QSize(side, side))
        self.count = plain_label()
        style_label(self.count, "hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self.undo_button = buttons.addButton("Undo last", QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.setToolTip("Take back the last person captured (Ctrl+Z)")
        self.undo_button.setAutoDefault(False)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last)
        QShortcut(QKeySequence("Ctrl+Z"), self, self.undo_last)
        for key in REDO_KEYS:
            QShortcut(QKeySequence(key), self, self.redo_next)

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("", self.match)
        form.addRow("Organisation", self.organisation)
        form.addRow("Note", self.note)
        form.addRow("Follow up", self.days)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label("Type, Tab between fields, Enter to save and start the next person.")
        )
        layout.addLayout(form)
        layout.addWidget(self.captured, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)

        for edit in (self.name, self.organisation, self.note):
            edit.returnPressed.connect(self.save_current)
            edit.installEventFilter(self)
        self.days.installEventFilter(self)  # Enter in "Follow up" saves too, as the hint says
        self.name.textEdited.connect(self._show_match)
        self.organisation.textEdited.connect(self._show_match)
        self._show_match()
        self.name.setFocus()

    def save_current(self) -> None:
        """Capture the typed person and clear the fields for the next."""
        if self.sender() is self.name and self.completer.picking():
            return
        name = self.name.text().strip()
        if not name:
            self.name.setFocus()
            return
        organisation, note, days = self.organisation.text(), self.note.text(), self.days.value()
        chosen = self.completer.chosen_id

        def capture() -> CaptureResult:
            result = self.events.capture(
                self.event_id, name, organisation, note, days, contact_id=chosen
            )
            self.results.append(result)
            self._list(result, days)
            return result

        command = Command(f"Capture {name}", capture, self._uncaptured)
        self._captures.append(command)
        self.stack.push(command)
        self._show_count()
        for edit in (self.name, self.organisation, self.note):
            edit.setText("")  # unlike clear(), forgets the field's own undo, so Ctrl+Z is ours
        self.completer.reset()
        self._show_match()
        self.name.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z in a field with nothing of its own to undo takes back the last capture (redo
        keys with nothing to redo capture it again); Enter in the follow-up days saves."""
        if not (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)):
            return super().eventFilter(watched, event)
        if watched is self.days and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.days.interpretText()
            self.save_current()
            return True
        if isinstance(watched, QLineEdit):
            keys = QKeySequence(event.keyCombination()).toString()
            if keys == "Ctrl+Z" and not watched.isUndoAvailable():
                self.undo_last()
                return True
            if keys in REDO_KEYS and not watched.isRedoAvailable():
                self.redo_next()
                return True
        return super().eventFilter(watched, event)

    def undo_last(self) -> None:
        """Take back the last capture (a typo, the wrong person picked), when it is the last
        change of the stack."""
        if self._next(self.stack.index() - 1):
            self.stack.undo()
            self._show_count()
        self.name.setFocus()

    def redo_next(self) -> None:
        """Capture again the person taken back last."""
        if self._next(self.stack.index()):
            self.stack.redo()
            self._show_count()
        self.name.setFocus()

    def _next(self, index: int) -> bool:
        """Whether the stack's command at `index` is one of this dialog's captures."""
        command = self.stack.command(index) if 0 <= index < self.stack.count() else None
        return command is not None and any(command is mine for mine in self._captures)

    def _uncaptured(self, result: CaptureResult) -> None:
        self.events.undo_capture(result)
        row = len(self.results) - 1 - self.results.index(result)  # the newest is listed first
        self.results.remove(result)
        self.captured.takeItem(row)

    def _show_count(self) -> None:
        people = len(self.results)
        self.count.setText(counted("CaptureDialog", "%Ln (person|people) captured", people))
        self.undo_button.setEnabled(self._next(self.stack.index() - 1))

    def _list(self, result: CaptureResult, days: int) -> None:
        today = self.events.followups.clock.today()
        due = today + timedelta(days=days)
        how = "new contact" if result.created else "existing contact"
        who = f"{result.name} ({result.organisation})" if result.organisation else result.name
        row = QListWidgetItem(f"{who} — {how}, follow up {day_label(due, today)}")
        row.setIcon(icon("check"))  # a "✓" before a Korean name took the name's font: "√"
        self.captured.insertItem(0, row)

    def _picked(self, contact_id: int, name: str, organisation: str) -> None:
        """A contact was chosen from the popup: fill in the organisation too."""
        self.organisation.setText(organisation)
        self.match.setText(
            f"Existing contact: {name}" + (f" — {organisation}" if organisation else "")
        )

    def _show_match(self) -> None:
        name = self.name.text().strip()
        if self.completer.chosen_id is not None:
            return
        if not name:
            self.match.setText("Matching contacts appear as you type.")
            return
        found = self.events.people.find(self.event_id, name, self.organisation.text().strip())
        if found is not None:
            self.match.setText(f"Existing contact: {self.events.followups.contact_name(found)}")
        elif self.completer.choices.rowCount():
            self.match.setText("New contact — or pick a matching one with ↓ and Enter")
        else:
            self.match.setText("New contact")
