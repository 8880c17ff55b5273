"""Starting the GUI: one instance, logging and crash reports, the store, the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from netdesk import __version__
from netdesk.core.services import Services
from netdesk.paths import APP_NAME, Paths
from netdesk.store import backup
from netdesk.store.db import DamagedDatabaseError, open_database
from netdesk.ui.crash import CrashReporter, setup_logging
from netdesk.ui.icons import icon
from netdesk.ui.main_window import MainWindow
from netdesk.ui.single_instance import InstanceServer, send_to_running
from netdesk.ui.views import default_views

log = logging.getLogger(__name__)

AskRestore = Callable[[DamagedDatabaseError, Path | None], bool]


def ask_restore(error: DamagedDatabaseError, newest: Path | None) -> bool:
    """Tell the user the database is damaged; True when they choose to restore `newest`."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "")
    box.setTextFormat(Qt.TextFormat.PlainText)
    text = QApplication.translate(
        "app",
        "Your NetDesk database is damaged:\n{0}\n\nNetDesk has not changed or replaced it.",
    ).format(error.path)
    if newest is not None:
        text += QApplication.translate(
            "app", "\n\nRestore the newest good backup ({0})? The damaged file is kept aside."
        ).format(newest.name)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Close)
    else:
        text += QApplication.translate("app", "\n\nNo good backup was found.")
        box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setText(text)
    box.setDetailedText("\n".join(error.problems))
    return box.exec() == QMessageBox.StandardButton.Yes


def open_store(paths: Paths, ask: AskRestore = ask_restore) -> bool:
    """Open the database, offering the newest good backup if it is damaged; False to quit."""
    try:
        open_database(paths.database)
        return True
    except DamagedDatabaseError as error:
        log.error("%s", error)
        newest = backup.newest_good(paths.database)
        if newest is None or not ask(error, newest):
            return False
        kept = backup.restore(newest, paths.database)
        log.warning("Restored %s; damaged file kept as %s", newest, kept)
        open_database(paths.database)
        return True


def settings_for(paths: Paths) -> QSettings:
    """UI state (geometry, last view, column widths) in an INI file beside the database."""
    return QSettings(str(paths.data_dir / "ui-settings.ini"), QSettings.Format.IniFormat)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with NetDesk's names and icon (reused if one exists)."""
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("netdesk")
    app.setWindowIcon(icon("netdesk"))
    return app


def build_window(paths: Paths, server: InstanceServer | None = None) -> MainWindow:
    """The main window over an opened store, wired to the instance server."""
    services = Services(paths=paths)
    window = MainWindow(services, default_views(), settings_for(paths))
    window.files_dropped.connect(window.open_files)
    if server is not None:
        server.show_requested.connect(window.bring_to_front)
        server.files_received.connect(window.open_files)
    return window


def run_gui(paths: Paths, files: list[str]) -> int:
    """Start the GUI (or hand `files` to the running one); return the exit status."""
    app = create_application()
    absolute = [str(Path(f).resolve()) for f in files]
    if send_to_running(paths.socket_name, absolute):
        return 0
    setup_logging(paths.log_file)
    reporter = CrashReporter(paths.log_file)
    reporter.install()
    if not open_store(paths):
        return 1
    server = InstanceServer(paths.socket_name)
    window = build_window(paths, server)
    window.show()
    if absolute:
        QTimer.singleShot(0, lambda: window.open_files(absolute))
    status = app.exec()
    server.close()
    reporter.uninstall()
    return status
