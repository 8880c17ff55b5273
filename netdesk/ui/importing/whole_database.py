"""NetDesk's own JSON export from the window: File → Export… "NetDesk JSON (everything)", and an
export opened (File → Import…, a drop, `netdesk FILE.json`) read back after a confirmation.

Both run as tasks off the GUI thread behind a progress dialog with Cancel (it shows after
100 ms); the work is `core.json_export` / `core.json_import`, the same as the command line's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from netdesk.core.json_export import export_file
from netdesk.core.json_import import ImportRefused, JsonImporter, JsonImportResult
from netdesk.ui.dates import when_text
from netdesk.ui.numbers import grouped
from netdesk.ui.tasks import Progress, Task
from netdesk.ui.timefmt import local_from_utc

if TYPE_CHECKING:
    from netdesk.core.services import Services
    from netdesk.ui.main_window import MainWindow

SHOW_AFTER_MS = 100


def exported_when(stamp: object) -> str:
    """The file's export time ("2026-12-02T15:00:00Z") in local time and the locale's words;
    the text as written when it is not such a time."""
    try:
        moment = datetime.fromisoformat(str(stamp)).astimezone(UTC).replace(tzinfo=None)
    except ValueError:
        return str(stamp or "?")
    return when_text(local_from_utc(moment))


class WholeDatabase(QObject):
    """Runs the JSON export and import for the window; keeps the running task and its dialog."""

    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.importer = JsonImporter(services.paths.database, services.changes)
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.question: QMessageBox | None = None

    def export_to(self, target: Path) -> Task:
        """Write the whole database to `target` in a worker; the status bar says when done."""

        now = self.services.clock.now().astimezone(UTC).replace(tzinfo=None)  # the app's, in UTC

        def work(progress: Progress) -> str:
            rows = export_file(target, now, progress)
            return self.tr("Exported everything ({0} rows) to {1}").format(grouped(rows), target)

        return self._run(work, self.tr("Exporting everything to {0}…").format(target.name))

    def ask_import(self, path: Path) -> QMessageBox | None:
        """Ask before importing the export at `path` (replacing what the database holds, if
        anything); None when the file cannot be imported (a message says why)."""
        try:
            header = self.importer.check(path)
        except ImportRefused as refused:
            self._tell(self.tr("Cannot import {0}").format(path.name), str(refused))
            return None
        empty = self.importer.is_empty()
        written = self.tr("exported {0} by NetDesk {1}").format(
            exported_when(header.get("exported_at")),
            header.get("app_version", "?"),
        )
        if empty:
            text = self.tr(
                "Import everything in {0} ({1}): contacts, events, follow-ups, goals, templates "
                "and settings?"
            ).format(path.name, written)
        else:
            text = self.tr(
                "{0} ({1}) holds a whole NetDesk database. Importing it REPLACES everything "
                "this NetDesk holds now: contacts, events, follow-ups, goals, templates and "
                "settings.\n\n"
                "A backup of the database as it is now is taken first, in the backups folder "
                "beside it (the command netdesk restore puts it back)."
            ).format(path.name, written)
        box = QMessageBox(
            QMessageBox.Icon.Question if empty else QMessageBox.Icon.Warning,
            self.tr("Import a NetDesk export"),
            text,
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        go = box.addButton(
            self.tr("Import") if empty else self.tr("Replace everything"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        if empty:
            box.setDefaultButton(go)
        else:
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self.import_file(path, replace=not empty) if button is go else None
        )
        self.question = box
        box.open()
        return box

    def import_file(self, path: Path, *, replace: bool) -> Task:
        """Import the export at `path` in a worker (`replace`: after a backup)."""

        def work(progress: Progress) -> str:
            result = self.importer.import_file(path, replace=replace, progress=progress)
            return _done(result, path)

        task = self._run(work, self.tr("Importing {0}…").format(path.name), failed_box=True)
        task.succeeded.connect(self._forget_undo)
        return task

    def _forget_undo(self) -> None:
        """Every view's undo history named rows of the database that was replaced: clear it."""
        for stack in self.window.findChildren(QUndoStack):
            stack.clear()

    def _run(
        self, work: Callable[[Progress], str], label: str, *, failed_box: bool = False
    ) -> Task:
        task = Task(work, self)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.window)
        dialog.setWindowTitle("NetDesk")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)
        task.progressed.connect(lambda done, total, _text: _show(dialog, done, total))
        bar = self.window.statusBar()
        task.succeeded.connect(lambda message: bar.showMessage(message, 15000))
        task.cancelled.connect(lambda: bar.showMessage(self.tr("Cancelled: nothing changed"), 8000))
        if failed_box:
            task.failed.connect(lambda message, _d: self._tell(self.tr("Import failed"), message))
        else:
            task.failed.connect(
                lambda message, _d: bar.showMessage(self.tr("Export failed: {0}").format(message))
            )
        task.finished.connect(dialog.reset)
        task.finished.connect(dialog.deleteLater)
        self.task, self.progress = task, dialog
        task.start()
        return task

    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.question = box
        box.open()


def _show(dialog: QProgressDialog, done: int, total: int) -> None:
    if total and dialog.maximum() != total:
        dialog.setMaximum(total)
    dialog.setValue(min(done, total))


def _done(result: JsonImportResult, path: Path) -> str:
    message = f"Imported {grouped(result.total)} rows from {path.name}"
    if result.backup is not None:
        message += f"; the database as it was is kept in {result.backup}"
    return message
