"""The Contacts view: search and filters, the list, the editor beside it, the Trash.

The view lays these out and keeps the list in step with the filters and with changes; what the
user does to contacts is `ContactsController`'s (`controller`), each change an undoable command.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.contact_list import ContactListQuery, ListFilter, filter_choices
from netdesk.core.phones import default_region, is_region, use_region
from netdesk.core.services import Services
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.choice_model import ChoiceModel
from netdesk.ui.contacts.cells import ListCells
from netdesk.ui.contacts.column_layout import ColumnLayout
from netdesk.ui.contacts.controller import ContactsController
from netdesk.ui.contacts.editor import ContactEditor
from netdesk.ui.contacts.empty_state import EmptyState, NoSelection
from netdesk.ui.contacts.model import ContactTableModel, ListRead
from netdesk.ui.importing.drag_out import contacts_mime_data
from netdesk.ui.latest_read import LatestRead
from netdesk.ui.plain import ElidedComboBox, plain_label
from netdesk.ui.plural import counted
from netdesk.ui.read_only import reading
from netdesk.ui.style import style_label
from netdesk.ui.tables import list_table
from netdesk.ui.views import made

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShowEvent

    from netdesk.ui.main_window import MainWindow

REREAD_ROWS = 1000
"""The most rows read again after a change, to keep the rows in sight (a list scrolled further
shows its first rows)."""
OPEN_SETTLE_MS = 120
"""A selection moving faster than the editor opens its contacts (PageDown held, Ctrl+End making
each row current in turn) opens the one selected once it has rested this long."""
OPEN_NEXT_TURN_MS = 1
"""Otherwise the contact selected opens on the next turn of the event loop (a timer, not a call
posted at 0 ms, which Qt runs before the timers due): the click and the row's repaint in one
turn, the editor's filling and its paint in the next. In one turn they were the longest stall of
opening the first contact (51-68 ms, bench/gui_stall.py's contact_first)."""
SCOPE_TITLES = (("active", "Active"), ("archived", "Archived"), ("all", "All"), ("trash", "Trash"))


class ContactsView(QWidget):
    """Everyone in your network, searchable, with an editor beside the list."""

    count_shown = Signal()
    """The label shows the count of the list shown (`counted_filter`)."""
    loaded = Signal()
    """The list and its count are shown (start-up goes on with the other views then)."""

    def __init__(
        self, services: Services, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.model = ContactTableModel(services.contacts.photos, services.clock, self)

        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setPlaceholderText("Search names, organisations, notes, emails, phones…")
        self.search.setClearButtonEnabled(True)
        self.circle_filter = ElidedComboBox(least=13)
        self.tag_filter = ElidedComboBox(least=13)
        self.company_filter = ElidedComboBox(least=13)
        for box in (self.circle_filter, self.tag_filter, self.company_filter):
            box.setModel(ChoiceModel(box))
        self.due_filter = QCheckBox("Due for a check-in")
        self.scope = QComboBox()
        for key, title in SCOPE_TITLES:
            self.scope.addItem(title, key)
        self.new_button = QPushButton("New contact")
        self.new_button.setToolTip("New contact (Ctrl+N)")
        reading(self.search, self.circle_filter, self.tag_filter, self.company_filter)
        reading(self.due_filter, self.scope)
        filters = QHBoxLayout()
        self.search.setMinimumWidth(160)
        filters.addWidget(self.search, 1)
        for box in (self.circle_filter, self.tag_filter, self.company_filter):
            # a long company or tag name widens the menu, not the box (it squeezed the search),
            # and ends with "…" in it; the box may shrink further in a narrow window
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            box.setMinimumWidth(90)
            filters.addWidget(box)
        filters.addWidget(self.due_filter)
        filters.addWidget(self.scope)
        filters.addWidget(self.new_button)

        self.table = list_table(
            "contactTable",
            self.model,
            (),  # the columns' widths are ColumnLayout's
            row_height=34,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        self.table.setAccessibleName("Contacts")
        self.table.setItemDelegate(ListCells(self.model.cell, self.table))
        self.table.setSortingEnabled(True)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.model.drag_out = lambda ids: contacts_mime_data(services.exporting, ids)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.empty = EmptyState()
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        self.trash_bar = QWidget()
        trash_layout = QHBoxLayout(self.trash_bar)
        trash_layout.setContentsMargins(0, 0, 0, 0)
        trash_layout.addWidget(
            plain_label("Contacts in the Trash can be restored until you empty it.")
        )
        trash_layout.addStretch(1)
        self.restore_button = QPushButton("Restore")
        self.empty_trash_button = QPushButton("Empty Trash…")
        trash_layout.addWidget(self.restore_button)
        trash_layout.addWidget(self.empty_trash_button)
        self.trash_bar.hide()

        self.count_label = plain_label()
        style_label(self.count_label, "hint")
        # as tall without text (while counting) as with it: the list above does not move
        self.count_label.setMinimumHeight(self.count_label.fontMetrics().height())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.trash_bar)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addWidget(self.count_label)

        self.controller = ContactsController(self, services, settings)
        self.region = self.controller.phone_region(default_region() or system_region())
        use_region(self.region)  # imports match numbers without a country code in it too
        self.no_selection = NoSelection()
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.no_selection)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self._connect_actions()
        self.search.textChanged.connect(self._search_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)
        self._search_timer.timeout.connect(self.apply_filter)
        self._applied_at = self._apply_took = 0.0
        for choice in (self.circle_filter, self.tag_filter, self.company_filter, self.scope):
            choice.currentIndexChanged.connect(self.apply_filter)
        self.due_filter.toggled.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._opening = QTimer(self)
        self._opening.setSingleShot(True)
        self._opening.setInterval(OPEN_SETTLE_MS)
        self._opening.timeout.connect(self._open_selected)
        self._opened_at = self._open_took = 0.0
        self.counter = LatestRead(self)  # the newest list's count, on its own connection
        self.counter.read.connect(self._counted)
        self.counter.failed.connect(self._count_failed)
        self.counted_filter: ListFilter | None = None
        """The list whose count the label shows (None while it is counted)."""
        self._counting_timer = QTimer(self)
        self._counting_timer.setSingleShot(True)
        self._counting_timer.setInterval(200)  # a quick count shows without "Counting…" first
        self._counting_timer.timeout.connect(lambda: self.count_label.setText("Counting…"))
        self._changed_ids: set[int] = set()
        self._menu_values: dict[str, list[str]] = {}
        self.menu_reader = LatestRead(self, ahead=True)  # of the menus' opening
        self.menu_reader.read.connect(self._show_filter_menus)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._reload_after_change)
        self.signals = ChangeSignals(services.changes, self)
        self.signals.changed.connect(self._on_change)
        self.columns = ColumnLayout(settings, self.table, self.splitter)
        self._menus_asked = False
        self.loaded.connect(self._read_menus_first)
        self.apply_filter()

    def _connect_actions(self) -> None:
        """The view's buttons and the editor's requests go to the controller."""
        actions = self.controller
        self.new_button.clicked.connect(actions.new_contact)
        self.empty.new_requested.connect(actions.new_contact)
        self.no_selection.new_requested.connect(actions.new_contact)
        self.restore_button.clicked.connect(actions.restore_selected)
        self.empty_trash_button.clicked.connect(actions.empty_trash)

    made_later = ("editor",)
    """Made when first used, when the view is first shown (the editor side is as wide as a
    contact needs from the first layout on), or by start-up in a step after the view's
    (`ui/startup.py`)."""

    @cached_property
    def editor(self) -> ContactEditor:
        """The contact selected (or a new one), beside the list; its requests go to the
        controller."""
        editor = ContactEditor(self.services, self.region)
        editor.timeline.undo_stack = self.controller.undo_stack  # Ctrl+L: undoable
        editor.save_requested.connect(self.controller.save_contact)
        editor.timeline.delete_requested.connect(self.controller.delete_interactions)
        editor.jobs.edit_requested.connect(self.controller.edit_job)
        self.editor_stack.addWidget(editor)
        return editor

    def showEvent(self, event: QShowEvent) -> None:
        self.editor.ensurePolished()  # made now if it was not: laid out with the view
        super().showEvent(event)

    def shown_contact(self) -> int | None:
        """The contact in the editor (None too before the editor is made)."""
        editor = made(self, "editor")
        return editor.contact_id if isinstance(editor, ContactEditor) else None

    def unsaved_edits(self) -> bool:
        """Whether the editor holds edits not saved."""
        editor = made(self, "editor")
        return isinstance(editor, ContactEditor) and editor.dirty

    def install_actions(self, window: MainWindow) -> None:
        """Put the view's actions in the main window's menus."""
        self.controller.install(window)

    # -- list ------------------------------------------------------------------------------

    def list_filter(self) -> ListFilter:
        return ListFilter(
            text=self.search.text(),
            circle=self.circle_filter.currentData() or "",
            tag=self.tag_filter.currentData() or "",
            company=self.company_filter.currentData() or "",
            due_only=self.due_filter.isChecked(),
            scope=self.scope.currentData() or "active",
        )

    def _search_changed(self) -> None:
        """Filter at once (the typed letter and the rows it finds paint together, one pass over
        the window), unless the list is behind the typing: a letter typed sooner after the last
        filtering than that took waits a turn of the event loop, so that the keys that came
        meanwhile are read once, for the last of them."""
        since = self.services.clock.monotonic() - self._applied_at
        if since < self._apply_took:
            self._search_timer.start()
        else:
            self.apply_filter()

    def apply_filter(self) -> None:
        """Re-run the list query with the current search and filters."""
        self._search_timer.stop()
        started = self.services.clock.monotonic()
        selected = self.selected_ids()
        shown = self.table.viewport().height() // self.table.verticalHeader().defaultSectionSize()
        self.model.first_page_size = max(shown + 10, 30)
        self.model.set_filter(self.list_filter())
        self._after_reload(selected)
        self._applied_at = self.services.clock.monotonic()
        self._apply_took = self._applied_at - started

    def _after_reload(self, selected: list[int]) -> None:
        shown = self.model.list_filter  # read from the widgets once, as the list was read
        trash = shown.scope == "trash"
        self.trash_bar.setVisible(trash)
        filtered = shown != ListFilter()
        empty = self.model.rowCount() == 0
        if empty:
            self.empty.show_for(filtered, self.search.text(), trash)
            self.list_stack.setCurrentWidget(self.empty)
        else:
            self.list_stack.setCurrentWidget(self.table)
        self.no_selection.beside_empty_list(empty)
        self._show_count()
        selection = self.table.selectionModel()
        for contact_id in selected:
            row = self.model.row_for_id(contact_id)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._drop_hidden_contact()
        self._update_actions()

    def show_editor(self) -> None:
        """Show the editor beside the list (a contact selected, or a new one begun)."""
        self.editor_stack.setCurrentWidget(self.editor)

    def _drop_hidden_contact(self) -> None:
        """The contact in the editor left the list (a search, a filter, a Delete): show the hint
        instead of a form that still edits them, unless it holds unsaved edits."""
        shown = self.shown_contact()
        if shown is None or self.unsaved_edits() or shown in self.selected_ids():
            return
        self.editor.load(None)
        self.editor_stack.setCurrentWidget(self.no_selection)

    @property
    def loading(self) -> bool:
        """Whether the count of the list shown is still being counted."""
        return self.counted_filter is None

    def _show_count(self) -> None:
        """Show the count of the list shown when it is known, else have it counted off the GUI
        thread (the label says nothing meanwhile: the count it showed was of another list)."""
        total = self.model.known_total
        if total is not None:
            self.counter.forget()
            self._set_count(total)
            return
        self.counted_filter = None
        self.count_label.setText("")
        self._counting_timer.start()
        query = self.model.query()
        self.counter.start(lambda: (query, query.count()))

    def _counted(self, counted: tuple[ContactListQuery, int] | ListRead) -> None:
        if isinstance(counted, ListRead):
            self._list_read(counted)
            return
        query, total = counted
        if self.model.take_count(query, total):
            self._set_count(total)

    def _list_read(self, read: ListRead) -> None:
        """Show the list read again after a change, keeping the selection and the row at the
        top in place."""
        selected = self.selected_ids()
        top = self.table.rowAt(0)
        top_id = self.model.contact_id(top) if top >= 0 else None
        if not self.model.show_read(read):
            return
        self._after_reload(selected)
        row = self.model.row_for_id(top_id) if top_id is not None else -1
        if row >= 0:
            self.table.scrollTo(
                self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )

    def _count_failed(self, message: str) -> None:
        self._read_menus_first()
        self._counting_timer.stop()
        self.count_label.setText(f"Could not count the contacts: {message}")

    def _set_count(self, total: int) -> None:
        self._counting_timer.stop()
        trash = self.model.list_filter.scope == "trash"
        text = "%Ln contact(s) in the Trash" if trash else "%Ln contact(s)"
        self.count_label.setText(counted("ContactsView", text, total))
        self.counted_filter = self.model.list_filter
        self.count_shown.emit()
        self.loaded.emit()

    def _read_menus_first(self) -> None:
        """Read the menus' values the first time once the list and its count are shown (or
        counting failed): read beside its first page, the read's Python (~5-25 ms at 100,000
        contacts) took the GIL from the view's first paint at start-up (bench/README.md)."""
        if not self._menus_asked:
            self._menus_asked = True
            self.menu_reader.start(filter_choices)

    def _show_filter_menus(self, choices: dict[str, list[str]]) -> None:
        """Fill the menus whose values changed (5,000 companies refilled after each change
        froze the window ~0.1 s; reading them took 50-150 ms at 100,000 contacts: that read
        runs off the GUI thread, `menu_reader`, the first one too, at a lower priority: the
        GUI thread made the other views beside it at start-up)."""
        for box, key, everyone in (
            (self.circle_filter, "circle", "All circles"),
            (self.tag_filter, "tag", "All tags"),
            (self.company_filter, "company", "All companies"),
        ):
            if self._menu_values.get(key) == choices[key]:
                continue
            self._menu_values[key] = choices[key]
            current = box.currentData()
            box.blockSignals(True)
            model = box.model()
            assert isinstance(model, ChoiceModel)
            shown = str.capitalize if key == "circle" else str
            values = choices[key]
            model.set_choices([(everyone, ""), *((shown(v), v) for v in values)])
            box.setCurrentIndex(values.index(current) + 1 if current in values else 0)
            box.blockSignals(False)

    def _on_change(self, topic: str, ids: frozenset[int]) -> None:
        if topic in ("contacts", "interactions", "followups", "imports"):
            self._changed_ids |= ids
            self.model.mark_stale()
            self._reload_timer.start()

    def _reload_after_change(self, at_once: bool = False) -> None:
        """Refresh the list once for a burst of changes (an import, a bulk action): read again
        off the GUI thread, as many rows as it had, with its count (`_list_read` shows
        it; typing, a filter or a sort meanwhile reads anew and drops this read), or `at_once`."""
        changed, self._changed_ids = self._changed_ids, set()
        self.menu_reader.start(filter_choices)
        if at_once:
            self.apply_filter()
        else:
            self.counter.start(self.model.reread(min(self.model.rowCount(), REREAD_ROWS)))
        shown = self.shown_contact()
        if shown in changed and not self.unsaved_edits():
            self.editor.load(shown if self.services.contacts.exists(shown) else None)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed for good: count no more, and let a count in progress end first."""
        self.counter.shut_down()
        super().closeEvent(event)

    def find_from(self, window: MainWindow) -> None:
        """Ctrl+F anywhere in the window: show Contacts with the search ready to type in."""
        window.show_view("contacts")
        self.focus_search()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def enter_list(self) -> None:
        """Down or Enter in the search: into the results, the first one selected (as in mail
        apps), unless a row already is."""
        if self.list_stack.currentWidget() is not self.table:
            return
        if not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.contact_id(row) for row in rows]

    def select_contact(self, contact_id: int) -> bool:
        """Select a contact in the list (fetching pages until it is found) and open it at once:
        the app chose them (a save, a merge, a link), the caller goes on with them shown."""
        row = self.model.row_for_id(contact_id)
        while row < 0 and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_for_id(contact_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.table.scrollTo(index)
        self._open_selected()
        return True

    def show_existing(self, contact_id: int) -> str:
        """Show a stored contact (a new one turned out to be them), keeping the filters when it
        is in the list they give; else the list shows everyone and the returned words say so."""
        self.editor.load(contact_id)
        self.show_editor()
        if self.select_contact(contact_id):
            return ""
        self.search.clear()
        for box in (self.circle_filter, self.tag_filter, self.company_filter):
            box.setCurrentIndex(0)
        self.due_filter.setChecked(False)
        self.scope.setCurrentIndex(self.scope.findData("all"))
        self.select_contact(contact_id)
        return f"The list shows all contacts now: {self.editor.heading.text()} was not in it."

    def select_nobody(self) -> None:
        """No one selected: the hint with New contact beside the list (unless the editor holds
        unsaved edits)."""
        self.table.clearSelection()
        if not self.unsaved_edits():
            editor = made(self, "editor")
            if isinstance(editor, ContactEditor):
                editor.load(None)
            self.editor_stack.setCurrentWidget(self.no_selection)

    def reload_now(self) -> None:
        """Refresh the list at once instead of on the next turn, on the GUI thread (after a
        save, which then selects the contact saved)."""
        self._reload_timer.stop()
        self._reload_after_change(at_once=True)

    def _selection_changed(self) -> None:
        """Open the one contact selected on the next turn (`OPEN_NEXT_TURN_MS`), unless the
        selection moved sooner after the last opening than that took (a key held or repeated):
        then the one selected once it rests (`OPEN_SETTLE_MS`), not each contact on the way."""
        since = self.services.clock.monotonic() - self._opened_at
        settling = self._opening.isActive() and self._opening.interval() == OPEN_SETTLE_MS
        moving = settling or since < self._open_took
        self._opening.setInterval(OPEN_SETTLE_MS if moving else OPEN_NEXT_TURN_MS)
        self._opening.start()
        self._update_actions()

    def _open_selected(self) -> None:
        self._opening.stop()
        ids = self.selected_ids()
        if len(ids) == 1 and ids[0] != self.shown_contact() and self.confirm_discard():
            started = self.services.clock.monotonic()
            self.editor.load(ids[0])
            self.show_editor()
            self._opened_at = self.services.clock.monotonic()
            self._open_took = self._opened_at - started
            self._update_actions()  # those that act on the contact shown

    def _update_actions(self) -> None:
        ids = self.selected_ids()
        self.controller.update(ids, self.model.list_filter.scope)
        self.restore_button.setEnabled(bool(ids))

    def confirm_discard(self) -> bool:
        """Before the editor shows another contact: save or drop its unsaved edits."""
        if not self.unsaved_edits():
            return True
        from PySide6.QtWidgets import QMessageBox  # its type built when asked, not before usable

        box = QMessageBox(self)
        box.setWindowTitle("Unsaved changes")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Save your changes to {self.editor.heading.text()}?")
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard)
        if box.exec() == QMessageBox.StandardButton.Save:
            return self.editor.save()
        return True


def system_region() -> str:
    """The region of the desktop's language settings ("GB" for en_GB), "" when it names none:
    macOS and Windows start an app without LANG, so the C library's locale names none there."""
    region = QLocale.system().name().partition("_")[2]
    return region if is_region(region) else ""
