"""Sync for one window: File → Sync now (F5), Preview sync…, Sync settings…, Sync conflicts…,
the status bar item, the one sync that runs at a time on a worker, and syncs on a schedule
(every few minutes, and shortly after a change here) while the computer is online.

The password comes from the environment or the system keyring (`sync_accounts.password`, asked
on a worker: Secret Service over D-Bus can block for seconds); one typed in the dialog goes to
the keyring, or without one is kept here for the session only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence

from netdesk.core import sync_desk
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.stored_settings import read_text
from netdesk.ui.sync.status import SyncStatusButton
from netdesk.ui.sync.work import Login, find_password, remember_password, sync
from netdesk.ui.tasks import Progress, Task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from netdesk.core.services import Services
    from netdesk.core.sync_contacts import SyncReport
    from netdesk.ui.main_window import MainWindow
    from netdesk.ui.sync.conflicts_dialog import ConflictsDialog
    from netdesk.ui.sync.preview_dialog import PreviewDialog
    from netdesk.ui.sync.settings_dialog import SyncSettingsDialog

Shown = TypeVar("Shown", bound="QDialog")
_STATE_DELAY_MS = 400  # changes come in bursts (an import, a sync): read the state once after
EVERY_KEY = "sync/every_minutes"
EVERY_DEFAULT = 15
"""Minutes between syncs on a schedule (0: only by hand); a phone syncs about as often."""
SOON_MS = 30_000
"""A change here is sent this long after the last one (edits come in bursts)."""


class SyncController(QObject):
    """Starts syncs, keeps the session's passwords, shows the state in the status bar."""

    progressed = Signal(int, int, str)
    """A sync runs: (cards done, cards in the phase, the phase: "receiving" or "sending")."""
    ended = Signal(str)
    """A sync ended: "" when it succeeded, else what went wrong in words (or "Cancelled")."""
    conflicts_changed = Signal()
    """A conflict was settled, or opened again by Edit → Undo."""
    state_read = Signal(object)
    """The account's SyncState (None without an account), read off the GUI thread."""
    keyring_kept = Signal(bool)
    """A typed password was offered to the system keyring: whether there is one that kept it."""

    def __init__(self, window: MainWindow, services: Services, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.settings = settings
        self.session_passwords: dict[tuple[str, str], str] = {}
        self.state: sync_desk.SyncState | None = None
        self.running: Task | None = None
        self.last_report: SyncReport | None = None
        self.settings_dialog: SyncSettingsDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self.preview_dialog: PreviewDialog | None = None
        self.previewing: Task | None = None
        self.online: Callable[[], bool] = _online
        self._state_task: Task | None = None
        self._keyring_tasks: set[Task] = set()
        self._changed_here = False
        self.schedule = QTimer(self)
        self.schedule.timeout.connect(self.sync_on_schedule)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(SOON_MS)
        self.soon.timeout.connect(self.sync_on_schedule)
        self._state_timer = QTimer(self)
        self._state_timer.setSingleShot(True)
        self._state_timer.setInterval(_STATE_DELAY_MS)
        self._state_timer.timeout.connect(self.read_state)

        self.sync_action = self._file_action(window.tr("S&ync now"), self.sync_now, "F5")
        self.sync_action.setWhatsThis(window.tr("Sync the contacts with the server now"))
        self.preview_action = self._file_action(window.tr("Previe&w sync…"), self.preview)
        self.preview_action.setWhatsThis(
            window.tr("List what a sync would send and receive, changing nothing")
        )
        self.settings_action = self._file_action(window.tr("Sync &settings…"), self.edit_settings)
        self.conflicts_action = self._file_action(
            window.tr("Sync conf&licts…"), self.show_conflicts
        )
        self.button = SyncStatusButton(window)
        self.button.clicked.connect(self.edit_settings)
        window.statusBar().addPermanentWidget(self.button)
        self.progressed.connect(self.button.show_progress)
        self.ended.connect(lambda _error: self.read_state())
        self.state_read.connect(self._show_state)
        self.conflicts_changed.connect(self.read_state)
        self.signals = ChangeSignals(services.changes, self)
        self.signals.changed.connect(self._changed)
        self._schedule(self.every_minutes())  # not written: Qt saves the file on this thread
        self.read_state()

    def _file_action(self, text: str, slot: object, key: str = "") -> QAction:
        action = QAction(text, self)
        if key:
            action.setShortcuts([QKeySequence(key)])
        action.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        self.window.add_file_action(action, "sync")
        return action

    # the account's state

    def read_state(self) -> None:
        """Read how sync stands off the GUI thread; `state_read` tells."""
        task = Task(lambda _progress: sync_desk.state(), self)
        task.succeeded.connect(self.state_read)
        self._state_task = task
        task.start()

    def _changed(self, topic: str, _ids: object) -> None:
        if topic in ("contacts", "followups", "events", "interactions"):
            self._changed_here |= self.running is None  # a sync's own changes need no sync
            self._state_timer.start()

    def _show_state(self, state: sync_desk.SyncState | None) -> None:
        self.state = state
        if self.running is None:
            self.button.show_state(state, self.services.clock.today())
        self.conflicts_action.setEnabled(state is not None and state.conflicts > 0)
        self.preview_action.setEnabled(state is not None)
        if self._changed_here and state is not None and state.pending and self.every_minutes():
            self.soon.start()
        self._changed_here = False

    # the schedule

    def every_minutes(self) -> int:
        """Minutes between syncs on a schedule, 0 for none (ui-settings.ini: sync/every_minutes)."""
        text = read_text(self.settings, EVERY_KEY, str(EVERY_DEFAULT), lambda v: v.isdigit())
        return min(int(text), 24 * 60)

    def set_every(self, minutes: int) -> None:
        """Sync every `minutes` (0: only by hand; a change here then waits for Sync now too)."""
        self.settings.setValue(EVERY_KEY, str(minutes))
        self._schedule(minutes)

    def _schedule(self, minutes: int) -> None:
        if minutes:
            self.schedule.start(minutes * 60_000)
        else:
            self.schedule.stop()
            self.soon.stop()

    def sync_on_schedule(self) -> None:
        """A sync the schedule starts: none without an account, while offline or while one runs;
        without a password the status item says so (a click asks), never a dialog."""
        state = self.state
        if state is None or self.running is not None or self.previewing is not None:
            return
        if not self.online():
            return
        self.with_password(state, self._scheduled)

    def _scheduled(self, login: Login | None) -> None:
        if login is None:
            self.button.show_waiting()
        else:
            self.start(login)

    # passwords

    def with_password(
        self, state: sync_desk.SyncState, then: Callable[[Login | None], None]
    ) -> None:
        """Call `then` with the account's login, None when no password is known: this
        session's at once, else the environment's or keyring's asked on a worker."""
        secret = self.session_passwords.get((state.url, state.user))
        if secret:
            then(self._login(state, secret))
            return
        self._keyring_task(
            lambda p: find_password(state.url, state.user, p),
            lambda found: then(self._login(state, found) if found else None),
        )

    @staticmethod
    def _login(state: sync_desk.SyncState, secret: str) -> Login:
        return Login(
            state.url,
            state.user,
            secret,
            state.ca_file,
            state.address_book,
            state.task_list,
            state.calendar,
            state.journal,
        )

    def keep_password(self, url: str, user: str, secret: str) -> None:
        """Keep a typed password for this session and offer it to the keyring on a worker;
        `keyring_kept` tells whether there was one."""
        self.session_passwords[(url, user)] = secret
        self._keyring_task(
            lambda p: remember_password(url, user, secret, p),
            lambda kept: self.keyring_kept.emit(bool(kept)),
        )

    def _keyring_task(
        self, work: Callable[[Progress], object], then: Callable[[Any], None]
    ) -> None:
        """Keyring work on a worker, `then` called with its result (None when it failed)."""
        task = Task(work, self)
        self._keyring_tasks.add(task)
        task.succeeded.connect(then)
        task.failed.connect(lambda _message, _trace: then(None))
        task.finished.connect(lambda: self._keyring_tasks.discard(task))
        task.start()

    # syncing

    def sync_now(self) -> None:
        """F5: sync the account on a worker; without an account or a password, ask first."""
        state = self.state
        if state is None:
            self.edit_settings()
            return
        self.with_password(state, self._sync_or_ask)

    def _sync_or_ask(self, login: Login | None) -> None:
        if login is None:
            self.edit_settings()
        else:
            self.start(login)

    def start(self, login: Login) -> Task | None:
        """Sync as `login` says on a worker, unless a sync or a preview runs already."""
        if self.running is not None or self.previewing is not None:
            return None
        self.soon.stop()
        task = Task(lambda progress: sync(self.services, login, progress), self)
        task.progressed.connect(self.progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(lambda message, _trace: self._end(message))
        task.cancelled.connect(lambda: self._end(self.tr("Cancelled")))
        self.running = task
        self.sync_action.setEnabled(False)
        self.button.show_progress(0, 0, "")
        task.start()
        return task

    def cancel(self) -> None:
        """Stop the running sync at its next card (what was synced stays)."""
        if self.running is not None:
            self.running.cancel()

    def _succeeded(self, report: SyncReport) -> None:
        self.last_report = report
        self._end("")

    def _end(self, error: str) -> None:
        self.running = None
        self.sync_action.setEnabled(True)
        self.ended.emit(error)

    # dialogs

    def edit_settings(self) -> SyncSettingsDialog:
        """File → Sync settings… (or a click on the status bar item)."""
        from netdesk.ui.sync.settings_dialog import SyncSettingsDialog

        return self._one("settings_dialog", SyncSettingsDialog)

    def preview(self) -> PreviewDialog | None:
        """Sync → Preview sync…: what a sync would change, listed; nothing written."""
        if self.state is None:
            self.edit_settings()
            return None
        from netdesk.ui.sync.preview_dialog import PreviewDialog

        dialog = self._one("preview_dialog", PreviewDialog)
        dialog.begin()
        return dialog

    def show_conflicts(self) -> ConflictsDialog:
        """File → Sync conflicts…: the fields changed on both sides, one choice each."""
        from netdesk.ui.sync.conflicts_dialog import ConflictsDialog

        return self._one("conflicts_dialog", ConflictsDialog)

    def _one(self, name: str, make: Callable[[SyncController, QWidget], Shown]) -> Shown:
        """The dialog kept as `name`, made when there is none, opened and raised."""
        dialog = getattr(self, name)
        if dialog is None:
            dialog = make(self, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda *_: setattr(self, name, None))
            setattr(self, name, dialog)
        dialog.open()
        dialog.raise_()
        return dialog


def _online() -> bool:
    """Whether the computer is online: the system's network information where Qt has a backend
    for it, else assumed (a sync that fails says so in the status item)."""
    from PySide6.QtNetwork import QNetworkInformation

    if QNetworkInformation.instance() is None and not QNetworkInformation.loadDefaultBackend():
        return True
    info = QNetworkInformation.instance()
    return info is None or info.reachability() != QNetworkInformation.Reachability.Disconnected


def install_sync(window: MainWindow, services: Services) -> SyncController:
    """Add sync to the window (File menu items, F5, the status bar item, the schedule)."""
    return SyncController(window, services, window.settings)
