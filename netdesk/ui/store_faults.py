"""What the window says when the store cannot be opened as it is, or only read.

Every text is plain (paths and SQLite's words are never rich text).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from netdesk.paths import APP_NAME


def _tr(text: str) -> str:
    return QApplication.translate("store_faults", text)


def restore_box(path: Path, problems: list[str], newest: Path | None, empty: bool) -> QMessageBox:
    """The question for a damaged (or `empty`: empty or missing, while backups hold the network)
    database: restore `newest`, or close."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "")
    box.setTextFormat(Qt.TextFormat.PlainText)
    if empty:
        text = _tr(
            "Your NetDesk database is empty or missing, but its backups hold your network:\n{0}"
            "\n\nNetDesk has not started a new one over it."
        ).format(path)
    else:
        text = _tr(
            "Your NetDesk database is damaged:\n{0}\n\nNetDesk has not changed or replaced it."
        ).format(path)
    if newest is not None:
        text += _tr(
            "\n\nRestore the newest good backup ({0})? The current file is kept aside."
        ).format(newest.name)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Close)
    else:
        text += _tr("\n\nNo good backup was found.")
        box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setText(text)
    box.setDetailedText("\n".join(problems))
    return box


def refusal_box(reason: str) -> QMessageBox:
    """NetDesk cannot open the store as it is (newer, busy, a path too long…): say why, close."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_tr("NetDesk cannot open your network:\n\n{0}").format(reason))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def show_read_only(window: QMainWindow, folder: Path) -> QLabel:
    """Mark `window` as showing a network that cannot be changed (its folder is read-only):
    a banner says why and how to fix it, and every control that would change data is off
    (`ReadOnlyLock`)."""
    from PySide6.QtWidgets import QSizePolicy, QToolBar

    from netdesk.ui.read_only import ReadOnlyLock

    window.setWindowTitle(_tr("{0} (read-only)").format(window.windowTitle()))
    label = QLabel(
        _tr(
            "Read-only: NetDesk cannot write to {0}, so editing is off. To make changes, quit "
            "NetDesk, make that folder writable (its permissions, or a disk mounted read-only) "
            "and start NetDesk again."
        ).format(folder)
    )
    label.setObjectName("readOnlyNotice")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    banner = QToolBar(window)
    banner.setObjectName("readOnlyBanner")
    banner.setMovable(False)
    banner.toggleViewAction().setVisible(False)
    banner.setStyleSheet(
        "#readOnlyBanner { background: #fdecea; border-bottom: 1px solid #e0a0a0; }"
    )
    banner.addWidget(label)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner)
    ReadOnlyLock.install(window)
    return label
