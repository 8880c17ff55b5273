"""One company beside the list: its people, those who used to work there, its events, its
opportunities and, for a target nobody you know works at, the ways in.

Enter or a double-click on a person (or a way in) asks to open them in Contacts, on an event to
open it in Events, on an opportunity to open it in Opportunities (`contact_requested`,
`event_requested`, `opportunity_requested`); the Target button asks the view to
mark or unmark the company (`target_toggled`), which the view makes undoable. A table with
nothing to show is hidden with its title.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.companies import CompanyDetail, CompanyRow
from netdesk.core.company_detail import CompanyEvent
from netdesk.core.opportunity_rows import OpportunityRow
from netdesk.ui.companies.model import RowsModel, TextRow, last_contact_text
from netdesk.ui.dates import day_label
from netdesk.ui.list_rows import fit_rows
from netdesk.ui.plain import plain_label
from netdesk.ui.plural import counted
from netdesk.ui.style import style_label
from netdesk.ui.tables import list_table
from netdesk.ui.timefmt import local_from_utc

SNUG_ROOM = 16
"""What a snug column adds to its widest text: the room the panel's other date columns (Last
contact, Left, When) leave after theirs, so the last one's text does not touch the table's
edge."""

SHORT_ROWS = 4
"""A table of up to this many rows is as tall as they are (no scroll bar for three former
colleagues); a longer one shares what is left. Four tables of four rows fit a 1024x768 window."""


class _Section:
    """A titled table of the panel; its rows' ids are contacts or events."""

    def __init__(
        self, title: str, name: str, headers: dict[str, int | None], snug: tuple[int, ...] = ()
    ) -> None:
        """`headers`: each column's width, None for the columns that share the room left;
        the `snug` columns are as wide as their title and cells (and SNUG_ROOM), at most that
        width."""
        self.title = plain_label(title)
        style_label(self.title, "sectionTitle")
        self.model = RowsModel(tuple(headers))
        widths = tuple(headers.values())
        self.snug = {column: widths[column] or 0 for column in snug}
        self.table: QTableView = list_table(name, self.model, tuple(w or 100 for w in widths), 28)
        self.model.setParent(self.table)
        self.table.setAccessibleName(title)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate(widths):
            mode = QHeaderView.ResizeMode.Stretch if width is None else QHeaderView.ResizeMode.Fixed
            header.setSectionResizeMode(column, mode)

    def show_rows(self, rows: list[TextRow], shown: bool = True) -> None:
        self.model.set_rows(rows)
        fit_rows(self.table, SHORT_ROWS)
        for widget in (self.title, self.table):
            widget.setVisible(shown and bool(rows))
        header = self.table.horizontalHeader()
        for column, most in self.snug.items():
            cells = self.table.sizeHintForColumn(column) + SNUG_ROOM
            needed = max(cells, header.sectionSizeHint(column))
            header.resizeSection(column, min(needed, most))


def _people_words(count: int) -> str:
    return counted("CompanyPanel", "%Ln (person|people)", count)


def _day(when: datetime | date | None, today: date) -> str:
    """A stored moment's local day, or a plain day, as lists write days ("" for none)."""
    if when is None:
        return ""
    day = local_from_utc(when).date() if isinstance(when, datetime) else when
    return day_label(day, today)


class CompanyPanel(QWidget):
    """Shows one company (`show_company`); asks the view to act through its signals."""

    contact_requested = Signal(int)
    event_requested = Signal(int)
    opportunity_requested = Signal(int)
    target_toggled = Signal(bool)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.company: CompanyRow | None = None
        self.heading = plain_label()  # a long name wraps onto a second line rather than end in …
        self.heading.setWordWrap(True)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        style_label(self.heading, "editorHeading")
        self.summary = plain_label()
        style_label(self.summary, "hint")
        self.target_button = QPushButton("☆ Mark as target")
        self.target_button.setObjectName("targetButton")
        self.target_button.setCheckable(True)
        self.target_button.setToolTip("A company you want to work at or with (Ctrl+T)")
        self.target_button.clicked.connect(
            lambda: self.target_toggled.emit(self.target_button.isChecked())
        )
        self.nobody = plain_label()
        self.nobody.setObjectName("nobodyMessage")
        self.nobody.setWordWrap(True)

        self.people = _Section(
            "People",
            "companyPeople",
            {"Name": None, "Title": None, "Circle": 120, "Last contact": 100},
        )
        self.ways = _Section(  # at most 12 rows: measured whole each time
            "Ways in", "companyWaysIn", {"Who": 170, "How": None, "When": 110}, snug=(0, 2)
        )
        self.former = _Section(
            "Used to work there",
            "companyFormer",
            {"Name": None, "Title there": None, "Left": 110, "Now at": None},
        )
        self.events = _Section(
            "Events", "companyEvents", {"When": 110, "Event": None, "Who was there": None}
        )
        for section in (self.people, self.ways, self.former):
            section.table.activated.connect(
                lambda index, model=section.model: self._open(model, index)
            )
        self.events.table.activated.connect(self._open_event)
        self.opportunities = _Section(
            "Opportunities", "companyOpportunities", {"Role": None, "Stage": 130, "Next step": None}
        )
        self.opportunities.table.activated.connect(self._open_opportunity)

        head = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.heading)
        names.addWidget(self.summary)
        head.addLayout(names, 1)
        head.addWidget(self.target_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.nobody)
        for section, stretch in (
            (self.people, 3),
            (self.ways, 2),
            (self.former, 1),
            (self.events, 2),
            (self.opportunities, 1),
        ):
            layout.addWidget(section.title)
            layout.addWidget(section.table, stretch)

    def show_company(self, company: CompanyRow, detail: CompanyDetail) -> None:
        """Show `company` with its people, former people, events and ways in."""
        self.company = company
        today = self.today()
        self.heading.setText(company.name)
        summary = _people_words(len(detail.people))
        if company.last_contacted_at is not None:
            summary += f" · last contact {last_contact_text(company.last_contacted_at, today)}"
        if detail.former:
            summary += f" · {_people_words(len(detail.former))} used to work there"
        self.summary.setText(summary)
        self.target_button.setChecked(company.target)
        self.target_button.setText("★ Target" if company.target else "☆ Mark as target")
        last = lru_cache(maxsize=None)(lambda moment: last_contact_text(moment, today))
        self.people.show_rows(  # many share a last contact (a company of thousands: one a day)
            [
                TextRow(p.id, (p.name, p.title, p.circle, last(p.last_contacted_at)))
                for p in detail.people
            ]
        )
        self.former.show_rows(
            [
                TextRow(p.id, (p.name, p.title, _day(p.left_on, today), p.now_at))
                for p in detail.former
            ],
            shown=not detail.ways,  # a target's former people lead the ways in
        )
        self.events.show_rows(
            [
                TextRow(e.id, (_day(e.starts_at, today), e.name, self._who(e, company.name)))
                for e in detail.events
            ]
        )
        self.ways.show_rows(
            [TextRow(w.contact_id, (w.name, w.why, _day(w.when, today))) for w in detail.ways]
        )
        self._say_nobody(company, bool(detail.people), bool(detail.ways))

    def _say_nobody(self, company: CompanyRow, people: bool, ways: bool) -> None:
        """When nobody you know works there, say so, and what a target could do."""
        message = ""
        if not people:
            message = f"You know nobody at {company.name} yet."
            if ways:
                message += " These people could introduce you:"
            elif company.target:
                message += (
                    " No way in is recorded yet: log an introduction someone makes for you "
                    "(Log interaction → received → introduction), or the people you meet at "
                    f"events where someone from {company.name} is."
                )
        self.nobody.setText(message)
        self.nobody.setVisible(bool(message))

    @staticmethod
    def _who(event: CompanyEvent, name: str) -> str:
        who = ", ".join(event.people)
        if event.organised:
            return f"organised by {name}" + (f"; {who}" if who else "")
        return who

    def _open(self, model: RowsModel, index: QModelIndex) -> None:
        contact_id = model.row_id(index.row())
        if contact_id is not None:
            self.contact_requested.emit(contact_id)

    def show_opportunities(self, rows: list[OpportunityRow]) -> None:
        """The company's opportunities: role, stage, next step (hidden when there are none)."""
        today = self.today()
        self.opportunities.show_rows(
            [
                TextRow(
                    row.id,
                    (
                        row.title or "(no role)",
                        row.stage,
                        f"{_day(row.next_step_on, today)}: {row.next_step}".strip(": ")
                        if row.next_step_on
                        else "",
                    ),
                )
                for row in rows
            ]
        )

    def _open_opportunity(self, index: QModelIndex) -> None:
        opportunity_id = self.opportunities.model.row_id(index.row())
        if opportunity_id is not None:
            self.opportunity_requested.emit(opportunity_id)

    def _open_event(self, index: QModelIndex) -> None:
        event_id = self.events.model.row_id(index.row())
        if event_id is not None:
            self.event_requested.emit(event_id)
