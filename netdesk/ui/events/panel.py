"""One event in full: the editor, the prep brief and the review in tabs, with Save.

The panel keeps the event's draft: the editor and the prep brief each write their part into it
on Save (Ctrl+S), one undoable change of the view's stack (undo puts the event back as it was
before). Switching events saves pending edits first.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.events import EventService
from netdesk.ui.events.editor import EventEditor
from netdesk.ui.events.event_read import EventRead, read_event
from netdesk.ui.events.prep import PrepBrief
from netdesk.ui.events.review import ReviewPanel
from netdesk.ui.form_scroll import FormScroll
from netdesk.ui.menu_button import MenuToolButton
from netdesk.ui.plain import ElidedLabel, plain_label
from netdesk.ui.read_only import reading
from netdesk.ui.style import style_label
from netdesk.ui.undo import Done

TABS = ("Details", "Prep brief", "Review")


class EventPanel(QWidget):
    """Edits one event; `capture_requested`, `print_requested`, `pdf_requested`, `delete_requested`
    ask the view to act."""

    capture_requested = Signal()
    print_requested = Signal()
    pdf_requested = Signal()
    delete_requested = Signal()

    def __init__(
        self,
        events: EventService,
        prep: PrepBrief,
        stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`prep`: the Prep brief tab (its view makes it a start-up step before the panel's)."""
        super().__init__(parent)
        self.events = events
        self.stack = stack
        self.event_id: int | None = None
        self.dirty = False

        self.heading = ElidedLabel()
        style_label(self.heading, "editorHeading")
        self.actions_bar = self._actions_bar()
        self.editor = EventEditor()
        self.prep = prep
        self.review = ReviewPanel()
        self.review.capture_button.clicked.connect(self.capture_requested)
        details = FormScroll(self.editor)  # the tabs are as wide as the wider form needs
        self.tabs = QTabWidget()
        for widget, title in zip((details, self.prep, self.review), TABS, strict=True):
            self.tabs.addTab(widget, title)
        self.save_button = QPushButton("Save")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.message = plain_label()
        style_label(self.message, "fieldError")

        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.editor.edited.connect(self._edited)
        self.prep.edited.connect(self._edited)

    def _actions_bar(self) -> QToolBar:
        """The event's actions in a row that folds what does not fit into a » menu."""
        bar = QToolBar()
        bar.setObjectName("eventActions")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        capture = bar.addAction("Who did I meet?…", self.capture_requested.emit)
        capture.setToolTip("Quick capture of the people you met (Ctrl+M)")
        menu = QMenu(self)
        menu.addAction("Save as PDF…", self.pdf_requested.emit)
        menu.addAction("Print…", self.print_requested.emit)
        brief = MenuToolButton("Print / Save PDF", menu)
        brief.setAutoRaise(True)  # as the bar's own buttons
        reading(brief, menu)
        bar.addWidget(brief)
        bar.addSeparator()
        bar.addAction("Delete", self.delete_requested.emit)
        for tool in bar.findChildren(QToolButton):  # toolbars leave theirs to the mouse
            tool.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return bar

    def read(self) -> Callable[[], EventRead] | None:
        """The read of the event shown, to run on a worker and give to `present`; None when
        no event is shown."""
        if self.event_id is None:
            return None
        return partial(read_event, self.events, self.prep.profiles, self.event_id)

    def show_event(self, event_id: int) -> None:
        """Load an event into every tab."""
        self.event_id = event_id
        self._show(read_event(self.events, self.prep.profiles, event_id), whole=True)

    def refresh(self) -> None:
        """Stored data changed: read the event shown again now and `present` it."""
        read = self.read()
        if read is not None:
            self.present(read())

    def present(self, read: EventRead) -> None:
        """Show a read of the event shown (one of another event is dropped): all of it when
        clean, else what cannot hold unsaved edits (the people, profiles and review)."""
        if read.event_id == self.event_id:
            self._show(read, whole=not self.dirty)

    def _show(self, read: EventRead, whole: bool) -> None:
        if read.draft is None or read.review is None:  # the event is gone
            self.event_id = None
            return
        if whole:
            self.heading.setText(read.draft.name)
            self.editor.fill(read.draft)
            self.prep.fill(read, read.draft)
            self._set_dirty(False)
            self.message.clear()
        else:
            self.prep.people.fill(read.event_id, read.people)
            self.prep.show_profiles(read.freshness)
        self.review.present(read.review)

    def save(self) -> bool:
        """Store the edits; False (with the reason shown) when they cannot be stored."""
        if self.event_id is None or not self.dirty:
            return True
        event_id = self.event_id
        before = self.events.load(event_id)
        draft = self.events.load(event_id)
        self.editor.apply(draft)
        self.prep.apply(draft)
        try:
            self._set_dirty(False)
            self.events.update(event_id, draft)
        except ValueError as error:
            self._set_dirty(True)
            self.message.setText(str(error))
            return False
        self.message.setText("")
        if self.stack is not None:
            put = partial(self.events.update, event_id)
            self.stack.push(Done(f"Edit event “{draft.name}”", before, draft, put))
        return True

    def _edited(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)
