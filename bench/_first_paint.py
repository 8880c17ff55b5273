"""Child process for the start-up benchmark: prints the wall time of the first paint and exits.

`python -m bench._first_paint bare` opens a bare PySide6 QMainWindow; `... netdesk DATA_DIR` runs
NetDesk's real entry point. Both print `time.time()` at the first paint of the main window.

`... usable DATA_DIR` runs NetDesk's entry point until the view restored from the settings is
usable: built and painted with its data (Contacts: rows painted in the list and the count shown
under it; Today: painted once its figures and the sections in sight show their first read). It
prints the wall time of the first paint, the wall time of that paint, the longest the event loop
did not turn in between and over the SETTLE_MS after it (milliseconds; `bench._watchdog`).
"""

from __future__ import annotations

import sys
import time

SETTLE_MS = 3000


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


class _Usable:
    """Watches the window's first paint, then, once the last view is made, the paints of the
    widgets that show its data until that view is usable; prints the times and quits.

    Watching every paint of the application instead had PySide6 hand thousands more events to
    Python and build ~260 more enum types by then (the app's own start builds ~300 until Today
    has read): work the bench added, not the app.
    """

    def __init__(self, window) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.window = window
        self.first_paint = 0.0
        self.stall = None
        self.painted: set[str] = set()
        self.watching_view = False
        self.ended = False
        usable = self

        class Paints(QObject):
            def eventFilter(self, watched, event) -> bool:
                if event.type() == QEvent.Type.Paint:
                    usable.paint(watched)
                return False

        self._filter = Paints()
        window.installEventFilter(self._filter)

    def watch_view(self, key: str, view) -> None:
        """The last view is made: watch the paints of what shows its data (Contacts: the rows,
        the empty list's hint and the count; Today: the sections and every widget in them)."""
        from PySide6.QtWidgets import QWidget

        if self.watching_view:
            return
        self.watching_view = True
        if key == "contacts":
            watched = [view.table.viewport(), view.empty, view.count_label]
        else:
            watched = [view.grid, *view.grid.findChildren(QWidget)]
        for widget in watched:
            widget.installEventFilter(self._filter)

    def paint(self, widget) -> None:
        from bench._watchdog import Watchdog

        if self.ended:
            return
        if not self.first_paint:
            if widget is self.window:
                self.first_paint = time.time()
                self.stall = Watchdog().start()
            return
        key = self.window.specs[max(self.window.sidebar.currentRow(), 0)].key
        view = self.window.views.get(key)
        if view is None or self.window.stack.currentWidget() is not view:
            return
        parts = self._contacts(view, widget) if key == "contacts" else self._today(view, widget)
        self.painted |= parts
        if self.painted >= {"rows", "count"}:
            self.done()

    @staticmethod
    def _contacts(view, widget) -> set[str]:
        if view.model.rowCount() and widget is view.table.viewport():
            return {"rows"}
        if view.list_stack.currentWidget() is view.empty and widget is view.empty:
            return {"rows"}
        # the count of the list shown (not "Counting…" while a worker counts)
        counted = getattr(view, "counted_filter", True) is not None
        if widget is view.count_label and counted and view.count_label.text():
            return {"count"}
        return set()

    @staticmethod
    def _today(view, widget) -> set[str]:
        # its figures and every section in sight show their first read (the 12-week charts,
        # far down the page, are read after them and shown when read)
        if not view.waiting_in_sight and view.grid.isAncestorOf(widget):
            return {"rows", "count"}
        return set()

    def done(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from bench._watchdog import Watchdog

        usable = time.time()
        stall = self.stall.stop()
        self.ended = True
        self._filter.deleteLater()
        after = Watchdog().start()

        def finish() -> None:
            print(f"{self.first_paint:.6f} {usable:.6f} {stall:.3f} {after.stop():.3f}", flush=True)
            QApplication.quit()

        QTimer.singleShot(SETTLE_MS, finish)


def usable(data_dir: str) -> None:
    from netdesk.ui import main_window

    original_show = main_window.MainWindow.show
    original_build = main_window.MainWindow.build_view

    def show_and_watch(self) -> None:
        self._usable = _Usable(self)
        original_show(self)

    def build_and_watch(self, key: str):
        view = original_build(self, key)
        if key == self.current_key():
            self._usable.watch_view(key, view)
        return view

    main_window.MainWindow.show = show_and_watch
    main_window.MainWindow.build_view = build_and_watch
    from netdesk.__main__ import main

    main(["--data-dir", data_dir])


if __name__ == "__main__":
    {"bare": bare, "netdesk": netdesk, "usable": usable}[sys.argv[1]](*sys.argv[2:])
