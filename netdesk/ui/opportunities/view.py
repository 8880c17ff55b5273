"""The Opportunities view: the board (a column per stage) or the list, filtered as you type.

Keys: Ctrl+N new opportunity; on the board arrows move between cards, Shift+Right / Shift+Left
move a card to the next / previous stage, Enter opens it, R asks for a referral, Delete deletes;
in the list Enter, R and Delete do the same. Ctrl+Z / Ctrl+Shift+Z undo and redo every change
(moves, edits, deletes, referrals asked). File → Export opportunities (CSV)… writes what is shown.

Other views come in through `open_opportunity(id)` (a contact's Opportunities tab) and
`show_organisation(name)` (the Companies view: the list filtered to one organisation's openings).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.opportunities import OpportunityDraft, Snapshot
from netdesk.core.opportunity_csv import csv_text
from netdesk.core.opportunity_rows import ACTIVE_STAGES, OpportunityRow
from netdesk.core.services import Services
from netdesk.core.vocabulary import OPPORTUNITY_STAGES
from netdesk.private_files import write_private
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.column_fitter import ColumnFitter
from netdesk.ui.opportunities.board import Board
from netdesk.ui.opportunities.dialog import OpportunityDialog
from netdesk.ui.opportunities.referral import ask_for_referral
from netdesk.ui.opportunities.table import COLUMNS, ID_ROLE, SORT_ROLE, OpportunityTableModel
from netdesk.ui.plain import plain_label
from netdesk.ui.plural import counted
from netdesk.ui.read_only import reading
from netdesk.ui.style import style_label
from netdesk.ui.table_hint import TableHint
from netdesk.ui.tables import list_table
from netdesk.ui.undo import Command, undo_actions, undo_stack
from netdesk.ui.view_actions import ViewActions

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from netdesk.ui.main_window import MainWindow

_TOPICS = ("opportunities", "followups", "contacts")
# Role at 200: "Product manager, payments" reads whole in a 1024-pixel window; "Next step on"
# at 115 beside its sort arrow
_LIST_WIDTHS = (140, 200, 120, 115, 190, 220, 170, 110)
# A narrow list (a 1024-pixel window) leaves these out, in this order, before it squeezes the
# next step below 200 px (or its text); it never scrolls sideways.
_LIST_DROPPED_FIRST = tuple(COLUMNS.index(c) for c in ("Updated", "Heard of it", "People"))


class OpportunitiesView(QWidget):
    """Every opportunity on the board or in the list; each opens in a dialog."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.opportunities = services.opportunities
        self.dialog: QDialog | None = None
        self.rows: list[OpportunityRow] = []
        self._stale = True

        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by company, role, people, notes…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Filter opportunities")
        self.stage_filter = QComboBox()
        self.stage_filter.setAccessibleName("Stages shown in the list")
        self.stage_filter.addItem("Open stages", ACTIVE_STAGES)
        self.stage_filter.addItem("All stages", None)
        for stage in OPPORTUNITY_STAGES:
            self.stage_filter.addItem(stage.capitalize(), (stage,))
        self.board_button = QPushButton("&Board")
        self.list_button = QPushButton("&List")
        self.modes = QButtonGroup(self)
        for number, button in enumerate((self.board_button, self.list_button)):
            button.setCheckable(True)
            self.modes.addButton(button, number)
        self.board_button.setChecked(True)
        self.new_button = QPushButton("New opportunity")
        self.new_button.setToolTip("New opportunity (Ctrl+N)")
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setToolTip("Save the opportunities shown as CSV for a spreadsheet")
        reading(self.board_button, self.list_button, self.stage_filter, self.export_button)

        self.model = OpportunityTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = list_table("opportunityTable", self.proxy, _LIST_WIDTHS, 30)
        self.table.setAccessibleName("Opportunities")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMNS.index("Next step"), QHeaderView.ResizeMode.Stretch)
        ColumnFitter(self.table, COLUMNS.index("Next step"), _LIST_DROPPED_FIRST, 200)
        self.list_hint = TableHint(self.table)  # an empty list says why, as the board does
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self._open_current())
        self.pages = QStackedWidget()
        self._stand_in = QWidget()  # the board's place until it is made (`board`)
        self.pages.addWidget(self._stand_in)
        self.pages.addWidget(self.table)
        self.count = plain_label()
        style_label(self.count, "hint")
        self.message = plain_label()
        self.message.setWordWrap(True)
        style_label(self.message, "hint")

        bar = QHBoxLayout()
        bar.addWidget(self.board_button)
        bar.addWidget(self.list_button)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.stage_filter)
        bar.addWidget(self.new_button)
        bar.addWidget(self.export_button)
        foot = QHBoxLayout()
        foot.addWidget(self.message, 1)
        foot.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        layout.addLayout(foot)

        self.undo_stack = undo_stack(self)
        actions = ViewActions(self)
        self.new_action = actions.add(
            "New &opportunity", QKeySequence.StandardKey.New, self.new_opportunity
        )
        self.undo_action, self.redo_action = undo_actions(actions, self.undo_stack)
        self.export_action = QAction("Export opportunities (&CSV)…", self)
        self.export_action.triggered.connect(self.choose_export)
        reading(self.export_action, self.search)
        self.search.textChanged.connect(self.reload)
        self.stage_filter.currentIndexChanged.connect(self.reload)
        self.modes.idClicked.connect(self.show_mode)
        self.new_button.clicked.connect(self.new_opportunity)
        self.export_button.clicked.connect(self.choose_export)
        self._signals = ChangeSignals(services.changes, self)
        self._signals.changed.connect(self._on_change)
        self.show_mode(0)

    made_later = ("board",)
    """Made when first used (the view reads when shown: `reload`), or by start-up in a step
    after the view's (`ui/startup.py`): the board's ten list views were most of the view."""

    @cached_property
    def board(self) -> Board:
        """The columns of cards, the first page (in place of the stand-in the view began with)."""
        board = Board()
        board.open_requested.connect(self.open_opportunity)
        board.move_requested.connect(self.move_to)
        board.delete_requested.connect(self.delete)
        board.referral_requested.connect(self.ask_referral)
        current = self.pages.currentIndex()
        self.pages.insertWidget(0, board)
        self.pages.removeWidget(self._stand_in)
        self._stand_in.deleteLater()
        self.pages.setCurrentIndex(current)
        return board

    def install_actions(self, window: MainWindow) -> None:
        """File → New / Export, Edit → Undo/Redo; a contact's Opportunities tab and a company's
        opportunities open here."""
        window.add_file_action(self.new_action)
        window.add_file_action(self.export_action, "export")
        window.add_undo_actions(self.undo_action, self.redo_action)
        for key, part in (("contacts", "editor"), ("companies", "panel")):
            source = getattr(window.views.get(key), part, None)
            if source is not None and hasattr(source, "opportunity_requested"):
                source.opportunity_requested.connect(
                    lambda opportunity_id: self._open_from(window, opportunity_id)
                )

    def _open_from(self, window: MainWindow, opportunity_id: int) -> None:
        window.show_view("opportunities")
        self.open_opportunity(opportunity_id)

    # -- showing ------------------------------------------------------------------------------

    def show_mode(self, mode: int) -> None:
        """0: the board, 1: the list (the stage filter is the list's: the board shows them all)."""
        self.modes.button(mode).setChecked(True)
        self.pages.setCurrentIndex(mode)
        self.stage_filter.setVisible(mode == 1)
        if self.isVisible():
            self.reload()
        else:  # read when shown (start-up makes the view hidden)
            self._stale = True

    def home_focus(self) -> QWidget:
        """Where the keyboard goes when the view is shown by its key: a card of the board, or
        the list."""
        return self.board.focus_first() if self.pages.currentIndex() == 0 else self.table

    def show_organisation(self, name: str) -> None:
        """The list of one organisation's opportunities, every stage (the Companies view's way
        in): the filter holds the name, so clearing it shows them all again."""
        self.stage_filter.setCurrentIndex(1)
        self.search.setText(name)
        self.show_mode(1)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _on_change(self, topic: str, _ids: object) -> None:
        if topic in _TOPICS:
            self._stale = True
            if self.isVisible():
                QTimer.singleShot(0, self._reload_if_stale)

    def _reload_if_stale(self) -> None:
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the opportunities again and show those the filter lets through."""
        self._stale = False
        today = self.services.clock.today()
        board = self.pages.currentIndex() == 0
        stages = None if board else self.stage_filter.currentData()
        self.rows = self.opportunities.rows(self.search.text(), stages)
        if board:
            self.board.set_rows(self.rows, today, self._empty_words())
        else:
            current = self.current_id()
            self.model.set_rows(self.rows, today)
            self.list_hint.say("" if self.rows else self._empty_words(stages is not None))
            if current is not None:
                self._select_in_list(current)
        self.count.setText(
            counted("Opportunities", "%Ln (opportunity|opportunities)", len(self.rows))
        )
        for export in (self.export_button, self.export_action):  # nothing shown, nothing to save
            export.setEnabled(bool(self.rows))

    def _empty_words(self, by_stage: bool = False) -> str:
        """What an empty board or list says: why, and what to do (`by_stage`: the list's stage
        filter may be why)."""
        if self.search.text().strip():
            return self.tr("No opportunity matches the filter.")
        if by_stage and self.opportunities.rows("", None):
            return self.tr("No opportunity at these stages: All stages shows the others.")
        return self.tr(
            "No opportunities yet. New opportunity (Ctrl+N) adds one: the role, its company "
            "and the people behind it."
        )

    def current_id(self) -> int | None:
        """The opportunity selected on the board or in the list."""
        if self.pages.currentIndex() == 0:
            return self.board.current_id()
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, opportunity_id: int) -> None:
        if self.pages.currentIndex() == 0:
            self.board.select(opportunity_id)
        else:
            self._select_in_list(opportunity_id)

    def _select_in_list(self, opportunity_id: int) -> None:
        row = self.model.row_of(opportunity_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def say(self, text: str) -> None:
        self.message.setText(text)

    # -- changes --------------------------------------------------------------------------------

    def new_opportunity(self) -> OpportunityDialog:
        """A dialog for a new opportunity, heard of today."""
        draft = OpportunityDraft(heard_on=self.services.clock.today())
        dialog = OpportunityDialog(self.services, draft, parent=self)
        dialog.saved.connect(self._create)
        self._open_dialog(dialog)
        return dialog

    def open_opportunity(self, opportunity_id: int) -> OpportunityDialog | None:
        """Open an opportunity in its dialog."""
        if self.opportunities.get(opportunity_id) is None:
            self.say("That opportunity is gone (deleted?).")
            return None
        self.select(opportunity_id)
        draft = self.opportunities.load_draft(opportunity_id)
        dialog = OpportunityDialog(self.services, draft, opportunity_id=opportunity_id, parent=self)
        dialog.saved.connect(lambda edited: self._update(opportunity_id, edited))
        dialog.delete_requested.connect(lambda: self.delete(opportunity_id))
        dialog.referral_requested.connect(lambda: self.ask_referral(opportunity_id))
        self._open_dialog(dialog)
        return dialog

    def _create(self, draft: OpportunityDraft) -> None:
        command = Command(
            "New opportunity", lambda: self.opportunities.create(draft), self.opportunities.restore
        )
        self.undo_stack.push(command)
        self.reload()
        self.select(command.record.opportunity_id)
        self.say(f"Added {draft.title or draft.company}. Ctrl+Z undoes.")

    def _update(self, opportunity_id: int, draft: OpportunityDraft) -> None:
        self._push("Edit opportunity", lambda: self.opportunities.update(opportunity_id, draft))

    def move_to(self, opportunity_id: int, stage: str) -> None:
        """Move an opportunity to `stage` (a drag, Shift+arrow), undoably."""
        row = self.opportunities.get(opportunity_id)
        if row is None or row.stage == stage:
            return
        self._push(
            f"Move {row.heading()} to {stage}",
            lambda: self.opportunities.move(opportunity_id, stage),
        )
        self.reload()
        self.select(opportunity_id)

    def delete(self, opportunity_id: int) -> None:
        """Delete an opportunity (Ctrl+Z brings it back)."""
        row = self.opportunities.get(opportunity_id)
        if row is None:
            return
        self._push(f"Delete {row.heading()}", lambda: self.opportunities.delete(opportunity_id))
        self.say(f"Deleted {row.heading()}. Ctrl+Z brings it back.")

    def _push(self, label: str, do: Callable[[], Snapshot]) -> None:
        command = Command(label, do, self.opportunities.restore)
        self.undo_stack.push(command)
        snapshot: Snapshot = command.record
        if snapshot.said:
            self.say(f"{snapshot.said} Ctrl+Z undoes.")

    def ask_referral(self, opportunity_id: int) -> None:
        dialog = ask_for_referral(self.services, self.undo_stack, opportunity_id, self.say, self)
        if dialog is not None:
            self._open_dialog(dialog)

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _open_current(self) -> None:
        opportunity_id = self.current_id()
        if opportunity_id is not None:
            self.open_opportunity(opportunity_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter, R and Delete in the list."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            opportunity_id = self.current_id()
            if opportunity_id is not None:
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.open_opportunity(opportunity_id)
                    return True
                if event.key() == Qt.Key.Key_R and not event.modifiers():
                    self.ask_referral(opportunity_id)
                    return True
                if event.key() == Qt.Key.Key_Delete:
                    self.delete(opportunity_id)
                    return True
        return super().eventFilter(watched, event)

    # -- export -----------------------------------------------------------------------------------

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export opportunities", str(Path.home() / "opportunities.csv"), "CSV (*.csv)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the opportunities shown (the filter's) as CSV, owner-only."""
        try:
            write_private(path, csv_text(self.rows))
        except OSError as problem:
            self.say(f"Could not save {path.name}: {problem.strerror}")
            return
        saved = counted("Opportunities", "Saved %Ln (opportunity|opportunities)", len(self.rows))
        self.say(f"{saved} to {path.name}.")
