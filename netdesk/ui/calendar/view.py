"""The Follow-ups view: month grid, Overdue section and the agenda of the selected day or week.

Keys: arrows move the day (in the grid), PgUp/PgDn the month, T today, Enter opens the current
follow-up, D marks it done, S snoozes it, Ctrl+Z / Ctrl+Shift+Z undo and redo (Edit → Undo names
the change). Dragging follow-ups onto a day reschedules them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.changes import Changes
from netdesk.core.followup_queries import AgendaItem, FollowUpRow
from netdesk.core.followups import FollowUpService
from netdesk.ui.calendar.agenda import ID_ROLE, KIND_ROLE, AgendaList
from netdesk.ui.calendar.month_grid import MonthGrid, grid_range
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.dates import day_range, long_day, month_label
from netdesk.ui.followup_commands import FollowUpCommands
from netdesk.ui.followup_dialog import FollowUpDialog, snooze_menu
from netdesk.ui.latest_read import LatestRead
from netdesk.ui.list_rows import muted_item
from netdesk.ui.numbers import grouped
from netdesk.ui.read_only import reading
from netdesk.ui.undo import undo_actions, undo_stack
from netdesk.ui.view_actions import ViewActions

if TYPE_CHECKING:
    from netdesk.ui.main_window import MainWindow

_TOPICS = ("followups", "events", "contacts")
MAX_OVERDUE_ROWS = 100
AHEAD_AFTER_MS = 1
"""A change while hidden reads ahead on a later turn (a timer: calls posted at 0 ms run in the
same turn), once for a burst: Done publishes three changes, and restarting a read stops the one
running, 2-4 ms of the GUI thread each, inside Done's own stall."""
OVERDUE_ROWS_SHOWN = 8  # whole rows the overdue list shows at least (it has them); the rest scroll
BODY_GAP = 16  # pixels between the grid and the side, and between the side's buttons
LABEL_GAP = 4  # pixels between a heading of the side and its list
SECTION_GAP = 12  # more above the agenda's heading when Overdue shows above it
OVERDUE_SHARE = 0.5
"""Of the height the overdue list and the agenda share, what the overdue list may take (in
whole rows, at least OVERDUE_ROWS_SHOWN): 8 rows at 1920x1080 left the agenda half empty."""


def overdue_rows_shown(room: int, row: int, agenda: int) -> int:
    """Whole rows the overdue list may show when it and the agenda share `room` pixels, each
    row `row` tall: OVERDUE_SHARE of the room, leaving the agenda its `agenda` pixels, and at
    least OVERDUE_ROWS_SHOWN."""
    share = min(int(room * OVERDUE_SHARE), room - agenda)
    return max(OVERDUE_ROWS_SHOWN, share // max(row, 1))


def _sort_key(entry: FollowUpRow | AgendaItem) -> tuple[bool, datetime]:
    """Day-only follow-ups first, then everything with a time, in time order."""
    if isinstance(entry, AgendaItem):
        return True, entry.when
    return entry.has_time, entry.due_at


class _Month(NamedTuple):
    """What the view shows for a day (or its week) chosen on a day: the month's counts and
    days with other items, Overdue's rows and count (None: not read, only the day moved), and
    the agenda's follow-ups and other items."""

    selected: date
    week_mode: bool
    today: date
    counts: dict[date, int]
    marked: set[date]
    overdue: tuple[list[FollowUpRow], int] | None
    agenda: list[FollowUpRow]
    others: list[AgendaItem]


def _agenda_days(selected: date, week_mode: bool) -> tuple[date, int]:
    """The agenda's first day and number of days: the day chosen, or its week."""
    if week_mode:
        return selected - timedelta(days=selected.weekday()), 7
    return selected, 1


def _read_month(
    followups: FollowUpService, selected: date, week_mode: bool, overdue: bool = True
) -> _Month:
    """What the view shows for `selected` (on a worker ahead of a showing, too: no Qt)."""
    first, last = grid_range(selected)
    start, days = _agenda_days(selected, week_mode)
    late = None
    if overdue:
        rows = followups.overdue(MAX_OVERDUE_ROWS)
        total = followups.count_overdue() if len(rows) == MAX_OVERDUE_ROWS else len(rows)
        late = rows, total
    return _Month(
        selected,
        week_mode,
        followups.clock.today(),
        followups.day_counts(first, last),
        {item.when.date() for item in followups.other_items(first, last)},
        late,
        followups.agenda(start, days),
        followups.other_items(start, start + timedelta(days=days - 1)),
    )


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class CalendarView(QWidget):
    """Follow-ups by month, day and week; acts on them with keys, buttons and drag and drop."""

    event_requested = Signal(int)

    def __init__(
        self, followups: FollowUpService, changes: Changes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.followups = followups
        self.undo_stack = undo_stack(self)
        self.undo_action, self.redo_action = undo_actions(ViewActions(self), self.undo_stack)
        self.dialog: FollowUpDialog | None = None
        self.selected = followups.clock.today()
        self.week_mode = False
        self._pending_refresh = True
        """A full refresh waits for the view to be shown: made (start-up makes it hidden) and
        after a change while hidden."""
        self.reader = LatestRead(self, ahead=True)
        self.reader.read.connect(self._keep_ahead)
        self._ahead: tuple[int, _Month] | None = None  # read ahead, ended before the showing
        self._changes = 0  # changes while hidden: a read ahead begun before one is stale
        self._ahead_soon = False  # a read ahead waits for the next turn
        self._signals = ChangeSignals(changes, self)
        self._signals.changed.connect(self._on_change)

        self.grid = MonthGrid(self.selected)
        self.grid.day_selected.connect(self.select_day)
        self.grid.followups_dropped.connect(self.reschedule)
        self.month_label = _bold(QLabel(), 1.4)
        self.overdue_label = _bold(QLabel())
        self.overdue_label.setStyleSheet("color: #c62828")
        self.overdue = AgendaList()
        self.overdue.setAccessibleName(self.tr("Overdue follow-ups"))
        self.agenda_label = _bold(QLabel())
        self.agenda = AgendaList()
        self.agenda.setAccessibleName(self.tr("Agenda of the selected day or week"))
        self.agenda.itemDoubleClicked.connect(lambda *_: self.open_current())
        self.overdue.itemDoubleClicked.connect(lambda *_: self.open_current())
        self.grouped: set[int] = set()
        """A grouped reminder's follow-ups: while they stay selected, the keys act on them all."""
        self._grouping = False
        for section in (self.overdue, self.agenda):
            section.itemSelectionChanged.connect(self._end_grouped)
        for chosen, other in ((self.overdue, self.agenda), (self.agenda, self.overdue)):
            chosen.itemSelectionChanged.connect(partial(self._one_selection, chosen, other))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #5b6578")
        self.commands = FollowUpCommands(followups, self.undo_stack, self.message.setText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self._header())
        body = QHBoxLayout()
        body.setSpacing(BODY_GAP)
        body.addWidget(self.grid, 3)
        side = self._side = QVBoxLayout()
        side.setSpacing(LABEL_GAP)  # a heading by its list (it had the body's 16 between all)
        side.addWidget(self.overdue_label)
        side.addWidget(self.overdue)
        side.addWidget(self.agenda_label)
        side.addWidget(self.agenda, 1)
        side.addLayout(self._buttons())
        body.addLayout(side, 2)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self._shortcuts()
        self._read_ahead()

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, name, key, months in (
            ("‹", self.tr("Previous month"), "PgUp", -1),
            ("›", self.tr("Next month"), "PgDn", 1),
        ):
            button = QToolButton()
            button.setText(text)
            button.setAccessibleName(name)
            button.setToolTip(f"{name} ({key})")
            button.clicked.connect(lambda _=False, m=months: self.move_month(m))
            reading(button)
            row.addWidget(button)
        row.addWidget(self.month_label)
        today = QPushButton(self.tr("Today"))
        today.setToolTip(self.tr("Go to today (T)"))
        today.clicked.connect(self.go_today)
        reading(today)
        row.addWidget(today)
        row.addStretch(1)
        self.mode_group = QButtonGroup(self)
        for index, text in enumerate((self.tr("Day"), self.tr("Week"))):
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setChecked(index == 0)
            self.mode_group.addButton(button, index)
            reading(button)
            row.addWidget(button)
        self.mode_group.idClicked.connect(lambda index: self.set_week_mode(index == 1))
        new = QPushButton(self.tr("New follow-up…"))
        new.clicked.connect(self.new_followup)
        row.addWidget(new)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(BODY_GAP)
        row.setContentsMargins(0, SECTION_GAP - LABEL_GAP, 0, 0)  # apart from the agenda
        self.row_buttons: list[QPushButton] = []
        """Open, Done, Snooze and Dismiss: off while Overdue and the agenda list nothing."""
        for text, slot in (
            (self.tr("Open"), self.open_current),
            (self.tr("Done"), self.mark_done),
            (self.tr("Dismiss"), self.dismiss),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.row_buttons.append(button)
            if slot == self.open_current:
                reading(button)
        self.snooze_button = QPushButton(self.tr("Snooze"))
        self.snooze_button.setMenu(
            snooze_menu(self, self.followups.clock.now, lambda until: self.snooze(until))
        )
        row.insertWidget(2, self.snooze_button)
        self.row_buttons.append(self.snooze_button)
        return row

    def _shortcuts(self) -> None:
        keys = (
            (Qt.Key.Key_PageUp, self.tr("Previous month"), lambda: self.move_month(-1)),
            (Qt.Key.Key_PageDown, self.tr("Next month"), lambda: self.move_month(1)),
            (Qt.Key.Key_T, self.tr("Go to today"), self.go_today),
            (Qt.Key.Key_Return, self.tr("Open the follow-up"), self.open_current),
            (Qt.Key.Key_Enter, "", self.open_current),  # the keypad's: not listed twice
            (Qt.Key.Key_D, self.tr("Mark done"), self.mark_done),
            (Qt.Key.Key_S, self.tr("Snooze…"), self.show_snooze_menu),
        )
        for key, what, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setWhatsThis(what)  # Help → Keyboard shortcuts lists it
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            if slot not in (self.mark_done, self.show_snooze_menu):
                reading(shortcut)  # moving around and opening

    def install_actions(self, window: MainWindow) -> None:
        """File → New follow-up… (contacts bind Ctrl+Shift+F to `ask_follow_up` themselves) and
        Edit → Undo/Redo."""
        action = QAction(self.tr("New &follow-up…"), self)
        action.triggered.connect(self.new_followup)
        window.add_file_action(action)
        window.add_undo_actions(self.undo_action, self.redo_action)

    def home_focus(self) -> QWidget:
        """Where the keys go when the view is shown with Ctrl+3: the grid, whose arrows move
        the day."""
        return self.grid

    # -- navigation -------------------------------------------------------------------------

    def select_day(self, day: date) -> None:
        self.selected = day
        self.refresh(overdue=False)

    def move_month(self, months: int) -> None:
        self.select_day(self.selected + relativedelta(months=months))

    def go_today(self) -> None:
        self.select_day(self.followups.clock.today())

    def set_week_mode(self, week: bool) -> None:
        self.week_mode = week
        self.mode_group.button(1 if week else 0).setChecked(True)
        self.refresh()

    # -- showing ----------------------------------------------------------------------------

    def _on_change(self, topic: str, _ids: object) -> None:
        """Refresh once for a burst of changes; while hidden, read again on a worker and show
        it when next shown (on the GUI thread, a follow-up marked done on Today read the month,
        the agenda and Overdue, ~20-60 ms at 20,000 follow-ups, for a view nobody looked at)."""
        if topic not in _TOPICS:
            return
        if not self.isVisible():
            self._changes += 1
            if not self._ahead_soon:
                self._ahead_soon = True
                QTimer.singleShot(AHEAD_AFTER_MS, self, self._read_ahead)
        if not self._pending_refresh:
            self._pending_refresh = True
            if self.isVisible():
                QTimer.singleShot(0, self._reload)

    def showEvent(self, event: QShowEvent) -> None:
        if self._pending_refresh:
            self._reload()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.shut_down()
        super().closeEvent(event)

    def _read_ahead(self) -> None:
        """Read what the view shows on a worker, for its next showing: the first showing read
        16 ms of its 70 ms stall on the GUI thread (100,000 contacts, 20,000 follow-ups)."""
        self._ahead_soon = False
        if self.isVisible():  # shown meanwhile: it read there
            return
        followups, selected, week_mode = self.followups, self.selected, self.week_mode
        changes, self._ahead = self._changes, None
        self.reader.start(lambda: (changes, _read_month(followups, selected, week_mode)))

    def _keep_ahead(self, read: tuple[int, _Month]) -> None:
        self._ahead = read

    def _taken_ahead(self) -> _Month | None:
        """The read ahead (waited for if it still runs) when no change came after it began and
        it is of the day, the mode and the date of now."""
        running = self.reader.take()
        read, self._ahead = running[0] if running else self._ahead, None
        if read is None or read[0] != self._changes:
            return None
        now = (self.selected, self.week_mode, self.followups.clock.today())
        return read[1] if read[1][:3] == now else None

    def _reload(self) -> None:
        """Refresh after a change; a grouped reminder's follow-ups that are still open stay
        selected, else the list keeps its place (after Done, the next follow-up is current)."""
        grouped = self.grouped
        in_overdue = self.overdue.hasFocus()
        place = (self.overdue if in_overdue else self.agenda).currentRow()
        month = self._taken_ahead()
        if month is None:
            self.refresh()
        else:
            self._pending_refresh = False
            self._show(month)
        if grouped:
            self._select_grouped(grouped)
        elif in_overdue and self.overdue.isVisible():
            self.overdue.select_from(place)
        elif in_overdue:
            self.agenda.setFocus()
        else:
            self.agenda.select_from(place)

    def refresh(self, overdue: bool = True) -> None:
        """Reload the month's counts, the agenda and (unless only the day moved) Overdue."""
        self._pending_refresh = self._pending_refresh and not overdue
        self._show(_read_month(self.followups, self.selected, self.week_mode, overdue))

    def _show(self, month: _Month) -> None:
        self.grid.set_data(month.selected, month.today, month.counts, month.marked)
        self.month_label.setText(month_label(month.selected))
        if month.overdue is not None:
            self._fill_overdue(*month.overdue, month.today)
        listed = self._fill_agenda(month) or self.overdue.count() > 0
        for button in self.row_buttons:
            button.setEnabled(listed)

    def _fill_overdue(self, rows: list[FollowUpRow], total: int, today: date) -> None:
        self.overdue.clear()
        for row in rows:
            self.overdue.add_followup(row, today, with_day=True)
        if total > len(rows):
            self.overdue.add_heading(self.tr("… and {0} more").format(grouped(total - len(rows))))
        self.overdue_label.setText(self.tr("Overdue ({0})").format(grouped(total)))
        self.overdue_label.setVisible(bool(rows))
        self.agenda_label.setContentsMargins(0, SECTION_GAP if rows else 0, 0, 0)
        self.overdue.setVisible(bool(rows))
        self._fit_overdue()

    def _fit_overdue(self) -> None:
        """The overdue list as tall as its rows, at most its share of the side's room."""
        row, agenda = self.overdue.sizeHintForRow(0), self.agenda.sizeHint().height()
        rows = overdue_rows_shown(self._list_room() - 2 * self.overdue.frameWidth(), row, agenda)
        self.overdue.fit_rows(rows, OVERDUE_ROWS_SHOWN)

    def _list_room(self) -> int:
        """The height the overdue list and the agenda share: the side column's (as the layout
        gave it, whatever the lists' heights now) less its labels, buttons and spacing."""
        side = self._side
        items = [side.itemAt(i) for i in range(side.count())]
        shown = [item for item in items if item is not None and not item.isEmpty()]
        others = [item for item in shown if not isinstance(item.widget(), AgendaList)]
        taken = sum(item.sizeHint().height() for item in others)
        return side.geometry().height() - taken - side.spacing() * (len(shown) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # the layout has placed the lists for the new size
        if self.overdue.isVisibleTo(self):
            self._fit_overdue()

    def _fill_agenda(self, month: _Month) -> bool:
        """The agenda of the selected day (or week); whether it lists anything."""
        start, days = _agenda_days(month.selected, month.week_mode)
        if month.week_mode:
            end = start + timedelta(days=6)
            self.agenda_label.setText(self.tr("Week of {0}").format(day_range(start, end)))
        else:
            self.agenda_label.setText(long_day(start))
        rows, others, today = month.agenda, month.others, month.today
        self.agenda.clear()
        adds: list[Callable[[], None]] = []  # a day after an import can hold hundreds
        for offset in range(days):
            day = start + timedelta(days=offset)
            day_rows = [r for r in rows if r.day == day]
            day_others = [o for o in others if o.when.date() == day]
            if month.week_mode and (day_rows or day_others):
                adds.append(partial(self.agenda.add_heading, long_day(day, year=False)))
            entries: list[FollowUpRow | AgendaItem] = [*day_others, *day_rows]
            adds += [
                partial(self.agenda.add_other, entry)
                if isinstance(entry, AgendaItem)
                else partial(self.agenda.add_followup, entry, today)
                for entry in sorted(entries, key=_sort_key)
            ]
        self.agenda.add_later(adds)
        if self.agenda.count() == 0:
            self.agenda.addItem(  # muted, as Today's lists say they have nothing
                muted_item(self.tr("Nothing due. Drag a follow-up here from another day."))
            )
        self.agenda.select_first()
        return bool(adds)

    # -- acting -----------------------------------------------------------------------------

    def current_ids(self) -> list[int]:
        """The follow-ups the keys act on: after a grouped reminder's Open, what is selected in
        Overdue and the agenda; else the Overdue selection when it has focus or is the only one
        (a button was clicked), else the agenda's."""
        if self.grouped:
            return self.overdue.selected_followups(False) + self.agenda.selected_followups(False)
        if self.overdue.hasFocus() or not self.agenda.selectedItems():
            return self.overdue.selected_followups()
        return self.agenda.selected_followups()

    def mark_done(self) -> None:
        self.commands.done(self.current_ids())

    def dismiss(self) -> None:
        self.commands.dismiss(self.current_ids())

    def snooze(self, until: datetime | str) -> None:
        self.commands.snooze(self.current_ids(), until)

    def reschedule(self, ids: list[int], day: date) -> None:
        self.commands.reschedule(ids, day)

    def undo(self) -> None:
        self.undo_stack.undo()

    def show_snooze_menu(self) -> QMenu | None:
        """S: the Snooze button's menu under it (none with no follow-up to snooze)."""
        if not self.current_ids():
            return None
        menu = self.snooze_button.menu()
        menu.popup(self.snooze_button.mapToGlobal(self.snooze_button.rect().bottomLeft()))
        return menu

    def open_current(self) -> None:
        """Open the chosen follow-up, or ask for the chosen event to be shown in Events."""
        item = self.agenda.currentItem()
        if not self.overdue.hasFocus() and item is not None and item.data(KIND_ROLE) == "event":
            self.event_requested.emit(item.data(ID_ROLE))
            return
        ids = self.current_ids()
        if ids:
            self.open_followup(ids[0])

    def open_followup(self, followup_id: int) -> None:
        """Show the follow-up's day and open it for editing (a reminder was clicked)."""
        row = self.followups.get(followup_id)
        if row is None:
            return
        if row.day != self.selected:
            self.select_day(row.day)
        self._open_dialog(
            FollowUpDialog(self.followups, existing=row, parent=self, commands=self.commands)
        )

    def show_followups(self, followup_ids: list[int]) -> None:
        """Show today with these follow-ups selected in Overdue and the agenda (a reminder for
        several was opened); the keys and buttons then act on all of them, in both lists, until
        the selection changes."""
        self.selected = self.followups.clock.today()
        self.refresh()
        self._select_grouped(set(followup_ids))
        if self.agenda.selectedItems() or not self.overdue.selectedItems():
            self.agenda.setFocus()
        else:
            self.overdue.setFocus()

    def _select_grouped(self, wanted: set[int]) -> None:
        self._grouping = True
        in_overdue = self.overdue.select_followups(wanted)
        in_agenda = self.agenda.select_followups(wanted)
        self._grouping = False
        self.grouped = wanted if in_overdue or in_agenda else set()

    def _one_selection(self, chosen: AgendaList, other: AgendaList) -> None:
        """One list shows the selection Done, Snooze and Dismiss act on (a grouped reminder's
        follow-ups excepted): choosing in one clears the other."""
        if chosen.selectedItems() and not self._grouping:
            other.clearSelection()

    def _end_grouped(self) -> None:
        self.grouped = set()

    def new_followup(self) -> None:
        self._open_dialog(FollowUpDialog(self.followups, parent=self, commands=self.commands))

    def _open_dialog(self, dialog: FollowUpDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
