"""Upgrading an older database off the GUI thread while the window says what is happening.

The window keeps painting: a page in place of the views names the step that runs, the sidebar and
the View menu wait until the store is ready, and a failure is explained in a dialog that says
where the copy taken before the upgrade is. Closing the window (or Quit) meanwhile says "Finishing
the upgrade…" and closes it once the running step is done: each step is one transaction, so the
file ends at a whole step (the next start goes on from there), never inside one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label
from netdesk.ui.tasks import Cancelled, Progress, Task

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

    def show_finishing(self) -> None:
        """Say that the window closes once the running step is done."""
        self.step.setText(self.tr("Finishing the upgrade… NetDesk closes when this step is done."))


class StoreUpgrade(Task):
    """Upgrades the open store on a worker thread and shows its progress in `window`.

    `ready` runs on the GUI thread once the store is current; a failure shows an error dialog and
    quits NetDesk with status 1. A close of the window waits for the running step, then closes
    it without opening the views.
    """

    def __init__(
        self,
        window: MainWindow,
        database_path: Path,
        ready: Callable[[], None],
        now: Callable[[], datetime | None] = lambda: None,
    ) -> None:
        super().__init__(self._work, window)
        self.now = now  # the app's clock for the backup's name (None: the wall clock)
        self.window = window
        self.database_path = database_path
        self.page = UpgradePage()
        self.error_box: QMessageBox | None = None
        self.closing = False
        window.stack.insertWidget(0, self.page)
        window.stack.setCurrentWidget(self.page)
        self._set_views_enabled(False)
        window.statusBar().showMessage(self.tr("Upgrading your network…"))
        self.progressed.connect(self.page.show_step)
        self.succeeded.connect(lambda _copy: self._finish(ready))
        self.failed.connect(self._fail)
        self.finished.connect(self._done)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            event.ignore()
            self._close_after_step()
            return True
        return super().eventFilter(watched, event)

    def _close_after_step(self) -> None:
        """Let the running step finish, run no further one, then close the window."""
        if self.closing:
            return
        self.closing = True
        self.cancel()
        self.page.show_finishing()
        self.window.statusBar().showMessage(self.tr("Finishing the upgrade…"))

    def _done(self) -> None:
        """The worker ended (after the outcome's own signal): a pending close goes ahead, unless
        a failure is being explained (its dialog quits)."""
        self.window.removeEventFilter(self)
        if self.closing and self.error_box is None:
            self.window.close()

    def _work(self, progress: Progress) -> Path:
        from netdesk.store.db import upgrade_database
        from netdesk.store.errors import UpgradeError
        from netdesk.store.models import db

        try:
            return upgrade_database(db.obj, self.database_path, report=progress, now=self.now())
        except UpgradeError as error:
            if isinstance(error.__cause__, Cancelled):  # closed: stopped before the next step
                raise Cancelled from error
            raise
        finally:
            db.obj.close()  # this worker thread's own connection

    def _set_views_enabled(self, enabled: bool) -> None:
        self.window.sidebar.setEnabled(enabled)
        self.window.menus["view"].setEnabled(enabled)

    def _finish(self, ready: Callable[[], None]) -> None:
        if self.closing:  # the last step was running when the window was closed: no views
            return
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
