"""Help → About: version, where the data lives, and the licences of NetDesk and what it bundles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from netdesk import __version__, paths
from netdesk.ui.icons import icon

NOTICE = "THIRD-PARTY-NOTICES.txt"


def licence_text(folder: Path) -> str:
    """NetDesk's licence, then the third-party notice a packaged build carries."""
    parts = [(folder / "LICENSE").read_text(encoding="utf-8")]
    notice = folder / NOTICE
    if notice.is_file():
        parts.append(notice.read_text(encoding="utf-8"))
    else:  # a checkout: the libraries are whatever this Python environment has installed
        parts.append(  # broken like the licence above (the box does not wrap: notices are laid out)
            "Running from source: the third-party libraries are those installed in\n"
            "this Python environment, under their own licences. Packaged builds list\n"
            "each of them here with its licence text."
        )
    return "\n\n".join(parts)


class AboutDialog(QDialog):
    """Plain-text summary above a read-only view of the licences (shipping them is not enough:
    LGPL and the notices want them reachable from the program)."""

    def __init__(self, database: Path, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About NetDesk"))
        logo = QLabel()
        logo.setPixmap(icon("netdesk").pixmap(64, 64))
        self.summary = QLabel(
            self.tr(
                "NetDesk {0}\n\nYour professional network, private on your own machine.\n\n"
                "Data: {1}\nLogs: {2}"
            ).format(__version__, database, log_file)
        )
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licences = QPlainTextEdit(licence_text(paths.licences_dir()))
        self.licences.setReadOnly(True)
        self.licences.setFont(QFont("monospace"))
        self.licences.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        head = QHBoxLayout()
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(QLabel(self.tr("Licences")))
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)
