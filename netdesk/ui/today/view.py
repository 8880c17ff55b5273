"""The Today view: a plan to work through, a page of sections under the day's figures.

The sections (`sections.py`) are laid out two to a row when the view is wide, one under another
when narrow, in a page that scrolls. Keys act on the section that has focus (arrows move, Enter
opens; each section's letters are in its tooltips); every change is undoable (Ctrl+Z).

The figures and sections are read off the GUI thread (at 100,000 contacts that takes a second,
which the window must not freeze for) and shown when read: on start, whenever data changes
anywhere — shown or not, so switching to Today shows current data at once — and when shown on a
new day. The sections below the first rows are made (and read) once the first read is shown
(`sections.later_sections`). A section read `apart` (the 12-week picture, far down the page) is
read once the figures and the other sections are shown, and shown when read: they do not wait
for it, nor share the cores with it, nor does showing them share the GIL with its read (which
doubled the stall of Done on a row of Today). A change during a load loads again when it ends;
`loaded` tells when all data is shown, `waiting_in_sight` whether what the page shows now still
waits for its read (or for the sections below the first rows, when there is room for them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPoint, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.worker_thread import on_own_connection
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.navigation import show_contact, show_event
from netdesk.ui.style import style_label
from netdesk.ui.tasks import BackgroundPool, Task
from netdesk.ui.today.figures import TodayHead
from netdesk.ui.today.grid import SectionGrid
from netdesk.ui.today.section import TodayContext, TodaySection
from netdesk.ui.today.sections import later_sections, make_sections
from netdesk.ui.undo import undo_actions, undo_stack
from netdesk.ui.view_actions import ViewActions

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent

    from netdesk.core.dashboard import TodaySummary
    from netdesk.core.services import Services
    from netdesk.ui.main_window import MainWindow

_TOPICS = ("followups", "contacts", "interactions", "events", "goals", "profiles", "employment")
_MARGIN = 24


class TodayView(QWidget):
    """The day's figures and the sections of the plan, acted on in place."""

    contact_requested = Signal(int)
    event_requested = Signal(int, str)  # the event, and the tab of it to show
    view_requested = Signal(str)  # another view, by key
    loaded = Signal()
    """Data read off the GUI thread is shown."""

    def __init__(
        self, services: Services, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.undo_stack = undo_stack(self)
        self.undo_action, self.redo_action = undo_actions(ViewActions(self), self.undo_stack)
        self.dialog: QDialog | None = None
        self._pending_refresh = False
        self._shown_day: date | None = None
        self._loads: list[Task] = []
        self._unread: set[str] = set()  # "head" and the sections' keys not shown as read yet
        self._again = False
        self._closed = False
        self._later_made = False  # the sections below the first rows (`_make_later`)
        self._pool = QThreadPool(self)  # a read at a time (`_loads`), in the order started
        self._pool.setMaxThreadCount(1)
        self._ahead_pool = BackgroundPool(self)  # a read begun hidden: nobody waits for it
        self._signals = ChangeSignals(services.changes, self)
        self._signals.changed.connect(self._on_change)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #5b6578")
        self._context = TodayContext(
            services=services,
            settings=settings,
            undo_stack=self.undo_stack,
            say=self.message.setText,
            open_dialog=self._open_dialog,
            show_contact=self.contact_requested.emit,
            show_event=self.event_requested.emit,
            show_view=self.view_requested.emit,
            reload=self.refresh,
        )
        self.head = TodayHead()
        self.notice = style_label(QLabel(), "hint")  # reminders held back by the quiet hours
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        first = make_sections(self._context)
        self.sections: dict[str, TodaySection] = {s.key: s for s in _named(first)}
        self.grid = SectionGrid(first)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(_MARGIN, 20, _MARGIN, 12)
        page_layout.setSpacing(16)
        page_layout.addWidget(self.head)
        page_layout.addWidget(self.notice)
        page_layout.addWidget(self.grid, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.scroll_area, 1)
        message_row = QVBoxLayout()
        message_row.setContentsMargins(_MARGIN, 0, _MARGIN, 8)
        message_row.addWidget(self.message)
        layout.addLayout(message_row)
        # read on the next turn: made by the window ahead of its showing, it is then behind
        # the view shown (`_reading_pool`)
        self._pending_refresh = True
        QTimer.singleShot(0, self, self._first_read)

    def install_actions(self, window: MainWindow) -> None:
        """Edit → Undo/Redo; a person opens in Contacts, an event in Events, your profiles in
        Me."""
        window.add_undo_actions(self.undo_action, self.redo_action)
        self.contact_requested.connect(lambda contact_id: show_contact(window, contact_id))
        self.event_requested.connect(lambda event_id, tab: show_event(window, event_id, tab))
        self.view_requested.connect(lambda key: key in window.views and window.show_view(key))

    def show_notice(self, text: str) -> None:
        """A line under the figures (reminders held back); "" hides it."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- showing ----------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """Whether data is being read or shown, or a change waits to be (or the sections below
        the first rows to be made)."""
        busy = bool(self._loads) or self._pending_refresh or not self._later_made
        return busy or any(section.filling for section in self.sections.values())

    @property
    def waiting_in_sight(self) -> bool:
        """Whether what the page shows now waits for data: the figures, or a section scrolled
        into sight not yet showing its read (or still being filled)."""
        if self._pending_refresh or "head" in self._unread or self._room_for_later():
            return True
        return any(
            (key in self._unread or section.filling) and not section.visibleRegion().isEmpty()
            for key, section in self.sections.items()
        )

    def _room_for_later(self) -> bool:
        """Whether the sections below the first rows are not made yet and the page shows the
        room below those made. (Measured in the frameless scroll area, whose viewport it fills:
        asking for the viewport had PySide6 build 40 enum types, 3 ms, before Today was usable.)"""
        if self._later_made:
            return False
        bottom = max(section.geometry().bottom() for section in self.sections.values())
        area = self.scroll_area
        return self.grid.mapTo(area, QPoint(0, bottom)).y() <= area.contentsRect().bottom()

    def _on_change(self, topic: str, _ids: object) -> None:
        if topic in _TOPICS and not self._pending_refresh:
            self._pending_refresh = True
            QTimer.singleShot(0, self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown_day != self.services.clock.today():
            self.refresh()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed for good: read no more, and let a read in progress end first."""
        self._closed = True
        self._pool.waitForDone()
        self._ahead_pool.waitForDone()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.grid.set_columns(self.grid.columns_for(event.size().width() - 2 * _MARGIN))
        super().resizeEvent(event)

    def _first_read(self) -> None:
        if self._shown_day is None:  # not shown (and read) meanwhile
            self.refresh()

    def refresh(self) -> None:
        """Read the figures and every section again off the GUI thread (the sections read
        `apart` after the others), then show each read as it ends (each section keeping its
        place); during a load, once more when it ends."""
        self._pending_refresh = False
        if self._closed:
            return
        if self._loads:
            self._again = True
            return
        today = self.services.clock.today()
        self._shown_day = today
        self._unread = {"head", *self.sections}
        self._read(today, list(self.sections), self.services.dashboard.summary)

    def _read(
        self, today: date, keys: list[str], summary: Callable[[date], TodaySummary] | None
    ) -> None:
        """Read the sections `keys` (and the figures, by `summary`) off the GUI thread, those
        read `apart` once the others are shown."""
        reads = {key: self.sections[key].load(today) for key in keys}
        here = [key for key in keys if not self.sections[key].apart]
        apart = [key for key in keys if self.sections[key].apart]
        figures = (lambda: summary(today)) if summary is not None else (lambda: None)
        first = self._task(lambda: _Read(today, figures(), {k: reads[k]() for k in here}))
        if apart:  # connected before the start: a queued signal reaches those connected then
            later = self._task(lambda: _Read(today, None, {key: reads[key]() for key in apart}))
            first.finished.connect(partial(self._start_later, later))
        first.start(self._reading_pool())

    def _task(self, read: Callable[[], _Read]) -> Task:
        """A task running `read` on the view's thread (on its own connection), then showing
        it; loading until it ends."""
        task = Task(lambda _progress: on_own_connection(read), self)
        task.succeeded.connect(self._show)
        task.failed.connect(lambda message, _details: self.message.setText(message))
        task.finished.connect(partial(self._loaded, task))
        self._loads.append(task)
        return task

    def _reading_pool(self) -> QThreadPool:
        """Where a read begun now runs: behind the view the window shows (made ahead of its
        showing, or a change while hidden), at a lower priority, leaving the GUI thread a core
        as start-up makes the other views (Today's first read over 100,000 contacts took ~0.6 s
        of CPU then); the window's view, or Today about to be shown first, at the GUI's."""
        behind = self.parentWidget() is not None and self.isHidden()  # another page shown
        return self._ahead_pool if behind else self._pool

    def _show(self, read: _Read) -> None:
        if read.summary is not None:
            self.head.show_summary(read.today, read.summary)
            self._unread.discard("head")
        for key, data in read.sections.items():
            self.sections[key].present(data, read.today)
            self._unread.discard(key)

    def _start_later(self, task: Task) -> None:
        """Start `task` now that the read before it is shown (not once the view closed)."""
        if self._closed:
            self._loaded(task)
        else:
            task.start(self._reading_pool())

    def _loaded(self, task: Task) -> None:
        self._loads.remove(task)
        if self._loads:
            return
        if self._again:
            self._again = False
            self.refresh()
        elif not self._later_made:
            # a timer, not a call posted at 0 ms, so that the rows just shown paint first: Qt
            # delivers posted calls before the update request a paint is (posted at low
            # priority), a timer that came due after it
            QTimer.singleShot(1, self, self._make_later)
        else:
            self.loaded.emit()

    def _make_later(self) -> None:
        """Make the sections below the first rows, now that the first read is shown, and read
        them."""
        if self._later_made or self._closed:
            return
        self._later_made = True
        later = _named(later_sections(self._context))
        self.sections.update((section.key, section) for section in later)
        self.grid.add(later, self.width() - 2 * _MARGIN)
        keys = [section.key for section in later]
        self._unread.update(keys)
        self._read(self._shown_day or self.services.clock.today(), keys, None)

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setParent(self, dialog.windowFlags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()


def _named(sections: list[TodaySection]) -> list[TodaySection]:
    """`sections`, each list in them named for screen readers by its section's title."""
    for section in sections:
        for listing in section.findChildren(QAbstractItemView):
            listing.setAccessibleName(listing.accessibleName() or section.title.text())
    return sections


class _Read(NamedTuple):
    """What one read found: the day, its figures (None: not read by this one), each section's
    data by key."""

    today: date
    summary: TodaySummary | None
    sections: dict[str, object]
