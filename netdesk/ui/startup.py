"""Start-up after the first paint, a short step per turn of the event loop, so that the view the
user left is shown with its data soon and the window answers all along.

1. The store opens (`ui/app.py`'s `open_store`) after a glance at its header. When the full
   integrity check is due it runs on a worker once the shown view has its data, and nothing may
   write to the file until it has passed (`store/write_hold.py`). A file it finds damaged stays
   unwritten: the user is told and offered the newest good backup, as when the damage is found
   before opening; restored, the window starts again over it; declined, NetDesk quits. A step
   that fails while the check runs (a damaged page read) waits for its verdict. An older store
   is checked before it opens and upgraded on a worker.
2. The view restored from the settings is created once its modules are imported, a few a step,
   leaves first (`ui_parts`), then the parts it makes when first used (a view's `made_later`, a
   step each), then shown (its first layout and paint a step of their own) until it has read its
   data (Today reads on a worker); then each other view likewise (its modules, then the view, a
   step), each view followed by its `made_later` parts; then the views' menu actions, the importer
   and sync (their modules likewise), the reminders, their start (a turn each), and the files
   handed over meanwhile. The desktop's notification server is looked for on a worker once the last
   view is made; the reminders wait for its answer (the window answering). Between two steps the
   timers that came due run (`STEP_GAP_MS`). The modules of the store, the services and the shown
   view's Qt-free ones are imported on a worker from when the window is made, through its first
   paint (`Preload`), the store opening once they are; the rest of `core` and `formats` once the
   shown view has its data (the window answers meanwhile), then the time zones' names; a service is
   created when first asked for. The views' own modules are imported on the GUI thread: PySide6
   (seen with 6.11) may crash the process when a worker defines Qt classes while the GUI thread
   lays out widgets (a SIGSEGV in `MetaObjectBuilder::update`, about one bundled start-up in 20
   before this rule).
3. Once the check has passed and the views are ready: the day's backup, on a worker at a lower
   priority (`BackgroundPool`, as the check: nobody waits for either).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import pkgutil
import re
import sys
import time
from collections import deque
from collections.abc import Callable
from datetime import date, datetime
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from netdesk.core.gc_pause import release_after_startup
from netdesk.ui.crash import setup_logging
from netdesk.ui.tasks import BackgroundPool, Task, wait_for_workers

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from netdesk.core.clock import Clock
    from netdesk.core.services import Services
    from netdesk.paths import Paths
    from netdesk.ui.main_window import MainWindow
    from netdesk.ui.notify import Server

log = logging.getLogger(__name__)

STORE_MODULES = ("netdesk.store.db", "netdesk.core.services")
QT_FREE_PACKAGES = ("netdesk.core", "netdesk.formats")
"""Packages that define no Qt class (an import contract of pyproject.toml keeps Qt out), whose
modules a worker may import while the GUI thread works."""

TOOL_MODULES = (
    "netdesk.ui.importing.controller",
    "netdesk.ui.sync.controller",
    "netdesk.ui.reminders",
)
"""The importer's, sync's and the reminders' modules: imported a few a step (40-120 ms in one;
the reminders' were imported by the step installing them), then installed."""

IMPORT_STEP_S = 0.008
"""A step imports a view's modules, one after another, until it has taken this long."""

STEP_GAP_MS = 1
"""Between two steps: the timers that came due during a step run before the next one."""

RESTART = 75
"""The exit status of the event loop that asks `run_gui` to start again (a backup was restored
in place of a damaged file the views had begun to read)."""


class Startup(QObject):
    """Opens the store and the views of `window` after its first paint (see the module)."""

    ready = Signal()
    """Every view is created, the reminders run and the waiting files were handed over."""

    def __init__(
        self, window: MainWindow, paths: Paths, files: list[str], clock: Clock | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.paths = paths
        self.files = files
        self.clock = clock  # the services' "now": the real clock when None (tests pass a fake)
        self.services: Services | None = None
        self.check: Task | None = None
        self.checked = False  # the deferred check passed (or there was none)
        self.done = False
        self.ended = False  # done, or NetDesk quits (or starts again)
        self.backup: Task | None = None
        self._after_check: list[Callable[[], None]] = []
        self._steps: deque[Callable[[], object]] = deque()
        self._looking: Task | None = None  # for the desktop's notification server
        self._server: Server | None = None  # the one it found
        self._awaiting_server = False
        self._background = BackgroundPool(self)  # the check, then the backup

    # -- the store ------------------------------------------------------------------------------

    def _now(self) -> datetime | None:
        """The app's clock's time for the store (None: the store asks the wall clock)."""
        return self.clock.now() if self.clock is not None else None

    def _today(self) -> date | None:
        now = self._now()
        return now.date() if now is not None else None

    def start(self) -> None:
        """Set up logging, then, once the modules of the store, the services and the shown
        view's Qt-free ones are loaded (`Preload`, begun with the window, or now), open the
        store."""
        window = self.window
        setup_logging(self.paths.log_file)
        window.statusBar().showMessage(window.tr("Opening your network…"))
        window.statusBar().repaint()
        preload = window.findChild(Preload) or Preload(window)
        if not preload.then(self._open):
            self._open()

    def _load_then(self, modules: list[str], then: Callable[[], object]) -> bool:
        """Import `modules` on a worker, then call `then` on the GUI thread (`Loading`). False,
        and nothing called, when they are imported already."""
        return Loading(modules, self).then(then)

    def _load_qt_free(self) -> bool:
        """The rest of `core` and `formats` imported on a worker (their names found here: walking
        the packages took 2-3 ms of the GUI thread before the shown view was made)."""
        return self._load_then(_modules_of(QT_FREE_PACKAGES), self._next)

    def _open(self) -> None:
        """Open the store (or quit), then go on a step a turn."""
        from netdesk.ui import app

        if not app.open_store(self.paths, defer_check=True, clock=self.clock):
            self._quit(1)
            return
        from netdesk.store.db import opened_read_only
        from netdesk.store.migrations import pending
        from netdesk.store.models import db

        if opened_read_only():
            from netdesk.ui.store_faults import show_read_only

            show_read_only(self.window, self.paths.data_dir)
        if pending(db.obj):  # checked already: an upgrade writes at once
            self.checked = True
            self._upgrade()
        else:
            self.open_views()

    def _start_check(self) -> None:
        """The deferred full check on a thread of its own (once the shown view has its data:
        until then the check would only slow its reads down)."""
        from netdesk.store.db import deferred_check
        from netdesk.store.models import db

        database = db.obj
        if self.check is not None or self.checked:
            return
        if getattr(database, "write_hold", None) is None:
            self.checked = True
            return
        self.check = Task(lambda _progress: deferred_check(database, self._today()), self)
        self.check.succeeded.connect(self._checked)
        self.check.failed.connect(lambda message, _details: self._checked([message]))
        # Not the shared pool: writes waiting for the verdict may fill it. At a lower priority
        # (C work that holds no GIL, ~1 s over 100,000 contacts, while the other views are made).
        self.check.start(self._background)

    def _quit(self, status: int) -> None:
        self.ended = True
        QApplication.exit(status)

    def _when_checked(self, then: Callable[[], None]) -> None:
        if self.checked:
            then()
        else:
            self._after_check.append(then)

    def _checked(self, problems: list[str]) -> None:
        """The check's verdict, on the GUI thread: go on, or tell the user (writes refused)."""
        if problems:
            self._damaged(problems)
            return
        from netdesk.store.db import stop_watching_writes

        stop_watching_writes()
        self.checked = True
        waiting, self._after_check = self._after_check, []
        for then in waiting:
            then()
        self._take_backup()

    def _damaged(self, problems: list[str]) -> None:
        """Ask about the newest good backup of the damaged file: restored, NetDesk starts again
        over it (`RESTART`); declined (or none), it quits."""
        from netdesk.store import backup
        from netdesk.store.db import close_database
        from netdesk.store.errors import DamagedDatabaseError
        from netdesk.ui import app

        self._steps.clear()
        path = self.paths.database
        error = DamagedDatabaseError(path, problems)
        log.error("%s", error)
        newest = backup.newest_good(path)
        if not app.ask_restore(error, newest) or newest is None:
            self._quit(1)
            return
        self.window.close_views()  # the views' reads of the damaged file end, then the rest
        wait_for_workers(self.window)
        close_database()
        kept = backup.restore(newest, path, now=self._now())
        log.warning("Restored %s; previous file kept as %s", newest, kept)
        self._quit(RESTART)

    def _upgrade(self) -> None:
        from netdesk.ui.upgrade import StoreUpgrade

        StoreUpgrade(self.window, self.paths.database, self.open_views, self._now).start()

    def _take_backup(self) -> None:
        """The day's backup (once a day), on a worker: after the check, with the views ready."""
        if not (self.checked and self.done) or self.backup is not None:
            return
        from netdesk.store.db import opened_read_only

        if opened_read_only():
            return
        from netdesk.core.worker_thread import on_own_connection
        from netdesk.store import backup
        from netdesk.store.models import db

        database, path = db.obj, self.paths.database
        self.backup = Task(
            lambda _progress: on_own_connection(
                lambda: backup.take_daily(database, path, now=self._now())
            ),
            self,
        )
        self.backup.failed.connect(lambda message, _details: log.error("Backup: %s", message))
        self.backup.start(self._background)  # nobody waits for it

    # -- the views ------------------------------------------------------------------------------

    def open_views(self) -> None:
        """The services, then a step a turn: the shown view; once it has shown its data the
        others, their actions, the importer and reminders, the waiting files."""
        from netdesk.ui import app

        window = self.window
        self.services = app.create_services(self.paths, self.clock)
        window.begin_views(self.services)
        shown = window.current_key()
        module = {spec.key: spec.module for spec in window.specs}
        preload = window.findChild(Preload)
        planned = preload.parts_of(module[shown]) if preload is not None else None
        self._steps.extend(
            [
                partial(self._import_parts, module[shown], planned),  # Contacts': ~80-95 ms
                partial(window.make_view, shown),
                partial(self._make_later, shown),
                self._wait_until_shown,
                self._start_check,
                self._load_qt_free,
                self._read_zone_names,
            ]
        )
        for spec in window.specs:
            if spec.key != shown:
                self._steps.extend(
                    [
                        partial(self._import_parts, spec.module),
                        partial(window.build_view, spec.key),
                        partial(self._make_later, spec.key),
                    ]
                )
        self._steps.extend(
            [
                self._look_for_notifications,
                window.finish_views,
                *(partial(self._import_parts, module) for module in TOOL_MODULES),
                self._install_tools,
                self._wait_for_notifications,
                self._install_reminders,
                self._hand_files,
            ]
        )
        QTimer.singleShot(STEP_GAP_MS, self, self._next)  # opening the store took a turn

    def _next(self) -> None:
        """Run the next step (a step that returns True calls this itself when it is done)."""
        if not self._steps:
            self.done = self.ended = True
            release_after_startup()
            self.ready.emit()
            self._take_backup()
            return
        try:
            waits = self._steps[0]() is True
        except Exception:
            if self.checked:
                raise
            log.exception("Start-up waits for the integrity check after this error")
            self._start_check()
            self._when_checked(self._next)  # the file is sound: the step again, else restore
            return
        self._steps.popleft()
        if not waits:
            # A timer, not a call posted at 0 ms: Qt runs the posted calls before the timers
            # that came due meanwhile, so such a timer (a blinking cursor, an animation, the
            # bench's watchdog) waited for two steps, not one: two views made in one stall.
            QTimer.singleShot(STEP_GAP_MS, self, self._next)

    def _import_parts(self, module: str, parts: deque[str] | None = None) -> None:
        """Import `module` and the `netdesk.ui` modules it loads over as many steps as they
        take `IMPORT_STEP_S` each, leaves first, so that no step defines a whole view's widgets,
        delegates and dialogs (Contacts' ~40 modules took 55-116 ms in one)."""
        start = time.perf_counter()  # planning Contacts' takes ~10 ms: maybe a step of its own
        parts = deque(ui_parts(module) or [module]) if parts is None else parts
        while parts and time.perf_counter() - start < IMPORT_STEP_S:
            _import([parts.popleft()])
        if parts:
            self._steps.insert(1, partial(self._import_parts, module, parts))

    def _make_later(self, key: str) -> None:
        """The parts view `key` makes when first used (`made_later`: the names of its
        `cached_property` parts), a step each from the next on, unless used already."""
        view = self.window.views[key]
        for name in reversed(getattr(view, "made_later", ())):
            self._steps.insert(1, partial(getattr, view, name))

    def _wait_until_shown(self) -> bool:
        """Show the view made and wait until it has painted with its data (in one step: its
        first paint may come before the next)."""
        _WhenShown(self.window.build_view(self.window.current_key()), self._next)
        return True

    def _read_zone_names(self) -> None:
        """The time zones the Events editor offers, read on a worker (walking the zone files
        took 22-35 ms of the GUI thread as Events was made) while the views before it are."""
        from netdesk.core.event_times import zone_names

        Task(lambda _progress: zone_names(), self).start()

    def _install_tools(self) -> None:
        from netdesk.ui import app

        assert self.services is not None
        app.install_tools(self.window, self.services)

    def _look_for_notifications(self) -> None:
        """Look for the desktop's notification server on a worker (importing jeepney and the
        bus's answer took 25 ms to 2 s of the GUI thread) while the next steps run."""
        from netdesk.ui.notify import find_server

        looking = self._looking = Task(lambda _progress: find_server(), self)
        looking.succeeded.connect(lambda server: setattr(self, "_server", server))
        looking.finished.connect(self._looked)
        looking.start()

    def _wait_for_notifications(self) -> bool:
        """Wait (the window answering) until the look for the notification server has ended."""
        self._awaiting_server = self._looking is not None
        return self._awaiting_server

    def _looked(self) -> None:
        self._looking = None
        if self._awaiting_server:
            self._next()

    def _install_reminders(self) -> None:
        from netdesk.store.db import opened_read_only
        from netdesk.ui.reminders import install_reminders, start_reminders

        assert self.services is not None
        made = install_reminders(
            self.window, self.services, self._server, editable=not opened_read_only()
        )
        self._steps.insert(1, partial(start_reminders, made))  # the next step, a turn later

    def _hand_files(self) -> None:
        files = [*self.files, *self.window.waiting_files]
        self.window.waiting_files.clear()
        if files:
            self.window.open_files(files)


class _WhenShown(QObject):
    """Calls `then` once `view` has painted with its data (a view that reads on a worker says
    when it is done by `loaded`, while `loading`), or at once when it is not visible."""

    def __init__(self, view: QWidget, then: Callable[[], None]) -> None:
        super().__init__(view)
        self._then: Callable[[], None] | None = then
        self._painted = not view.isVisible()
        self._read = not getattr(view, "loading", False)
        if not self._read:
            view.loaded.connect(self._loaded)  # type: ignore[attr-defined]
        if self._painted:
            QTimer.singleShot(0, self, self._go)
        else:
            view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._painted = True
            QTimer.singleShot(0, self, self._go)
        return False

    def _loaded(self) -> None:
        self._read = True
        self._go()

    def _go(self) -> None:
        if self._painted and self._read and self._then is not None:
            then, self._then = self._then, None
            then()


class Loading(QObject):
    """`modules` (none defining a Qt class) imported on a worker while the GUI thread goes on.
    An import that fails there fails again, and says why, when the GUI thread imports it."""

    def __init__(self, modules: list[str], parent: QObject) -> None:
        super().__init__(parent)
        assert not any(name.startswith("netdesk.ui") for name in modules), "a worker defines Qt"
        self.done = all(name in sys.modules for name in modules if name)
        self._waiting: list[Callable[[], object]] = []
        if not self.done:
            loading = Task(lambda _progress: self._load(modules), self)
            loading.finished.connect(self._loaded)
            loading.start()

    def _load(self, modules: list[str]) -> None:
        """On the worker."""
        _import(modules)

    def then(self, call: Callable[[], object]) -> bool:
        """Call `call` on the GUI thread once the modules are imported; False, and nothing
        called, when they are already."""
        if not self.done:
            self._waiting.append(call)
        return not self.done

    def _loaded(self) -> None:
        self.done = True
        waiting, self._waiting = self._waiting, []
        for call in waiting:
            call()


class Preload(Loading):
    """The modules of the store, the services and the shown view's Qt-free ones
    (`ViewSpec.needs`), loading from when the window is made (`app.build_shell`): its first
    paint is mostly Qt's own work, which holds no GIL, so they load meanwhile (140-440 ms of
    imports on the way to the first view; bench/README.md). Then, there too, the order of the
    shown view's `netdesk.ui` modules (`parts`, read from their source: ~10 ms)."""

    def __init__(self, window: MainWindow) -> None:
        shown = next(spec for spec in window.specs if spec.key == window.current_key())
        self.module = shown.module
        self.parts: list[str] | None = None
        """`ui_parts(module)`, once loaded (None: not planned here)."""
        super().__init__([*STORE_MODULES, *shown.needs], window)

    def _load(self, modules: list[str]) -> None:
        super()._load(modules)
        self.parts = ui_parts(self.module)

    def parts_of(self, module: str) -> deque[str] | None:
        """The planned order of `module`'s parts (itself, when they are imported), or None."""
        if module != self.module or self.parts is None:
            return None
        return deque(self.parts or [module])


def _modules_of(packages: tuple[str, ...]) -> list[str]:
    """Every module of `packages`, found without importing them."""
    names: list[str] = []
    for package in packages:
        spec = importlib.util.find_spec(package)
        assert spec is not None and spec.submodule_search_locations is not None
        found = pkgutil.walk_packages(spec.submodule_search_locations, f"{package}.")
        names.extend(module.name for module in found)
    return names


_UI_IMPORT = re.compile(
    r"^(?:from\s+(netdesk\.ui[\w.]*)\s+import\s+(\([^)]*\)|[^\n]*)|import\s+(netdesk\.ui[\w.]*))",
    re.MULTILINE,
)
"""An import at a module's top level (the indented ones run later, or only for type checks)."""


def ui_parts(module: str) -> list[str]:
    """`module` and the `netdesk.ui` modules its import would load (its packages and their top
    level imports, found in their source without importing them), leaves first, each after what
    it imports; `module` last. Those imported already are left out."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name in sys.modules:
            return
        seen.add(name)
        path = _source(name)
        if path is None:
            return
        if "." in name:
            visit(name.rpartition(".")[0])
        for found in _UI_IMPORT.finditer(path.read_text(encoding="utf-8")):
            package, names, imported = found.groups()
            if imported:
                visit(imported)
                continue
            visit(package)
            for word in re.findall(r"\w+(?:\s+as\s+\w+)?", names.split("#")[0]):
                if _source(f"{package}.{word.split()[0]}") is not None:
                    visit(f"{package}.{word.split()[0]}")
        order.append(name)

    visit(module)
    return order


def _source(name: str) -> Path | None:
    """The file of `netdesk.ui` module `name`, or None when it names no module."""
    return _ui_sources().get(name)


@cache
def _ui_sources() -> dict[str, Path]:
    """Every `netdesk.ui` module below the package (not itself) by name, with its file: one walk
    of the folder (asking for each name's two possible files took ~10 ms of `ui_parts`' ~18)."""
    ui = Path(__file__).parent
    sources: dict[str, Path] = {}
    for folder, dirs, files in os.walk(ui):
        dirs[:] = [name for name in dirs if name != "__pycache__"]
        package = ".".join(["netdesk", *Path(folder).relative_to(ui.parent).parts])
        for file in files:
            if file == "__init__.py" and package != "netdesk.ui":
                sources[package] = Path(folder, file)
            elif file.endswith(".py") and file != "__init__.py":
                sources[f"{package}.{file[:-3]}"] = Path(folder, file)
    return sources


def _import(modules: list[str]) -> None:
    for name in modules:
        if name:
            importlib.import_module(name)
