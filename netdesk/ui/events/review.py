"""The review after an event: the goal against the people met, and who on the list was missed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.events import Review
from netdesk.ui.events.forms import section_title
from netdesk.ui.plain import plain_label
from netdesk.ui.plural import counted


def _fill(widget: QListWidget, names: list[str], empty: str) -> None:
    widget.clear()
    widget.addItems(names or [empty])


class ReviewPanel(QWidget):
    """How the event went; its button opens quick capture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal = plain_label()
        self.goal.setWordWrap(True)
        self.goal_bar = QProgressBar()
        self.goal_bar.setTextVisible(True)
        self.goal_line = plain_label()
        self.want_bar = QProgressBar()
        self.want_line = plain_label()
        for line in (self.goal_line, self.want_line):  # else their width makes Met the narrower
            line.setWordWrap(True)
        self.met = QListWidget()
        self.missed = QListWidget()
        self.capture_button = QPushButton("Who did I meet?…")

        grid = QGridLayout()
        grid.addWidget(section_title("Goal"), 0, 0, 1, 2)
        grid.addWidget(self.goal, 1, 0, 1, 2)
        grid.addWidget(self.goal_bar, 2, 0)
        grid.addWidget(self.goal_line, 2, 1)
        grid.addWidget(section_title("Want to meet"), 3, 0, 1, 2)
        grid.addWidget(self.want_bar, 4, 0)
        grid.addWidget(self.want_line, 4, 1)
        grid.addWidget(section_title("Met"), 5, 0)
        grid.addWidget(section_title("Not met yet"), 5, 1)
        grid.addWidget(self.met, 6, 0)
        grid.addWidget(self.missed, 6, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.capture_button)

    def present(self, review: Review) -> None:
        """Show `review` (read with the rest of the event: `event_read.read_event`)."""
        self.goal.setText(review.goals.strip() or "No goal written for this event.")
        target = review.goal_target or 0
        self.goal_bar.setRange(0, max(target, 1))
        self.goal_bar.setValue(min(review.met, max(target, 1)) if target else 0)
        self.goal_bar.setFormat(f"{review.met} / {target}" if target else "no target")
        if review.goal_reached is None:
            self.goal_line.setText(
                counted("ReviewPanel", "Met %Ln (person|people) (no target set).", review.met)
            )
        elif review.goal_reached:
            self.goal_line.setText(f"Goal reached: met {review.met} of {target}.")
        else:
            self.goal_line.setText(f"Met {review.met} of {target}: {target - review.met} to go.")
        self.want_bar.setRange(0, max(review.want_total, 1))
        self.want_bar.setValue(review.want_met)
        self.want_bar.setFormat(f"{review.want_met} / {review.want_total}")
        self.want_line.setText(
            f"Met {review.want_met} of the {review.want_total} you wanted to meet."
            if review.want_total
            else "Nobody marked as want-to-meet."
        )
        _fill(self.met, review.met_names, "Nobody captured yet.")
        _fill(self.missed, review.missed_names, "Nobody left.")
