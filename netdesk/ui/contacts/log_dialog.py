"""Log an interaction (Ctrl+L): when, channel, summary, what was given or received, and
optionally when to follow up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from netdesk.core.interactions import NEUTRAL, Give, delete_interaction, log_interaction
from netdesk.core.vocabulary import CHANNELS, GIVE_KINDS, RECORDED_CHANNELS
from netdesk.ui.dates import use_locale_format
from netdesk.ui.events.contact_completer import ContactCompleter
from netdesk.ui.qtdates import py_date, py_datetime, qdate, qdatetime
from netdesk.ui.undo import Command

if TYPE_CHECKING:
    from netdesk.core.event_people import ContactMatch
    from netdesk.core.services import Services

FOLLOW_UP_CHOICES = (
    ("No follow-up", None),
    ("In 2 days", 2),
    ("In 1 week", 7),
    ("In 1 month", 30),
    ("Pick a date…", -1),
)
DIRECTION_CHOICES = (
    ("Neither", "neutral"),
    ("I gave something", "gave"),
    ("I received something", "received"),
)


@dataclass(frozen=True)
class LoggedInteraction:
    """What the user entered: the moment in UTC, channel, summary, follow-up date if any."""

    occurred_at: datetime
    channel: str
    summary: str
    follow_up_on: date | None
    give: Give = field(default=NEUTRAL)


class _PersonField(QLineEdit):
    """A name field that completes contacts; `person()` is the picked contact's id or None."""

    def __init__(self, matches: Callable[[str], list[ContactMatch]], placeholder: str) -> None:
        super().__init__()
        self.setPlaceholderText(placeholder)
        self.completer_ = ContactCompleter(self, matches)
        self.completer_.picked.connect(
            lambda contact_id, name, _org: self.set_person(contact_id, name)
        )

    def set_person(self, contact_id: int | None, name: str) -> None:
        self.setText(name)
        self.completer_.chosen_id = contact_id

    def person(self) -> int | None:
        return self.completer_.chosen_id if self.text().strip() else None


class LogInteractionDialog(QDialog):
    """Asks for one interaction with a contact.

    With `matches` (contact names as typed) an introduction names the two people introduced;
    the first is this contact for a give, and "you" (left empty) for a receive.
    """

    def __init__(
        self,
        contact_name: str,
        now: datetime,
        parent: QWidget | None = None,
        *,
        contact_id: int | None = None,
        matches: Callable[[str], list[ContactMatch]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.contact_id = contact_id
        self.contact_name = contact_name
        self.setWindowTitle(f"Log interaction — {contact_name}")
        self.when = QDateTimeEdit(qdatetime(now))
        self.when.setCalendarPopup(True)
        use_locale_format(self.when)
        self.channel = QComboBox()
        self.channel.addItems([c for c in CHANNELS if c not in RECORDED_CHANNELS])
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText("What did you talk about? What did you promise?")
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumHeight(90)  # takes the height a larger dialog gives
        self.follow_up = QComboBox()
        for title, days in FOLLOW_UP_CHOICES:
            self.follow_up.addItem(title, days)
        self.follow_up_date = QDateEdit(qdate(now.date() + timedelta(days=7)))
        self.follow_up_date.setCalendarPopup(True)
        use_locale_format(self.follow_up_date)
        self.follow_up_date.setVisible(False)
        self.follow_up.currentIndexChanged.connect(
            lambda: self.follow_up_date.setVisible(self.follow_up.currentData() == -1)
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)
        self.form.addRow("When", self.when)
        self.form.addRow("Channel", self.channel)
        self.form.addRow("Summary", self.summary)
        self._give_rows(matches)
        self.form.addRow("Follow up", self.follow_up)
        self.form.addRow("", self.follow_up_date)
        self.form.addRow(buttons)
        self.summary.setFocus()

    def _give_rows(self, matches: Callable[[str], list[ContactMatch]] | None) -> None:
        """Give and take, its kind, and for an introduction who was introduced to whom."""
        self.direction = QComboBox()
        for title, direction in DIRECTION_CHOICES:
            self.direction.addItem(title, direction)
        self.direction.setToolTip("Mark what you gave or received: it counts in the balance")
        self.kind = QComboBox()
        for kind in GIVE_KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.form.addRow("Give and take", self.direction)
        self.form.addRow("Kind", self.kind)
        self.introduced: tuple[_PersonField, _PersonField] | None = None
        if matches is not None:
            first = _PersonField(matches, "you")
            second = _PersonField(matches, "type a name")
            self.introduced = (first, second)
            self.intro_row = QHBoxLayout()
            self.intro_row.addWidget(first, 1)
            self.intro_row.addWidget(QLabel("to"))
            self.intro_row.addWidget(second, 1)
            self.form.addRow("Introduced", self.intro_row)
            self.intro_problem = QLabel()
            self.intro_problem.setTextFormat(Qt.TextFormat.PlainText)
            self.intro_problem.setWordWrap(True)
            self.intro_problem.setStyleSheet("color: #b3261e")
            self.intro_problem.hide()
            self.form.addRow("", self.intro_problem)
            for person in self.introduced:
                person.textChanged.connect(self.intro_problem.hide)
        self.direction.currentIndexChanged.connect(self._show_give)
        self.kind.currentIndexChanged.connect(self._show_give)
        self._show_give()

    def _show_give(self) -> None:
        direction = self.direction.currentData()
        self.form.setRowVisible(self.kind, direction != "neutral")
        if self.introduced is None:
            return
        first, _ = self.introduced
        introduction = direction != "neutral" and self.kind.currentData() == "introduction"
        self.form.setRowVisible(self.intro_row, introduction)
        if direction == "gave" and not first.text():
            first.set_person(self.contact_id, self.contact_name)
        elif direction == "received" and first.person() == self.contact_id:
            first.set_person(None, "")

    def accept(self) -> None:
        """Save, unless an introduced name was typed but not picked: it would be stored as
        nobody, so the dialog says so and stays open."""
        unpicked = self._unpicked_person()
        if unpicked is None:
            super().accept()
            return
        self.intro_problem.setText(
            f"Pick \u201c{unpicked.text().strip()}\u201d from the list of contacts, or clear it."
        )
        self.intro_problem.show()
        unpicked.setFocus()

    def _unpicked_person(self) -> _PersonField | None:
        if self.introduced is None or self.give().kind != "introduction":
            return None
        return next((f for f in self.introduced if f.text().strip() and f.person() is None), None)

    def give(self) -> Give:
        """What was given or received, as entered."""
        direction = self.direction.currentData()
        if direction == "neutral":
            return NEUTRAL
        kind = self.kind.currentData()
        people: tuple[int | None, int | None] = (None, None)
        if kind == "introduction" and self.introduced is not None:
            people = (self.introduced[0].person(), self.introduced[1].person())
        return Give(direction, kind, people)

    def result_value(self) -> LoggedInteraction:
        """The interaction as entered."""
        local = py_datetime(self.when.dateTime())
        occurred = local.astimezone(UTC).replace(tzinfo=None)
        days = self.follow_up.currentData()
        follow_up_on: date | None = None
        if days == -1:
            follow_up_on = py_date(self.follow_up_date.date())
        elif days:
            follow_up_on = local.date() + timedelta(days=days)
        return LoggedInteraction(
            occurred,
            self.channel.currentText(),
            self.summary.toPlainText().strip(),
            follow_up_on,
            self.give(),
        )


def record_interaction(
    services: Services, contact_id: int, entry: LoggedInteraction
) -> tuple[int, int | None]:
    """Store a logged interaction and the follow-up it asked for; return both ids."""
    interaction_id = log_interaction(
        services.changes,
        contact_id,
        occurred_at=entry.occurred_at,
        channel=entry.channel,
        summary=entry.summary,
        give=entry.give,
    )
    followup_id = None
    if entry.follow_up_on is not None:
        followup_id = services.followups.create(
            contact_id,
            datetime.combine(entry.follow_up_on, time(9, 0)),
            reason="after meeting"
            if entry.channel in ("in person", "coffee", "event")
            else "check-in",
            origin="interaction",
            interaction_id=interaction_id,
        )
    return interaction_id, followup_id


def log_command(
    services: Services, contact_id: int, name: str, entry: LoggedInteraction
) -> Command:
    """Recording `entry` with `name` as an undoable change: undo deletes the interaction and
    dismisses the follow-up it made, redo records them again."""

    def unlog(ids: tuple[int, int | None]) -> None:
        interaction_id, followup_id = ids
        if followup_id is not None:
            services.followups.dismiss([followup_id])
        delete_interaction(services.changes, interaction_id)

    return Command(
        f"Log interaction with {name}",
        lambda: record_interaction(services, contact_id, entry),
        unlog,
    )
