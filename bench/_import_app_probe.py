"""Child process of `bench.import_app`: one import through the main window, as a user does it.

`python -m bench._import_app_probe DATA_DIR FILE` opens the main window over DATA_DIR (all its
services: the follow-up service reconciling check-ins and birthdays on the import's change, job
changes, the history and undo snapshots of the import batch, every view listening), shows
Contacts, hands FILE to the window as a drop or `netdesk FILE` does, and presses Import in the
dialog's preview. Prints one line of seconds: `plan` (file handed over → preview shown),
`apply` (Import pressed → the dialog's result shown), `settled` (result → the contact list
repainted with the import and Today done reading it), then `stall_ms` (the longest the window
did not answer, whole import) and the contacts created. It waits in the event loop, as the app
does (idle, it leaves Python to the import's worker), not in a loop of `processEvents`.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from bench._contacts_probe import _PaintWatch
from bench._today_probe import _settle, open_window
from bench._watchdog import Watchdog


def _until(done: Callable[[], bool]) -> None:
    """Run the event loop until `done()` (asked every 2 ms)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(lambda: loop.quit() if done() else None)
    timer.start()
    if not done():
        loop.exec()
    timer.stop()


def main(data_dir: str, file: str) -> None:
    from netdesk.ui.importing.controller import ImportController

    app, window = open_window(data_dir)
    today = window.views["today"]
    window.show_view("contacts")
    _until(lambda: not today.loading)  # type: ignore[attr-defined]
    _settle(app)
    controller = window.findChild(ImportController)
    contacts = window.views["contacts"]
    stall = Watchdog().start()
    started = time.perf_counter()
    window.open_files([file])
    dialog = controller.dialog
    _until(lambda: dialog.plan is not None and dialog.pages.currentIndex() == 1)
    planned = time.perf_counter()
    dialog.import_button.click()
    repainted = _PaintWatch(contacts.table.viewport(), lambda: dialog.report is not None)
    _until(lambda: dialog.report is not None or dialog.over)
    if dialog.report is None:
        raise SystemExit(f"the import did not finish: {dialog.status.text()}")
    applied = time.perf_counter()
    _until(lambda: repainted.painted and not today.loading)  # type: ignore[attr-defined]
    settled = time.perf_counter()
    figures = (planned - started, applied - planned, settled - applied)
    print(
        " ".join(f"{s:.3f}" for s in figures),
        f"{stall.stop():.1f}",
        dialog.report.created,
        flush=True,
    )
    os._exit(0)  # tearing down the window over a 100k store can crash at exit; the figures are out


if __name__ == "__main__":
    main(*sys.argv[1:])
