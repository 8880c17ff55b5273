"""Child process for the start-up benchmark: prints the wall time of the first paint and exits.

`python -m bench._first_paint bare` opens a bare PySide6 QMainWindow; `... netdesk DATA_DIR` runs
NetDesk's real entry point. Both print `time.time()` at the first paint of the main window.
"""

from __future__ import annotations

import sys
import time


def _watch_first_paint(window) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"{time.time():.6f}", flush=True)
                watched.removeEventFilter(self)
                QTimer.singleShot(0, QApplication.quit)
            return False

    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1180, 760)
    _watch_first_paint(window)
    window.show()
    app.exec()


def netdesk(data_dir: str) -> None:
    from netdesk.ui import main_window

    original_show = main_window.MainWindow.show

    def show_and_watch(self) -> None:
        _watch_first_paint(self)
        original_show(self)

    main_window.MainWindow.show = show_and_watch
    from netdesk.__main__ import main

    main(["--data-dir", data_dir])


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        netdesk(sys.argv[2])
