"""The prep brief: goals with a target, the checklist (in view at 1024×768), people to meet, the
pitch, conversation starters.

Goals, pitch, starters and checklist belong to the event's draft (saved with the event); the
people list writes at once (see `PeopleTable`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.event_draft import CHECKLIST, EventDraft
from netdesk.core.event_people import EventPeople
from netdesk.core.own_profiles import Freshness, OwnProfileService
from netdesk.core.pitches import DeletedPitch, PitchRow, PitchService, length_label
from netdesk.ui.events.event_read import EventRead
from netdesk.ui.events.forms import section_title
from netdesk.ui.events.people_table import PeopleTable
from netdesk.ui.form_scroll import FormScroll
from netdesk.ui.plain import ElidedComboBox, ElidedLabel, plain_label
from netdesk.ui.plural import counted
from netdesk.ui.read_only import reading
from netdesk.ui.style import style_label
from netdesk.ui.undo import created

OWN_PITCH = "Write my own"


def _text_box(placeholder: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class PrepBrief(FormScroll):
    """Everything to prepare before the event; emits `edited` when a draft field changes."""

    edited = Signal()
    me_requested = Signal()  # show the Me page (your profiles and pitches)

    def __init__(
        self,
        people: EventPeople,
        pitches: PitchService,
        profiles: OwnProfileService | None = None,
        parent: QWidget | None = None,
        *,
        stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.pitches = pitches
        self.profiles = profiles
        self.stack = stack
        self.event_id: int | None = None
        self._loading = False
        self.goals = _text_box("What do you want from this event?", 54)
        self.goals.setMaximumHeight(60)  # three lines: the pitch stays in view at 1024x768
        self.target = QSpinBox()
        self.target.setRange(0, 999)
        self.target.setSpecialValueText("No target")
        self.target.setSuffix(" people")
        self.people = PeopleTable(people, stack)
        self.pitch_choice = ElidedComboBox(12)
        self.pitch_choice.activated.connect(self._pitch_chosen)
        self.save_pitch = QPushButton("Save to library…")
        self.save_pitch.clicked.connect(self._ask_pitch_title)
        self.pitch_text = _text_box("Who you are, what you do, what you are looking for.", 110)
        self.pitch_length = ElidedLabel()  # its text comes later: it must not widen the brief
        style_label(self.pitch_length, "hint")
        self.starters = _text_box("One per line: questions and topics to open with.", 110)
        self.checks = {key: QCheckBox(title) for key, title in CHECKLIST.items()}
        self.progress = plain_label()
        style_label(self.progress, "hint")
        self.profile_state = style_label(plain_label(), "hint")
        self.profile_state.setWordWrap(True)
        self.open_me = QPushButton("Me page…")
        self.open_me.setToolTip("Your profiles, their checklists and your pitch library")
        self.open_me.clicked.connect(self.me_requested.emit)
        reading(self.open_me)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(section_title("Goals"))
        goal_row = QHBoxLayout()
        goal_row.addWidget(self.goals, 1)
        target_box = QVBoxLayout()
        target_box.addWidget(plain_label("Meet at least"))
        target_box.addWidget(self.target)
        target_box.addStretch(1)
        goal_row.addLayout(target_box)
        layout.addLayout(goal_row)
        layout.addWidget(section_title("Checklist"))
        checks = QGridLayout()
        for index, box in enumerate(self.checks.values()):
            checks.addWidget(box, index // 2, index % 2)
            box.toggled.connect(self._changed)
        checks.addWidget(self.progress, 2, 1, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(checks)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile_state, 1)
        profile_row.addWidget(self.open_me)
        layout.addLayout(profile_row)
        layout.addWidget(section_title("People to meet"))
        layout.addWidget(self.people, 1)
        grid = QGridLayout()
        pitch_title = QHBoxLayout()
        pitch_title.addWidget(section_title("Elevator pitch"), 1)
        pitch_title.addWidget(self.save_pitch)
        grid.addLayout(pitch_title, 0, 0)
        grid.addWidget(self.pitch_choice, 1, 0)
        grid.addWidget(self.pitch_text, 2, 0)
        grid.addWidget(self.pitch_length, 3, 0)
        grid.addWidget(section_title("Conversation starters"), 0, 1)
        grid.addWidget(self.starters, 1, 1, 3, 1)
        grid.setColumnStretch(0, 3)  # the pitch's name and text get the larger share
        grid.setColumnStretch(1, 2)
        layout.addLayout(grid)
        self.setWidget(body)

        self.goals.textChanged.connect(self._changed)
        self.target.valueChanged.connect(self._changed)
        self.pitch_text.textChanged.connect(self._pitch_edited)
        self.starters.textChanged.connect(self._changed)

    def fill(self, read: EventRead, draft: EventDraft) -> None:
        """Show the prep of `draft`, with the people, pitches and profiles of `read`."""
        self._loading = True
        self.event_id = read.event_id
        self.goals.setPlainText(draft.goals)
        self.target.setValue(draft.goal_target or 0)
        self._show_pitches(read.pitches, draft.pitch_id)
        self.pitch_text.setPlainText(draft.pitch_text)
        self.pitch_length.setText(length_label(draft.pitch_text))
        self.starters.setPlainText(draft.conversation_starters)
        for key, box in self.checks.items():
            box.setChecked(draft.checklist.get(key, False))
        self.show_profiles(read.freshness)
        self._show_progress()
        self.people.fill(read.event_id, read.people)
        self._loading = False

    def apply(self, draft: EventDraft) -> None:
        """Write the edited prep fields into `draft`."""
        draft.goals = self.goals.toPlainText()
        draft.goal_target = self.target.value() or None
        draft.pitch_id = self.pitch_choice.currentData()
        draft.pitch_text = self.pitch_text.toPlainText()
        draft.conversation_starters = self.starters.toPlainText()
        draft.checklist = {key: box.isChecked() for key, box in self.checks.items()}

    def show_profiles(self, freshness: Freshness | None) -> None:
        """ "Profile up to date" follows the Me page when you keep profiles there (ticked when
        all are fresh, and the hint names the stale ones); else it is ticked by hand. `freshness`
        is None without a profile service."""
        box = self.checks["profile"]
        if freshness is None:
            self.profile_state.hide()
            self.open_me.hide()
            return
        if freshness.fresh is not None:
            box.setChecked(freshness.fresh)
        box.setEnabled(freshness.fresh is None)
        box.setToolTip(freshness.words())
        follows = '"Profile up to date" follows the Me page. ' if freshness.profiles else ""
        self.profile_state.setText(follows + freshness.words())

    def reload_pitches(self, selected: int | None = None) -> None:
        self._show_pitches(self.pitches.list(), selected)

    def _show_pitches(self, pitches: list[PitchRow], selected: int | None) -> None:
        self.pitch_choice.clear()
        self.pitch_choice.addItem(OWN_PITCH, None)
        for pitch in pitches:
            words = counted("PrepPanel", "%Ln word(s)", pitch.words)
            self.pitch_choice.addItem(f"{pitch.title} ({words})", pitch.id)
        self.pitch_choice.setCurrentIndex(max(self.pitch_choice.findData(selected), 0))

    def save_pitch_as(self, title: str) -> int:
        """Put the pitch text in the library under `title` and choose it, as a change of the
        view's stack: undo takes it out of the library (the text stays in the brief), redo puts
        the same pitch back, chosen again if the brief still shows the same event."""
        text, event_id = self.pitch_text.toPlainText(), self.event_id

        def put_back(deleted: DeletedPitch | None) -> int:
            made = self.pitches.restore(deleted) if deleted else self.pitches.create(title, text)
            return self._choose(made, event_id)

        command = created(
            f"Save pitch “{title.strip()}” to library",
            lambda: self._choose(self.pitches.create(title, text), event_id),
            self._unsave_pitch,
            put_back,
        )
        if self.stack is None:
            command.redo()
        else:
            self.stack.push(command)
        return int(command.record)

    def _choose(self, pitch_id: int, event_id: int | None) -> int:
        """List the pitches again, choosing `pitch_id` if the brief shows `event_id`."""
        if event_id != self.event_id:
            self.reload_pitches(self.pitch_choice.currentData())
            return pitch_id
        self.reload_pitches(pitch_id)
        self._changed()
        return pitch_id

    def _unsave_pitch(self, pitch_id: int) -> DeletedPitch | None:
        chosen = self.pitch_choice.currentData()
        deleted = self.pitches.delete(pitch_id)
        self.reload_pitches(chosen)
        if chosen == pitch_id:  # "Write my own" now, with the same text
            self._changed()
        return deleted

    def _ask_pitch_title(self) -> None:
        title, ok = QInputDialog.getText(self, "Save pitch", "Title of this pitch:")
        if ok and title.strip():
            self.save_pitch_as(title)

    def _pitch_chosen(self) -> None:
        pitch = self.pitches.get(self.pitch_choice.currentData() or 0)
        if pitch is not None:
            self.pitch_text.setPlainText(pitch.text)
        self._changed()

    def _pitch_edited(self) -> None:
        self.pitch_length.setText(length_label(self.pitch_text.toPlainText()))
        self._changed()

    def _show_progress(self) -> None:
        done = sum(box.isChecked() for box in self.checks.values())
        self.progress.setText(f"{done} of {len(self.checks)} done")

    def _changed(self) -> None:
        self._show_progress()
        if not self._loading:
            self.edited.emit()
