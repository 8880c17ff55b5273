"""The Events view: the list (kind and status filters, checklist progress) beside the event panel.

Keys: Ctrl+N new event, Ctrl+S save, Ctrl+M "Who did I meet?", Ctrl+P print the brief,
Ctrl+Z / Ctrl+Shift+Z undo and redo every change: a new event, a saved edit, a change to the
people to meet, a person captured, a deletion (Edit → Undo names it).
Dropped or opened .ics files are imported as events (`open_files`).

Changes made anywhere are shown once per turn of the event loop (a follow-up marked done
publishes three of them), the list read off the GUI thread; while the view is hidden they wait
until it is shown. The event shown beside the list is read again only when a change may concern
it.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.event_deletion import DeletedEvent
from netdesk.core.event_draft import EventDraft
from netdesk.core.event_ics import export_ics
from netdesk.core.event_import import IcsImportSummary
from netdesk.core.events import EventRow
from netdesk.core.services import Services
from netdesk.core.vocabulary import EVENT_KINDS, EVENT_STATUSES
from netdesk.formats.sources import kind_of
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.column_fitter import ColumnFitter
from netdesk.ui.events.brief import brief_html, print_brief, save_pdf
from netdesk.ui.events.capture import CaptureDialog
from netdesk.ui.events.event_read import EventRead
from netdesk.ui.events.model import COLUMNS, PREP_COLUMN, EventTableModel, ProgressDelegate
from netdesk.ui.events.panel import TABS, EventPanel
from netdesk.ui.events.prep import PrepBrief
from netdesk.ui.latest_read import LatestRead
from netdesk.ui.numbers import grouped
from netdesk.ui.plain import plain_label
from netdesk.ui.read_only import reading
from netdesk.ui.style import style_label
from netdesk.ui.tables import list_table, select_row
from netdesk.ui.tasks import Task
from netdesk.ui.undo import Command, created, undo_actions, undo_stack
from netdesk.ui.view_actions import ViewActions
from netdesk.ui.views import made

if TYPE_CHECKING:
    from netdesk.ui.main_window import MainWindow

_TOPICS = ("events", "contacts", "interactions", "profiles")
_Mode = QHeaderView.ResizeMode
# When, kind, status and people as wide as their text; the name takes the room left (long names
# end with "…"); the checklist bar keeps its width; the place can be widened by hand. A narrow
# list (1024 px windows) drops the place, people, kind and prep, in that order, before the name.
_DROPPED_FIRST = tuple(COLUMNS.index(name) for name in ("Where", "People", "Kind", "Prep"))
_NAME_WIDTH = 200
_LIST_WIDTH = 840
"""The most the list takes beside the panel: every column with a 200 px name."""
_COLUMN_SIZING = (
    _Mode.Fixed,
    _Mode.Stretch,
    _Mode.Fixed,
    _Mode.Fixed,
    _Mode.Fixed,
    _Mode.Fixed,
    _Mode.Interactive,
)
_SIZED = tuple(COLUMNS.index(name) for name in ("When", "Kind", "Status", "People"))
"""Columns as wide as their widest text, measured by the view once per list: as
ResizeToContents sections the header measured every row at each layout (the first showing of
the list took ~80 ms at 92 events, each reset ~50 ms)."""
_MEASURED = (*_SIZED, COLUMNS.index("Event"))
_CELL_MARGINS = 7
"""A cell's text margins (Qt's item delegate: 3 px each side and a rounding pixel)."""


def placeholder_text(rows: int, filtered: bool) -> str:
    """What the panel says when no event is selected: with none to select, why and what to do
    ("Select an event" over an empty list asked for what is not there)."""
    if rows:
        return "Select an event, or press Ctrl+N to plan a new one."
    if filtered:
        return "No event matches these filters. Press Ctrl+N to plan a new one."
    return (
        "No events yet. Press Ctrl+N to plan one, or drop an .ics calendar file on this window "
        "to bring its events in."
    )


def _filter_box(everything: str, values: tuple[str, ...]) -> QComboBox:
    box = QComboBox()
    box.addItem(everything, "")
    for value in values:
        box.addItem(value.capitalize(), value)
    return box


class _ListBesidePanel(QSplitter):
    """The list takes 6/11 of the room (as 600:500) up to `_LIST_WIDTH`; the panel (the prep
    brief) gets the rest, until you move the splitter yourself."""

    def __init__(self) -> None:
        super().__init__()
        self.by_hand = False
        self.splitterMoved.connect(self._moved)

    def _moved(self) -> None:
        self.by_hand = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.by_hand and self.count() == 2:
            room = sum(self.sizes())
            list_width = min(room * 6 // 11, _LIST_WIDTH)
            self.setSizes([list_width, room - list_width])


class EventsView(QWidget):
    """Every event, upcoming first; the selected one in full beside the list."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = services.events
        self.event_import = services.event_import
        self.capture_dialog: CaptureDialog | None = None
        self.kind_filter = _filter_box("All kinds", EVENT_KINDS)
        self.status_filter = _filter_box("All statuses", EVENT_STATUSES)
        reading(self.kind_filter, self.status_filter)
        self.new_button = QPushButton("New event")
        self.new_button.setToolTip("New event (Ctrl+N)")
        self.new_button.clicked.connect(self.new_event)
        self.model = EventTableModel(self)
        self.table = list_table("eventTable", self.model, (150, 200, 90, 90, 75, 75, 110), 32)
        self.table.setAccessibleName("Events")
        self.table.setItemDelegateForColumn(PREP_COLUMN, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, mode in enumerate(_COLUMN_SIZING):
            header.setSectionResizeMode(column, mode)
        self._header_widths = {column: header.sectionSizeHint(column) for column in _SIZED}
        """Each sized column's title width (a hidden section measures 0)."""
        self.model.modelReset.connect(self._size_columns)  # before the fitter looks at them
        self._size_columns()  # to their titles while there is no event (nothing resets the list)
        ColumnFitter(
            self.table, COLUMNS.index("Event"), _DROPPED_FIRST, _NAME_WIDTH, self._cells_width
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.count = plain_label()
        style_label(self.count, "hint")
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.hide()
        self.import_task: Task | None = None

        self.undo_stack = undo_stack(self)
        self.placeholder = plain_label(placeholder_text(1, False))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        style_label(self.placeholder, "hint")
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)

        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.status_filter)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.message)
        self.splitter = splitter = _ListBesidePanel()
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for box in (self.kind_filter, self.status_filter):
            box.currentIndexChanged.connect(self.reload)
        self._build_actions()
        self.changed: dict[str, frozenset[int]] = {}
        """Changes not shown yet: ids by topic (empty: possibly all)."""
        self._queued = False
        self._panel_asked = False
        """Whether a read asked for reads the panel's event too (a newer read then does)."""
        self.reader = LatestRead(self)
        self.reader.read.connect(self._read)
        self.reader.failed.connect(lambda message: self._tell(message, error=True))
        self._signals = ChangeSignals(services.changes, self)
        self._signals.changed.connect(self._on_change)
        self._read_later()  # made hidden at start-up: read off the GUI thread, taken when shown

    made_later = ("prep", "panel")
    """Made when first used, or by start-up in steps after the view's (`ui/startup.py`): the
    panel is most of the view (33-39 ms of GUI-thread CPU of its 49-62 ms at start-up), its Prep
    brief tab a third of the panel."""

    @cached_property
    def prep(self) -> PrepBrief:
        """The panel's Prep brief tab."""
        events = self.events
        return PrepBrief(events.people, events.pitches, events.profiles, stack=self.undo_stack)

    @cached_property
    def panel(self) -> EventPanel:
        """The selected event's tabs, beside the list."""
        panel = EventPanel(self.events, self.prep, self.undo_stack)
        panel.capture_requested.connect(self.open_capture)
        panel.pdf_requested.connect(self.ask_save_pdf)
        panel.print_requested.connect(self.ask_print)
        panel.delete_requested.connect(self.delete_current)
        self.right.addWidget(panel)
        return panel

    def _build_actions(self) -> None:
        actions = ViewActions(self)
        self.new_action = actions.add("New e&vent", QKeySequence.StandardKey.New, self.new_event)
        self.save_action = actions.add(
            "Save event", QKeySequence.StandardKey.Save, lambda: self.panel.save()
        )
        self.capture_action = actions.add("Who did I &meet?…", "Ctrl+M", self.open_capture)
        self.undo_action, self.redo_action = undo_actions(actions, self.undo_stack)
        self.print_action = actions.add(
            "&Print event brief…", QKeySequence.StandardKey.Print, self.ask_print
        )
        self.export_action = QAction("Export even&ts (.ics)…", self)
        self.export_action.triggered.connect(self.choose_export)
        reading(self.print_action, self.export_action)

    def install_actions(self, window: MainWindow) -> None:
        """Put the view's actions in the main window's menus."""
        window.add_file_action(self.new_action)
        window.add_file_action(self.export_action, "export")
        window.add_file_action(self.print_action, "print")
        window.add_undo_actions(self.undo_action, self.redo_action)
        if "me" in window.views:
            self.panel.prep.me_requested.connect(lambda: window.show_view("me"))
        else:
            self.panel.prep.open_me.hide()
        calendar = window.views.get("followups")
        if calendar is not None and hasattr(calendar, "event_requested"):
            calendar.event_requested.connect(lambda event_id: self._show_from(window, event_id))

    def _show_from(self, window: MainWindow, event_id: int) -> None:
        """Another view (the calendar) asked to see an event."""
        window.show_view("events")
        self.select(event_id)

    # -- .ics in and out ----------------------------------------------------------------------

    def open_files(self, paths: list[str]) -> bool:
        """Import .ics files as events (in a worker: one batch of Import history); False
        unless every path is one."""
        if not paths or any(kind_of(p) != "calendar" for p in paths):
            return False
        importer = self.event_import

        def work(_progress: object) -> list[IcsImportSummary]:
            return importer.import_files(paths)

        self.import_task = Task(work, self)
        self.import_task.succeeded.connect(self._imported)
        self.import_task.failed.connect(lambda message, _trace: self._tell(message, error=True))
        self.import_task.start()
        return True

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export events", str(Path.home() / "events.ics"), "Calendar files (*.ics)"
        )
        if path:
            stamp = self.events.followups.clock.now().astimezone(UTC)  # the app's "now"
            Path(path).write_bytes(export_ics(stamp=stamp))
            self._tell(f"Events saved to {Path(path).name}.")

    def _imported(self, summaries: list[IcsImportSummary]) -> None:
        problems = [p for summary in summaries for p in summary.errors + summary.warnings]
        lines = [summary.text() for summary in summaries]
        self._tell("\n".join(lines + problems[:10]), error=bool(problems))

    def _tell(self, text: str, error: bool = False) -> None:
        """A plain-text message under the list (red for problems)."""
        self.message.setObjectName("fieldError" if error else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()

    # -- the list ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the list with the current filters now, keeping the selection (and the panel,
        if the read this stops was to read it)."""
        self.reader.forget()
        if self._panel_asked:
            self._panel_asked = False
            self.panel.refresh()
        self._show_rows(self.events.list(*self._filters()))

    def _filters(self) -> tuple[str, str]:
        return self.kind_filter.currentData(), self.status_filter.currentData()

    def _read_later(self, panel: bool = False) -> None:
        """Re-read the list off the GUI thread, and the panel's event with it if `panel` (or
        if the read this one stops was to); shown when read, keeping the selection and what
        the user is typing."""
        filters, events = self._filters(), self.events
        read_panel = self.panel.read() if panel or self._panel_asked else None
        self._panel_asked = read_panel is not None
        self.reader.start(
            lambda: (filters, events.list(*filters), read_panel() if read_panel else None)
        )

    def _read(self, answer: tuple[tuple[str, str], list[EventRow], EventRead | None]) -> None:
        filters, rows, event = answer
        self._panel_asked = False
        if filters == self._filters():  # else the filters' own reload is newer
            self._show_rows(rows)
        if event is not None:
            self.panel.present(event)

    def _show_rows(self, rows: list[EventRow]) -> None:
        current = self.current_id()
        if rows != self.model.rows:
            self.model.set_rows(rows)
        upcoming = sum(r.upcoming for r in rows)
        self.count.setText(f"{grouped(upcoming)} upcoming, {grouped(len(rows) - upcoming)} past")
        self.placeholder.setText(placeholder_text(len(rows), any(self._filters())))
        if current is not None and self.model.row_of(current) >= 0:
            self.select(current)
        else:
            self.right.setCurrentWidget(self.placeholder)
            if self.current_id() is not None:
                self.panel.event_id = None

    def _cells_width(self, column: int) -> int | None:
        """What the cells of a measured column need: its widest text and the margins."""
        if column not in _MEASURED:
            return None
        return self.model.text_width(column, self.table.fontMetrics()) + _CELL_MARGINS

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column in _SIZED:
            width = self._cells_width(column) or 0
            header.resizeSection(column, max(width, self._header_widths[column]))

    def current_id(self) -> int | None:
        """The event shown in the panel (None before the panel is made)."""
        panel = made(self, "panel")
        return panel.event_id if isinstance(panel, EventPanel) else None

    def select(self, event_id: int) -> None:
        """Select the event; one a change still being read made is read at once."""
        row = self.model.row_of(event_id)
        if row < 0 and (self.changed or self.reader.busy):
            self._show_changes(now=True)
            row = self.model.row_of(event_id)
        if row < 0:
            return
        select_row(self.table, row)

    def _event_name(self, event_id: int) -> str:
        event = self.events.get(event_id)
        assert event is not None  # the current row's event
        return event.name

    def show_tab(self, event_id: int, tab: str) -> None:
        """Select the event, clearing filters that hide it, and show its tab (one of TABS)."""
        if self.model.row_of(event_id) < 0:
            self.kind_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(0)
        self.select(event_id)
        self.panel.tabs.setCurrentIndex(TABS.index(tab))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        event_id = self.model.event_id(current.row())
        if event_id is None or event_id == self.current_id():
            return
        self.panel.save()
        self.panel.show_event(event_id)
        self.right.setCurrentWidget(self.panel)

    def _on_change(self, topic: str, ids: frozenset[int]) -> None:
        if topic not in _TOPICS:
            return
        known = self.changed.get(topic)
        if known is None:
            self.changed[topic] = ids
        else:  # rows not named (no ids) are possibly all
            self.changed[topic] = known | ids if known and ids else frozenset()
        self._queue()

    def _queue(self) -> None:
        """Show the changes at the next turn of the event loop, if the view is shown."""
        if self.changed and self.isVisible() and not self._queued:
            self._queued = True
            QTimer.singleShot(0, self._show_changes)

    def showEvent(self, event: QShowEvent) -> None:
        if self.reader.busy:  # shown before its read ended: shown with it, waited for here
            answer = self.reader.take()
            if answer is None:  # it failed: read here, where the fault is told
                self.reload()
            else:
                self._read(answer[0])
        self._queue()
        super().showEvent(event)

    def _show_changes(self, now: bool = False) -> None:
        """The list read again off the GUI thread (`now`: on it), and the panel's event with
        it if a change may concern that event."""
        self._queued = False
        changed, self.changed = self.changed, {}
        panel = bool(changed) and self._concerns_panel(changed)
        if now:
            self._panel_asked |= panel
            self.reload()
        elif changed:
            self._read_later(panel)

    def _concerns_panel(self, changed: dict[str, frozenset[int]]) -> bool:
        """Whether a change may concern the event shown: it, a person on its list, your
        profiles (its checklist), or rows not named."""
        if self.current_id() is None:
            return False
        if "profiles" in changed or any(not ids for ids in changed.values()):
            return True
        people = self.panel.prep.people.contact_ids
        events = changed.get("events", frozenset())
        contacts = changed.get("contacts", frozenset()) | changed.get("interactions", frozenset())
        return self.panel.event_id in events or bool(contacts & people)

    # -- actions ------------------------------------------------------------------------------

    def new_event(self) -> int:
        """Create an event for tomorrow evening and open it with its name selected."""
        self.panel.save()
        for box in (self.kind_filter, self.status_filter):
            box.setCurrentIndex(0)
        tomorrow = self.events.followups.clock.today() + timedelta(days=1)
        start = datetime.combine(tomorrow, time(18, 0))
        draft = EventDraft(name="New event", starts_at=start, ends_at=start + timedelta(hours=3))
        command = created(
            "New event", lambda: self.events.create(draft), self._drop, self._put_back
        )
        self.undo_stack.push(command)
        event_id = int(command.record)
        self.select(event_id)
        self.panel.tabs.setCurrentIndex(0)
        self.panel.editor.name.setFocus()
        self.panel.editor.name.selectAll()
        return event_id

    def delete_current(self) -> None:
        event_id = self.current_id()
        if event_id is None:
            return
        name = self._event_name(event_id)
        answer = QMessageBox.question(
            self, "Delete event", f"Delete “{name}” and its list of people to meet?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_stack.push(
                Command(f"Delete event “{name}”", lambda: self._delete(event_id), self._restore)
            )

    def _delete(self, event_id: int) -> DeletedEvent:
        deleted = self._drop(event_id)
        self._tell(f"Deleted “{deleted.event['name']}”. Ctrl+Z brings it back.")
        return deleted

    def _drop(self, event_id: int) -> DeletedEvent:
        """Delete an event, with the panel's unsaved edits of it."""
        if self.current_id() == event_id:
            self.panel.dirty = False  # its edits go with it
        return self.events.delete(event_id)

    def _put_back(self, deleted: DeletedEvent) -> int:
        """Bring back an event undo of its creation deleted (redo); its id."""
        self.events.restore(deleted)
        return deleted.event_id

    def _restore(self, deleted: DeletedEvent) -> None:
        """Bring back a deleted event, its people list and its links."""
        self.events.restore(deleted)
        self.select(deleted.event_id)
        self._tell(f"Restored “{deleted.event['name']}”.")

    def open_capture(self) -> CaptureDialog | None:
        """Open "Who did I meet?" for the current event."""
        event_id = self.current_id()
        if event_id is None:
            return None
        self.panel.save()
        self.capture_dialog = CaptureDialog(self.events, event_id, self.undo_stack, self)
        self.capture_dialog.finished.connect(lambda _: self.panel.tabs.setCurrentIndex(2))
        self.capture_dialog.open()
        return self.capture_dialog

    def ask_save_pdf(self) -> None:
        event_id = self.current_id()
        if event_id is None:
            return
        self.panel.save()
        name = self._event_name(event_id)
        path, _ = QFileDialog.getSaveFileName(
            self, "Save brief as PDF", f"{name} brief.pdf", "PDF files (*.pdf)"
        )
        if path:
            save_pdf(brief_html(self.events, event_id), path)

    def ask_print(self) -> None:
        event_id = self.current_id()
        if event_id is None:
            return
        self.panel.save()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_brief(brief_html(self.events, event_id), printer)
