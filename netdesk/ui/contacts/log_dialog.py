"""Log an interaction (Ctrl+L): when, channel, summary, and optionally when to follow up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from netdesk.core.interactions import log_interaction
from netdesk.core.vocabulary import CHANNELS, RECORDED_CHANNELS

if TYPE_CHECKING:
    from netdesk.core.services import Services

FOLLOW_UP_CHOICES = (
    ("No follow-up", None),
    ("In 2 days", 2),
    ("In 1 week", 7),
    ("In 1 month", 30),
    ("Pick a date…", -1),
)


@dataclass(frozen=True)
class LoggedInteraction:
    """What the user entered: the moment in UTC, channel, summary, follow-up date if any."""

    occurred_at: datetime
    channel: str
    summary: str
    follow_up_on: date | None


class LogInteractionDialog(QDialog):
    """Asks for one interaction with a contact."""

    def __init__(self, contact_name: str, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Log interaction — {contact_name}")
        self.when = QDateTimeEdit(QDateTime(now))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.channel = QComboBox()
        self.channel.addItems([c for c in CHANNELS if c not in RECORDED_CHANNELS])
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText("What did you talk about? What did you promise?")
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(90)
        self.follow_up = QComboBox()
        for title, days in FOLLOW_UP_CHOICES:
            self.follow_up.addItem(title, days)
        self.follow_up_date = QDateEdit(QDate(now.date() + timedelta(days=7)))
        self.follow_up_date.setCalendarPopup(True)
        self.follow_up_date.setVisible(False)
        self.follow_up.currentIndexChanged.connect(
            lambda: self.follow_up_date.setVisible(self.follow_up.currentData() == -1)
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("When", self.when)
        form.addRow("Channel", self.channel)
        form.addRow("Summary", self.summary)
        form.addRow("Follow up", self.follow_up)
        form.addRow("", self.follow_up_date)
        form.addRow(buttons)
        self.summary.setFocus()

    def result_value(self) -> LoggedInteraction:
        """The interaction as entered."""
        local = self.when.dateTime().toPython()
        occurred = local.astimezone(UTC).replace(tzinfo=None)
        days = self.follow_up.currentData()
        follow_up_on: date | None = None
        if days == -1:
            follow_up_on = self.follow_up_date.date().toPython()
        elif days:
            follow_up_on = local.date() + timedelta(days=days)
        return LoggedInteraction(
            occurred, self.channel.currentText(), self.summary.toPlainText().strip(), follow_up_on
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
