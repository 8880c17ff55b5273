"""The Companies view: every organisation you know someone at, and your targets; the selected one
in full beside the list.

Typing in the search (Ctrl+F) narrows the list as you type, the company named first, then those
whose name starts so, and selects the first; "Targets" shows only the targets. Ctrl+T marks or
unmarks the selected company as a target, Ctrl+N adds a target by name; Ctrl+Z undoes either.
Enter on a person opens them in Contacts, on an event in Events. The list reloads when data
changes anywhere: at once while shown, else when next shown (a change that reads every company
is read ahead off the GUI thread while hidden: `prefetch`). The selected company's detail is
read at once, or off the GUI thread for a company of more than `READ_APART` people
(`detail_reader`: the newest selection's only).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.companies import PATCH_LIMIT, CompanyRow, TargetAdded, patched, rank
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.companies.model import CompanyTableModel
from netdesk.ui.companies.panel import CompanyPanel
from netdesk.ui.companies.pending import Pending
from netdesk.ui.latest_read import LatestRead
from netdesk.ui.navigation import show_contact, show_event
from netdesk.ui.numbers import grouped
from netdesk.ui.plain import plain_label
from netdesk.ui.plural import counted
from netdesk.ui.read_only import reading
from netdesk.ui.style import style_label
from netdesk.ui.tables import list_table, select_row
from netdesk.ui.undo import Command, undo_actions, undo_stack
from netdesk.ui.view_actions import ViewActions

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShowEvent

    from netdesk.core.companies import CompanyDetail, CompanyService
    from netdesk.core.opportunities import OpportunityService
    from netdesk.core.opportunity_rows import OpportunityRow
    from netdesk.core.services import Services
    from netdesk.ui.main_window import MainWindow

    Detail = tuple[CompanyRow, CompanyDetail, list[OpportunityRow]]

READ_APART = 500
"""People above which a company's detail is read on a worker: ~13 µs a person on the GUI
thread (4,354 people froze the window for 58-65 ms); a smaller company shows at once."""


def read_detail(
    companies: CompanyService, opportunities: OpportunityService, company: CompanyRow
) -> Detail:
    """`company` with its detail and its opportunities (on any thread)."""
    return company, companies.detail(company), opportunities.for_organisation(company.name)


class CompaniesView(QWidget):
    """The companies list with its search and Targets filter, and the selected company."""

    contact_requested = Signal(int)
    event_requested = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.companies = services.companies
        self.opportunities = services.opportunities
        self.clock = services.clock
        self.all_rows: list[CompanyRow] = []
        self.pending = Pending()
        self.prefetch = LatestRead(self, ahead=True)
        self.prefetch.read.connect(self._keep_ahead)
        self.ahead: list[CompanyRow] | None = None  # the newest read ahead, ended before showing
        self.detail_reader = LatestRead(self)
        self.detail_reader.read.connect(self._show_detail)
        self.detail_reader.failed.connect(self._detail_failed)

        self.search = QLineEdit()
        self.search.setObjectName("companySearch")
        self.search.setPlaceholderText("Who do I know at… (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Find a company")
        self.search.textChanged.connect(self._show_rows)
        self.search.returnPressed.connect(self._focus_list)
        self.targets_only = QCheckBox("Targets")
        self.targets_only.setToolTip("Show only the companies marked as targets")
        self.targets_only.toggled.connect(self._show_rows)
        reading(self.search, self.targets_only)
        self.add_button = QPushButton("Add target…")
        self.add_button.setToolTip("Add a company you want to get into (Ctrl+N)")
        self.add_button.clicked.connect(self.ask_target)
        self.model = CompanyTableModel(self.clock.today, self)
        self.table = list_table("companyTable", self.model, (220, 56, 100, 30), 28)
        self.table.setAccessibleName("Companies")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(False)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._sort_by)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.count = plain_label()
        style_label(self.count, "hint")

        self.panel = CompanyPanel(self.clock.today)
        self.panel.contact_requested.connect(self.contact_requested.emit)
        self.panel.event_requested.connect(self.event_requested.emit)
        self.panel.target_toggled.connect(self.set_target)
        self.placeholder = plain_label(
            "Nobody yet: companies appear here as you add people with an organisation. "
            "Add a company you want to get into as a target (Ctrl+N)."
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        style_label(self.placeholder, "hint")
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.panel)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.targets_only)
        filters.addWidget(self.add_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.undo_stack = undo_stack(self)
        self._build_actions()
        self._signals = ChangeSignals(services.changes, self)
        self._signals.changed.connect(self._on_change)
        self._read_ahead()  # the list ahead of its first showing (50-120 ms)

    def _build_actions(self) -> None:
        actions = ViewActions(self)
        self.find_action = actions.add(
            "Find a company", QKeySequence.StandardKey.Find, self.find_company
        )
        reading(self.find_action)
        self.target_action = actions.add("Mark as &target", "Ctrl+T", self.toggle_target)
        self.add_action = actions.add(
            "Add target company…", QKeySequence.StandardKey.New, self.ask_target
        )
        self.undo_action, self.redo_action = undo_actions(actions, self.undo_stack)

    def install_actions(self, window: MainWindow) -> None:
        """Edit → Undo/Redo; a person opens in Contacts, an event in Events."""
        window.add_undo_actions(self.undo_action, self.redo_action)
        self.contact_requested.connect(lambda contact_id: show_contact(window, contact_id))
        self.event_requested.connect(lambda event_id: show_event(window, event_id))

    # -- showing ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self.pending.any():
            self.refresh()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.prefetch.shut_down()
        self.detail_reader.shut_down()
        super().closeEvent(event)

    def _on_change(self, topic: str, ids: frozenset[int]) -> None:
        queue = not self.pending.any()
        if not self.pending.note(topic, ids):
            return
        if self.isVisible():
            if queue:
                QTimer.singleShot(0, self.refresh)
        elif self.pending.everything:
            self._read_ahead()  # taken when shown

    def refresh(self) -> None:
        """Bring the list up to date with the changes noted (see `pending`), keeping the
        selected company (shown afresh)."""
        changes = self.pending.take()
        companies = changes.companies
        if changes.contacts and not changes.everything:
            found = self.companies.companies_of(changes.contacts)
            changes.everything = found is None or len(companies | found) > PATCH_LIMIT
            companies = companies | (found or set())
        if changes.everything:
            running = self.prefetch.take()
            ahead = running[0] if running else self.ahead
            self.ahead = None  # failed: read again here, where a fault is shown
            self.all_rows = self.companies.rows() if ahead is None else ahead
        elif companies:
            self.all_rows = patched(self.all_rows, self.companies.rows_of(companies))
        self.panel.company = None
        self._show_rows()

    def _read_ahead(self) -> None:
        self.ahead = None
        self.prefetch.start(self.companies.rows)

    def _keep_ahead(self, rows: list[CompanyRow]) -> None:
        """A read ahead that ended before the view was shown (`take` then has none)."""
        self.ahead = rows

    def reload(self) -> None:
        """Read every company again."""
        self.pending.everything = True
        self.refresh()

    def _show_rows(self) -> None:
        keep = self.current_id()
        rows = self.all_rows
        if self.targets_only.isChecked():
            rows = [row for row in rows if row.target]
        text = self.search.text()
        rows = rank(rows, text)
        self.model.set_rows(rows)
        self.count.setText(self._count_text(len(rows)))
        row = self.model.row_of(keep) if keep is not None and not text else -1
        self._select_row(max(row, 0) if rows else -1)

    def _count_text(self, shown: int) -> str:
        total = len(self.all_rows)
        if shown == total:
            return counted("CompaniesView", "%Ln (company|companies)", total)
        return counted("CompaniesView", "%1 of %Ln (company|companies)", total).replace(
            "%1", grouped(shown)
        )

    def _select_row(self, row: int) -> None:
        if row < 0:
            self.right.setCurrentWidget(self.placeholder)
            return
        select_row(self.table, row)
        self._show_company(row)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_company(current.row())

    def _show_company(self, row: int) -> None:
        company = self.model.rows[row]
        if self.panel.company == company and self.right.currentWidget() is self.panel:
            return
        read = partial(read_detail, self.companies, self.opportunities, company)
        if company.people > READ_APART:
            self.detail_reader.start(read)
        else:
            self.detail_reader.forget()
            self._show_detail(read())

    def _show_detail(self, detail: Detail) -> None:
        company, people, opportunities = detail
        if self.current_id() != company.id:  # selected meanwhile: its own read shows it
            return
        self.panel.show_company(company, people)
        self.panel.show_opportunities(opportunities)
        self.right.setCurrentWidget(self.panel)

    def _detail_failed(self, message: str) -> None:
        self.panel.summary.setText(f"Could not read this company: {message}")

    def _sort_by(self, column: int) -> None:
        header = self.table.horizontalHeader()
        same = header.sortIndicatorSection() == column and header.isSortIndicatorShown()
        ascending = Qt.SortOrder.AscendingOrder
        order = (
            Qt.SortOrder.DescendingOrder
            if same and header.sortIndicatorOrder() == ascending
            else ascending
        )
        if column in (1, 2, 3) and not same:
            order = Qt.SortOrder.DescendingOrder  # most people, latest contact, targets first
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, order)
        self.model.sort(column, order)

    def current_id(self) -> int | None:
        """The selected company's id."""
        return self.model.row_id(self.table.currentIndex().row())

    def select(self, company_id: int) -> None:
        """Select a company, clearing the search and filter that hide it."""
        if not any(row.id == company_id for row in self.model.rows):
            self.search.clear()
            self.targets_only.setChecked(False)
        row = self.model.row_of(company_id)
        if row >= 0:
            self._select_row(row)

    def _focus_list(self) -> None:
        self.table.setFocus()

    def find_company(self) -> None:
        """Ctrl+F: into the search, its text selected."""
        self.search.setFocus()
        self.search.selectAll()

    # -- targets ----------------------------------------------------------------------------

    def toggle_target(self) -> None:
        """Ctrl+T: mark the selected company as a target, or unmark it."""
        company_id = self.current_id()
        if company_id is None:
            return
        row = self.model.rows[self.model.row_of(company_id)]
        self.set_target(not row.target)

    def set_target(self, target: bool) -> None:
        """Mark or unmark the selected company, undoably."""
        company_id = self.current_id()
        if company_id is None:
            return
        name = self.model.rows[self.model.row_of(company_id)].name
        text = f"Mark {name} as a target" if target else f"Unmark {name} as a target"
        service = self.companies

        def undo(before: bool | None) -> None:
            if before is not None:
                service.set_target(company_id, before)
                self._reload_now(company_id, reveal=False)

        def do() -> bool | None:
            before = service.set_target(company_id, target)
            self._reload_now(company_id, reveal=False)
            return before

        self.undo_stack.push(Command(text, do, undo, changed=lambda before: before is not None))

    def ask_target(self) -> None:
        """Ctrl+N: ask for a company's name and add it as a target."""
        name, ok = QInputDialog.getText(
            self, "Add target company", "A company you want to get into:", QLineEdit.EchoMode.Normal
        )
        if ok and name.strip():
            self.add_target(name)

    def add_target(self, name: str) -> None:
        """Mark the company called `name` a target (creating it when new), undoably."""
        service = self.companies

        def do() -> TargetAdded:
            added = service.add_target(name)
            self._reload_now(added.company_id)
            return added

        def undo(added: TargetAdded) -> None:
            service.undo_add_target(added)
            self._reload_now(None)

        self.undo_stack.push(Command(f"Add target {name.strip()}", do, undo))

    def _reload_now(self, company_id: int | None, reveal: bool = True) -> None:
        """Refresh at once and select the company: clearing the search and filter that hide it
        when `reveal`, else only if they show it."""
        self.refresh()
        if company_id is not None and (reveal or self.model.row_of(company_id) >= 0):
            self.select(company_id)
