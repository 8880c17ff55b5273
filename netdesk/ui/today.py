"""The Today view: a plan to work through — who to reach out to, and what is due by tonight.

Reach out today lists the people `ReachOutService` ranks first, each with its reason; Due today
and overdue lists every pending follow-up due by tonight, grouped ("N more" expands a group).
Keys act on the list that has focus: arrows move, Enter opens (a person in Contacts, a follow-up
in its dialog, "N more" expands), D marks done, S snoozes, L logs an interaction, N skips a
person for a week ("Not now"). Every change is undoable (Ctrl+Z); the view refreshes itself when
data changes anywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.dashboard import today_plan
from netdesk.core.interactions import delete_interaction
from netdesk.core.reach_out import DEFAULT_LIMIT
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.contacts.log_dialog import LogInteractionDialog, record_interaction
from netdesk.ui.followup_commands import FollowUpCommands
from netdesk.ui.followup_dialog import FollowUpDialog, snooze_menu
from netdesk.ui.style import FIGURE_CARD_STYLE, style_label
from netdesk.ui.today_lists import DueList, ReachOutList
from netdesk.ui.undo import Command, undo_actions, undo_stack
from netdesk.ui.view_actions import ViewActions

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMenu

    from netdesk.core.services import Services
    from netdesk.ui.main_window import MainWindow

COUNT_KEY = "today/reach_out_count"
_TOPICS = ("followups", "contacts", "interactions", "events")


class _Figure(QFrame):
    """One big number with a caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setStyleSheet(FIGURE_CARD_STYLE)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("0")
        style_label(self.value, "figureValue")
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        label = QLabel(caption)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.value)
        layout.addWidget(label)


def _title(text: str, scale: float = 1.25) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def _buttons(*pairs: tuple[str, str]) -> tuple[QHBoxLayout, list[QPushButton]]:
    row = QHBoxLayout()
    buttons = []
    for text, tip in pairs:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the list
        row.addWidget(button)
        buttons.append(button)
    row.addStretch(1)
    return row, buttons


class TodayView(QWidget):
    """Figures, people to reach out to and the follow-ups due, acted on in place."""

    contact_requested = Signal(int)

    def __init__(
        self, services: Services, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.followups = services.followups
        self.settings = settings
        self.undo_stack = undo_stack(self)
        self.undo_action, self.redo_action = undo_actions(ViewActions(self), self.undo_stack)
        self.dialog: QDialog | None = None
        self._pending_refresh = False
        self._signals = ChangeSignals(services.changes, self)
        self._signals.changed.connect(self._on_change)

        self.greeting = _title("", 1.6)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.figures = {
            "contacts": _Figure(self.tr("people in your network")),
            "due_today": _Figure(self.tr("follow-ups due today")),
            "overdue": _Figure(self.tr("overdue follow-ups")),
            "upcoming_events": _Figure(self.tr("events in the next 30 days")),
        }
        figures = QHBoxLayout()
        figures.setSpacing(12)
        for card in self.figures.values():
            figures.addWidget(card)

        self.reach_out = ReachOutList()
        self.due = DueList()
        self.due.itemActivated.connect(lambda *_: self.open_current())
        self.due.itemClicked.connect(lambda *_: self._expand_clicked())
        self.reach_out.itemActivated.connect(lambda *_: self.open_current())
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #5b6578")
        self.commands = FollowUpCommands(self.followups, self.undo_stack, self.message.setText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(12)
        layout.addWidget(self.greeting)
        layout.addWidget(self.hint)
        layout.addLayout(figures)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addLayout(self._reach_out_column(), 2)
        columns.addLayout(self._due_column(), 3)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        self._shortcuts()
        self.refresh()

    def _reach_out_column(self) -> QVBoxLayout:
        self.count = QSpinBox()
        self.count.setRange(1, 50)
        self.count.setValue(self._saved_count())
        self.count.setToolTip(self.tr("How many people to suggest each day"))
        self.count.valueChanged.connect(self._count_changed)
        head = QHBoxLayout()
        head.addWidget(_title(self.tr("Reach out today")))
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Show")))
        head.addWidget(self.count)
        row, (log, skip, open_) = _buttons(
            (self.tr("Log…"), self.tr("Log an interaction with this person (L)")),
            (self.tr("Not now"), self.tr("Leave this person out for a week (N)")),
            (self.tr("Open"), self.tr("Show this person in Contacts (Enter)")),
        )
        log.clicked.connect(lambda: self.log(self.reach_out))
        skip.clicked.connect(self.not_now)
        open_.clicked.connect(lambda: self._open_person())
        column = QVBoxLayout()
        column.addLayout(head)
        column.addWidget(self.reach_out, 1)
        column.addLayout(row)
        return column

    def _due_column(self) -> QVBoxLayout:
        self.due_title = _title(self.tr("Due today and overdue"))
        self.due_title.setMinimumHeight(self.count.sizeHint().height())  # level with Show
        row, (done, self.snooze_button, log, open_) = _buttons(
            (self.tr("Done"), self.tr("Mark done, logging an interaction (D)")),
            (self.tr("Snooze"), self.tr("Put off (S)")),
            (self.tr("Log…"), self.tr("Log an interaction with this person (L)")),
            (self.tr("Open"), self.tr("Open the follow-up (Enter)")),
        )
        done.clicked.connect(self.mark_done)
        self.snooze_button.setMenu(snooze_menu(self, self.followups.clock.now, self.snooze))
        log.clicked.connect(lambda: self.log(self.due))
        open_.clicked.connect(lambda: self._open_followup())
        column = QVBoxLayout()
        column.addWidget(self.due_title)
        column.addWidget(self.due, 1)
        column.addLayout(row)
        return column

    def _shortcuts(self) -> None:
        keys = {
            Qt.Key.Key_D: self.mark_done,
            Qt.Key.Key_S: self.show_snooze_menu,
            Qt.Key.Key_L: lambda: self.log(self._focused_list()),
            Qt.Key.Key_N: self.not_now,
        }
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def install_actions(self, window: MainWindow) -> None:
        """Edit → Undo/Redo; Open on a person shows them in Contacts."""
        window.add_undo_actions(self.undo_action, self.redo_action)
        self.contact_requested.connect(lambda contact_id: self._show_contact(window, contact_id))

    @staticmethod
    def _show_contact(window: MainWindow, contact_id: int) -> None:
        window.show_view("contacts").show_existing(contact_id)

    # -- showing ----------------------------------------------------------------------------

    def _saved_count(self) -> int:
        if self.settings is None:
            return DEFAULT_LIMIT
        return int(self.settings.value(COUNT_KEY, DEFAULT_LIMIT))

    def _count_changed(self, value: int) -> None:
        if self.settings is not None:
            self.settings.setValue(COUNT_KEY, value)
        self.refresh()

    def _on_change(self, topic: str, _ids: object) -> None:
        if topic in _TOPICS and not self._pending_refresh:
            self._pending_refresh = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        """Reload figures and both lists, keeping each list's place."""
        self._pending_refresh = False
        today = self.followups.clock.today()
        summary = self.services.dashboard.summary(today)
        plan = today_plan(self.followups, self.services.reach_out, self.count.value())
        self.greeting.setText(self.tr("Today, {0}").format(today.strftime("%A %d %B %Y")))
        for key, card in self.figures.items():
            card.value.setText(str(getattr(summary, key)))
        self.hint.setText(self._hint(summary.contacts, len(plan.overdue)))
        reach_row = self.reach_out.currentRow()
        self.reach_out.fill(plan.reach_out)
        self.reach_out.setCurrentRow(min(max(reach_row, 0), self.reach_out.count() - 1))
        due_key, due_row = self.due.current_key(), self.due.currentRow()
        self.due.fill(plan.due_today, plan.overdue, today)
        self.due.select_key(due_key, due_row)

    def _hint(self, contacts: int, overdue: int) -> str:
        if contacts == 0:
            return self.tr(
                "Welcome to NetDesk. Start by dropping vCard (.vcf) files or a LinkedIn or Google "
                "CSV export on this window, or add someone you know with Ctrl+N."
            )
        if overdue:
            return self.tr(
                "{0} follow-ups are overdue: a short message today keeps them warm."
            ).format(overdue)
        return self.tr("You are up to date. Who haven't you talked to in a while?")

    # -- acting -----------------------------------------------------------------------------

    def _focused_list(self) -> QListWidget:
        return self.reach_out if self.reach_out.hasFocus() else self.due

    def _due_ids(self) -> list[int]:
        return self.due.selected_followups() if self.due.current_kind() == "followup" else []

    def mark_done(self) -> None:
        self.commands.done(self._due_ids())

    def snooze(self, until: object) -> None:
        self.commands.snooze(self._due_ids(), until)  # type: ignore[arg-type]

    def show_snooze_menu(self) -> QMenu:
        menu = self.snooze_button.menu()
        menu.popup(self.snooze_button.mapToGlobal(self.snooze_button.rect().bottomLeft()))
        return menu

    def open_current(self) -> None:
        """Enter: expand "N more", open a follow-up, or show a person in Contacts."""
        if self.reach_out.hasFocus():
            self._open_person()
        elif self.due.expand_current():
            self.refresh()
        else:
            self._open_followup()

    def _expand_clicked(self) -> None:
        if self.due.expand_current():
            self.refresh()

    def _open_person(self) -> None:
        contact_id = self.reach_out.current_contact()
        if contact_id is not None:
            self.contact_requested.emit(contact_id)

    def _open_followup(self) -> None:
        ids = self._due_ids()
        row = self.followups.get(ids[0]) if ids else None
        if row is not None:
            self._open_dialog(FollowUpDialog(self.followups, existing=row, parent=self))

    def not_now(self) -> None:
        """Leave the current person out of Reach out for a week (undoable)."""
        contact_id = self.reach_out.current_contact()
        if contact_id is None:
            return
        reach_out = self.services.reach_out
        name = self.reach_out.currentItem().text().splitlines()[0]
        self.undo_stack.push(
            Command(
                self.tr("Not now: {0}").format(name),
                lambda: reach_out.skip(contact_id),
                lambda before: self._unskip(contact_id, before),
            )
        )
        self.message.setText(self.tr("{0} is left out for a week. Ctrl+Z undoes.").format(name))
        self.refresh()

    def _unskip(self, contact_id: int, before: object) -> None:
        self.services.reach_out.unskip(contact_id, before)  # type: ignore[arg-type]
        self.refresh()

    def log(self, source: QListWidget) -> None:
        """Ask for an interaction with the current person (of either list) and record it."""
        contact_id = source.current_contact()  # type: ignore[attr-defined]
        if contact_id is None:
            return
        name = self.followups.contact_name(contact_id)
        dialog = LogInteractionDialog(name, self.services.clock.now(), self)
        dialog.accepted.connect(lambda: self._record(contact_id, name, dialog))
        self._open_dialog(dialog)

    def _record(self, contact_id: int, name: str, dialog: LogInteractionDialog) -> None:
        entry = dialog.result_value()
        self.undo_stack.push(
            Command(
                self.tr("Log interaction with {0}").format(name),
                lambda: record_interaction(self.services, contact_id, entry),
                self._unlog,
            )
        )
        self.message.setText(self.tr("Logged with {0}. Ctrl+Z undoes.").format(name))

    def _unlog(self, ids: tuple[int, int | None]) -> None:
        interaction_id, followup_id = ids
        if followup_id is not None:
            self.followups.dismiss([followup_id])
        delete_interaction(self.services.changes, interaction_id)

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
