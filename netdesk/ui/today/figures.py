"""The Today view's head: the date, a hint in words, and four big figures."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from netdesk.core.dashboard import TodaySummary
from netdesk.ui.card import Card
from netdesk.ui.dates import long_day
from netdesk.ui.numbers import grouped
from netdesk.ui.plural import counted
from netdesk.ui.style import style_label
from netdesk.ui.today.section import title_label


class Figure(Card):
    """One big number with a caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
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


class TodayHead(QWidget):
    """Greeting with the date, the hint, and the figures of `TodaySummary`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.greeting = title_label("", 1.6)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.figures = {
            "contacts": Figure(self.tr("people in your network")),
            "due_today": Figure(self.tr("follow-ups due today")),
            "overdue": Figure(self.tr("overdue follow-ups")),
            "upcoming_events": Figure(self.tr("events in the next 30 days")),
        }
        figures = QHBoxLayout()
        figures.setSpacing(12)
        for card in self.figures.values():
            figures.addWidget(card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.greeting)
        layout.addWidget(self.hint)
        layout.addLayout(figures)

    def show_summary(self, today: date, summary: TodaySummary) -> None:
        self.greeting.setText(self.tr("Today, {0}").format(long_day(today)))
        for key, card in self.figures.items():
            card.value.setText(grouped(getattr(summary, key)))
        self.hint.setText(self._hint(summary))

    def _hint(self, summary: TodaySummary) -> str:
        contacts, overdue, due_today = summary.contacts, summary.overdue, summary.due_today
        if contacts == 0:
            return self.tr(
                "Welcome to NetDesk. Start by dropping vCard (.vcf) files or a LinkedIn or Google "
                "CSV export on this window, or add someone you know with Ctrl+N."
            )
        if overdue:
            return counted(
                "TodayHead",
                "%Ln follow-up(s) (is|are) overdue: a short message today keeps them warm.",
                overdue,
            )
        if due_today:
            return counted(
                "TodayHead",
                "%Ln follow-up(s) (is|are) due today, listed under Due today and overdue.",
                due_today,
            )
        return self.tr("You are up to date. Who haven't you talked to in a while?")
