"""Events on Today: the next ones with their prep progress (Enter opens the prep brief in
Events), and the recent ones with the people met there still to follow up (Enter or Open shows
a person in Contacts, L logs an interaction, W writes the after-meeting message, D marks their
follow-up done; on an event's row, Enter opens its review)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)

from netdesk.core.today_events import MetPerson, RecentEvent, UpcomingEvent
from netdesk.ui.calendar.agenda import CONTACT_ROLE, ID_ROLE, KIND_ROLE
from netdesk.ui.dates import day_label, when_label
from netdesk.ui.events.model import draw_progress
from netdesk.ui.followup_commands import FollowUpCommands
from netdesk.ui.list_rows import fit_rows, muted_item
from netdesk.ui.plural import counted
from netdesk.ui.read_only import reading
from netdesk.ui.today.log_action import log_with
from netdesk.ui.today.section import TodayContext, TodaySection, section_list
from netdesk.ui.today.write_action import write_with
from netdesk.ui.whole_lines import WholeLinesDelegate

PREP_ROLE = Qt.ItemDataRole.UserRole + 3  # (done, total) of an upcoming event's checklist
FOLLOWUP_ROLE = Qt.ItemDataRole.UserRole + 4  # a met person's pending follow-up, if any
_BAR_WIDTH = 130


def _days(days: int, ahead: bool) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow" if ahead else "yesterday"
    return counted("timefmt", "in %Ln day(s)" if ahead else "%Ln day(s) ago", days)


class PrepDelegate(WholeLinesDelegate):
    """Rows with PREP_ROLE get a prep bar ("2/5") at their right end."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        progress = index.data(PREP_ROLE)
        if progress is None:
            super().paint(painter, option, index)
            return
        done, total = progress
        row = QStyleOptionViewItem(option)
        self.initStyleOption(row, index)
        row.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:  # the whole row's background and selection
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, row, painter, option.widget)
        text = QStyleOptionViewItem(option)
        text.rect = option.rect.adjusted(0, 0, -_BAR_WIDTH, 0)
        super().paint(painter, text, index)
        bar = option.rect.adjusted(option.rect.width() - _BAR_WIDTH + 8, 0, -40, 0)
        draw_progress(painter, option, bar, done / total if total else 0.0, f"{done}/{total}")


def _event_list() -> QListWidget:
    widget = section_list(QListWidget())
    widget.setWordWrap(True)
    widget.setSpacing(2)
    return widget


def _current(widget: QListWidget, kind: str, role: int = ID_ROLE) -> int | None:
    item = widget.currentItem()
    return item.data(role) if item is not None and item.data(KIND_ROLE) == kind else None


class UpcomingSection(TodaySection):
    """The next events within 30 days, each with its prep progress."""

    key = "upcoming_events"

    def __init__(self, context: TodayContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Upcoming events"), parent)
        self.list = _event_list()
        self.list.setItemDelegate(PrepDelegate(self.list))
        self.list.itemActivated.connect(lambda *_: self.open_prep())
        self.body.addWidget(self.list, 1)
        self.row_buttons = self.add_buttons(
            (self.tr("Prep brief"), self.tr("Open the prep brief (Enter)"))
        )
        (prep,) = self.row_buttons
        prep.clicked.connect(self.open_prep)
        reading(prep)

    def load(self, today: date) -> Callable[[], list[UpcomingEvent]]:
        upcoming = self.context.services.today_events.upcoming
        return lambda: list(upcoming())

    def present(self, data: list[UpcomingEvent], today: date) -> None:
        row = self.list.currentRow()
        self.list.clear()
        for event in data:
            self.list.addItem(self._item(event, today))
        if self.list.count() == 0:
            self.list.addItem(muted_item(self.tr("No events in the next 30 days.")))
        self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        fit_rows(self.list)
        self.show_rows_present(bool(data))

    def _item(self, event: UpcomingEvent, today: date) -> QListWidgetItem:
        details = [when_label(event.starts_at, today), _days(event.days_until, ahead=True)]
        if event.place:
            details.append(event.place)
        if event.want_to_meet:
            details.append(self.tr("{0} to meet").format(event.want_to_meet))
        item = QListWidgetItem(f"{event.name}\n" + " · ".join(details))
        item.setData(KIND_ROLE, "event")
        item.setData(ID_ROLE, event.id)
        item.setData(PREP_ROLE, (event.prep_done, event.prep_total))
        item.setToolTip(self.tr("Prep: {0} of {1} done").format(event.prep_done, event.prep_total))
        return item

    def open_prep(self) -> None:
        event_id = _current(self.list, "event")
        if event_id is not None:
            self.context.show_event(event_id, "Prep brief")


class RecentSection(TodaySection):
    """Events of the last 14 days, each followed by the people met there still to follow up."""

    key = "recent_events"

    def __init__(self, context: TodayContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Recent events: follow up"), parent)
        self.commands = FollowUpCommands(
            context.services.followups, context.undo_stack, context.say
        )
        self.list = _event_list()
        self.list.itemActivated.connect(lambda *_: self.open_current())
        self.body.addWidget(self.list, 1)
        self.row_buttons = self.add_buttons(
            (self.tr("Log…"), self.tr("Log an interaction with this person (L)")),
            (self.tr("Write…"), self.tr("Write the after-meeting message (W)")),
            (self.tr("Done"), self.tr("Mark this person's follow-up done (D)")),
            (self.tr("Open"), self.tr("Show this person in Contacts (Enter)")),
        )
        log, write, done, open_ = self.row_buttons
        log.clicked.connect(self.log)
        write.clicked.connect(self.write)
        done.clicked.connect(self.mark_done)
        open_.clicked.connect(self.open_current)
        reading(open_)
        self.add_keys(
            {
                Qt.Key.Key_L: (self.tr("Log an interaction…"), self.log),
                Qt.Key.Key_W: (self.tr("Write…"), self.write),
                Qt.Key.Key_D: (self.tr("Follow-up done"), self.mark_done),
            }
        )

    def load(self, today: date) -> Callable[[], list[RecentEvent]]:
        recent = self.context.services.today_events.recent
        return lambda: list(recent())

    def present(self, data: list[RecentEvent], today: date) -> None:
        current = self.list.currentItem()
        key = (current.data(KIND_ROLE), current.data(ID_ROLE)) if current else None
        row = self.list.currentRow()
        self.list.clear()
        for event in data:
            self.list.addItem(self._event_item(event))
            for person in event.open:
                self.list.addItem(self._person_item(person, today))
        if self.list.count() == 0:
            self.list.addItem(muted_item(self.tr("No events in the last 14 days.")))
        self._restore(key, row)
        fit_rows(self.list)
        self.show_rows_present(bool(data))

    def _restore(self, key: tuple[object, object] | None, row: int) -> None:
        for index in range(self.list.count()):
            item = self.list.item(index)
            if key is not None and (item.data(KIND_ROLE), item.data(ID_ROLE)) == key:
                self.list.setCurrentRow(index)
                return
        self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))

    def _event_item(self, event: RecentEvent) -> QListWidgetItem:
        if event.open:
            state = self.tr("{0} of {1} met to follow up").format(len(event.open), event.met)
        elif event.met:
            state = self.tr("everyone met followed up")
        else:
            state = self.tr("nobody met recorded")
        when = _days(event.days_ago, ahead=False)
        item = QListWidgetItem(f"{event.name} · {when} · {state}")
        item.setData(KIND_ROLE, "event")
        item.setData(ID_ROLE, event.id)
        font = QFont(self.list.font())
        font.setBold(True)
        item.setFont(font)
        item.setToolTip(self.tr("Enter opens the event's review"))
        return item

    def _person_item(self, person: MetPerson, today: date) -> QListWidgetItem:
        name = f"{person.name} ({person.organisation})" if person.organisation else person.name
        if person.due is None:
            state = self.tr("no follow-up yet")
        else:
            state = self.tr("follow-up due {0}").format(day_label(person.due, today))
        item = QListWidgetItem(f"    {name} — {state}")
        item.setData(KIND_ROLE, "person")
        item.setData(ID_ROLE, person.contact_id)
        item.setData(CONTACT_ROLE, person.contact_id)
        item.setData(FOLLOWUP_ROLE, person.followup_id)
        return item

    def open_current(self) -> None:
        """A person shows in Contacts; an event opens its review in Events."""
        contact_id = _current(self.list, "person")
        event_id = _current(self.list, "event")
        if contact_id is not None:
            self.context.show_contact(contact_id)
        elif event_id is not None:
            self.context.show_event(event_id, "Review")

    def log(self) -> None:
        log_with(self.context, _current(self.list, "person"))

    def write(self) -> None:
        """Write after meeting: answering the person's follow-up (Done once sent) if any."""
        followup_id = _current(self.list, "person", FOLLOWUP_ROLE)
        reason = "" if followup_id is not None else "met"
        write_with(
            self.context, _current(self.list, "person"), followup_id=followup_id, reason=reason
        )

    def mark_done(self) -> None:
        followup_id = _current(self.list, "person", FOLLOWUP_ROLE)
        if followup_id is not None:
            self.commands.done([followup_id])
