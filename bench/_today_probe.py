"""Child process for the Today benchmark (a fresh process per figure, so caches don't carry).

`python -m bench._today_probe rank DATA_DIR` prints the median milliseconds of ranking Reach out
(`ReachOutService.rank(5)`) and of one bare SQL scan of the contact table (the floor);
`paint DATA_DIR` prints the milliseconds from switching the main window from Contacts to Today
to Today painted, after a change made elsewhere (so Today reloads), and with nothing changed
(the floor: the same switch and paint without reloading).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench._contacts_probe import _PaintWatch
from bench._today_data import NOW

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from netdesk.core.services import Services
    from netdesk.ui.main_window import MainWindow

RUNS = 7


def _services(data_dir: str) -> Services:
    from netdesk import paths as netdesk_paths
    from netdesk.core.services import Services
    from netdesk.store.db import open_database
    from tests.fake_time import FakeClock

    paths = netdesk_paths.resolve(Path(data_dir))
    open_database(paths.database, daily_backup=False)
    return Services(paths=paths, clock=FakeClock(NOW))


def _median_ms(work: Callable[[], object], runs: int = RUNS) -> float:
    work()  # warm the page cache and Peewee's query building
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def rank(data_dir: str) -> None:
    services = _services(data_dir)
    from netdesk.store.models import db

    def scan() -> None:
        db.execute_sql("SELECT count(*) FROM contact WHERE birthday IS NOT NULL").fetchone()

    print(f"{_median_ms(lambda: services.reach_out.rank(5)):.2f} {_median_ms(scan):.2f}")


def open_window(data_dir: str) -> tuple[QCoreApplication, MainWindow]:
    """The application and its main window over the store in `data_dir`, 1280×800, shown."""
    from netdesk import paths as netdesk_paths
    from netdesk.store.db import open_database
    from netdesk.ui.app import create_application
    from tests.fake_time import FakeClock
    from tests.ui.windows import build_window

    app = create_application()
    paths = netdesk_paths.resolve(Path(data_dir))
    open_database(paths.database, daily_backup=False)
    window = build_window(paths, clock=FakeClock(NOW))
    window.resize(1280, 800)
    window.show()
    return app, window


def paint(data_dir: str) -> None:
    app, window = open_window(data_dir)
    grid = window.views["today"].grid  # the sections, painted after the figures
    figures = switch_medians(app, window, "today", lambda: _PaintWatch(grid))
    print(" ".join(f"{ms:.2f}" for ms in figures), flush=True)
    os._exit(0)  # tearing down the window over a 100k store can crash at exit; the figures are out


def switch_medians(
    app: QCoreApplication,
    window: MainWindow,
    key: str,
    watch: Callable[[], _PaintWatch],
    topics: tuple[str, ...] = ("interactions",),
) -> list[float]:
    """Median milliseconds of switching the window from Contacts to view `key` until `watch()`
    sees it painted: after a change made elsewhere (contact 1, or import batch 1, on each of
    `topics`: the view reloads), then with none."""
    services = window.services
    assert services is not None

    def switch(topic: str) -> float:
        window.show_view("contacts")
        _settle(app)
        if topic:
            services.changes.publish(topic, [1])
            _settle(app)
        painted = watch()
        started = time.perf_counter()
        window.show_view(key)
        painted.wait()
        return (time.perf_counter() - started) * 1000

    figures = []
    for topic in (*topics, ""):
        switch(topic)  # warm
        figures.append(statistics.median(switch(topic) for _ in range(RUNS)))
    return figures


def _settle(app: QCoreApplication) -> None:
    for _ in range(3):
        app.processEvents()


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    {"rank": rank, "paint": paint}[mode](*rest)
