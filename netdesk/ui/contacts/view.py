"""The Contacts view: search and filters, the list, the editor beside it, the Trash.

Every change to contacts goes through an undoable command on the view's undo stack (Ctrl+Z).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.contact_list import ListFilter, filter_choices
from netdesk.core.merge import find_duplicates
from netdesk.core.phones import default_region
from netdesk.core.services import Services
from netdesk.core.vocabulary import CIRCLES
from netdesk.formats.draft import ContactDraft
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.contacts import commands
from netdesk.ui.contacts.editor import ContactEditor
from netdesk.ui.contacts.empty_state import EmptyState
from netdesk.ui.contacts.merge_dialog import MergeDialog
from netdesk.ui.contacts.model import ContactTableModel
from netdesk.ui.importing.drag_out import contacts_mime_data
from netdesk.ui.plain import ElidedComboBox, plain_label
from netdesk.ui.style import style_label
from netdesk.ui.tables import list_table
from netdesk.ui.view_actions import ViewActions

SCOPE_TITLES = (("active", "Active"), ("archived", "Archived"), ("all", "All"), ("trash", "Trash"))


class ContactsView(QWidget):
    """Everyone in your network, searchable, with an editor beside the list."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = QSettings(
            str(services.paths.data_dir / "ui-settings.ini"), QSettings.Format.IniFormat
        )
        self.undo_stack = QUndoStack(self)
        self.model = ContactTableModel(services.contacts.photos, self)
        region = str(self.settings.value("contacts/phone_region", "") or default_region())

        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setPlaceholderText("Search names, organisations, notes, emails, phones…")
        self.search.setClearButtonEnabled(True)
        self.circle_filter = ElidedComboBox(least=13)
        self.tag_filter = ElidedComboBox(least=13)
        self.company_filter = ElidedComboBox(least=13)
        self.due_filter = QCheckBox("Due for a check-in")
        self.scope = QComboBox()
        for key, title in SCOPE_TITLES:
            self.scope.addItem(title, key)
        self.new_button = QPushButton("New contact")
        self.new_button.setToolTip("New contact (Ctrl+N)")
        self.new_button.clicked.connect(self.new_contact)
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
            (170, 125, 125, 90, 95, 112, 112),
            row_height=34,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        self.table.setSortingEnabled(True)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.model.drag_out = lambda ids: contacts_mime_data(services.exporting, ids)
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(
            lambda index: self.open_dialog(self.model.contact_id(index.row()))
        )

        self.empty = EmptyState()
        self.empty.new_requested.connect(self.new_contact)
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
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_trash_button = QPushButton("Empty Trash…")
        self.empty_trash_button.clicked.connect(self.empty_trash)
        trash_layout.addWidget(self.restore_button)
        trash_layout.addWidget(self.empty_trash_button)
        self.trash_bar.hide()

        self.count_label = plain_label()
        style_label(self.count_label, "hint")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.trash_bar)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addWidget(self.count_label)

        self.editor = ContactEditor(services, region)
        self.editor.save_requested.connect(self.save_contact)
        self.editor.timeline.delete_requested.connect(self.delete_interactions)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self._build_actions()
        # At once, not on a timer: the typed letter and the rows it finds paint together (one
        # pass over the window instead of two).
        self.search.textChanged.connect(self.apply_filter)
        for box in (self.circle_filter, self.tag_filter, self.company_filter, self.scope):
            box.currentIndexChanged.connect(self.apply_filter)
        self.due_filter.toggled.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(250)  # once typing pauses: counting waits for every match
        self._count_timer.timeout.connect(self._show_count)
        self._changed_ids: set[int] = set()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._reload_after_change)
        self.signals = ChangeSignals(services.changes, self)
        self.signals.changed.connect(self._on_change)
        self._restore_layout()
        self._fill_filter_menus()
        self.apply_filter()

    # -- actions ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        actions = ViewActions(self)
        self.new_action = actions.add(
            "&New contact", QKeySequence.StandardKey.New, self.new_contact
        )
        self.find_action = QAction("&Find contacts", self)  # window-wide: see install_actions
        self.find_action.setShortcuts(QKeySequence.StandardKey.Find)
        self.delete_action = actions.add(
            "&Delete", QKeySequence.StandardKey.Delete, self.delete_selected, widget=self.table
        )
        self.archive_action = actions.add("&Archive", "Ctrl+E", self.toggle_archive)
        self.tag_action = actions.add("Add &tag…", "Ctrl+T", self.tag_selected)
        self.untag_action = actions.add("Remove tag…", None, self.untag_selected)
        self.merge_action = actions.add("&Merge…", "Ctrl+M", self.merge_selected)
        self.log_action = actions.add("&Log interaction…", "Ctrl+L", self.log_interaction)
        self.follow_up_action = actions.add("&Follow up…", "Ctrl+Shift+F", self.follow_up_selected)
        self.open_action = actions.add(
            "Open in window", "Return", self._open_current, widget=self.table
        )
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        actions.adopt(self.undo_action, QKeySequence.StandardKey.Undo)
        actions.adopt(self.redo_action, QKeySequence.StandardKey.Redo)
        self.circle_menu = QMenu("Set &circle", self)
        for circle in ("", *CIRCLES):
            action = self.circle_menu.addAction(circle.capitalize() or "No circle")
            action.triggered.connect(lambda _=False, c=circle: self.set_circle_selected(c))
        self.settings_action = actions.add("Contact settings…", None, self.edit_settings)
        self.escape_action = actions.add(
            "Clear search", "Esc", self.search.clear, widget=self.search
        )

    def install_actions(self, window) -> None:
        """Put the view's actions in the main window's menus; Find works from every view (it
        shows Contacts)."""
        window.add_file_action(self.new_action)
        window.addAction(self.find_action)
        self.find_action.triggered.connect(lambda _=False: self.find_from(window))
        edit = window.menus["edit"]
        for action in (self.undo_action, self.redo_action):
            edit.addAction(action)
        edit.addSeparator()
        for action in (
            self.find_action,
            self.log_action,
            self.follow_up_action,
            self.tag_action,
            self.archive_action,
            self.merge_action,
            self.delete_action,
        ):
            edit.addAction(action)
        edit.addMenu(self.circle_menu)
        edit.addSeparator()
        edit.addAction(self.settings_action)

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

    def apply_filter(self) -> None:
        """Re-run the list query with the current search and filters."""
        selected = self.selected_ids()
        shown = self.table.viewport().height() // self.table.verticalHeader().defaultSectionSize()
        self.model.first_page_size = max(shown + 10, 30)
        self.model.set_filter(self.list_filter())
        self._after_reload(selected)

    def _after_reload(self, selected: list[int]) -> None:
        trash = self.list_filter().scope == "trash"
        self.trash_bar.setVisible(trash)
        filtered = self.list_filter() != ListFilter()
        if self.model.rowCount() == 0:
            self.empty.show_for(filtered, self.search.text(), trash)
            self.list_stack.setCurrentWidget(self.empty)
        else:
            self.list_stack.setCurrentWidget(self.table)
        self._count_timer.start()
        selection = self.table.selectionModel()
        for contact_id in selected:
            row = self.model.row_for_id(contact_id)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._update_actions()

    def _show_count(self) -> None:
        """Count the matches after the rows are painted (counting waits for every match)."""
        total = self.model.total
        noun = "contact" if total == 1 else "contacts"
        trash = " in the Trash" if self.list_filter().scope == "trash" else ""
        self.count_label.setText(f"{total:,} {noun}{trash}")

    def _fill_filter_menus(self) -> None:
        choices = filter_choices()
        for box, key, everyone in (
            (self.circle_filter, "circle", "All circles"),
            (self.tag_filter, "tag", "All tags"),
            (self.company_filter, "company", "All companies"),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everyone, "")
            for value in choices[key]:
                box.addItem(value.capitalize() if key == "circle" else value, value)
            box.setCurrentIndex(max(box.findData(current), 0))
            box.blockSignals(False)

    def _on_change(self, topic: str, ids: frozenset[int]) -> None:
        if topic in ("contacts", "interactions", "followups", "imports"):
            self._changed_ids |= ids
            self.model.mark_stale()
            self._reload_timer.start()

    def _reload_after_change(self) -> None:
        """Refresh the list once for a burst of changes (an import, a bulk action)."""
        changed, self._changed_ids = self._changed_ids, set()
        self._fill_filter_menus()
        self.apply_filter()
        shown = self.editor.contact_id
        if shown in changed and not self.editor.dirty:
            self.editor.load(shown if self.services.contacts.exists(shown) else None)

    def find_from(self, window) -> None:
        """Ctrl+F anywhere in the window: show Contacts with the search ready to type in."""
        window.show_view("contacts")
        self.focus_search()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.contact_id(row) for row in rows]

    def select_contact(self, contact_id: int) -> bool:
        """Select a contact in the list (fetching pages until it is found)."""
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
        return True

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1 and ids[0] != self.editor.contact_id and self._confirm_discard():
            self.editor.load(ids[0])
        self._update_actions()

    def _update_actions(self) -> None:
        ids = self.selected_ids()
        trash = self.list_filter().scope == "trash"
        singles = (self.log_action, self.follow_up_action)
        for action in singles:
            action.setEnabled(self.editor.contact_id is not None and not trash)
        for action in (self.delete_action, self.archive_action, self.tag_action, self.untag_action):
            action.setEnabled(bool(ids) and not trash)
        self.circle_menu.setEnabled(bool(ids) and not trash)
        self.merge_action.setEnabled(len(ids) >= 2 and not trash)
        self.restore_button.setEnabled(bool(ids))
        self.archive_action.setText(
            "Un&archive" if self.list_filter().scope == "archived" else "&Archive"
        )

    def _confirm_discard(self) -> bool:
        if not self.editor.dirty:
            return True
        box = QMessageBox(self)
        box.setWindowTitle("Unsaved changes")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Save your changes to {self.editor.heading.text()}?")
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard)
        if box.exec() == QMessageBox.StandardButton.Save:
            return self.editor.save()
        return True

    # -- editing ---------------------------------------------------------------------------

    def new_contact(self) -> None:
        if not self._confirm_discard():
            return
        self.table.clearSelection()
        self.editor.load(None)
        self.editor.given.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save_contact(self, contact_id: int | None, draft: ContactDraft) -> int | None:
        """Store what the editor holds (asking first when it looks like someone stored)."""
        duplicates = find_duplicates(draft, exclude_id=contact_id)
        if duplicates and contact_id is None and not self._save_despite(draft, duplicates[0]):
            return None
        command = commands.SaveContactCommand(self.services, contact_id, draft)
        self.undo_stack.push(command)
        saved = command.contact_id
        assert saved is not None
        self._reload_timer.stop()
        self._reload_after_change()
        self.editor.mark_saved(saved)
        self.select_contact(saved)
        return saved

    def _save_despite(self, draft: ContactDraft, duplicate) -> bool:
        box = QMessageBox(self)
        box.setWindowTitle("Already in your contacts?")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"{duplicate.name} with {duplicate.reason} already exists — open it?")
        open_button = box.addButton("Open existing", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Save as new", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_button:
            self.scope.setCurrentIndex(self.scope.findData("all"))
            self.search.clear()
            self.editor.load(duplicate.contact_id)
            self.select_contact(duplicate.contact_id)
            return False
        return box.buttonRole(clicked) == QMessageBox.ButtonRole.DestructiveRole

    def open_dialog(self, contact_id: int) -> None:
        from netdesk.ui.contacts.dialog import ContactDialog

        dialog = ContactDialog(self.services, self.editor.region, contact_id, self)
        dialog.editor.save_requested.connect(self.save_contact)
        dialog.editor.save_requested.connect(dialog.accept)
        dialog.open()

    def _open_current(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1 and self.table.hasFocus():
            self.open_dialog(ids[0])

    # -- bulk ------------------------------------------------------------------------------

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self.list_filter().scope != "trash":
            self.undo_stack.push(commands.trash_command(self.services, ids))
            self._announce(f"{len(ids)} moved to the Trash — Ctrl+Z to undo")

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.undo_stack.push(commands.restore_command(self.services, ids))

    def empty_trash(self) -> None:
        ids = self.services.bulk.trashed_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            "Empty Trash",
            f"Delete {len(ids)} contacts for good? This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.services.bulk.purge(ids)
            self.undo_stack.clear()

    def toggle_archive(self) -> None:
        ids = self.selected_ids()
        if ids:
            archived = self.list_filter().scope != "archived"
            self.undo_stack.push(commands.archive_command(self.services, ids, archived))

    def set_circle_selected(self, circle: str) -> None:
        ids = self.selected_ids()
        if ids:
            self.undo_stack.push(commands.circle_command(self.services, ids, circle))

    def tag_selected(self, tag: str | None = None) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if not tag:
            tag, ok = QInputDialog.getItem(
                self,
                "Add tag",
                f"Tag for {len(ids)} contacts:",
                self.services.contacts.all_tags(),
                editable=True,
            )
            if not ok or not tag.strip():
                return
        self.undo_stack.push(commands.tag_command(self.services, ids, tag.strip()))

    def untag_selected(self, tag: str | None = None) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if not tag:
            names = sorted({t for i in ids for t in self.services.contacts.tags_of(i)})
            tag, ok = QInputDialog.getItem(
                self, "Remove tag", "Tag to remove:", names, editable=False
            )
            if not ok or not tag:
                return
        self.undo_stack.push(commands.untag_command(self.services, ids, tag))

    def merge_selected(self) -> MergeDialog | None:
        ids = self.selected_ids()
        if len(ids) < 2:
            return None
        dialog = MergeDialog(ids, [self.services.contacts.load(i) for i in ids], self)

        def merge() -> None:
            keeper = dialog.keeper_id()
            self.undo_stack.push(
                commands.MergeCommand(self.services, keeper, dialog.other_ids(), dialog.chosen())
            )
            self.editor.load(keeper)
            self.select_contact(keeper)

        dialog.accepted.connect(merge)
        dialog.open()
        return dialog

    def log_interaction(self) -> int | None:
        """Ask for an interaction with the contact in the editor (Ctrl+L) and show it."""
        if self.editor.contact_id is None:
            return None
        self.editor.tabs.setCurrentWidget(self.editor.timeline)
        return self.editor.timeline.ask_and_log()

    def delete_interactions(self, rows: list) -> None:
        """Delete interactions from the timeline (Ctrl+Z brings them back)."""
        self.undo_stack.push(commands.DeleteInteractionsCommand(self.services, rows))
        self.editor.timeline.refresh()
        self._announce("Interaction deleted — Ctrl+Z to undo")

    def follow_up_selected(self) -> int | None:
        """Schedule a follow-up with the contact in the editor (Ctrl+Shift+F)."""
        if self.editor.contact_id is None:
            return None
        from netdesk.ui.followup_dialog import ask_follow_up

        return ask_follow_up(self, self.services, self.editor.contact_id)

    def edit_settings(self) -> None:
        """Ask for the default phone region and use it from now on."""
        from netdesk.ui.contacts.settings_dialog import ContactSettingsDialog

        dialog = ContactSettingsDialog(self.editor.region, self)
        if dialog.exec() == ContactSettingsDialog.DialogCode.Accepted:
            self.settings.setValue("contacts/phone_region", dialog.chosen_region())
            self.editor.set_region(dialog.chosen_region())

    def _context_menu(self, position) -> None:
        menu = QMenu(self)
        if self.list_filter().scope == "trash":
            menu.addAction("Restore", self.restore_selected)
        else:
            for action in (
                self.log_action,
                self.follow_up_action,
                self.tag_action,
                self.untag_action,
            ):
                menu.addAction(action)
            menu.addMenu(self.circle_menu)
            for action in (self.archive_action, self.merge_action, self.delete_action):
                menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def _announce(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 6000)

    # -- layout ----------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        header = self.table.horizontalHeader()
        state = self.settings.value("contacts/header")
        if state:
            header.restoreState(state)
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        else:
            header.moveSection(5, 2)
            header.moveSection(6, 3)
        splitter = self.settings.value("contacts/splitter")
        if splitter:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([600, 500])
        header.sectionResized.connect(self._save_layout)
        header.sectionMoved.connect(self._save_layout)
        header.sortIndicatorChanged.connect(self._save_layout)
        self.splitter.splitterMoved.connect(self._save_layout)

    def _save_layout(self) -> None:
        self.settings.setValue("contacts/header", self.table.horizontalHeader().saveState())
        self.settings.setValue("contacts/splitter", self.splitter.saveState())
