"""Starting the GUI: one instance, logging and crash reports, the store, the main window.

The window paints first and the store opens right after, its modules loaded on a worker from when
the window is made (Qt's own painting holds no GIL), so the database layer's imports do not delay
the first paint; the integrity check, the views and the backup follow step by step
(`ui/startup.py`).
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from netdesk import __version__
from netdesk.paths import APP_NAME, Paths
from netdesk.private_files import private_dir, private_file
from netdesk.ui.crash import CrashReporter
from netdesk.ui.icons import icon
from netdesk.ui.main_window import MainWindow
from netdesk.ui.numbers import group_digits
from netdesk.ui.single_instance import InstanceServer, send_to_running
from netdesk.ui.tasks import wait_for_workers
from netdesk.ui.views import default_views

if TYPE_CHECKING:
    from netdesk.core.clock import Clock
    from netdesk.core.services import Services
    from netdesk.store.errors import DamagedDatabaseError
    from netdesk.ui.startup import Startup

log = logging.getLogger(__name__)

AskRestore = Callable[["DamagedDatabaseError", Path | None], bool]


FIRST_PAINT_WAIT_MS = 1500  # a window that is never painted (minimised) still starts up


def ask_restore(error: DamagedDatabaseError, newest: Path | None) -> bool:
    """Tell the user the database is damaged (or empty where backups exist); True when they
    choose to restore `newest`."""
    from PySide6.QtWidgets import QMessageBox

    from netdesk.store.errors import EmptyDatabaseError
    from netdesk.ui.store_faults import restore_box

    empty = isinstance(error, EmptyDatabaseError)
    box = restore_box(error.path, error.problems, newest, empty)
    return box.exec() == QMessageBox.StandardButton.Yes


def tell_cannot_open(reason: str) -> None:
    """Say why the store cannot be opened (NetDesk then quits)."""
    from netdesk.ui.store_faults import refusal_box

    refusal_box(reason).exec()


def open_store(
    paths: Paths,
    ask: AskRestore | None = None,
    *,
    defer_check: bool = False,
    clock: Clock | None = None,
) -> bool:
    """Open the database, offering the newest good backup if it is damaged; False to quit.

    `ask` decides whether to restore (default: ask the user in a dialog). An older schema is left
    for `StoreUpgrade` to upgrade off the GUI thread. A folder that cannot be written opens the
    store read-only and never offers a restore; what cannot be opened at all (a newer NetDesk's
    file, another NetDesk writing, a path too long) is explained. With `defer_check` a due full
    integrity check is left to `store.db.deferred_check` (writes wait for it) and the day's
    backup to the caller (`Startup` runs both on workers). `clock` is the app's "now" (the wall
    clock when None): its day decides whether the full check and the day's backup are due.
    """
    from netdesk.store import backup
    from netdesk.store.access import file_writable
    from netdesk.store.db import open_database
    from netdesk.store.errors import BUSY_MESSAGE, DamagedDatabaseError, StoreError, is_busy

    read_only = not file_writable(paths.database)
    now = clock.now() if clock is not None else None
    later = {"defer_check": defer_check, "daily_backup": not defer_check}
    try:
        open_database(paths.database, defer_upgrade=True, read_only=read_only, now=now, **later)
        return True
    except DamagedDatabaseError as error:
        log.error("%s", error)
        if read_only:
            tell_cannot_open(f"{error}\n\nIts folder cannot be written; NetDesk changed nothing.")
            return False
        newest = backup.newest_good(paths.database)
        if not (ask or ask_restore)(error, newest) or newest is None:
            return False
        kept = backup.restore(newest, paths.database, now=now)
        log.warning("Restored %s; previous file kept as %s", newest, kept)
        open_database(paths.database, defer_upgrade=True, daily_backup=not defer_check, now=now)
        return True
    except StoreError as error:
        log.error("%s", error)
        tell_cannot_open(str(error))
        return False
    except Exception as error:
        if not is_busy(error):
            raise
        log.error("%s", error)
        tell_cannot_open(BUSY_MESSAGE)
        return False


def settings_for(paths: Paths) -> QSettings:
    """UI state (geometry, last view, column widths) in an owner-only INI file beside the
    database (Qt keeps an existing file's mode when it saves; a read-only folder keeps none),
    written only when a value changes (`StoredSettings`)."""
    from netdesk.ui.stored_settings import StoredSettings

    path = paths.data_dir / "ui-settings.ini"
    with contextlib.suppress(OSError):
        if paths.data_dir.is_dir():
            private_file(path)
    return StoredSettings(str(path), QSettings.Format.IniFormat)


GIL_SWITCH_S = 0.001
"""The longest a worker running Python keeps the GIL once another thread asks for it (Python's
default is 5 ms). The GUI thread asks at every call into Python (a timer, a paint handler, a
progress report), several times a turn of its loop: with 5 ms each, reading a 10,000-card file on
a worker left the loop unturned for 24-63 ms 14-19 times over the second it took; with 1 ms, once
(as the worker started; bench/README.md)."""


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with NetDesk's names and icon (reused if one exists)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("netdesk")
    app.setWindowIcon(icon("netdesk"))
    group_digits()  # "1,074 contacts" where no locale is set too
    sys.setswitchinterval(GIL_SWITCH_S)  # workers hand the GUI thread the GIL within 1 ms
    return app


def build_shell(paths: Paths, server: InstanceServer | None = None) -> MainWindow:
    """The main window without views yet, wired to drops (and to `server`, when given); the
    modules its store and first view need begin to load on a worker (`startup.Preload`)."""
    from netdesk.ui.startup import Preload

    window = MainWindow(None, default_views(), settings_for(paths), paths=paths)
    window.files_dropped.connect(window.open_files)
    if server is not None:
        hand_launches_to(window, server)
    Preload(window)
    return window


def hand_launches_to(window: MainWindow, server: InstanceServer) -> None:
    """Later launches raise `window` and open their files in it."""
    server.show_requested.connect(window.bring_to_front)
    server.files_received.connect(window.open_files)


def create_services(paths: Paths, clock: Clock | None = None) -> Services:
    """The services over the opened store (on `clock`, if given)."""
    from netdesk.core.services import Services

    return Services(paths=paths) if clock is None else Services(paths=paths, clock=clock)


def attach_services(window: MainWindow, paths: Paths, clock: Clock | None = None) -> Services:
    """Create the services over the opened store and every view of the window at once (the
    tests' way; start-up creates them a step at a time, see `ui/startup.py`)."""
    services = create_services(paths, clock)
    window.attach(services)
    install_tools(window, services)
    return services


def install_tools(window: MainWindow, services: Services) -> None:
    """What the window offers besides its views: importing and sync (the tests' windows and
    start-up's both); the phone numbers' library loaded on a worker at a lower priority (nobody
    waits for it: 25-80 ms of CPU as start-up installed the reminders), for the first contact
    opened."""
    from netdesk.core.phones import warm_up
    from netdesk.ui.importing.controller import install_importing
    from netdesk.ui.sync.controller import install_sync
    from netdesk.ui.tasks import BackgroundPool, Task

    install_importing(window, services)
    install_sync(window, services)
    Task(lambda _progress: warm_up(), window).start(BackgroundPool(window))


def finish_startup(
    window: MainWindow, paths: Paths, files: list[str], clock: Clock | None = None
) -> Startup:
    """After the first paint: logging, then the store (or quit), the views, the files to open,
    step by step (`Startup`, whose `ready` says when all is done), the services on `clock` (the
    real one when None)."""
    from netdesk.ui.startup import Startup

    startup = Startup(window, paths, files, clock)
    startup.start()
    return startup


class _FirstPaint(QObject):
    """Runs a function once the window has painted (or after a while, if it never does)."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then: Callable[[], object] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    """Call `then` once `window` is on screen, so slow start-up work never delays the frame."""
    _FirstPaint(window, then)


def start_after_first_paint(
    app: QApplication,
    window: MainWindow,
    paths: Paths,
    files: list[str],
    servers: list[InstanceServer],
) -> Startup:
    """What `run_gui` starts once `window` has painted: the focus rings (they import `Qt`); a
    turn later the instance server (the first time; `servers` keeps it across restarts) handing
    later launches to `window`; a turn after that the rest of start-up (`Startup.start`).
    Loading QtNetwork for the server (~15 ms) and `logging.handlers` (~12 ms) were one stall."""
    from netdesk.ui.focus_ring import FocusRings
    from netdesk.ui.startup import STEP_GAP_MS, Startup

    FocusRings.install(app)
    startup = Startup(window, paths, files)

    def serve() -> None:
        if not servers:
            servers.append(InstanceServer(paths.socket_name))
        hand_launches_to(window, servers[0])
        QTimer.singleShot(STEP_GAP_MS, startup, startup.start)

    QTimer.singleShot(STEP_GAP_MS, startup, serve)
    return startup


def run_gui(paths: Paths, files: list[str]) -> int:
    """Start the GUI (or hand `files` to the running one); return the exit status.

    The instance server starts listening right after the first paint (QtNetwork loads then).
    A backup restored in place of a damaged file found after the views began to read it starts
    the window again (`startup.RESTART`).
    """
    from netdesk.ui.startup import RESTART

    app = create_application()
    absolute = [str(Path(f).resolve()) for f in files]
    if send_to_running(paths.socket_name, absolute):
        return 0
    private_dir(paths.data_dir)
    reporter = CrashReporter(paths.log_file)
    reporter.install()
    servers: list[InstanceServer] = []
    status = RESTART
    while status == RESTART:
        window = build_shell(paths)
        after_first_paint(
            window, partial(start_after_first_paint, app, window, paths, absolute, servers)
        )
        window.show()
        status = app.exec()
        window.hide()  # gone from the screen while a backup or the check ends whole
        window.close_views()
        wait_for_workers(window)
        if status == RESTART:
            window.deleteLater()
    for server in servers:
        server.close()
    if "netdesk.store.db" in sys.modules:  # opened: a clean close spares the next full check
        from netdesk.store.db import close_database

        close_database(clean=True)
    reporter.uninstall()
    return status
