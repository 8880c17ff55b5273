"""Child process for the GUI stall benchmark (a fresh process per group of actions, so caches
and views shown before don't carry).

`python -m bench._stall_probe GROUP DATA_DIR [VCF]` opens the main window over the store in
DATA_DIR (1280×800, the bench clock), waits until it is idle, then drives a group of actions
like a user, with the keyboard and mouse at a human pace, and prints one line per action:
`action longest_gap_ms`. The gap is the longest time between two ticks of a precise 5 ms timer
on the GUI thread (`Watchdog`) from the first input of the action until it has settled (its
reads, paints and the work they set off ended). Groups:

- `floor`: two seconds of the idle window (what the machine alone costs);
- `views START`: each view switched to (as Ctrl+1… does) cold, i.e. first shown since start,
  then warm, i.e. again; the window starts on view START, which is then not measured cold;
- `search`: queries drawn from the data typed into the contacts search, then cleared;
- `scroll`: the contact list scrolled by the wheel, by PageDown/PageUp, then by Ctrl+End to its
  last row (every row fetched), and back by Ctrl+Home;
- `sort`: the list sorted by each column, one way then the other (as a header click does);
- `contact`: a first contact opened from the list by a click (what the first opening loads
  once), then contacts with a photo and without, in turn;
- `month`: the Follow-ups view's month moved with PageDown and PageUp;
- `today`: Today's "N more" overdue row expanded with a click, then a follow-up marked done (D)
  while the whole group shows;
- `import VCF`: the file opened (the import dialog reads it and shows the preview), then the
  Import button clicked and the dialog closed when done.
"""

from __future__ import annotations

import os
import random
import sys
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bench._contacts_probe import _PaintWatch
from bench._watchdog import Watchdog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from netdesk.ui.latest_read import LatestRead
    from netdesk.ui.main_window import MainWindow

KEY_PAUSE_MS = 110  # between keystrokes: a quick typist
SETTLE_MS = 400  # quiet time after an action's work ended, still watched


class Probe:
    """The window over the bench store, a watchdog, and ways to wait as a user would."""

    def __init__(self, data_dir: str, start_view: str = "contacts") -> None:
        from pathlib import Path

        from netdesk import paths as netdesk_paths
        from netdesk.ui.app import settings_for

        paths = netdesk_paths.resolve(Path(data_dir))
        settings = settings_for(paths)
        settings.setValue("window/last_view", start_view)
        settings.sync()
        from bench._today_probe import open_window

        self.readers = _track_readers()
        self.app, self.window = open_window(data_dir)
        self.watchdog = Watchdog()
        self.figures: list[tuple[str, float]] = []
        self.settle(2000)

    def busy(self) -> bool:
        """Whether work the window set off still runs (a task, Today's read, a view's read on
        its own worker, a timer's reload)."""
        from PySide6.QtCore import QThreadPool

        today = self.window.views["today"]
        reading = any(reader.busy for reader in self.readers)
        return (
            QThreadPool.globalInstance().activeThreadCount() > 0
            or reading
            or bool(getattr(today, "loading", False))
        )

    def wait(self, ms: int) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(ms)

    def until(self, done: Callable[[], bool], timeout_s: float = 300) -> None:
        ends = time.perf_counter() + timeout_s
        while not done():
            if time.perf_counter() > ends:
                raise TimeoutError("the window did not get there")
            self.app.processEvents()
            time.sleep(0.001)

    def settle(self, quiet_ms: int = SETTLE_MS) -> None:
        """Until no work runs, then `quiet_ms` of the loop turning."""
        self.until(lambda: not self.busy())
        self.wait(quiet_ms)
        self.until(lambda: not self.busy())

    def measure(self, name: str, action: Callable[[], object]) -> float:
        """Run `action` under the watchdog until the window settles; note its longest gap."""
        self.settle(200)
        self.watchdog.start()
        action()
        self.settle()
        longest = self.watchdog.stop()
        self.figures.append((name, longest))
        return longest

    def print(self) -> None:
        for name, ms in self.figures:
            print(f"{name} {ms:.1f}", flush=True)
        os._exit(0)  # tearing down the window over a 100k store can crash at exit

    def key(self, widget: QWidget, key: object, modifier: object = None, pause: int = 0) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)  # type: ignore[call-overload]
        if pause:
            self.wait(pause)

    def type_text(self, widget: QWidget, text: str) -> None:
        from PySide6.QtTest import QTest

        for char in text:
            QTest.keyClicks(widget, char)
            self.wait(KEY_PAUSE_MS)


def _track_readers() -> weakref.WeakSet[LatestRead]:
    """Every `LatestRead` made from now on, as it is made: `Probe.busy` runs on every loop turn,
    and finding them in the window's tree each time (`findChildren`) cost 140-210 ms of the GUI
    thread per Today action, inside the gaps it measures."""
    from netdesk.ui.latest_read import LatestRead

    readers: weakref.WeakSet[LatestRead] = weakref.WeakSet()
    made = LatestRead.__init__

    def init(self: LatestRead, *args: Any, **kwargs: Any) -> None:
        made(self, *args, **kwargs)
        readers.add(self)

    LatestRead.__init__ = init  # type: ignore[method-assign]
    return readers


def _sql(sql: str) -> list[tuple[object, ...]]:
    from netdesk.store.models import db

    return [tuple(row) for row in db.execute_sql(sql).fetchall()]


def floor(data_dir: str) -> None:
    probe = Probe(data_dir)
    probe.measure("floor", lambda: probe.wait(2000))
    probe.print()


def views(data_dir: str, start: str) -> None:
    probe = Probe(data_dir, start)
    window = probe.window
    keys = [spec.key for spec in window.specs]

    def switch(key: str) -> None:
        watch = _PaintWatch(window.views[key])
        window.focus_view(key)
        watch.wait()

    for state in ("cold", "warm"):
        for key in keys:
            if state == "warm" or key != start:
                probe.measure(f"view_{key}_{state}", lambda key=key: switch(key))
    probe.print()


def _contacts(probe: Probe) -> QWidget:
    view = probe.window.show_view("contacts")
    probe.settle()
    return view


def _queries(count: int = 4) -> list[str]:
    """Prefixes of real names, a full name and an organisation, drawn from the data."""
    rng = random.Random(5)
    (top,) = _sql("SELECT max(id) FROM contact")[0]
    queries = []
    while len(queries) < count:
        found = _sql(
            f"SELECT given_name, family_name, organisation FROM contact WHERE id = "
            f"{rng.randint(1, int(top))}"  # type: ignore[call-overload]
        )
        if not found:
            continue
        given, family, organisation = (str(value or "") for value in found[0])
        queries += [given[: rng.randint(2, 6)], f"{given} {family[:3]}", organisation[:5]]
    return [query for query in queries if query.strip()][:count]


def search(data_dir: str) -> None:
    from PySide6.QtCore import Qt

    probe = Probe(data_dir)
    view = _contacts(probe)
    box = view.search  # type: ignore[attr-defined]
    for number, query in enumerate(_queries()):
        box.setFocus()
        probe.measure(f"search_{number}", lambda query=query: probe.type_text(box, query))
        probe.measure(
            f"search_clear_{number}",
            lambda: (
                probe.key(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, 50)
                or probe.key(box, Qt.Key.Key_Backspace)
            ),
        )
    probe.figures = [("search", max(ms for _, ms in probe.figures))]
    probe.print()


def scroll(data_dir: str) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    probe = Probe(data_dir)
    view = _contacts(probe)
    table, model = view.table, view.model  # type: ignore[attr-defined]
    table.setFocus()
    table.selectRow(0)
    probe.settle()
    viewport = table.viewport()

    def wheel(notches: int) -> None:
        centre = QPointF(viewport.rect().center())
        for _ in range(abs(notches)):
            delta = QPoint(0, -120 if notches > 0 else 120)
            event = QWheelEvent(
                centre,
                QPointF(viewport.mapToGlobal(centre.toPoint())),
                QPoint(),
                delta,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(viewport, event)
            probe.wait(16)

    def pages(key: object, times: int) -> None:
        for _ in range(times):
            probe.key(table, key, pause=60)

    ctrl = Qt.KeyboardModifier.ControlModifier  # a table's End goes to the row's last column

    def to_end() -> None:
        while model.canFetchMore():
            probe.key(table, Qt.Key.Key_End, ctrl, pause=15)

    probe.measure("scroll_wheel", lambda: (wheel(150), wheel(-60)))
    probe.measure(
        "scroll_page", lambda: (pages(Qt.Key.Key_PageDown, 60), pages(Qt.Key.Key_PageUp, 20))
    )
    probe.measure("scroll_end", to_end)
    probe.measure("scroll_home", lambda: probe.key(table, Qt.Key.Key_Home, ctrl))
    probe.print()


def sort(data_dir: str) -> None:
    from PySide6.QtCore import Qt

    from netdesk.ui.contacts.model import COLUMNS

    probe = Probe(data_dir)
    view = _contacts(probe)
    table, model = view.table, view.model  # type: ignore[attr-defined]
    probe.window.resize(1600, 800)
    probe.settle()
    for column, (key, _) in enumerate(COLUMNS):
        for way, order in (
            ("asc", Qt.SortOrder.AscendingOrder),
            ("desc", Qt.SortOrder.DescendingOrder),
        ):

            def click(column: int = column, key: str = key, order: Qt.SortOrder = order) -> None:
                # what a click on the header does (a narrow list may hide the column's header)
                watch = _PaintWatch(table.viewport(), lambda: model.sort_key == key)
                table.sortByColumn(column, order)
                watch.wait()

            probe.measure(f"sort_{key}_{way}", click)
    probe.print()


def contact(data_dir: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    probe = Probe(data_dir)
    view = _contacts(probe)
    table, model = view.table, view.model  # type: ignore[attr-defined]
    with_photo = {row[0] for row in _sql("SELECT id FROM contact WHERE photo IS NOT NULL")}
    for _ in range(10):  # enough rows to find five of each
        model.fetchMore()
    probe.settle()
    rows = range(model.rowCount())
    photo_rows = [r for r in rows if model.contact_id(r) in with_photo][:5]
    plain_rows = [r for r in rows if model.contact_id(r) not in with_photo][:6]

    def open_row(row: int) -> None:
        table.scrollTo(model.index(row, 0))
        probe.wait(50)
        centre = table.visualRect(model.index(row, 0)).center()
        watch = _PaintWatch(view.editor)  # type: ignore[attr-defined]
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        watch.wait()

    probe.measure("contact_first", lambda: open_row(plain_rows.pop()))
    for photo_row, plain_row in zip(photo_rows, plain_rows, strict=False):
        probe.measure("contact_photo", lambda row=photo_row: open_row(row))
        probe.measure("contact_plain", lambda row=plain_row: open_row(row))
    probe.figures = [
        (name, max(ms for n, ms in probe.figures if n == name))
        for name in ("contact_first", "contact_photo", "contact_plain")
    ]
    probe.print()


def month(data_dir: str) -> None:
    from PySide6.QtCore import Qt

    probe = Probe(data_dir)
    window = probe.window
    calendar = window.views["followups"]
    probe.measure("view_followups_cold", lambda: window.focus_view("followups"))
    grid = calendar.grid  # type: ignore[attr-defined]
    grid.setFocus()

    def months(key: object, times: int) -> None:
        for _ in range(times):
            probe.key(grid, key, pause=150)

    probe.measure("month_back", lambda: months(Qt.Key.Key_PageUp, 8))
    probe.measure("month_forward", lambda: months(Qt.Key.Key_PageDown, 12))
    probe.figures = probe.figures[1:]
    probe.print()


def today(data_dir: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from netdesk.ui.calendar.agenda import KIND_ROLE

    probe = Probe(data_dir, "today")
    listing = probe.window.views["today"].sections["due"].list  # type: ignore[attr-defined]

    def expand() -> None:
        rows = [i for i in range(listing.count()) if listing.item(i).data(KIND_ROLE) == "more"]
        item = listing.item(rows[-1])  # the overdue group's
        centre = listing.visualItemRect(item).center()
        QTest.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=centre)

    def done() -> None:
        listing.setFocus()
        listing.setCurrentRow(listing.count() - 1)
        probe.key(listing, Qt.Key.Key_D)

    probe.measure("today_due_expand", expand)
    probe.measure("today_due_done", done)
    probe.print()


def import_file(data_dir: str, vcf: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    probe = Probe(data_dir)
    window = probe.window
    dialogs: list[object] = []

    def preview() -> None:
        window.open_files([vcf])
        controller_dialog = _dialog(window)
        dialogs.append(controller_dialog)
        probe.until(lambda: controller_dialog.plan is not None and controller_dialog.task is None)  # type: ignore[attr-defined]

    def apply() -> None:
        dialog = dialogs[0]
        QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        probe.until(lambda: dialog.over and dialog.task is None)  # type: ignore[attr-defined]
        probe.wait(300)
        QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    probe.measure("import_preview", preview)
    probe.wait(500)  # the user looks at the preview
    probe.measure("import_apply", apply)
    probe.print()


def _dialog(window: MainWindow) -> object:
    from netdesk.ui.importing.dialog import ImportDialog

    return window.findChildren(ImportDialog)[-1]


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    groups: dict[str, Callable[..., None]] = {
        "floor": floor,
        "views": views,
        "search": search,
        "scroll": scroll,
        "sort": sort,
        "contact": contact,
        "month": month,
        "today": today,
        "import": import_file,
    }
    groups[mode](*rest)
