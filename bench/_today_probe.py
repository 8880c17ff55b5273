"""Child process for the Today benchmark (a fresh process per figure, so caches don't carry).

`python -m bench._today_probe rank DATA_DIR` prints the median milliseconds of ranking Reach out
(`ReachOutService.rank(5)`) and of one bare SQL scan of the contact table (the floor);
`paint DATA_DIR` prints five medians in milliseconds:

1. switching the main window from Contacts to Today until Today is painted, after a change made
   elsewhere and once Today has read it (it reads off the GUI thread as changes happen, shown
   or not): what the user waits for, with Today's data current;
2. the same switch with nothing changed (the floor);
3. with Today shown, from a change to Today painted with it: its lists and charts in sight
   repainted after it read everything again;
4. the longest the GUI thread did not answer during 3 (a 1 ms timer's longest gap);
5. from a change to Today painted with it, switching to Today at once after the change (it
   shows current data only once its read of the change ends).
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
from bench._watchdog import Watchdog

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from netdesk.core.services import Services
    from netdesk.ui.main_window import MainWindow
    from netdesk.ui.today.view import TodayView

RUNS = 7
QUIET_S = 1.0
"""Seconds without a paint after which a watched list that has not painted had nothing new."""


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
    from netdesk.core.gc_pause import hold_for_startup, release_after_startup
    from netdesk.store.db import open_database
    from netdesk.ui.app import create_application
    from netdesk.ui.focus_ring import FocusRings
    from tests.fake_time import FakeClock
    from tests.ui.windows import build_window

    app = create_application()
    FocusRings.install(app)  # as the app's start-up does after its first paint
    paths = netdesk_paths.resolve(Path(data_dir))
    hold_for_startup()  # as the GUI's start-up does, until its views are built
    open_database(paths.database, daily_backup=False)
    window = build_window(paths, clock=FakeClock(NOW))
    window.resize(1280, 800)
    window.show()
    for view in window.views.values():  # the parts start-up makes a step each after the views
        for part in getattr(view, "made_later", ()):
            getattr(view, part)
    release_after_startup()
    return app, window


def paint(data_dir: str) -> None:
    app, window = open_window(data_dir)
    today = window.views["today"]
    assert window.services is not None
    changes = window.services.changes

    def read_all() -> None:
        _settle(app)
        while today.loading:  # type: ignore[attr-defined]
            app.processEvents()

    def update() -> tuple[float, float]:
        window.show_view("today")
        read_all()
        stall = Watchdog().start()
        watches = _paint_watches(today)  # type: ignore[arg-type]
        started = time.perf_counter()
        changes.publish("interactions", [1])
        read_all()
        shown = _wait(watches)
        return (shown - started) * 1000, stall.stop()

    def switch_at_once() -> float:
        window.show_view("contacts")
        read_all()
        started = time.perf_counter()
        changes.publish("interactions", [1])
        window.show_view("today")
        watches = _paint_watches(today)  # type: ignore[arg-type]
        read_all()
        return (_wait(watches) - started) * 1000

    grid = today.grid  # type: ignore[attr-defined]  # the sections, painted after the figures
    figures = switch_medians(app, window, "today", lambda: _PaintWatch(grid), read=read_all)
    update()
    updates = [update() for _ in range(RUNS)]
    figures.append(statistics.median(ms for ms, _ in updates))
    figures.append(statistics.median(stall for _, stall in updates))
    switch_at_once()
    figures.append(statistics.median(switch_at_once() for _ in range(RUNS)))
    print(" ".join(f"{ms:.2f}" for ms in figures), flush=True)
    os._exit(0)  # tearing down the window over a 100k store can crash at exit; the figures are out


def _paint_watches(today: TodayView) -> list[_PaintWatch]:
    """Watches, set before the change, on the lists and charts of Today in sight, each counting
    a paint only once Today has read and shown everything (those scrolled out of sight paint
    when scrolled to). Set after the read, they waited for a paint that had already happened."""
    sections = today.sections
    widgets = (
        sections["reach_out"].list.viewport(),  # type: ignore[attr-defined]
        sections["due"].list.viewport(),  # type: ignore[attr-defined]
        sections["upcoming_events"].list.viewport(),  # type: ignore[attr-defined]
        sections["picture"].gives,  # type: ignore[attr-defined]
    )
    in_sight = [w for w in widgets if not w.visibleRegion().isEmpty()]
    return [_PaintWatch(w, lambda: not today.loading) for w in in_sight]  # type: ignore[attr-defined]


def _wait(watches: list[_PaintWatch]) -> float:
    """When the last of the watched widgets that had something new to show painted it.

    Today puts a read into its lists row by row: a list whose rows the change left as they were
    is not painted again, so a watch that sees no paint within `QUIET_S` of Today's read having
    ended and every other watch done does not count (waiting for it would wait for ever)."""
    from PySide6.QtWidgets import QApplication

    quiet_since = time.perf_counter()
    while not all(watch.painted for watch in watches):
        QApplication.processEvents()
        if any(watch.painted_at > quiet_since for watch in watches):
            quiet_since = time.perf_counter()
        elif time.perf_counter() - quiet_since > QUIET_S:
            break
    return max((watch.painted_at for watch in watches if watch.painted), default=quiet_since)


def switch_medians(
    app: QCoreApplication,
    window: MainWindow,
    key: str,
    watch: Callable[[], _PaintWatch],
    topics: tuple[str, ...] = ("interactions",),
    read: Callable[[], None] | None = None,
) -> list[float]:
    """Median milliseconds of switching the window from Contacts to view `key` until `watch()`
    sees it painted: after a change made elsewhere (contact 1, or import batch 1, on each of
    `topics`: the view reloads; `read`, when given, waits until it has read the change, as Today
    does off the GUI thread), then with none."""
    services = window.services
    assert services is not None
    settle = read or (lambda: _settle(app))

    def switch(topic: str) -> float:
        window.show_view("contacts")
        settle()
        if topic:
            services.changes.publish(topic, [1])
            settle()
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
