"""The pitch library on the Me page: your elevator pitches with their length in words and spoken
time; the prep brief of an event picks from the same library.

New, Save and Delete are undoable (the view's Ctrl+Z); an edited pitch is saved before another
is shown, so switching never loses what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.pitches import DeletedPitch, PitchRow, PitchService, length_label
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label
from netdesk.ui.undo import Command

_ID = Qt.ItemDataRole.UserRole + 1
EMPTY = (
    "No pitches yet. New pitch (Ctrl+N) starts one: who you are, what you do and what you are "
    "looking for, in about 30 seconds (60 to 80 words). Events' prep briefs pick from here."
)


class _NewPitch(QUndoCommand):
    """Adds a pitch; undo deletes it, redo puts the same one back (same id)."""

    def __init__(self, pitches: PitchService, title: str) -> None:
        super().__init__(f"New pitch “{title}”")
        self.pitches = pitches
        self.title = title
        self.pitch_id = 0
        self.deleted: DeletedPitch | None = None

    def redo(self) -> None:
        if self.deleted is None:
            self.pitch_id = self.pitches.create(self.title)
        else:
            self.pitches.restore(self.deleted)

    def undo(self) -> None:
        self.deleted = self.pitches.delete(self.pitch_id)


class PitchLibrary(QWidget):
    """The list of pitches beside the selected one's title, audience and text."""

    def __init__(
        self,
        pitches: PitchService,
        undo_stack: QUndoStack,
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pitches = pitches
        self.undo_stack = undo_stack
        self.say = say
        self.shown: PitchRow | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Pitches")
        self.list.currentItemChanged.connect(lambda *_: self._current_changed())
        self.new_button = QPushButton("New pitch")
        self.new_button.setToolTip("Start a new pitch (Ctrl+N)")
        self.new_button.clicked.connect(self.new_pitch)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete the selected pitch (Delete; Ctrl+Z undoes)")
        self.delete_button.clicked.connect(self.delete_current)
        self.empty = style_label(plain_label(EMPTY), "hint")
        self.empty.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setPlaceholderText("e.g. Meetup introduction")
        self.audience = QLineEdit()
        self.audience.setPlaceholderText("e.g. recruiters, people new to the meetup")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Who you are, what you do, what you are looking for.")
        self.text.setTabChangesFocus(True)
        self.length = style_label(plain_label(), "hint")
        self.save_button = QPushButton("Save")
        self.save_button.setToolTip("Save this pitch (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        for edit in (self.title, self.audience):
            edit.textEdited.connect(self._edited)
        self.text.textChanged.connect(self._edited)

        side = QWidget()  # at most 420 px: a wider window widens the pitch, leaves no gap
        side.setMaximumWidth(420)
        left = QVBoxLayout(side)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Title", self.title)
        form.addRow("F&or", self.audience)
        form.addRow("P&itch", self.text)
        foot = QHBoxLayout()
        foot.addWidget(self.length, 1)
        foot.addWidget(self.save_button)
        form.addRow(foot)
        right = QVBoxLayout()
        right.addWidget(self.empty)
        right.addWidget(self.form, 1)
        self.body = layout = QHBoxLayout(self)  # its margins: the Me page's, or its tab's
        layout.addWidget(side, 1)
        layout.addLayout(right, 2)
        self.reload()

    @property
    def dirty(self) -> bool:
        return self.save_button.isEnabled()

    def reload(self, selected: int | None = None) -> None:
        """List the pitches again, keeping the selected one (or choosing `selected`)."""
        if selected is None and self.shown is not None:
            selected = self.shown.id
        self.list.blockSignals(True)
        self.list.clear()
        for pitch in self.pitches.list():
            item = QListWidgetItem(f"{pitch.title} ({pitch.words} words)")
            item.setData(_ID, pitch.id)
            self.list.addItem(item)
            if pitch.id == selected:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self.empty.setVisible(self.list.count() == 0)
        self.delete_button.setEnabled(self.list.count() > 0)
        if not self.dirty or self.shown is None or self.current_id() != self.shown.id:
            self._fill(self.pitches.get(self.current_id() or 0))

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(_ID) if item is not None else None

    def new_pitch(self) -> None:
        if not self.save():
            return
        command = _NewPitch(self.pitches, "Untitled pitch")
        self.undo_stack.push(command)
        self.reload(command.pitch_id)
        self.title.setFocus()
        self.title.selectAll()

    def save(self) -> bool:
        """Store the edited pitch (undoable); False, with the reason said, when it cannot be."""
        if self.shown is None or not self.dirty:
            return True
        title = self.title.text().strip()
        if not title:
            self.say("A pitch needs a title: your text is still here.")
            return False
        new = PitchRow(self.shown.id, title, self.audience.text(), self.text.toPlainText())
        self.save_button.setEnabled(False)
        self.undo_stack.push(
            Command(f"Edit pitch “{title}”", lambda: self._replace(new), self._replace)
        )
        self.say("")
        return True

    def delete_current(self) -> None:
        pitch_id = self.current_id()
        if pitch_id is None:
            return
        self.save_button.setEnabled(False)  # what is shown goes with it, for undo to bring back
        name = self.list.currentItem().text()
        self.undo_stack.push(
            Command(
                f"Delete pitch “{name}”",
                lambda: self.pitches.delete(pitch_id),
                lambda deleted: self.pitches.restore(deleted) if deleted else None,
            )
        )
        self.say(f"Deleted the pitch {name} (Ctrl+Z brings it back).")

    def _replace(self, row: PitchRow | None) -> PitchRow | None:
        """Write `row` over its pitch; the pitch as it was."""
        if row is None:
            return None
        previous = self.pitches.get(row.id)
        self.pitches.update(row.id, row.title, row.text, row.audience)
        return previous

    def _current_changed(self) -> None:
        if self.shown is not None and self.current_id() != self.shown.id and not self.save():
            self.reload(self.shown.id)  # stay on the pitch whose title is missing
            return
        self._fill(self.pitches.get(self.current_id() or 0))

    def _fill(self, pitch: PitchRow | None) -> None:
        self.shown = pitch
        for edit in (self.title, self.audience):
            edit.blockSignals(True)
        self.text.blockSignals(True)
        self.title.setText(pitch.title if pitch else "")
        self.audience.setText(pitch.audience if pitch else "")
        self.text.setPlainText(pitch.text if pitch else "")
        for edit in (self.title, self.audience):
            edit.blockSignals(False)
        self.text.blockSignals(False)
        self.form.setEnabled(pitch is not None)
        self.length.setText(length_label(pitch.text) if pitch else "")
        self.save_button.setEnabled(False)

    def _edited(self) -> None:
        self.length.setText(length_label(self.text.toPlainText()))
        self.save_button.setEnabled(self.shown is not None)
