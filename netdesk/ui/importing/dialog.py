"""The import dialog: reads the files in a worker, shows the preview, imports in a worker.

Both steps show a progress bar with Cancel. Cancel during the import rolls the one transaction
back, so the database is exactly as before; the dialog says so. The reading starts once the
dialog has painted: the worker holds the GIL most of the time, and a first showing beside it
(laid out and painted a Python call at a time) froze the window for 60-400 ms.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.importing import ImportPlan, ImportReport, ImportService
from netdesk.ui.importing.preview import PreviewPage, file_names
from netdesk.ui.importing.result import ResultPage
from netdesk.ui.plain import plain_label
from netdesk.ui.plural import english
from netdesk.ui.tasks import Progress, Task

FIRST_PAINT_WAIT_MS = 250
"""The longest a step waits for the dialog's first paint (a dialog never exposed still reads)."""
NEXT_TURN_MS = 1
"""A timer, not a call posted at 0 ms: Qt runs posted calls before the timers that came due."""


class ImportDialog(QDialog):
    """One import, from reading the files to the result."""

    def __init__(
        self,
        service: ImportService,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.task: Task | None = None
        self._unstarted: Task | None = None  # waiting for the first paint
        self._painted = False
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self.over = False  # the import was written, cancelled or failed: nothing left to choose
        self._close_when_finished = False  # Close pressed before the worker had let go
        self.setWindowTitle(self.tr("Import contacts"))
        self.resize(900, 640)  # room for matches, possible duplicates and different values

        self.status = plain_label()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.working = QWidget()
        working_layout = QVBoxLayout(self.working)
        working_layout.addStretch(1)
        working_layout.addWidget(self.status)
        working_layout.addWidget(self.progress)
        working_layout.addStretch(1)
        self.preview = PreviewPage(settings, changes_of=service.merge_changes)
        self._reread: Callable[[str, str], None] | None = None
        self.preview.encodings.chosen.connect(self._encoding_chosen)
        self.outcome = ResultPage(service)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.working)
        self.pages.addWidget(self.preview)
        self.pages.addWidget(self.outcome)

        buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)

    def read_files(self, paths: list[str], encodings: dict[str, str] | None = None) -> None:
        """Plan the import of files / folders in a worker, then show the preview; a CSV file
        whose encoding the user picks in the preview is read again in that one."""
        names = file_names(paths)
        chosen = dict(encodings or {})
        self._reread = lambda file, codec: self.read_files(paths, {**chosen, file: codec})
        self._run(
            self.tr("Reading {0}…").format(names),
            lambda p: self.service.plan(paths, p, chosen),
            self._planned,
        )

    def read_data(self, data: bytes, name: str) -> None:
        """Plan the import of dropped data (text/vcard) in a worker."""
        self._run(
            self.tr("Reading the dropped cards…"),
            lambda _p: self.service.plan_data(data, name),
            self._planned,
        )

    def _encoding_chosen(self, file: str, codec: str) -> None:
        if self._reread is not None:
            self._reread(file, codec)

    def start_import(self) -> None:
        """Write the previewed plan in a worker."""
        if self.plan is None:
            return
        plan = self.plan
        self.import_button.setEnabled(False)
        self._run(self.tr("Importing…"), lambda p: self.service.apply(plan, p), self._imported)

    def cancel(self) -> None:
        """Stop the running step (the import rolls back), or close the dialog (once its worker
        has let go, when Close is pressed as the result shows)."""
        if self.task is not None and self.over:
            # not a connection to `finished` made now: Qt fixes a queued signal's receivers when
            # it is emitted, so one the worker had emitted already would never close the dialog
            self._close_when_finished = True
        elif self.task is not None:
            self.task.cancel()
            self._start_unstarted()  # it stops at its first progress report
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:
        """Escape or the close button: cancel a running step first; close once it stopped."""
        if self.task is not None:
            self.cancel()
            return
        super().reject()

    def _run(
        self, text: str, work: Callable[[Progress], object], done: Callable[..., object]
    ) -> None:
        self.status.setText(text)
        self.progress.setRange(0, 0)
        self.pages.setCurrentIndex(0)
        task = Task(work, self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(done)
        task.cancelled.connect(self._cancelled)
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self.task = task
        if self._painted:
            task.start()
        else:
            self._unstarted = task
            QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._start_unstarted)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The first paint starts the waiting step, on the next turn (the dialog's children
        paint after it)."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._start_unstarted)

    def _start_unstarted(self) -> None:
        task, self._unstarted = self._unstarted, None
        if task is not None:
            task.start()

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, total if total > 1 else 0)  # one step: a busy bar
        self.progress.setValue(done)

    def _planned(self, plan: ImportPlan) -> None:
        """Fill the preview while it is hidden; show it on the next turn of the event loop
        (filling it and laying it out and painting it were one stall of 50-68 ms at load 5)."""
        self.preview.show_plan(plan)
        QTimer.singleShot(NEXT_TURN_MS, self, lambda: self._show_preview(plan))

    def _show_preview(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.pages.setCurrentIndex(1)
        self.import_button.setEnabled(bool(plan.new or plan.matches or plan.possible))
        if self.import_button.isEnabled():
            self.import_button.setFocus()  # Enter imports (Cancel had the focus while reading)

    def _imported(self, report: ImportReport) -> None:
        """Show the compact result, the dialog shrunk to it (the preview's size is not kept)."""
        self.report = report
        self.outcome.show_report(report, self.plan.files if self.plan else [])
        self.pages.setCurrentWidget(self.outcome)
        for page in (self.working, self.preview):  # a stack is as large as its largest page
            self.pages.removeWidget(page)
        self._offer_close()
        self.pages.updateGeometry()  # the window's minimum height was the preview's
        if (layout := self.layout()) is not None:
            layout.invalidate()
            layout.activate()
        self.resize(max(self.outcome.sizeHint().width() + 40, 560), self.minimumSizeHint().height())

    def _cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled. Nothing was changed."))
        self._offer_close()

    def set_waiting(self, count: int) -> None:
        """Say how many more imports (files handed over meanwhile) open after this one."""
        title = self.tr("Import contacts")
        if count:
            title += " — " + english(self.tr("%Ln more import(s) waiting", "", count), count)
        self.setWindowTitle(title)

    def _offer_close(self) -> None:
        """The import is over: one Close button, which Enter presses."""
        self.over = True
        self.import_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()

    def _failed(self, message: str, details: str) -> None:
        self.status.setText(
            self.tr("The import failed and nothing was changed:\n{0}").format(message)
        )
        self.pages.setCurrentIndex(0)
        self._offer_close()

    def _finished(self) -> None:
        self.task = None
        self.cancel_button.setEnabled(True)
        if self._close_when_finished:
            self.reject()  # the step over, it closes
