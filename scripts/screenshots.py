"""Screenshots of every main view over a lived-in network, at three window sizes.

    .venv/bin/python scripts/screenshots.py OUTDIR [--people 2000] [--sizes 1280x800 ...]

Builds a database in a temporary folder (scripts/demo_network.py: ../shared/tools/gen_network.py
people imported, six weeks of events, meetings, interactions, gives and follow-ups at a fixed
fake clock), then renders offscreen and saves OUTDIR/VIEW-WxH.png for Today, Contacts with one
selected (and one on its Jobs tab: a job history; and with nobody selected), Events with a prep
brief, Follow-ups by month and by week, Today scrolled to its goals, the Me page (profiles,
pitches), Companies with a target company and with a target nobody works at, the Opportunities
board and list and an opportunity's dialog, the import preview (google.csv over the imported
people) and the question before a NetDesk JSON export replaces the database; then Today while
the quiet hours hold reminders back, the tray's menu with its due submenu (tray-menu.png,
tray-due.png), the window's File, Edit and Help menus (menu-file.png, menu-edit.png,
menu-help.png), Help → Keyboard shortcuts (shortcuts-560x680.png), and a focused list, field
and button (focus-list.png, focus-field.png, focus-button.png), the import dialogs
(scripts/import_shots.py: history, a mixed preview, the result), and last sync: the status bar,
File → Sync settings…, Sync conflicts… and Preview sync… (sync-status/-settings/-conflicts/
-preview-1024x768.png). Same arguments, same pictures: no wall clock, the C locale, the
Europe/Berlin zone, phone numbers without a country code read as German (the C locale names no
region: the editor flagged the demo's national numbers), a selected row in the middle of its
list, the window active before each view (the focus ring stays put), a text cursor that does
not blink, files imported by names relative to the temporary folder. docs/screenshots/ holds
the README's, made with `--sizes 1280x800` (and Contacts with `--sizes 1024x768`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView, QWidget

    from netdesk.ui.importing.dialog import ImportDialog
    from netdesk.ui.main_window import MainWindow
    from netdesk.ui.sync.controller import SyncController
    from netdesk.ui.tray import ReminderTray

SIZES = ("1024x768", "1280x800", "1920x1080")
ROOT = Path(__file__).resolve().parent.parent


def _sandbox(root: Path) -> None:
    """Offscreen Qt, the C locale, a fixed zone, and every NetDesk path inside `root`."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for var in ("LC_ALL", "LANG", "LANGUAGE"):
        os.environ[var] = "C.UTF-8"
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(root / var.lower())
    os.environ["NETDESK_DATA_DIR"] = str(root / "data")
    os.chdir(root)  # files imported by a name relative to it: Import history names no temp dir


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":  # sets of strings iterate in one order: same ids
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), metavar="WxH")
    parser.add_argument(
        "--generator",
        type=Path,
        help="gen_network.py (default: where the tests find it, ../shared/tools/ first)",
    )
    args = parser.parse_args()
    if args.generator is None:
        sys.path.insert(0, str(ROOT))
        from tests.testdata.network import generator

        args.generator = generator()
    if args.generator is None or not args.generator.is_file():
        parser.error(
            f"gen_network.py not found ({args.generator or '../shared/tools/'}): pass "
            "--generator PATH"
        )
    args.outdir, args.generator = args.outdir.resolve(), args.generator.resolve()
    with tempfile.TemporaryDirectory(prefix="netdesk-shots-") as tmp:
        _sandbox(Path(tmp))
        sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]  # demo_network, tests.fake_time
        args.outdir.mkdir(parents=True, exist_ok=True)
        _shoot(Path(tmp), args)
    sys.stdout.flush()
    os._exit(0)  # Qt's teardown of the window can crash at exit; the pictures are saved


def _shoot(root: Path, args: argparse.Namespace) -> None:
    from demo_network import NOW, build

    from netdesk import paths as netdesk_paths
    from netdesk.core.services import Services
    from netdesk.store.db import open_database
    from netdesk.ui.app import create_application, settings_for
    from netdesk.ui.contacts.controller import REGION_KEY
    from tests.fake_time import FakeClock
    from tests.ui.windows import build_window

    app = create_application()
    app.styleHints().setCursorFlashTime(0)  # a text cursor shown, not blinking in or out
    paths = netdesk_paths.resolve(root / "data")
    open_database(paths.database, daily_backup=False)
    clock = FakeClock(NOW)
    shown = build(Services(paths=paths, clock=clock), root, args.people, args.generator)
    settings_for(paths).setValue(REGION_KEY, "DE")  # the demo's Berlin: its national numbers
    window = build_window(paths, clock=clock)
    window.show()
    window.statusBar().clearMessage()  # it names the temporary folder

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
            time.sleep(0.01)

    def save(widget: QWidget, name: str, size: str) -> None:
        window.statusBar().clearMessage()  # an export's names the temporary folder
        settle()
        widget.grab().save(str(args.outdir / f"{name}-{size}.png"))
        print(args.outdir / f"{name}-{size}.png")

    views: dict[str, Callable[[], QWidget]] = {
        "today": lambda: _scrolled(window.show_view("today"), end=False),
        "today-goals": lambda: _scrolled(window.show_view("today"), end=True),
        "contacts": lambda: _contact(window, shown["contact"]),
        "contact-jobs": lambda: _contact(window, shown["jobs"], tab=2),
        "contacts-none": lambda: _nobody(window),
        "events": lambda: _event(window, shown["event"]),
        "followups-month": lambda: _calendar(window, week=False),
        "followups-week": lambda: _calendar(window, week=True),
        "me": lambda: _me(window, pitches=False),
        "me-pitches": lambda: _me(window, pitches=True),
        "company": lambda: _company(window, shown["company"]),
        "company-target": lambda: _company(window, shown["target"]),
        "opportunities": lambda: _opportunities(window, board=True),
        "opportunities-list": lambda: _opportunities(window, board=False),
    }
    for size in args.sizes:
        width, height = (int(part) for part in size.split("x"))
        window.resize(width, height)
        for name, show in views.items():
            _activated(window)
            show()
            save(window, name, size)
        opportunity = window.show_view("opportunities").open_opportunity(shown["opportunity"])
        if opportunity is not None:
            save(opportunity, "opportunity-dialog", size)
            opportunity.reject()
        dialog = _import_preview(window, root / "network" / "google.csv", settle)
        if dialog is not None:
            save(dialog, "import-preview", size)
            dialog.reject()
        question = _json_import_question(window, root / "netdesk.json", settle)
        if question is not None:
            save(question, "import-json-question", size)
            question.reject()
    _focus_rings(window, args.outdir, settle)
    tray = _quiet_hours(window)
    for size in args.sizes:
        width, height = (int(part) for part in size.split("x"))
        window.resize(width, height)
        _scrolled(window.show_view("today"), end=False)
        save(window, "today-quiet", size)
    window.show_view("contacts")
    menus = [(window.menus[key], f"menu-{key}") for key in ("file", "edit", "help")]
    for menu, name in [(tray.menu, "tray-menu"), (tray.due_menu, "tray-due"), *menus]:
        menu.popup(window.pos())
        settle()
        menu.grab().save(str(args.outdir / f"{name}.png"))
        menu.hide()
    shortcuts = window.show_shortcuts()
    save(shortcuts, "shortcuts", "560x680")
    shortcuts.reject()
    from import_shots import shoot_imports

    shoot_imports(window, root, shown["contact"], args.sizes, save, settle)
    _sync(window, shown["contact"], NOW, lambda widget, name: save(widget, name, "1024x768"))


def _sync(
    window: MainWindow, contact_id: int, now: datetime, save: Callable[[QWidget, str], None]
) -> None:
    """A sync account synced an hour before `now` with two fields in conflict on `contact_id`:
    the window's status bar at 1024x768 (sync-status), File → Sync settings… (sync-settings)
    and File → Sync conflicts… (sync-conflicts), both over the window."""
    from datetime import UTC, timedelta

    from netdesk.core import sync_accounts, sync_desk
    from netdesk.ui.sync.controller import SyncController
    from tests.sync.conflicts import add_conflicts

    url, user = "https://dav.example.org/", "ana"
    account = sync_accounts.set_up(url, user, "/dav/addressbooks/ana/contacts/")
    sync_accounts.set_task_list(account, "/dav/calendars/ana/netdesk-follow-ups/")
    sync_accounts.set_calendar(account, "/dav/calendars/ana/netdesk-events/")
    sync_accounts.set_journal(account, "/dav/calendars/ana/netdesk-journal/")
    synced = (now - timedelta(hours=1)).astimezone(UTC).replace(tzinfo=None)
    account.last_sync_at = synced
    account.save()
    notes = ("notes", "Met at a meetup.\nLikes jazz.", "Met at PyCon.")
    add_conflicts(contact_id, ("title", "Head of Data", "Data lead"), notes)
    (controller,) = window.findChildren(SyncController)
    controller.session_passwords[(url, user)] = "app password"
    controller.state_read.emit(sync_desk.state())
    window.resize(1024, 768)
    _contact(window, contact_id)
    save(window, "sync-status")
    settings = controller.edit_settings()
    settings.move(window.geometry().center() - settings.rect().center())
    save(settings, "sync-settings")
    settings.reject()
    conflicts = controller.show_conflicts()
    save(conflicts, "sync-conflicts")
    conflicts.reject()
    _sync_preview(controller, window, save)


def _sync_preview(
    controller: SyncController, window: MainWindow, save: Callable[[QWidget, str], None]
) -> None:
    """File → Preview sync… with a dry run's changes listed (sync-preview)."""
    from netdesk.core.sync_contacts import SyncReport
    from netdesk.ui.sync.preview_dialog import PreviewDialog

    listed = [
        ("received_changed", "Maria Chen"),
        ("received_new", "Kwame Mensah"),
        ("received_new", "Ingrid Johansson-Beaulieu"),
        ("sent_new", "Ana Lima"),
        ("sent_changed", "Tomás Ferreira"),
        ("sent_removed", "Old Colleague"),
        ("conflicts", "Maria Chen (title)"),
    ]
    preview = PreviewDialog(controller, window)
    preview.show_report(SyncReport(dry_run=True, listed=listed))
    preview.tree.expandAll()
    preview.show()
    preview.move(window.geometry().center() - preview.rect().center())
    save(preview, "sync-preview")
    preview.reject()


def _quiet_hours(window: MainWindow) -> ReminderTray:
    """Reminders installed with quiet hours around the demo's morning: they hold back what is
    due, and the tray and Today say so. The tray, for its menu."""
    from datetime import time as day_time

    from netdesk.ui.reminders import Reminders

    assert window.services is not None
    reminders = Reminders(window, window.services, None)
    reminders.settings.quiet_start, reminders.settings.quiet_end = day_time(8), day_time(10)
    reminders.scheduler.check()
    reminders.scheduler.stop()
    return reminders.tray


def _scrolled(today: QWidget, end: bool) -> QWidget:
    """Today at its top, or scrolled down to its last sections (goals, the 12-week picture),
    once it has read its data (off the GUI thread)."""
    from PySide6.QtWidgets import QApplication

    while today.loading:  # type: ignore[attr-defined]
        QApplication.processEvents()
    bar = today.scroll_area.verticalScrollBar()  # type: ignore[attr-defined]
    bar.setValue(bar.maximum() if end else 0)
    return today


def _activated(window: MainWindow) -> None:
    """The window active again once a dialog shot before has closed: the offscreen platform
    activates it some event-loop turns later, which moved the focus (and its ring) from run
    to run."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    deadline = time.monotonic() + 2
    while QApplication.activeWindow() is not window and time.monotonic() < deadline:
        QApplication.processEvents()


def _contact(window: MainWindow, contact_id: int, tab: int = 0) -> QWidget:
    """Contacts with one person in the editor, on its Details tab (or `tab`: 2 is Jobs)."""
    contacts = window.show_view("contacts")
    contacts.show_existing(contact_id)
    contacts.editor.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
    _centred(contacts.table)
    return window


def _centred(table: QAbstractItemView) -> None:
    """The list scrolled so its current row is in the middle (where selecting it left the list
    depends on where it was before and on how much of it had been read), then still until
    Contacts' columns have fitted the rows in view (SCROLL_SETTLES_MS)."""
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from netdesk.ui.contacts.column_layout import SCROLL_SETTLES_MS

    QApplication.processEvents()
    table.scrollTo(table.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter)
    deadline = time.monotonic() + 2 * SCROLL_SETTLES_MS / 1000
    while time.monotonic() < deadline:  # Contacts' columns fit the rows in view
        QApplication.processEvents()
        time.sleep(0.01)


def _nobody(window: MainWindow) -> QWidget:
    """Contacts with nobody selected and the search ready to type in (Ctrl+F)."""
    contacts = window.show_view("contacts")
    contacts.select_nobody()
    window.activateWindow()  # a dialog shot before took it: the search would have no focus
    contacts.focus_search()
    return window


def _focus_rings(window: MainWindow, outdir: Path, settle: Callable[[], None]) -> None:
    """focus-list.png, focus-field.png, focus-button.png: the contact list, the search and New
    contact, each focused (by a click: the ring shows without Tab too) and 8 px around it."""
    from PySide6.QtCore import Qt

    contacts = window.show_view("contacts")
    window.activateWindow()  # a dialog shot before took it: a window without it has no focus
    for name, widget in (
        ("list", contacts.table),
        ("field", contacts.search),
        ("button", contacts.new_button),
    ):
        widget.setFocus(Qt.FocusReason.MouseFocusReason)
        settle()
        area = widget.geometry().adjusted(-8, -8, 8, 8)
        widget.parentWidget().grab(area).save(str(outdir / f"focus-{name}.png"))
        print(outdir / f"focus-{name}.png")


def _event(window: MainWindow, event_id: int) -> QWidget:
    window.show_view("events").show_tab(event_id, "Prep brief")
    return window


def _me(window: MainWindow, pitches: bool) -> QWidget:
    """The Me page: your profiles, or the pitch library (below them in a tall window)."""
    me = window.show_view("me")
    me.tabs.setCurrentIndex(0)
    if pitches:
        me.show_pitches()
    return window


def _company(window: MainWindow, company_id: int) -> QWidget:
    companies = window.show_view("companies")
    companies.select(company_id)
    _centred(companies.table)
    return window


def _calendar(window: MainWindow, week: bool) -> QWidget:
    calendar = window.show_view("followups")
    calendar.set_week_mode(week)
    calendar.go_today()
    return window


def _json_import_question(
    window: MainWindow, path: Path, settle: Callable[[], None]
) -> QWidget | None:
    """The question before a NetDesk JSON export replaces the database (None if the export did
    not finish in 60 s)."""
    from netdesk.ui.importing.controller import ImportController

    whole = window.findChild(ImportController).whole
    if not path.exists():
        whole.export_to(path)
    deadline = time.monotonic() + 60
    while not path.exists() and time.monotonic() < deadline:
        settle()
    if not path.exists():
        return None
    window.statusBar().clearMessage()
    window.open_files([str(path)])
    settle()
    return whole.question


def _opportunities(window: MainWindow, board: bool) -> QWidget:
    """The Opportunities board (its first card selected) or list."""
    view = window.show_view("opportunities")
    view.show_mode(0 if board else 1)  # type: ignore[attr-defined]
    if board:
        view.board.focus_first()  # type: ignore[attr-defined]
    return window


def _import_preview(
    window: MainWindow, path: Path, settle: Callable[[], None]
) -> ImportDialog | None:
    """The preview of importing `path`, once read (None if it did not show in 30 s)."""
    from netdesk.ui.importing.dialog import ImportDialog

    window.open_files([str(path)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        settle()
        for widget in window.findChildren(ImportDialog):
            if widget.isVisible() and widget.plan is not None:
                widget.resize(window.width() - 120, window.height() - 80)
                return widget
    return None


if __name__ == "__main__":
    main()
