"""The Follow-ups calendar with 20,000 follow-ups in the database (2,000 generated contacts).

Prints `calendar_month_paint_ms` (the month's per-day counts from SQL plus painting the grid, the
work of showing another month) and `calendar_month_switch_ms` (PgDn in the whole view: grid,
Overdue section and agenda). Medians of several runs.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

FOLLOWUPS = 20_000
CONTACTS = 2_000
RUNS = 15


def _add_followups(db_path: Path, total: int, seed: int = 11) -> None:
    """Top the database up to `total` follow-ups around today, mostly open, some timed."""
    from netdesk.store.db import close_database, open_database
    from netdesk.store.models import db

    open_database(db_path, daily_backup=False)
    try:
        rng = random.Random(seed)
        have = db.execute_sql("SELECT count(*) FROM follow_up").fetchone()[0]
        contacts = [r[0] for r in db.execute_sql("SELECT id FROM contact").fetchall()]
        today = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
        rows = []
        for _ in range(total - have):
            timed = rng.random() < 0.3
            due = today + timedelta(days=rng.randint(-120, 240))
            if timed:
                due = due.replace(hour=rng.randint(8, 18), minute=rng.choice((0, 15, 30, 45)))
            status = rng.choices(("open", "done", "snoozed", "dismissed"), (70, 20, 5, 5))[0]
            rows.append((rng.choice(contacts), due, timed, status, today, today))
        with db.atomic():
            db.obj.cursor().executemany(
                "INSERT INTO follow_up(contact_id, due_at, has_time, status, created_at, "
                "updated_at, reason, note, origin) VALUES (?,?,?,?,?,?,'check-in','','manual')",
                rows,
            )
    finally:
        close_database()


def _median_ms(action) -> float:
    action()
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from bench.generate import generate_contacts
    from netdesk import paths as netdesk_paths
    from netdesk.core.services import Services
    from netdesk.store.db import close_database, open_database
    from netdesk.ui.calendar import CalendarView
    from netdesk.ui.calendar.month_grid import grid_range

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        paths = netdesk_paths.resolve(Path(tmp))
        generate_contacts(paths.database, CONTACTS)
        _add_followups(paths.database, FOLLOWUPS)
        open_database(paths.database, daily_backup=False)
        services = Services(paths=paths)
        view = CalendarView(services.followups, services.changes)
        view.resize(1180, 720)
        view.show()
        app.processEvents()
        grid, followups = view.grid, services.followups
        months = iter(range(10**6))

        def paint_month() -> None:
            day = view.selected + timedelta(days=31 * (next(months) % 4))
            first, last = grid_range(day)
            grid.set_data(day, view.selected, followups.day_counts(first, last))
            grid.repaint()

        def switch_month() -> None:
            view.move_month(1 if next(months) % 2 else -1)
            view.repaint()

        paint = _median_ms(paint_month)
        switch = _median_ms(switch_month)
        view.close()
        close_database()
    print(f"calendar_month_paint_ms: {paint:.2f}")
    print(f"calendar_month_switch_ms: {switch:.2f}")


if __name__ == "__main__":
    main()
