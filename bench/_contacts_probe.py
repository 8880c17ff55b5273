"""Child process for the contacts benchmark (a fresh process per figure, so caches don't carry).

`python -m bench._contacts_probe paint DATA_DIR` prints seconds from creating the contacts view to
its table's first paint; `search DATA_DIR QUERY` prints the milliseconds of each keystroke from key
press to the filtered rows painted, and of the bare FTS5 query for the same text; `rss DATA_DIR`
and `rss-bare` print the resident memory in MB with the list open or with a bare window;
`sort DATA_DIR` prints, for each column clicked twice (one way then the other), the milliseconds
from the click on its header to the first page painted in that order with its count known, then
`floor` and the milliseconds of painting the same page again after a reset that reads nothing.
"""

from __future__ import annotations

import sys
import time
from functools import partial


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class _PaintWatch:
    """Notes when a widget paints (once `ready()` is true, when given)."""

    def __init__(self, widget, ready=lambda: True) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, watched, event) -> bool:
                if event.type() == QEvent.Type.Paint and ready():
                    watch.painted = True
                return False

        self.painted = False
        self._filter = Filter()
        widget.installEventFilter(self._filter)

    def wait(self) -> None:
        from PySide6.QtWidgets import QApplication

        while not self.painted:
            QApplication.processEvents()


def _open(data_dir: str):
    from netdesk import paths as netdesk_paths
    from netdesk.core.services import Services
    from netdesk.store.db import open_database
    from netdesk.ui.app import create_application

    app = create_application()
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


def _shows(view, text: str) -> bool:
    """Whether the list holds the rows for `text` (a paint before that shows stale rows)."""
    return view.model.list_filter.text == text


def search(data_dir: str, query: str) -> None:
    _app, services = _open(data_dir)
    from PySide6.QtTest import QTest

    from netdesk.store import fts
    from netdesk.store.models import db
    from netdesk.ui.app import settings_for
    from netdesk.ui.contacts.view import ContactsView

    view = ContactsView(services, settings_for(services.paths))
    view.resize(1180, 760)
    view.show()
    _PaintWatch(view.table.viewport()).wait()
    view.search.setFocus()
    for char in query:
        typed = view.search.text() + char
        watch = _PaintWatch(view.table.viewport(), partial(_shows, view, typed))
        started = time.perf_counter()
        QTest.keyClick(view.search, char)
        watch.wait()
        keystroke = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        sql = "SELECT rowid FROM contact_fts WHERE contact_fts MATCH ? LIMIT 200"
        db.execute_sql(sql, [fts.match_expression(typed)]).fetchall()
        floor = (time.perf_counter() - started) * 1000
        print(f"{keystroke:.3f} {floor:.3f}")


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
