"""What the list shows when it has nothing to show (how to start, or why nothing matched), and
what shows beside it while nobody is selected."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from netdesk.ui.icons import icon
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label


class EmptyState(QWidget):
    """A friendly page in place of an empty table."""

    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = plain_label()
        self.picture.setPixmap(icon("contacts").pixmap(64, 64))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = plain_label()
        style_label(self.title, "emptyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = plain_label()
        style_label(self.detail, "hint")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = QPushButton("New contact  (Ctrl+N)")
        self.new_button.clicked.connect(self.new_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.picture)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def show_for(self, filtered: bool, search: str, trash: bool) -> None:
        """Say why the list is empty: a new network, no match, or an empty Trash."""
        if trash:
            self.title.setText("The Trash is empty")
            self.detail.setText("Deleted contacts wait here until you empty the Trash.")
        elif filtered:
            self.title.setText(f"No contacts match “{search}”" if search else "No contacts match")
            self.detail.setText("Try fewer words, or clear the filters beside the search box.")
        else:
            self.title.setText("Your network starts here")
            self.detail.setText(
                "Drop vCard (.vcf) files or a LinkedIn or Google Contacts CSV export on this "
                "window to bring everyone in — or press Ctrl+N to add someone you just met."
            )
        self.new_button.setVisible(not trash)


class NoSelection(QWidget):
    """Beside the list while nobody is selected: what to do, instead of a blank form."""

    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = plain_label(
            "Select someone in the list to see and edit them, or press Ctrl+N to add someone new."
        )
        style_label(self.hint, "hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = QPushButton("New contact  (Ctrl+N)")
        self.new_button.clicked.connect(self.new_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def beside_empty_list(self, empty: bool) -> None:
        """Say nothing while the list is empty: its own page says what to do (and "Select
        someone in the list" beside an empty one, with a second New contact, was wrong)."""
        self.hint.setVisible(not empty)
        self.new_button.setVisible(not empty)
