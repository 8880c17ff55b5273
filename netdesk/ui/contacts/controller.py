"""What the Contacts view does: its menu actions and keys, each change an undoable command.

The view lays out the search, the list and the editor and tells which contacts are selected;
`ContactsController` acts on them (new, save, trash, restore, archive, circle, tag, merge, log,
follow-up, settings, the context menu) and pushes every change on its QUndoStack, which
Edit → Undo/Redo name (`ui/undo.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from netdesk.core.merge import find_duplicates
from netdesk.core.phones import is_region, use_region
from netdesk.core.services import Services
from netdesk.core.vocabulary import CIRCLES
from netdesk.formats.draft import ContactDraft
from netdesk.ui.contacts import commands
from netdesk.ui.contacts.duplicate_prompt import DuplicateChoice, ask_about_duplicate
from netdesk.ui.contacts.jobs import JobEdit
from netdesk.ui.contacts.tag_dialog import tag_dialog
from netdesk.ui.plural import counted
from netdesk.ui.read_only import reading
from netdesk.ui.stored_settings import read_text
from netdesk.ui.undo import Command, undo_actions, undo_stack
from netdesk.ui.view_actions import ViewActions

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QInputDialog

    from netdesk.core.interactions import InteractionRow
    from netdesk.ui.contacts.merge_dialog import MergeDialog
    from netdesk.ui.contacts.view import ContactsView
    from netdesk.ui.main_window import MainWindow

REGION_KEY = "contacts/phone_region"


class ContactsController(QObject):
    """The Contacts view's actions over the selected contacts and the contact in the editor."""

    def __init__(self, view: ContactsView, services: Services, settings: QSettings) -> None:
        super().__init__(view)
        self.view = view
        self.services = services
        self.settings = settings
        self.undo_stack = undo_stack(self)
        actions = ViewActions(view)
        self.new_action = actions.add(
            "&New contact", QKeySequence.StandardKey.New, self.new_contact
        )
        self.find_action = QAction("&Find contacts", self)  # window-wide: see install
        self.find_action.setShortcuts(QKeySequence.StandardKey.Find)
        reading(self.find_action)
        self.delete_action = actions.add(
            "&Delete", QKeySequence.StandardKey.Delete, self.delete_selected, widget=view.table
        )
        self.archive_action = actions.add("&Archive", "Ctrl+E", self.toggle_archive)
        self.tag_action = actions.add("Add &tag…", "Ctrl+T", self.tag_selected)
        self.untag_action = actions.add("Remove tag…", None, self.untag_selected)
        self.merge_action = actions.add("&Merge…", "Ctrl+M", self.merge_selected)
        self.log_action = actions.add("&Log interaction…", "Ctrl+L", self.log_interaction)
        self.write_action = actions.add("&Write…", "Ctrl+Shift+W", self.write)
        self.follow_up_action = actions.add("F&ollow up…", "Ctrl+Shift+F", self.follow_up_selected)
        self.open_action = actions.add(
            "Open in window", "Return", self._open_current, widget=view.table
        )
        self.undo_action, self.redo_action = undo_actions(actions, self.undo_stack)
        self.circle_menu = QMenu("Set &circle", view)
        for circle in ("", *CIRCLES):
            action = self.circle_menu.addAction(circle.capitalize() or "No circle")
            action.triggered.connect(lambda _=False, c=circle: self.set_circle_selected(c))
        self.settings_action = actions.add("Contact &settings…", None, self.edit_settings)
        self.templates_action = actions.add("Message tem&plates…", None, self.edit_templates)
        self.escape_action = actions.add(
            "Clear search", "Esc", view.search.clear, widget=view.search
        )
        for key in ("Down", "Return", "Enter"):
            actions.add("Go to the results", key, view.enter_list, widget=view.search)
        reading(self.open_action, self.escape_action)
        view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.table.customContextMenuRequested.connect(self.context_menu)
        view.table.doubleClicked.connect(
            lambda index: self.open_dialog(view.model.contact_id(index.row()))
        )

    def phone_region(self, default: str) -> str:
        """The region phone numbers are read in (Edit → Contact settings…)."""
        return read_text(self.settings, REGION_KEY, default, is_region)

    def install(self, window: MainWindow) -> None:
        """Put the actions in the main window's menus; Find works from every view (it shows
        Contacts)."""
        window.add_file_action(self.new_action)
        window.addAction(self.find_action)
        self.find_action.triggered.connect(lambda _=False: self.view.find_from(window))
        window.add_undo_actions(self.undo_action, self.redo_action)
        edit = window.menus["edit"]
        for action in (
            self.find_action,
            self.log_action,
            self.write_action,
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
        edit.addAction(self.templates_action)

    def update(self, ids: list[int], scope: str) -> None:
        """Enable what applies to the selected contacts in the list's scope."""
        trash = scope == "trash"
        for action in (self.log_action, self.write_action, self.follow_up_action):
            action.setEnabled(self.view.shown_contact() is not None and not trash)
        for action in (self.delete_action, self.archive_action, self.tag_action, self.untag_action):
            action.setEnabled(bool(ids) and not trash)
        self.circle_menu.setEnabled(bool(ids) and not trash)
        self.merge_action.setEnabled(len(ids) >= 2 and not trash)
        self.archive_action.setText("Un&archive" if scope == "archived" else "&Archive")

    # -- editing ---------------------------------------------------------------------------

    def new_contact(self) -> None:
        view = self.view
        if not view.confirm_discard():
            return
        view.table.clearSelection()
        view.editor.load(None)
        view.show_editor()
        view.editor.given.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save_contact(self, contact_id: int | None, draft: ContactDraft) -> int | None:
        """Store what the editor holds (asking first when it looks like someone stored)."""
        duplicates = find_duplicates(draft, exclude_id=contact_id)
        if duplicates and contact_id is None:
            choice = ask_about_duplicate(self.view, duplicates[0])
            if choice is DuplicateChoice.OPEN_EXISTING:
                told = self.view.show_existing(duplicates[0].contact_id)
                if told:
                    self._announce(told)
            if choice is not DuplicateChoice.SAVE_AS_NEW:
                return None
        command = commands.SaveContactCommand(self.services, contact_id, draft)
        self.undo_stack.push(command)
        saved = command.contact_id
        assert saved is not None
        self.view.reload_now()
        self.view.editor.mark_saved(saved)
        self.view.select_contact(saved)
        return saved

    def edit_job(self, edit: JobEdit) -> None:
        """Change a contact's job history as one undoable step."""
        self.undo_stack.push(commands.job_command(self.services, edit))
        self._announce(f"{edit.text()} — Ctrl+Z to undo")

    def open_dialog(self, contact_id: int) -> None:
        from netdesk.ui.contacts.dialog import ContactDialog

        dialog = ContactDialog(self.services, self.view.editor.region, contact_id, self.view)
        dialog.editor.save_requested.connect(self.save_contact)
        dialog.editor.jobs.edit_requested.connect(self.edit_job)
        dialog.editor.save_requested.connect(dialog.accept)
        dialog.open()

    def _open_current(self) -> None:
        ids = self.view.selected_ids()
        if len(ids) == 1 and self.view.table.hasFocus():
            self.open_dialog(ids[0])

    # -- the selected contacts -------------------------------------------------------------

    def delete_selected(self) -> None:
        ids = self.view.selected_ids()
        if ids and self.view.list_filter().scope != "trash":
            self.undo_stack.push(commands.trash_command(self.services, ids))
            moved = "%Ln contact(s) moved to the Trash — Ctrl+Z to undo"
            self._announce(counted("ContactsController", moved, len(ids)))

    def restore_selected(self) -> None:
        ids = self.view.selected_ids()
        if ids:
            self.undo_stack.push(commands.restore_command(self.services, ids))

    def empty_trash(self) -> None:
        ids = self.services.bulk.trashed_ids()
        if not ids:
            return
        from PySide6.QtWidgets import QMessageBox  # its type built when asked, not before usable

        answer = QMessageBox.question(
            self.view,
            "Empty Trash",
            counted(
                "ContactsController",
                "Delete %Ln contact(s) for good? This cannot be undone.",
                len(ids),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.services.bulk.purge(ids)
            self.undo_stack.clear()

    def toggle_archive(self) -> None:
        ids = self.view.selected_ids()
        if ids:
            archived = self.view.list_filter().scope != "archived"
            self.undo_stack.push(commands.archive_command(self.services, ids, archived))

    def set_circle_selected(self, circle: str) -> None:
        ids = self.view.selected_ids()
        if ids:
            self.undo_stack.push(commands.circle_command(self.services, ids, circle))

    def tag_selected(self, tag: str | None = None) -> QInputDialog | None:
        """Tag the selected contacts with `tag`, else open the dialog that asks for it."""
        ids = self.view.selected_ids()
        if not ids:
            return None
        if tag:
            self._tag(ids, tag)
            return None
        dialog = tag_dialog(self.view, len(ids), self.services.contacts.all_tags())
        dialog.textValueSelected.connect(lambda text: self._tag(ids, text))
        dialog.open()
        return dialog

    def _tag(self, ids: list[int], tag: str) -> None:
        if tag.strip():
            self.undo_stack.push(commands.tag_command(self.services, ids, tag.strip()))

    def untag_selected(self, tag: str | None = None) -> None:
        ids = self.view.selected_ids()
        if not ids:
            return
        if not tag:
            from PySide6.QtWidgets import QInputDialog  # built when asked, not before usable

            names = sorted({t for i in ids for t in self.services.contacts.tags_of(i)})
            tag, ok = QInputDialog.getItem(
                self.view, "Remove tag", "Tag to remove:", names, editable=False
            )
            if not ok or not tag:
                return
        self.undo_stack.push(commands.untag_command(self.services, ids, tag))

    def merge_selected(self) -> MergeDialog | None:
        ids = self.view.selected_ids()
        if len(ids) < 2:
            return None
        from netdesk.ui.contacts.merge_dialog import MergeDialog  # when first asked for

        dialog = MergeDialog(ids, [self.services.contacts.load(i) for i in ids], self.view)

        def merge() -> None:
            keeper = dialog.keeper_id()
            self.undo_stack.push(
                commands.MergeCommand(self.services, keeper, dialog.other_ids(), dialog.chosen())
            )
            self.view.editor.load(keeper)
            self.view.select_contact(keeper)

        dialog.accepted.connect(merge)
        dialog.open()
        return dialog

    # -- the contact in the editor ---------------------------------------------------------

    def log_interaction(self) -> int | None:
        """Ask for an interaction with the contact in the editor (Ctrl+L) and show it."""
        editor = self.view.editor
        if editor.contact_id is None:
            return None
        editor.tabs.setCurrentWidget(editor.timeline)
        return editor.timeline.ask_and_log()

    def write(self) -> QDialog | None:
        """Write to the contact in the editor from a template (Ctrl+Shift+W)."""
        from netdesk.ui.write_dialog import write_to

        contact_id = self.view.editor.contact_id
        if contact_id is None:
            return None
        dialog = write_to(
            self.services, self.undo_stack, contact_id, report=self._announce, parent=self.view
        )
        dialog.open()
        return dialog

    def edit_templates(self) -> None:
        """Edit the Write dialog's templates."""
        from netdesk.ui.templates_dialog import TemplatesDialog

        dialog = TemplatesDialog(self.services.templates, self.view, self.undo_stack)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    def delete_interactions(self, rows: list[InteractionRow]) -> None:
        """Delete interactions from the timeline (Ctrl+Z brings them back)."""
        self.undo_stack.push(commands.DeleteInteractionsCommand(self.services, rows))
        self.view.editor.timeline.refresh()
        self._announce("Interaction deleted — Ctrl+Z to undo")

    def follow_up_selected(self) -> int | None:
        """Schedule a follow-up with the contact in the editor (Ctrl+Shift+F)."""
        contact_id = self.view.editor.contact_id
        if contact_id is None:
            return None
        from netdesk.ui.followup_commands import FollowUpCommands
        from netdesk.ui.followup_dialog import ask_follow_up

        commands = FollowUpCommands(self.services.followups, self.undo_stack, self._announce)
        return ask_follow_up(self.view, self.services, contact_id, commands=commands)

    def edit_settings(self) -> None:
        """Ask for the default phone region (used from now on) and the circles' keep-in-touch
        intervals (changed with one undo)."""
        from netdesk.ui.contacts.settings_dialog import ContactSettingsDialog

        editor = self.view.editor
        cadence = self.services.cadence
        before = cadence.intervals()
        dialog = ContactSettingsDialog(editor.region, before, self.view)
        if dialog.exec() == ContactSettingsDialog.DialogCode.Accepted:
            self.settings.setValue(REGION_KEY, dialog.chosen_region())
            editor.set_region(dialog.chosen_region())
            use_region(dialog.chosen_region())
            self.services.contacts.renormalize_phones()
            chosen = dialog.chosen_intervals()
            if chosen != before:
                self.undo_stack.push(
                    Command(
                        "Change keep-in-touch intervals",
                        lambda: cadence.set_intervals(chosen),
                        cadence.set_intervals,
                    )
                )

    def context_menu(self, position: QPoint) -> None:
        menu = QMenu(self.view)
        if self.view.list_filter().scope == "trash":
            menu.addAction("Restore", self.restore_selected)
        else:
            for action in (
                self.log_action,
                self.write_action,
                self.follow_up_action,
                self.tag_action,
                self.untag_action,
            ):
                menu.addAction(action)
            menu.addMenu(self.circle_menu)
            for action in (self.archive_action, self.merge_action, self.delete_action):
                menu.addAction(action)
        menu.popup(self.view.table.viewport().mapToGlobal(position))

    def _announce(self, text: str) -> None:
        window = self.view.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 6000)
