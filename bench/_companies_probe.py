"""Child process for the Companies benchmark (a fresh process, so caches don't carry).

`python -m bench._companies_probe DATA_DIR` prints, in milliseconds (medians of RUNS):
switching the main window from Contacts to Companies until the list is painted, after an
interaction logged elsewhere (the list reads its contact's company again), after an import (it
reads every company again) and with nothing changed (the floor); selecting a company of a
typical size until its detail is painted; the same for the largest company; then the two sizes;
then the longest the event loop did not turn while the largest was selected and shown (median).
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from PySide6.QtCore import QEventLoop

from bench._contacts_probe import _PaintWatch
from bench._today_probe import RUNS, _settle, open_window, switch_medians
from bench._watchdog import Watchdog


def main(data_dir: str) -> None:
    app, window = open_window(data_dir)
    view = window.views["companies"]

    stalls: list[float] = []

    def shown(row: int) -> bool:
        return view.panel.company == view.model.rows[row]

    def select(row: int) -> float:
        other = 0 if row else 1
        view._select_row(other)  # another company first, so the detail changes
        while not shown(other):  # a large one is read on a worker
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        _settle(app)
        watch = _PaintWatch(view.panel.people.table.viewport(), lambda: shown(row))
        stall = Watchdog().start()
        started = time.perf_counter()
        view.table.selectRow(row)
        watch.wait(sleeping=True)  # a large company is read on a worker
        painted = (time.perf_counter() - started) * 1000
        stalls.append(stall.stop())
        return painted

    figures = switch_medians(
        app,
        window,
        "companies",
        lambda: _PaintWatch(view.table.viewport(), lambda: view.model.rowCount() > 0),
        ("interactions", "imports"),
    )
    view._sort_by(1)  # most people first: the largest company, then a typical one
    sizes = [row.people for row in view.model.rows]
    typical = next(i for i, people in enumerate(sizes) if people <= statistics.median(sizes))
    for row in (typical, 0):
        select(row)  # warm
        stalls.clear()
        figures.append(statistics.median(select(row) for _ in range(RUNS)))
    figures.append(sizes[typical])
    figures.append(sizes[0])
    figures.append(statistics.median(stalls))  # the largest's, selected last
    print(" ".join(f"{ms:.2f}" for ms in figures), flush=True)
    os._exit(0)  # tearing down the window over a 100k store can crash at exit; the figures are out


if __name__ == "__main__":
    main(*sys.argv[1:])
