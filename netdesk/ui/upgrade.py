"""Upgrading an older database off the GUI thread while the window says what is happening.

The window keeps painting: a page in place of the views names the step that runs, the sidebar and
the View menu wait until the store is ready, and a failure is explained in a dialog that says
where the copy taken before the upgrade is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label
from netdesk.ui.tasks import Progress, Task

if TYPE_CHECKING:
    from netdesk.ui.main_window import MainWindow


class UpgradePage(QWidget):
    """Shown instead of the views while the store upgrades: what, which step, a busy bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upgradePage")
        title = style_label(
            plain_label(self.tr("Upgrading your network for this version of NetDesk…")),
            "emptyTitle",
        )
        self.step = plain_label(self.tr("Keeping a copy of the file first"))
        busy = QProgressBar()
        busy.setRange(0, 0)
        busy.setTextVisible(False)
        busy.setFixedWidth(320)
        hint = style_label(
            plain_label(
                self.tr("This happens once, after an update; a large network takes a few seconds.")
            ),
            "hint",
        )
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, self.step, busy, hint):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_step(self, done: int, total: int, title: str) -> None:
        """Name the step that runs now."""
        self.step.setText(self.tr("Step {0} of {1}: {2}").format(done + 1, total, title))


class StoreUpgrade(Task):
    """Upgrades the open store on a worker thread and shows its progress in `window`.

    `ready` runs on the GUI thread once the store is current; a failure shows an error dialog and
    quits NetDesk with status 1.
    """

    def __init__(self, window: MainWindow, database_path: Path, ready: Callable[[], None]) -> None:
        super().__init__(self._work, window)
        self.window = window
        self.database_path = database_path
        self.page = UpgradePage()
        self.error_box: QMessageBox | None = None
        window.stack.insertWidget(0, self.page)
        window.stack.setCurrentWidget(self.page)
        self._set_views_enabled(False)
        window.statusBar().showMessage(self.tr("Upgrading your network…"))
        self.progressed.connect(self.page.show_step)
        self.succeeded.connect(lambda _copy: self._finish(ready))
        self.failed.connect(self._fail)

    def _work(self, progress: Progress) -> Path:
        from netdesk.store.db import upgrade_database
        from netdesk.store.models import db

        try:
            return upgrade_database(db.obj, self.database_path, report=progress)
        finally:
            db.obj.close()  # this worker thread's own connection

    def _set_views_enabled(self, enabled: bool) -> None:
        self.window.sidebar.setEnabled(enabled)
        self.window.menus["view"].setEnabled(enabled)

    def _finish(self, ready: Callable[[], None]) -> None:
        self.window.stack.removeWidget(self.page)
        self.page.deleteLater()
        self._set_views_enabled(True)
        self.window.statusBar().clearMessage()
        ready()

    def _fail(self, message: str, details: str) -> None:
        self.window.statusBar().showMessage(self.tr("The upgrade failed"))
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("NetDesk could not upgrade your network"),
            self.tr(
                "NetDesk could not upgrade your network to this version:\n\n{0}\n\n"
                "NetDesk will close now; nothing of your network was lost."
            ).format(message),
            QMessageBox.StandardButton.Close,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: QApplication.exit(1))
        self.error_box = box
        box.open()
