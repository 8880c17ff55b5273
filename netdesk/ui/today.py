"""The Today view: how big the network is and what needs attention now."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from netdesk.core.changes import Changes
from netdesk.core.dashboard import DashboardService
from netdesk.core.followups import FollowUpService
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.style import FIGURE_CARD_STYLE, style_label

MAX_DUE_ROWS = 12


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
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        self.value.setFont(font)
        label = QLabel(caption)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(label)


class TodayView(QWidget):
    """Greeting, figures and the next steps for a new user."""

    def __init__(
        self,
        dashboard: DashboardService,
        changes: Changes,
        parent: QWidget | None = None,
        followups: FollowUpService | None = None,
    ) -> None:
        super().__init__(parent)
        self._dashboard = dashboard
        self._followups = followups
        self._signals = ChangeSignals(changes, self)
        self._signals.changed.connect(lambda *_: self.refresh())

        self.greeting = QLabel()
        font = self.greeting.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.greeting.setFont(font)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)

        self.figures = {
            "contacts": _Figure(self.tr("people in your network")),
            "due_today": _Figure(self.tr("follow-ups due today")),
            "overdue": _Figure(self.tr("overdue follow-ups")),
            "upcoming_events": _Figure(self.tr("events in the next 30 days")),
        }
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, card in enumerate(self.figures.values()):
            grid.addWidget(card, index // 2, index % 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(self.greeting)
        layout.addWidget(self.hint)
        layout.addLayout(grid)
        self.due_title = QLabel(self.tr("Due today and overdue"))
        self.due_title.setFont(self.greeting.font())
        self.due_list = QListWidget()
        layout.addWidget(self.due_title)
        layout.addWidget(self.due_list, 1)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        today = date.today()
        summary = self._dashboard.summary(today)
        self.greeting.setText(self.tr("Today, {0}").format(today.strftime("%A %d %B %Y")))
        for key, card in self.figures.items():
            card.value.setText(str(getattr(summary, key)))
        if summary.contacts == 0:
            hint = self.tr(
                "Welcome to NetDesk. Start by dropping vCard (.vcf) files or a LinkedIn or Google "
                "CSV export on this window, or add someone you know with Ctrl+N."
            )
        elif summary.overdue:
            hint = self.tr(
                "{0} follow-ups are overdue: a short message today keeps them warm."
            ).format(summary.overdue)
        else:
            hint = self.tr("You are up to date. Who haven't you talked to in a while?")
        self.hint.setText(hint)
        self._show_due()

    def _show_due(self) -> None:
        """The follow-ups due by tonight, oldest first (shown when the view has the service)."""
        rows = self._followups.due(limit=MAX_DUE_ROWS) if self._followups else []
        self.due_list.clear()
        for row in rows:
            when = row.due_at.strftime("%d %b") if row.day != date.today() else self.tr("today")
            self.due_list.addItem(f"{when} · {row.contact_name} · {row.reason}")
        self.due_title.setVisible(bool(rows))
        self.due_list.setVisible(bool(rows))
