"""Child process for the contacts benchmark (a fresh process per figure, so caches don't carry).

`python -m bench._contacts_probe paint DATA_DIR` prints seconds from creating the contacts view to
its table's first paint; `search DATA_DIR SPEED COUNT SEED` types COUNT queries drawn from the
data and prints, per keystroke, the milliseconds from key press to its rows painted and to its
rows and match count painted (see `search`); `rss DATA_DIR`
and `rss-bare` print the resident memory in MB with the list open or with a bare window;
`sort DATA_DIR` prints, for each column clicked twice (one way then the other), the milliseconds
from the click on its header to the first page painted in that order with its count known, then
`floor` and the milliseconds of painting the same page again after a reset that reads nothing.
"""

from __future__ import annotations

import sys
import time


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class _PaintWatch:
    """Notes when a widget paints (once `ready()` is true, when given), and when it did."""

    def __init__(self, widget, ready=lambda: True) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, watched, event) -> bool:
                if event.type() == QEvent.Type.Paint and ready():
                    watch.painted = True
                    watch.painted_at = time.perf_counter()
                return False

        self.painted = False
        self.painted_at = 0.0
        self._filter = Filter()
        widget.installEventFilter(self._filter)

    def wait(self, sleeping: bool = False) -> None:
        """Turn the event loop until painted; `sleeping`: waiting for events between turns, as
        the app's loop does (spinning took the GIL from a worker whose read it waits for)."""
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        while not self.painted:
            if sleeping:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            else:
                QApplication.processEvents()


def _open(data_dir: str):
    from netdesk import paths as netdesk_paths
    from netdesk.core.services import Services
    from netdesk.store.db import open_database
    from netdesk.ui.app import create_application
    from netdesk.ui.focus_ring import FocusRings

    app = create_application()
    FocusRings.install(app)  # as the app's start-up does after its first paint
    paths = netdesk_paths.resolve(__import__("pathlib").Path(data_dir))
    open_database(paths.database)
    return app, Services(paths=paths)


def paint(data_dir: str) -> None:
    _app, services = _open(data_dir)
    from netdesk.ui.app import settings_for
    from netdesk.ui.contacts.view import ContactsView

    started = time.perf_counter()
    view = ContactsView(services, settings_for(services.paths))
    view.resize(1180, 760)
    watch = _PaintWatch(view.table.viewport())
    view.show()
    watch.wait()
    print(f"{time.perf_counter() - started:.6f}")


class _SearchWatch:
    """Notes when the list painted its rows and the count label painted its count, and of
    which search each was (a paint before a keystroke's rows and count shows stale ones)."""

    def __init__(self, view) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self
        self.rows_of: str | None = None
        self.count_of: str | None = None
        self._label_painted = ""
        lists = (view.table.viewport(), view.empty)

        class Filter(QObject):
            def eventFilter(self, watched, event) -> bool:
                if event.type() != QEvent.Type.Paint:
                    return False
                if watched in lists:
                    watch.rows_of = view.model.list_filter.text
                elif watched is view.count_label:
                    watch._label_painted = view.count_label.text()
                    if view.counted_filter is not None:
                        watch.count_of = view.counted_filter.text
                return False

        def count_shown() -> None:
            # a label given the text it shows already paints nothing: shown as it is
            if view.count_label.text() == watch._label_painted:
                watch.count_of = view.counted_filter.text

        self._filter = Filter()
        for widget in (*lists, view.count_label):
            widget.installEventFilter(self._filter)
        view.count_shown.connect(count_shown)
        self.view = view

    def done(self) -> bool:
        """Whether the rows and the count of the search typed so far are painted."""
        text = self.view.search.text()
        return self.rows_of == text and self.count_of == text


def _type(view, watch: _SearchWatch, query: str, gaps: list[float]) -> list[tuple[float, float]]:
    """Type `query` a key at a time, pressing each key `gaps` seconds after the one before
    whether or not the list has caught up (as a typist does); per key, the milliseconds from
    its press to its rows painted, and to its rows and count painted (or a later key's)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    wake = QTimer()
    wake.setSingleShot(True)
    # a coarse timer (Qt's default) wakes up to 5% of its interval late: 6-13 ms here, which
    # counted as the list's time in 4 keystrokes of 10 on an idle machine
    wake.setTimerType(Qt.TimerType.PreciseTimer)
    pressed: list[tuple[float, str]] = []  # when each key was due, what it made the text
    rows_at: dict[int, float] = {}
    done_at: dict[int, float] = {}
    due = time.perf_counter()
    while len(done_at) < len(query):
        # every key due by now, at once: keys typed while the window was busy wait together
        while len(pressed) < len(query) and time.perf_counter() >= due:
            QTest.keyClick(view.search, query[len(pressed)])
            pressed.append((due, view.search.text()))
            if len(pressed) < len(query):
                due += gaps[len(pressed)]
        now = time.perf_counter()
        for key, (_, text) in enumerate(pressed):
            if key not in rows_at and watch.rows_of is not None and watch.rows_of.startswith(text):
                rows_at[key] = now
            if key not in done_at and watch.done() and view.search.text().startswith(text):
                done_at[key] = now
        if len(done_at) < len(query):
            if len(pressed) < len(query):
                wake.start(max(0, int((due - time.perf_counter()) * 1000)))
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    return [
        ((rows_at[key] - at) * 1000, (done_at[key] - at) * 1000)
        for key, (at, _) in enumerate(pressed)
    ]


def _settle(view, watch: _SearchWatch) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    while not watch.done():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def search(data_dir: str, speed: str, count: str, seed: str) -> None:
    """Type queries drawn from the data (`bench._search_queries`) at `speed` ("human": keys
    120-260 ms apart, "fast": 25-60 ms); print a line a keystroke: `key` and the ms to its rows
    painted, to its rows and count painted, and of the bare FTS5 query for its text; a line a
    cleared search: `clear` and the ms to the whole list and its count painted; then `floor`
    lines: the ms of painting the list again after a reset that reads nothing."""
    import random
    from pathlib import Path

    from netdesk.core import gc_pause

    gc_pause.hold_for_startup()  # as the app holds the collector while it starts
    _app, services = _open(data_dir)
    from bench._search_queries import draw_queries
    from netdesk.store import fts
    from netdesk.store.models import db
    from netdesk.ui.app import settings_for
    from netdesk.ui.contacts.view import ContactsView

    queries = draw_queries(Path(services.paths.database), int(count), int(seed))
    rng = random.Random(int(seed) + (speed == "fast"))
    low, high = (0.120, 0.260) if speed == "human" else (0.025, 0.060)
    view = ContactsView(services, settings_for(services.paths))
    view.resize(1180, 760)
    watch = _SearchWatch(view)
    view.show()
    _settle(view, watch)
    gc_pause.release_after_startup()  # what start-up made is frozen, as in the app
    view.search.setFocus()
    for query in queries:
        gaps = [rng.uniform(low, high) for _ in query]
        for (rows, done), typed in zip(
            _type(view, watch, query, gaps),
            (query[: i + 1] for i in range(len(query))),
            strict=True,
        ):
            started = time.perf_counter()
            sql = "SELECT rowid FROM contact_fts WHERE contact_fts MATCH ? LIMIT 200"
            db.execute_sql(sql, [fts.match_expression(typed)]).fetchall()
            floor = (time.perf_counter() - started) * 1000
            print(f"key {rows:.3f} {done:.3f} {floor:.3f}")
        started = time.perf_counter()
        view.search.clear()
        _settle(view, watch)
        print(f"clear {(time.perf_counter() - started) * 1000:.3f}")
    for _ in range(5):
        paint = _PaintWatch(view.table.viewport())
        started = time.perf_counter()
        view.model.beginResetModel()
        view.model.endResetModel()
        paint.wait()
        print(f"floor {(time.perf_counter() - started) * 1000:.3f}")


def _click_header(view, column: int) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def sort(data_dir: str) -> None:
    _app, services = _open(data_dir)
    from PySide6.QtTest import QTest

    from netdesk.ui.app import settings_for
    from netdesk.ui.contacts.model import COLUMNS
    from netdesk.ui.contacts.view import ContactsView

    view = ContactsView(services, settings_for(services.paths))
    view.resize(1600, 760)
    view.show()
    _PaintWatch(view.table.viewport()).wait()
    QTest.qWait(500)  # the count shows, as before a user reaches for a header
    model = view.model
    for column, (key, _) in enumerate(COLUMNS):
        view.table.horizontalHeader().showSection(column)
        view.table.scrollTo(model.index(0, column))
        QTest.qWait(50)
        for _click in range(2):
            watch = _PaintWatch(view.table.viewport(), lambda key=key: model.sort_key == key)
            started = time.perf_counter()
            _click_header(view, column)
            watch.wait()
            assert model.total > 0
            elapsed = (time.perf_counter() - started) * 1000
            print(f"{key} {'desc' if model.descending else 'asc'} {elapsed:.3f}")
            QTest.qWait(300)  # the count label catches up before the next click
    for _ in range(5):
        watch = _PaintWatch(view.table.viewport())
        started = time.perf_counter()
        model.beginResetModel()
        model.endResetModel()
        watch.wait()
        print(f"floor {(time.perf_counter() - started) * 1000:.3f}")


def rss(data_dir: str) -> None:
    _app, services = _open(data_dir)
    from PySide6.QtWidgets import QMainWindow

    from netdesk.ui.app import settings_for
    from netdesk.ui.contacts.view import ContactsView

    window = QMainWindow()
    view = ContactsView(services, settings_for(services.paths))
    window.setCentralWidget(view)
    window.resize(1180, 760)
    window.show()
    _PaintWatch(view.table.viewport()).wait()
    for _ in range(5):
        view.model.fetchMore()
    print(f"{_rss_mb():.1f}")


def rss_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1180, 760)
    watch = _PaintWatch(window)
    window.show()
    watch.wait()
    print(f"{_rss_mb():.1f}")
    del app


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    modes = {"paint": paint, "search": search, "sort": sort, "rss": rss, "rss-bare": rss_bare}
    modes[mode](*rest)
