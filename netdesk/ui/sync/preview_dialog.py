"""File → Preview sync…: a dry run of the sync on a worker (the same core as `netdesk sync
--dry-run`), then what it would change listed by kind, one contact a line (then one follow-up,
event or interaction a line, by its summary), as plain text. Nothing is written here or on the
server; Sync now then does it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.sync_contacts import SyncReport
from netdesk.ui.plural import counted
from netdesk.ui.sync.status import progress_text
from netdesk.ui.sync.work import Login, preview
from netdesk.ui.tasks import Task

if TYPE_CHECKING:
    from netdesk.ui.sync.controller import SyncController

KINDS = (
    ("received_new", "New on the server"),
    ("received_linked", "On the server and here: matched"),
    ("received_changed", "Changed on the server"),
    ("received_removed", "Deleted on the server: to the Trash here"),
    ("sent_new", "New here: sent"),
    ("sent_changed", "Changed here: sent"),
    ("sent_removed", "Deleted here for good: deleted on the server"),
    ("conflicts", "Changed on both sides: NetDesk's value kept, you choose"),
)
"""Each kind of change (a SyncReport count) and its heading, in the order listed."""
OTHER_KINDS = dict(
    KINDS,
    received_removed="Deleted on the server: deleted here",
    sent_removed="Deleted here: deleted on the server",
)
"""The headings of a follow-up's, an event's or an interaction's changes."""
COLLECTIONS = (("tasks", "Follow-ups"), ("events", "Events"), ("interactions", "Interactions"))
"""The other collections a report may have (its attribute) and their headings' first word."""


def kind_heading(kind: str, count: int, collection: str = "") -> str:
    """A kind's heading with its count: "Changed here: sent (3)"; a collection's first:
    "Events: Changed here: sent (3)"."""
    words = QCoreApplication.translate(
        "PreviewDialog", (OTHER_KINDS if collection else dict(KINDS))[kind]
    )
    if collection:
        words = QCoreApplication.translate("PreviewDialog", collection) + ": " + words
    return f"{words} ({counted('PreviewDialog', '%Ln', count)})"


class PreviewDialog(QDialog):
    """Runs the dry run (`begin`); lists its changes, or says why it could not."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Preview sync"))
        self.resize(560, 460)
        self.message = QLabel(self.tr("Asking the server what changed…"))
        self.message.setObjectName("previewMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.buttons = QDialogButtonBox()
        self.sync_button = self.buttons.addButton(
            self.tr("S&ync now"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.sync_button.setEnabled(False)
        self.sync_button.clicked.connect(self._sync)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.task: Task | None = None
        self.login: Login | None = None
        self.report: SyncReport | None = None
        self.finished.connect(lambda _result: self.cancel())

    def begin(self) -> None:
        """Ask the server again what a sync would change (unless that is under way)."""
        if self.task is not None:
            return
        state = self.controller.state
        if self.controller.running is not None or state is None:
            self._done(self.tr("A sync runs: preview it when it has ended."))
            return
        self.tree.clear()
        self.sync_button.setEnabled(False)
        self.message.setText(self.tr("Asking the server what changed…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.controller.with_password(state, self._start)

    def _start(self, login: Login | None) -> None:
        if login is None:
            self._done(self.tr("No password known: type it in Sync settings first."))
            return
        if self.controller.running is not None or self.controller.previewing is not None:
            self._done(self.tr("A sync runs: preview it when it has ended."))
            return
        self.login = login
        clock = self.controller.services.clock
        task = Task(lambda progress: preview(login, clock, progress), self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self.show_report)
        task.failed.connect(lambda message, _trace: self._done(message))
        task.cancelled.connect(lambda: self._done(self.tr("Cancelled: nothing was changed.")))
        task.finished.connect(lambda: self._release(task))
        self.task = task
        self.controller.previewing = task
        task.start()

    def cancel(self) -> None:
        """Stop the dry run at its next card."""
        if self.task is not None:
            self.task.cancel()

    def _progressed(self, done: int, total: int, phase: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if total:
            self.message.setText(progress_text(done, total, phase))

    def show_report(self, report: SyncReport) -> None:
        """List what the dry run found."""
        self.report = report
        self._add(report.listed, "")
        notes = list(report.notes)
        for name, heading in COLLECTIONS:
            part = getattr(report, name)
            if part is not None:
                self._add(part.listed, heading)
                notes += part.notes
        if self.tree.topLevelItemCount() == 1:
            self.tree.expandAll()
        if self.tree.topLevelItemCount():
            text = self.tr("A sync would make these changes; nothing has been changed yet.")
            self.sync_button.setEnabled(True)
        else:
            text = self.tr("Nothing to sync: NetDesk and the server agree.")
        self._done("\n".join([text, *notes]))

    def _add(self, listed: list[tuple[str, str]], collection: str) -> None:
        """A heading for each kind of change listed, with what it changes below."""
        groups: dict[str, list[str]] = {}
        for kind, name in listed:
            groups.setdefault(kind, []).append(name)
        for kind, _words in KINDS:
            names = groups.get(kind, [])
            if not names:
                continue
            item = QTreeWidgetItem([kind_heading(kind, len(names), collection)])
            item.addChildren([QTreeWidgetItem([name]) for name in sorted(names, key=str.casefold)])
            self.tree.addTopLevelItem(item)

    def _release(self, task: Task | None) -> None:
        """Let the controller sync or preview again: `task`, this dialog's dry run, has ended."""
        if task is not None and self.controller.previewing is task:
            self.controller.previewing = None

    def _done(self, message: str) -> None:
        # The task's own `finished` comes later, from its worker: a click on Sync now in between
        # would be refused as a preview still running.
        self._release(self.task)
        self.task = None
        self.message.setText(message)
        self.progress.hide()
        self.cancel_button.setEnabled(False)

    def _sync(self) -> None:
        if self.login is not None:
            self.controller.start(self.login)
        self.accept()
