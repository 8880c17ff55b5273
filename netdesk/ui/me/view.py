"""The Me page: your own profiles (a card per service, its checklist and refresh months) and your
elevator pitches, in two tabs; a window tall enough for both shows the pitches below the cards.

Every change is undoable (Ctrl+Z); Alt+P and Alt+L switch tabs, Ctrl+N starts a pitch, Ctrl+S
saves it. With no profile kept yet, the page says what to add, with an example link.
"""

from __future__ import annotations

from functools import cached_property
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
from netdesk.ui.views import made

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent, QShowEvent

    from netdesk.core.services import Services
    from netdesk.ui.main_window import MainWindow

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"
CARD_MIN_WIDTH = 380
PITCHES_MIN_HEIGHT = 300
"""The least height of the pitch library below the cards (else it has its tab)."""
PROFILES_TITLE, PITCHES_TITLE = "&Profiles", "E&levator pitches"
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
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(16)
        self.columns = 0
        self.page = page = QWidget()
        self.page_layout = page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(16, 12, 16, 12)
        page_layout.addWidget(self.empty)
        page_layout.addLayout(self.card_grid)
        page_layout.addWidget(self.how)
        page_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(page)

        self.pitches = PitchLibrary(services.events.pitches, self.undo_stack, self.message.setText)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.scroll_area, PROFILES_TITLE)
        self.tabs.addTab(self.pitches, PITCHES_TITLE)
        self.both = QWidget()  # the cards above the pitches, in a tall window
        self.both_layout = QVBoxLayout(self.both)
        self.both_layout.setContentsMargins(0, 0, 0, 0)
        self.pitches_title = style_label(plain_label(PITCHES_TITLE), "sectionTitle")
        self.pitches_title.setBuddy(self.pitches.list)  # Alt+L, as on the tab
        self.both_layout.addWidget(self.pitches_title)
        self.both.hide()
        self._tab_margins = self.pitches.body.contentsMargins()  # in its tab: the style's

        self.heading = style_label(plain_label("Me"), "editorHeading")
        self.intro = style_label(plain_label(INTRO), "hint")
        self.view_layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.both, 1)
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

    made_later = ("cards",)
    """Made when first used or shown, or by start-up in a step after the view's
    (`ui/startup.py`): the six cards were most of the view (28-46 ms of its 37-61 at start-up)."""

    @cached_property
    def cards(self) -> dict[str, ProfileCard]:
        """A card per profile, in the page's grid, showing what is stored."""
        cards = {service: ProfileCard(service) for service in SERVICES}
        for card in cards.values():
            card.changed.connect(self.change_profile)
        self._fill(cards)
        self._place(cards, self.columns or 1)
        return cards

    def refresh(self) -> None:
        """Show the stored profiles (the pitch library reloads on its own topic)."""
        cards = made(self, "cards")
        stored = self._fill(cards if isinstance(cards, dict) else {})
        self.empty.setVisible(not stored)
        self.how.setVisible(stored)
        if self.isVisible():  # else when shown (start-up makes the page hidden)
            self._place_pitches(self.height())  # the cards' height changed with the hint above

    def show_pitches(self) -> None:
        if self.tabs.indexOf(self.pitches) >= 0:  # else they show below the cards
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

    def showEvent(self, event: QShowEvent) -> None:
        self._lay_out(self.columns or 1)  # the cards made now if they were not
        self._place_pitches(self.height())
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        self._lay_out(max(1, min(3, (width - 48) // (CARD_MIN_WIDTH + 16))))
        self._place_pitches(event.size().height())
        super().resizeEvent(event)

    def _place_pitches(self, height: int) -> None:
        """The pitches below the cards when the window has room for both (at 1920x1080 two
        thirds of the Profiles tab lay empty below them), else in their tab."""
        layout = self.view_layout
        spacing = layout.spacing()
        above = layout.contentsMargins().top() + self.heading.sizeHint().height() + spacing
        above += self.intro.sizeHint().height() + spacing
        self.page_layout.activate()  # the cards just laid out in their columns
        cards = self.page.sizeHint().height()
        together = height - above - cards - spacing >= PITCHES_MIN_HEIGHT
        self.scroll_area.setMinimumHeight(cards if together else 0)  # all the cards, no more
        self.scroll_area.setMaximumHeight(cards if together else QWIDGETSIZE_MAX)
        if together == self.both.isVisibleTo(self):
            return
        if together:  # its title and list in line with the cards above (the page's margin)
            self.tabs.clear()
            self.both_layout.insertWidget(0, self.scroll_area)
            self.both_layout.addWidget(self.pitches, 1)
            side = self.page_layout.contentsMargins().left()
            self.pitches_title.setContentsMargins(side, 0, 0, 0)
            self.pitches.body.setContentsMargins(side, 0, side, 0)
        else:
            self.tabs.addTab(self.scroll_area, PROFILES_TITLE)
            self.tabs.addTab(self.pitches, PITCHES_TITLE)
            self.pitches.body.setContentsMargins(self._tab_margins)
        self.tabs.setVisible(not together)
        self.both.setVisible(together)
        self.scroll_area.show()
        self.pitches.setVisible(together)  # in the tabs: until its tab is chosen

    def _fill(self, cards: dict[str, ProfileCard]) -> bool:
        """Show the stored profiles on `cards`; whether any is stored."""
        today = self.clock.today()
        stored = {row.service: row for row in self.profiles.list()}
        for service, card in cards.items():
            card.show_row(stored.get(service), today)
        return bool(stored)

    def _lay_out(self, columns: int) -> None:
        if columns != self.columns:
            self._place(self.cards, columns)

    def _place(self, cards: dict[str, ProfileCard], columns: int) -> None:
        for card in cards.values():
            self.card_grid.removeWidget(card)
        for index, card in enumerate(cards.values()):
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
