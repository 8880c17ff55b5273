"""The Me page: your own profiles (a card per service, its checklist and refresh months) and your
elevator pitches, in two tabs.

Every change is undoable (Ctrl+Z); Alt+P and Alt+E switch tabs, Ctrl+N starts a pitch, Ctrl+S
saves it. With no profile kept yet, the page says what to add, with an example link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.own_profiles import DEFAULT_MONTHS, EXAMPLES, SERVICES, OwnProfileRow
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.me.card import ProfileCard
from netdesk.ui.me.pitch_library import PitchLibrary
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label
from netdesk.ui.undo import Command, undo_actions, undo_stack
from netdesk.ui.view_actions import ViewActions

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from netdesk.core.services import Services
    from netdesk.ui.main_window import MainWindow

CARD_MIN_WIDTH = 380
HOW = (
    "A tick stays fresh for the months you set. When one runs out, the profile shows on Today "
    'and in your reminders, and events\' "Profile up to date" waits until it is fresh again.'
)
INTRO = "Your own profiles, kept fresh, and the pitches you introduce yourself with."
EMPTY = (
    f"Add your LinkedIn to start: paste its link below, e.g. {EXAMPLES['linkedin']}. Each "
    "profile gets a short checklist (photo, headline, about, recent activity) that you tick "
    f"when you have looked at it; after {DEFAULT_MONTHS} months NetDesk reminds you to look "
    "again, on Today and in your reminders."
)


class MeView(QWidget):
    """Your profiles and your pitches."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profiles = services.profiles
        self.clock = services.clock
        self.undo_stack = undo_stack(self)
        actions = ViewActions(self)
        self.undo_action, self.redo_action = undo_actions(actions, self.undo_stack)
        self.message = style_label(plain_label(), "hint")
        self.message.setWordWrap(True)

        self.empty = style_label(plain_label(EMPTY), "hint")
        self.empty.setWordWrap(True)
        self.how = style_label(plain_label(HOW), "hint")
        self.how.setWordWrap(True)
        self.cards = {service: ProfileCard(service) for service in SERVICES}
        for card in self.cards.values():
            card.changed.connect(self.change_profile)
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(16)
        self.columns = 0
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(16, 12, 16, 12)
        page_layout.addWidget(self.empty)
        page_layout.addLayout(self.card_grid)
        page_layout.addWidget(self.how)
        page_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(page)
        self._lay_out(1)

        self.pitches = PitchLibrary(services.events.pitches, self.undo_stack, self.message.setText)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.scroll_area, "&Profiles")
        self.tabs.addTab(self.pitches, "&Elevator pitches")

        heading = style_label(plain_label("Me"), "editorHeading")
        intro = plain_label(
            "Your own profiles, kept fresh, and the pitches you introduce yourself with."
        )
        style_label(intro, "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.new_pitch_action = actions.add("New pitch", "Ctrl+N", self._new_pitch)
        self.save_pitch_action = actions.add("Save pitch", "Ctrl+S", self.pitches.save)
        actions.add("Delete pitch", "Delete", self.pitches.delete_current, widget=self.pitches.list)
        self._signals = ChangeSignals(services.changes, self)
        self._signals.changed.connect(self._on_change)
        self.refresh()

    def install_actions(self, window: MainWindow) -> None:
        """Edit → Undo/Redo of the Me page."""
        window.add_undo_actions(self.undo_action, self.redo_action)

    def refresh(self) -> None:
        """Show the stored profiles (the pitch library reloads on its own topic)."""
        today = self.clock.today()
        stored = {row.service: row for row in self.profiles.list()}
        for service, card in self.cards.items():
            card.show_row(stored.get(service), today)
        self.empty.setVisible(not stored)
        self.how.setVisible(bool(stored))

    def show_pitches(self) -> None:
        self.tabs.setCurrentWidget(self.pitches)

    def change_profile(self, service: str, row: OwnProfileRow | None, what: str) -> None:
        """Store a card's edit as an undoable change."""
        self.undo_stack.push(
            Command(
                what,
                lambda: self.profiles.put(service, row),
                lambda before: self.profiles.put(service, before),
            )
        )
        if row is None:
            self.message.setText(f"{what}: done (Ctrl+Z undoes).")

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        self._lay_out(max(1, min(3, (width - 48) // (CARD_MIN_WIDTH + 16))))
        super().resizeEvent(event)

    def _lay_out(self, columns: int) -> None:
        if columns == self.columns:
            return
        for card in self.cards.values():
            self.card_grid.removeWidget(card)
        for index, card in enumerate(self.cards.values()):
            self.card_grid.addWidget(card, index // columns, index % columns)
        for column in range(3):
            self.card_grid.setColumnStretch(column, 1 if column < columns else 0)
        self.columns = columns

    def _new_pitch(self) -> None:
        self.show_pitches()
        self.pitches.new_pitch()

    def _on_change(self, topic: str, _ids: object) -> None:
        if topic == "profiles":
            self.refresh()
        elif topic == "events":
            self.pitches.reload()
