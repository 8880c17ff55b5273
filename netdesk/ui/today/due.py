"""Due today and overdue: every pending follow-up due by tonight, today's first, then the overdue
ones oldest first; a group longer than WHOLE_UP_TO shows its first GROUP_ROWS and ends in an
"N more" row that Enter or a click expands (a shorter one shows whole: "2 more…" saved one row).

D marks done, S snoozes, L logs an interaction, W writes the message the follow-up calls for
(Done once it is sent), Enter opens the follow-up; each change is
undoable and the list keeps its place (after Done, the next row is current).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date, datetime
from functools import partial
from typing import NamedTuple, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QListWidgetItem, QMenu, QWidget

from netdesk.core.dashboard import DueGroup, due_first
from netdesk.core.followup_queries import FollowUpRow
from netdesk.ui.calendar.agenda import (
    CONTACT_ROLE,
    ID_ROLE,
    KIND_ROLE,
    ROWS_AT_ONCE,
    AgendaList,
)
from netdesk.ui.calendar.month_grid import MUTED
from netdesk.ui.followup_commands import FollowUpCommands
from netdesk.ui.followup_dialog import FollowUpDialog, snooze_menu
from netdesk.ui.list_rows import fit_rows, muted_item
from netdesk.ui.numbers import grouped
from netdesk.ui.read_only import reading
from netdesk.ui.today.log_action import log_with
from netdesk.ui.today.section import TodayContext, TodaySection, section_list
from netdesk.ui.today.write_action import write_with

DueGroups = tuple[DueGroup, DueGroup]
"""Due today, and overdue, each read as far as shown (`core.dashboard.due_first`)."""
RowKey = tuple[Hashable, ...]
"""What a row shows, its kind and id first (as KIND_ROLE and ID_ROLE; a heading's id is its
title, its count next): rows of equal keys look alike, and `DueList.item_for` makes a row from
its key."""

GROUP_ROWS = 8  # rows a group shows before its "N more"
WHOLE_UP_TO = GROUP_ROWS + 2
"""A group this long shows whole: its "N more" row would take the place of one of at most two
rows it hides."""
MOST_ROWS = 2 * (1 + WHOLE_UP_TO)
"""The list's tallest before it scrolls (Today's other lists stop at MAX_ROWS): both groups
shown whole under their headings."""
_CHOSEN = ("followup", "more")  # the kinds of row that can be current


def _kind(row: FollowUpRow) -> str:
    return "done" if row.status == "done" else "followup"  # as AgendaList.followup_item


def row_keys(
    groups: DueGroups, today: date, expanded: frozenset[str], titles: dict[str, str]
) -> list[RowKey]:
    """The rows' keys: each group under its heading (`titles` by group), all of an `expanded`
    one or one of at most WHOLE_UP_TO rows, else its first GROUP_ROWS and "N more" (no Qt: made
    on Today's worker)."""
    keys: list[RowKey] = []
    for group, read in zip(("today", "overdue"), groups, strict=True):
        if not read.total:
            continue
        keys.append(("heading", titles[group], read.total))
        whole = group in expanded or read.total <= WHOLE_UP_TO
        shown = read.rows if whole else read.rows[:GROUP_ROWS]
        with_day = group == "overdue"
        keys += [(_kind(row), row.id, row, today, with_day) for row in shown]
        if read.total > len(shown):
            keys.append(("more", group, read.total - len(shown)))
    return keys or [("nothing", "")]


def row_changes(old: list[RowKey], keys: list[RowKey]) -> tuple[list[int], bytearray] | None:
    """From rows of keys `old` to those of `keys`: the indexes of the old rows gone and which
    new rows are kept (1), when at most ROWS_AT_ONCE rows are new and the rows kept keep their
    order; else None (no Qt: made on Today's worker)."""
    where = {key[1]: index for index, key in enumerate(keys)}  # by id
    if not old or len(where) != len(keys):
        return None
    kept = bytearray(len(keys))
    gone: list[int] = []
    last = -1
    for index, key in enumerate(old):
        at = where.get(key[1])
        if at is None or keys[at] != key:
            gone.append(index)
        elif at <= last:  # moved, or twice
            return None
        else:
            kept[at], last = 1, at
    return (gone, kept) if len(keys) - sum(kept) <= ROWS_AT_ONCE else None


class DuePlan(NamedTuple):
    """The rows to show (`keys`) and, made beside the read, how they differ from the rows of
    keys `old` (`row_changes`)."""

    keys: list[RowKey]
    old: list[RowKey]
    changes: tuple[list[int], bytearray] | None


class DueList(AgendaList):
    """Today's follow-ups, then the overdue ones, each group under a heading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(False)
        section_list(self)
        self.expanded: set[str] = set()
        self._wanted: tuple[tuple[str, object] | None, int] | None = None
        self._keys: list[RowKey] = []  # each row's, in order (rows still to add included)
        self.filled.connect(self._select_wanted)

    def fill(self, due_today: DueGroup, overdue: DueGroup, today: date) -> None:
        """The groups' rows (`show_plan` of a plan made here)."""
        self.show_plan(self.planner(today)((due_today, overdue)))

    def planner(self, today: date) -> Callable[[DueGroups], DuePlan]:
        """What makes the plan of the rows of the groups read (on Today's worker: their keys
        and how they differ from the rows shown now, 15-25 ms of the GUI thread with 4,300
        overdue rows expanded)."""
        old, expanded = self._keys, frozenset(self.expanded)
        titles = {"today": self.tr("Due today ({0})"), "overdue": self.tr("Overdue ({0})")}

        def plan(groups: DueGroups) -> DuePlan:
            keys = row_keys(groups, today, expanded, titles)
            return DuePlan(keys, old, row_changes(old, keys))

        return plan

    def show_plan(self, plan: DuePlan) -> None:
        """The rows of `plan`. When few are new and the rows kept keep their order, only the
        rows that differ are taken out and put in (Done on one of 3,600 overdue rows built them
        all again: ~0.27 s of the GUI thread); otherwise the first rows at once and the rest
        between turns of the event loop. Rows shown since the plan was made are compared
        here."""
        keys = plan.keys
        changes = plan.changes if plan.old is self._keys else row_changes(self._keys, keys)
        if self.filling or changes is None:
            self.clear()
            self._wanted = None
            self._keys = keys
            self.add_later([partial(self._add, key) for key in keys])
        else:
            self._patch(keys, *changes)
        fit_rows(self, MOST_ROWS)

    def clear(self) -> None:
        self._keys = []
        super().clear()

    def _add(self, key: RowKey) -> None:
        self.addItem(self.item_for(key))

    def limits(self) -> tuple[int | None, int | None]:
        """How many rows of each group to read: all of an expanded one, else enough to show one
        of WHOLE_UP_TO rows whole."""
        today, overdue = (None if g in self.expanded else WHOLE_UP_TO for g in ("today", "overdue"))
        return today, overdue

    def item_for(self, key: RowKey) -> QListWidgetItem:
        """The row `key` describes."""
        kind = key[0]
        if kind == "heading":
            return self.heading_item(str(key[1]).format(grouped(cast(int, key[2]))))
        if kind == "more":
            return self._more_item(str(key[1]), cast(int, key[2]))
        if kind == "nothing":
            return self._nothing_due()
        return self.followup_item(cast(FollowUpRow, key[2]), cast(date, key[3]), bool(key[4]))

    def _patch(self, keys: list[RowKey], gone: list[int], kept: bytearray) -> None:
        """Take out the rows `gone`, put in the rows of `keys` not `kept`: the current row, the
        selection and the rows in sight stay."""
        top = self.itemAt(0, 0)
        for index in reversed(gone):
            self.takeItem(index)
        for index, key in enumerate(keys):
            if not kept[index]:
                self.insertItem(index, self.item_for(key))
        self._keys = keys
        if top is not None and self.row(top) >= 0:  # the rows in sight stay where they were
            self.scrollToItem(top, QAbstractItemView.ScrollHint.PositionAtTop)

    def _nothing_due(self) -> QListWidgetItem:
        return muted_item(self.tr("Nothing due. Well done."))  # as the other sections say it

    def _more_item(self, key: str, hidden: int) -> QListWidgetItem:
        item = QListWidgetItem(self.tr("{0} more…").format(hidden))
        item.setData(KIND_ROLE, "more")
        item.setData(ID_ROLE, key)
        font = QFont(self.font())
        font.setItalic(True)
        item.setFont(font)
        item.setForeground(MUTED)
        return item

    def current_kind(self) -> str | None:
        item = self.currentItem()
        return item.data(KIND_ROLE) if item is not None else None

    def expand_current(self) -> bool:
        """Show the whole group of the current "N more" row; whether it was one."""
        item = self.currentItem()
        if item is None or item.data(KIND_ROLE) != "more":
            return False
        self.expanded.add(item.data(ID_ROLE))
        return True

    def current_contact(self) -> int | None:
        item = self.currentItem()
        if item is None or item.data(KIND_ROLE) != "followup":
            return None
        return item.data(CONTACT_ROLE)

    def select_key(self, key: tuple[str, object] | None, fallback_row: int) -> None:
        """Make current the row with this (kind, id), else the selectable row nearest
        `fallback_row` (after Done, the next one); rows still to be added are waited for."""
        nearest, last = None, None
        for index, shown in enumerate(self._keys[: self.count()]):
            if key is not None and shown[:2] == key:
                self.setCurrentRow(index)
                return
            if shown[0] in _CHOSEN:
                last = index
                if nearest is None and index >= fallback_row:
                    nearest = index
        if self.filling and (key is not None or nearest is None):
            self._wanted = (key, fallback_row)
        elif last is not None:
            self.setCurrentRow(last if nearest is None else nearest)

    def _select_wanted(self) -> None:
        if self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            self.select_key(*wanted)

    def current_key(self) -> tuple[str, object] | None:
        item = self.currentItem()
        return (item.data(KIND_ROLE), item.data(ID_ROLE)) if item is not None else None


class DueSection(TodaySection):
    """The due follow-ups with Done, Snooze, Log, Write and Open."""

    key = "due"

    def __init__(self, context: TodayContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Due today and overdue"), parent)
        self.followups = context.services.followups
        self.commands = FollowUpCommands(self.followups, context.undo_stack, context.say)
        self.list = DueList()
        self.list.itemActivated.connect(lambda *_: self.open_current())
        self.list.itemClicked.connect(lambda *_: self._expand_clicked())
        self.body.addWidget(self.list, 1)
        self.row_buttons = self.add_buttons(
            (self.tr("Done"), self.tr("Mark done, logging an interaction (D)")),
            (self.tr("Snooze"), self.tr("Put off (S)")),
            (self.tr("Log…"), self.tr("Log an interaction with this person (L)")),
            (self.tr("Write…"), self.tr("Write the message this follow-up calls for (W)")),
            (self.tr("Open"), self.tr("Open the follow-up (Enter)")),
        )
        done, self.snooze_button, log, write, open_ = self.row_buttons
        write.clicked.connect(self.write)
        done.clicked.connect(self.mark_done)
        self.snooze_button.setMenu(snooze_menu(self, self.followups.clock.now, self.snooze))
        log.clicked.connect(self.log)
        open_.clicked.connect(self.open_followup)
        reading(open_)
        self.add_keys(
            {
                Qt.Key.Key_D: (self.tr("Done"), self.mark_done),
                Qt.Key.Key_S: (self.tr("Snooze…"), self.show_snooze_menu),
                Qt.Key.Key_L: (self.tr("Log an interaction…"), self.log),
                Qt.Key.Key_W: (self.tr("Write…"), self.write),
            }
        )

    def load(self, today: date) -> Callable[[], DuePlan]:
        """The rows shown and the groups' counts (not the 4,300 overdue rows of 100,000
        contacts while 8 are shown: an expanded group is read whole), planned as rows."""
        followups, limits, plan = self.followups, self.list.limits(), self.list.planner(today)
        return lambda: plan(due_first(followups, limits))

    def present(self, data: DuePlan, today: date) -> None:
        """The groups, keeping the current row (or its place)."""
        key, row = self.list.current_key(), self.list.currentRow()
        self.list.show_plan(data)
        self.list.select_key(key, row)
        self.show_rows_present(data.keys[0][0] != "nothing")

    @property
    def filling(self) -> bool:
        return self.list.filling

    def _ids(self) -> list[int]:
        return self.list.selected_followups() if self.list.current_kind() == "followup" else []

    def mark_done(self) -> None:
        self.commands.done(self._ids())

    def snooze(self, until: datetime | str) -> None:
        self.commands.snooze(self._ids(), until)

    def show_snooze_menu(self) -> QMenu | None:
        """S: the Snooze button's menu under it (none with no follow-up to snooze)."""
        if not self._ids():
            return None
        menu = self.snooze_button.menu()
        menu.popup(self.snooze_button.mapToGlobal(self.snooze_button.rect().bottomLeft()))
        return menu

    def log(self) -> None:
        log_with(self.context, self.list.current_contact())

    def write(self) -> None:
        ids = self._ids()
        if ids:
            write_with(self.context, self.list.current_contact(), followup_id=ids[0])

    def open_current(self) -> None:
        """Enter: expand "N more" (its rows are read), else open the follow-up."""
        if self.list.expand_current():
            self.context.reload()
        else:
            self.open_followup()

    def _expand_clicked(self) -> None:
        if self.list.expand_current():
            self.context.reload()

    def open_followup(self) -> None:
        ids = self._ids()
        row = self.followups.get(ids[0]) if ids else None
        if row is not None:
            self.context.open_dialog(
                FollowUpDialog(self.followups, existing=row, commands=self.commands)
            )
