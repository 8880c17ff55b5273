"""Wires importing into the main window: File → Import… (Ctrl+I), Export…, Import history…,
files handed to the window (drops, `netdesk FILE`, a second launch) and dropped vCard data.
NetDesk's own JSON export goes to `whole_database` both ways.

Other address books drag cards as data, not files (MIME text/vcard, text/x-vcard,
text/directory); an event filter on the window takes those drops.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog

from netdesk.core.exporting import FORMATS
from netdesk.core.json_export import SUFFIX
from netdesk.formats.sources import kind_of
from netdesk.private_files import write_private
from netdesk.ui.importing.dialog import ImportDialog
from netdesk.ui.importing.history import ImportHistoryDialog
from netdesk.ui.importing.whole_database import WholeDatabase
from netdesk.ui.read_only import reading
from netdesk.ui.tasks import Task

if TYPE_CHECKING:
    from netdesk.core.services import Services
    from netdesk.ui.main_window import MainWindow

VCARD_MIME_TYPES = ("text/vcard", "text/x-vcard", "text/directory")
_EXPORT_FILTERS = {
    "vCard 4.0 (*.vcf)": "vcard",
    "vCard 3.0 (*.vcf)": "vcard3",
    "CSV (*.csv)": "csv",
    "NetDesk JSON (everything) (*.json)": "json",
}


class ImportController(QObject):
    """Starts imports from the window's menu, drops and opened files."""

    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.dialog: ImportDialog | None = None
        self.waiting: list[Callable[[ImportDialog], None]] = []
        self.history: ImportHistoryDialog | None = None
        self.export_task: Task | None = None
        self.whole = WholeDatabase(window, services)
        self.import_action = self._action(
            self.tr("&Import…"), self.choose_files, "import", "Ctrl+I"
        )
        self.history_action = self._action(self.tr("Import &history…"), self.show_history, "import")
        self.export_action = self._action(self.tr("&Export…"), self.choose_export, "export")
        reading(self.history_action, self.export_action)
        window.file_openers.append(self.open_files)
        window.installEventFilter(self)

    def _action(
        self, text: str, slot: Callable[[], object], group: str, shortcut: str = ""
    ) -> QAction:
        """A File menu item, first of its group (Export… above the views' own exports)."""
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.add_file_action(action, group, first=group == "export")
        return action

    def open_files(self, paths: list[str]) -> bool:
        """Import files and folders of contact files, or one NetDesk JSON export (after a
        question); False when none of them is one (calendar files are left to the Events view)."""
        exports = [p for p in paths if Path(p).suffix.lower() == SUFFIX]
        if exports and len(paths) == 1:
            self.whole.ask_import(Path(exports[0]))
            return True
        wanted = [p for p in paths if Path(p).is_dir() or kind_of(p) == "contacts"]
        if not wanted:
            return False
        self._start(lambda dialog: dialog.read_files(wanted))
        return True

    def import_data(self, data: bytes, name: str = "dropped cards.vcf") -> None:
        """Import vCard data that was dropped (no file behind it)."""
        self._start(lambda dialog: dialog.read_data(data, name))

    def _start(self, read: Callable[[ImportDialog], None]) -> None:
        """Read in a new dialog, or after the open one: files handed over while an import is
        being read, previewed or written wait their turn instead of replacing it."""
        if self.dialog is not None and self.dialog.isVisible() and not self.dialog.over:
            self.waiting.append(read)
            self.dialog.set_waiting(len(self.waiting))
            self.dialog.raise_()
            return
        read(self._dialog())

    def _next(self) -> None:
        if self.waiting:
            read = self.waiting.pop(0)
            QTimer.singleShot(0, lambda: read(self._dialog()))

    def choose_files(self) -> None:
        """File → Import…: pick files, then preview."""
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import contacts"),
            str(Path.home()),
            self.tr(
                "Contact and calendar files, NetDesk exports (*.vcf *.vcard *.csv *.ics *.json);;"
                "All files (*)"
            ),
        )
        if paths:
            self.window.open_files(paths)

    def show_history(self) -> ImportHistoryDialog:
        """File → Import history…"""
        if self.history is None:
            self.history = ImportHistoryDialog(self.services.importing, self.window)
        self.history.refresh()
        self.history.show()
        self.history.raise_()
        return self.history

    def choose_export(self) -> None:
        """File → Export…: every contact in the format the file type names, or everything."""
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export"),
            str(Path.home() / "contacts.vcf"),
            ";;".join(_EXPORT_FILTERS),
        )
        if path:
            self.export_to(path, _EXPORT_FILTERS.get(chosen, "vcard"))

    def export_to(self, path: str, fmt: str) -> Task:
        """Write every contact (`fmt` json: everything) to `path` in a worker; the status bar
        says when it is done."""
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(FORMATS.get(fmt, SUFFIX))
        if fmt == "json":
            self.export_task = self.whole.export_to(target)
            return self.export_task
        exporter = self.services.exporting

        def work(_progress: object) -> str:
            write_private(target, exporter.export(fmt))
            return str(target)

        task = Task(work, self)
        bar = self.window.statusBar()
        task.succeeded.connect(
            lambda written: bar.showMessage(self.tr("Exported to {0}").format(written), 8000)
        )
        task.failed.connect(
            lambda message, _details: bar.showMessage(self.tr("Export failed: {0}").format(message))
        )
        self.export_task = task
        task.start()
        return task

    def _dialog(self) -> ImportDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ImportDialog(self.services.importing, self.window, self.window.settings)
        self.dialog.finished.connect(self._next)
        self.dialog.set_waiting(len(self.waiting))
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take drags and drops of vCard data (enter, move and drop events are all QDropEvents)."""
        if not isinstance(event, QDropEvent) or event.source() is not None:
            return False
        mime = event.mimeData()
        kind = next((k for k in VCARD_MIME_TYPES if mime.hasFormat(k)), None)
        if kind is None or mime.hasUrls():
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.import_data(bytes(mime.data(kind).data()))
        return True


def install_importing(window: MainWindow, services: Services) -> ImportController:
    """Add importing to the window (menu actions, drops, opened files)."""
    return ImportController(window, services)
