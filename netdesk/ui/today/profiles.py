"""Your profiles on Today: the ones due for a refresh (a checklist item unticked, or ticked longer
ago than the profile's months), shown only while any is. Enter opens the Me page; C ticks the
selected profile's whole checklist (Ctrl+Z undoes)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from netdesk.core.own_profiles import OwnProfileRow
from netdesk.ui.dates import plain_day
from netdesk.ui.list_rows import fit_rows
from netdesk.ui.read_only import reading
from netdesk.ui.today.section import TodayContext, TodaySection, section_list
from netdesk.ui.undo import Command

_SERVICE = Qt.ItemDataRole.UserRole + 1


class ProfilesSection(TodaySection):
    """Profiles to refresh; hidden when all are fresh (or none is kept)."""

    key = "profiles"

    def __init__(self, context: TodayContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Refresh your profiles"), parent)
        self.today = date.min
        self.list = section_list(QListWidget())
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda *_: self.open_me())
        self.body.addWidget(self.list)
        open_me, checked = self.add_buttons(
            (self.tr("Me page"), self.tr("Open your profiles (Enter)")),
            (self.tr("All checked"), self.tr("You looked at every item today (C)")),
        )
        open_me.clicked.connect(self.open_me)
        reading(open_me)
        checked.clicked.connect(self.all_checked)
        self.body.addStretch(1)  # in a row made tall by its neighbour, the card's content stays up
        self.add_keys({Qt.Key.Key_C: (self.tr("Checklist done"), self.all_checked)})
        self.hide()

    def load(self, today: date) -> Callable[[], list[OwnProfileRow]]:
        return self.context.services.profiles.due

    def present(self, data: list[OwnProfileRow], today: date) -> None:
        self.today = today
        row = self.list.currentRow()
        self.list.clear()
        for profile in data:
            item = QListWidgetItem(f"{profile.label} · {profile.status(today, plain_day)}")
            item.setData(_SERVICE, profile.service)
            self.list.addItem(item)
        self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        fit_rows(self.list)
        self.list.setMaximumHeight(self.list.minimumHeight())  # a short card, not a tall one
        self.setVisible(self.list.count() > 0)

    def open_me(self) -> None:
        self.context.show_view("me")

    def all_checked(self) -> None:
        item = self.list.currentItem()
        profiles = self.context.services.profiles
        row = profiles.get(item.data(_SERVICE)) if item is not None else None
        if row is None:
            return
        self.context.undo_stack.push(
            Command(
                self.tr("Check all of {0}").format(row.label),
                lambda: profiles.put(row.service, row.all_ticked(self.today)),
                lambda before: profiles.put(row.service, before),
            )
        )
        self.context.say(self.tr("{0} is fresh again (Ctrl+Z undoes).").format(row.label))
