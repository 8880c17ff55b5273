"""Never a silent crash: uncaught exceptions are logged to a rotating file and shown in a dialog."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from netdesk.private_files import private_dir, private_file

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("netdesk")


def setup_logging(log_file: Path) -> bool:
    """Log to a rotating file (1 MB x 3) in the log folder, owner-only (0600 in a 0700 folder);
    False when it cannot be written (a read-only folder), and then to stderr."""
    import logging.handlers

    try:
        private_file(private_dir(log_file.parent) / log_file.name)
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as error:
        stream = logging.StreamHandler()
        logging.getLogger().addHandler(stream)
        log.warning("Cannot write the log file %s (%s): logging to stderr", log_file, error)
        return False
    handler.rotator = _private_rotation
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return True


def _without_message(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """A traceback for the log: where it failed and the exception's type, not its message (it
    may quote a name or a note; the dialog shows it to the user, the log keeps no contact text)."""
    return "".join(traceback.format_tb(tb)) + f"{exc_type.__module__}.{exc_type.__qualname__}\n"


def _private_rotation(source: str, dest: str) -> None:
    """Rotate the log and start the next one owner-only (the handler only appends to it)."""
    Path(source).rename(dest)
    private_file(Path(source))


class CrashReporter(QObject):
    """Installs itself as sys.excepthook and threading.excepthook."""

    _report = Signal(str)
    _fault = Signal(str)

    def __init__(self, log_file: Path) -> None:
        super().__init__()
        self.log_file = log_file
        self.dialogs: list[QMessageBox] = []
        # Reports from other threads are queued to this one; the dialog always waits for the
        # event loop (never opened inside the hook). No `Qt` enums: this runs before first paint.
        self._report.connect(self._show_later)
        self._fault.connect(lambda text: QTimer.singleShot(0, lambda: self._show_fault(text)))
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value, args.exc_traceback
        )

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = threading.__excepthook__

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        from netdesk.core.faults import fault_message

        fault = fault_message(exc) if exc is not None else None
        if fault is not None:  # another NetDesk writing, a read-only store: words, no traceback
            log.warning("%s (%s)", fault, exc)
            if QApplication.instance() is not None:
                self._fault.emit(fault)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Uncaught exception\n%s", _without_message(exc_type, tb))
        if QApplication.instance() is None:
            sys.stderr.write(text)
            return
        self._report.emit(text)

    def _show_later(self, text: str) -> None:
        QTimer.singleShot(0, lambda: self._show(text))

    def _show(self, text: str) -> None:
        box = self._box(
            self.tr(
                "Something went wrong. Your data is safe: every change is saved as you make it.\n\n"
                "The details are in the log file:\n{0}"
            ).format(self.log_file)
        )
        box.setDetailedText(text)

    def _show_fault(self, text: str) -> None:
        """A store fault the user can act on: the one line, with nothing lost, no traceback."""
        self._box(self.tr("{0}\n\nWhat you were doing was not saved.").format(text))

    def _box(self, text: str) -> QMessageBox:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("NetDesk hit a problem"), "")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _=0, b=box: self.dialogs.remove(b) if b in self.dialogs else None
        )
        self.dialogs.append(box)
        box.show()
        return box
