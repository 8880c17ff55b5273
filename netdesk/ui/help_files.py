"""Help → Open data folder / Open log file: a path handed to the desktop (QDesktopServices)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow


def open_path(window: QMainWindow, path: Path) -> bool:
    """Open `path` in the desktop's program for it; the status bar says when it cannot be."""
    if not path.exists():
        window.statusBar().showMessage(window.tr("{0} does not exist yet.").format(path), 8000)
        return False
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    window.statusBar().showMessage(
        window.tr("No program to open {0}; it is at {1}.").format(path.name, path.parent), 8000
    )
    return False
