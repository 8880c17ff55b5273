"""Start-up a step at a time (`ui/startup.py`) through pytest-qt: the view the user left comes
back first with its data, the others follow, the full integrity check and the day's backup run
off the GUI thread (the damaged-file paths are in test_shell.py)."""

from __future__ import annotations

import gc
import sys
import threading
import time
from datetime import date, datetime, timedelta
from itertools import pairwise
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from netdesk.core.gc_pause import hold_for_startup
from netdesk.store import backup, clean_close
from netdesk.store.db import close_database, open_database
from netdesk.store.models import Contact, FollowUp
from netdesk.ui import app as app_module
from netdesk.ui import startup as startup_module
from netdesk.ui.tasks import wait_for_workers
from netdesk.ui.views import made
from tests.core.test_worker_thread import _lowered, _nice, linux_only
from tests.ui.windows import current_view


@pytest.fixture
def network(paths):
    """Three contacts, no backup yet, the full check due (no clean close recorded)."""
    open_database(paths.database, daily_backup=False)
    for name in ("Ann Lee", "Bo Chen", "Cy Diaz"):
        Contact.create(display_name=name)
    close_database()
    clean_close.forget(paths.database)
    assert backup.generations(paths.database) == []
    return paths


def _shell(qtbot, paths, last_view: str):
    """The window before start-up, `last_view` the view it left."""
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    (paths.data_dir / "ui-settings.ini").write_text(f"[window]\nlast_view={last_view}\n")
    window = app_module.build_shell(paths)
    qtbot.addWidget(window)
    window.show()
    return window


def _start(qtbot, paths, last_view: str, clock):
    """Start-up of the window left on `last_view`, its services on `clock`."""
    window = _shell(qtbot, paths, last_view)
    startup = app_module.finish_startup(window, paths, [], clock)
    # its modules may load on a worker first; it is made, then shown a step later
    qtbot.waitUntil(lambda: window.stack.currentWidget() in window.views.values())
    return window, startup


@pytest.fixture(autouse=True)
def _closed():
    yield
    for window in QApplication.topLevelWidgets():
        wait_for_workers(window)
    close_database()


def test_contacts_left_last_come_back_first_with_their_count(qtbot, network, clock) -> None:
    window, startup = _start(qtbot, network, "contacts", clock)
    assert list(window.views) == ["contacts"], "the shown view before any other"
    contacts = window.views["contacts"]
    assert current_view(window) == "contacts" and window.stack.currentWidget() is contacts
    assert contacts.model.rowCount() == 3
    qtbot.waitUntil(lambda: contacts.count_label.text() == "3 contacts")
    qtbot.waitUntil(lambda: startup.check is not None)  # on a worker, once the view has read
    qtbot.waitUntil(lambda: startup.done)
    assert list(window.views) == ["contacts"] + [
        spec.key for spec in window.specs if spec.key != "contacts"
    ]
    assert window.stack.currentWidget() is contacts and window.ready
    parts = (("events", "prep"), ("events", "panel"), ("me", "cards"), ("opportunities", "board"))
    for key, part in parts:
        assert made(window.views[key], part) is not None, "the parts made apart as well"
    file_menu = [action.text().replace("&", "") for action in window.menus["file"].actions()]
    assert {"Import…", "Sync now"} <= set(file_menu), "importing and sync are installed"


def test_the_shown_view_is_made_then_its_parts_then_shown_a_step_each(
    qtbot, network, monkeypatch, clock
) -> None:
    """Making Contacts, its editor, and their first layout and paint over 100,000 contacts were
    one stall of ~100 ms: the view is made hidden, its editor a turn later, and it is shown (laid
    out and painted) a turn after that."""
    window = _shell(qtbot, network, "contacts")
    turns: list[None] = []
    turning = QTimer()
    turning.timeout.connect(lambda: turns.append(None))  # 0 ms: once a turn of the event loop
    seen: list[tuple[str, int, bool, bool]] = []
    make, build = window.make_view, window.build_view

    def note(step: str, key: str) -> None:
        view = window.views.get(key)
        editor = view is not None and made(view, "editor") is not None
        seen.append((step, len(turns), editor, view is not None and view.isVisible()))

    def make_and_note(key: str) -> QWidget:
        view = make(key)
        note("made", key)
        return view

    def build_and_note(key: str) -> QWidget:
        note("shown", key)
        return build(key)

    monkeypatch.setattr(window, "make_view", make_and_note)
    monkeypatch.setattr(window, "build_view", build_and_note)
    turning.start(0)
    startup = app_module.finish_startup(window, network, [], clock)
    qtbot.waitUntil(lambda: startup.done)
    turning.stop()
    (_, made_at, editor_made, visible), (_, shown_at, editor_shown, visible_before) = [
        step for step in seen if step[0] in ("made", "shown")
    ][:2]
    assert not editor_made and not visible, "made hidden, its editor not yet"
    assert editor_shown and not visible_before, "the editor made before the view is shown"
    assert shown_at >= made_at + 2, "the editor's step between"
    assert window.stack.currentWidget() is window.views["contacts"]


@linux_only
def test_what_nobody_waits_for_runs_at_a_lower_priority(qtbot, network, monkeypatch, clock) -> None:
    """On two cores the check (~1 s over 100,000 contacts) took a core from the GUI thread
    while the other views were made; nobody waits for it, the day's backup or the phone
    numbers' warm-up while they run."""
    from netdesk.core import phones
    from netdesk.store import db as db_module

    priorities: dict[str, int] = {}

    def noted(name: str, work):
        def run(*args, **kwargs):
            priorities[name] = _nice()
            return work(*args, **kwargs)

        return run

    monkeypatch.setattr(db_module, "deferred_check", noted("check", db_module.deferred_check))
    monkeypatch.setattr(backup, "take_daily", noted("backup", backup.take_daily))
    monkeypatch.setattr(phones, "warm_up", noted("phones", phones.warm_up))
    window, startup = _start(qtbot, network, "contacts", clock)
    qtbot.waitUntil(lambda: startup.backup is not None)
    wait_for_workers(window)
    assert priorities == dict.fromkeys(("check", "backup", "phones"), _lowered())


def test_collecting_waits_until_the_start_up_is_over(qtbot, network, clock) -> None:
    """`netdesk` holds the garbage collector while the window starts; once every view is
    built it collects again, what start-up made frozen (kept for the session)."""
    frozen = gc.get_freeze_count()
    hold_for_startup()
    try:
        window, startup = _start(qtbot, network, "contacts", clock)
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: startup.done)
        assert gc.isenabled() and gc.get_freeze_count() > frozen
        assert window.views["contacts"].model.rowCount() == 3
    finally:
        gc.unfreeze()
        gc.enable()


def test_today_left_last_comes_back_with_its_figures(qtbot, network, clock) -> None:
    window, startup = _start(qtbot, network, "today", clock)
    today = window.views["today"]
    assert list(window.views) == ["today"] and window.stack.currentWidget() is today
    qtbot.waitUntil(lambda: not today.loading)
    figures = {label.text() for label in today.findChildren(QLabel)}
    assert "3" in figures and "people in your network" in figures
    qtbot.waitUntil(lambda: startup.done)
    assert current_view(window) == "today"
    assert made(window.views["contacts"], "editor") is not None, "made apart, before it is shown"


def test_a_timer_due_during_a_step_runs_before_the_next_step(
    qtbot, network, monkeypatch, clock
) -> None:
    """Each view made after the shown one is a stall of its own: a timer that came due while
    one was made (here a 5 ms one, as the bench's watchdog) runs before the next is made. With
    the steps posted at 0 ms, Qt ran the next step first: two views were made in one stall."""
    window = _shell(qtbot, network, "contacts")
    ticks: list[None] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(None))
    seen: list[int] = []  # the ticks so far when each view is made
    build = window.build_view

    def build_slowly(key: str) -> QWidget:
        if key not in window.views and window.views:
            seen.append(len(ticks))
            time.sleep(0.01)  # longer than the timer's interval
        return build(key)

    monkeypatch.setattr(window, "build_view", build_slowly)
    startup = app_module.finish_startup(window, network, [], clock)
    timer.start(5)
    qtbot.waitUntil(lambda: startup.done)
    timer.stop()
    assert len(seen) == len(window.specs) - 1
    assert all(after > before for before, after in pairwise(seen)), seen


def test_each_other_views_module_is_imported_a_step_before_it_is_made(
    qtbot, network, monkeypatch, clock
) -> None:
    """The shown view's too, and the importer's and sync's a step each before they are
    installed."""
    steps: list[tuple[str, str]] = []
    real_import = startup_module._import
    monkeypatch.setattr(
        startup_module,
        "_import",
        lambda names: steps.extend(("import", name) for name in names) or real_import(names),
    )
    real_install = app_module.install_tools
    monkeypatch.setattr(
        app_module,
        "install_tools",
        lambda *args: steps.append(("install", "tools")) or real_install(*args),
    )
    window = _shell(qtbot, network, "today")
    make = window.make_view

    def make_and_note(key: str) -> QWidget:
        if key not in window.views:
            steps.append(("build", key))
        return make(key)

    monkeypatch.setattr(window, "make_view", make_and_note)
    startup = app_module.finish_startup(window, network, [], clock)
    qtbot.waitUntil(lambda: startup.done)
    others = [spec for spec in window.specs if spec.key != "today"]
    wholes = {spec.module for spec in window.specs} | set(startup_module.TOOL_MODULES)
    views = [step for step in steps if step[0] != "import" or step[1] in wholes]
    assert views == [
        ("import", "netdesk.ui.today.view"),
        ("build", "today"),
        *(step for spec in others for step in (("import", spec.module), ("build", spec.key))),
        *(("import", module) for module in startup_module.TOOL_MODULES),
        ("install", "tools"),
    ]
    assert all(type(window.views[spec.key]).__module__.startswith(spec.module) for spec in others)


def test_the_reminders_start_a_turn_after_they_are_made(qtbot, network, clock) -> None:
    """The tray and banner are made a turn after the importer, the reminders started a turn
    later: what came due is announced (marked notified) once start-up is done. On the fake
    clock: by the real one, from 22:00 to 07:00 the default quiet hours hold it back."""
    open_database(network.database, daily_backup=False)
    FollowUp.create(contact=Contact.get(), due_at=clock.now() - timedelta(days=1))
    close_database()
    _window, startup = _start(qtbot, network, "contacts", clock)
    qtbot.waitUntil(lambda: startup.done)
    qtbot.waitUntil(lambda: FollowUp.get().notified_at is not None)


def test_the_notification_server_is_looked_for_on_a_worker(
    qtbot, network, monkeypatch, clock
) -> None:
    """Importing jeepney and waiting for the bus's answer happen off the GUI thread while the
    last steps run; the reminders wait for the answer and announce through the server found."""
    from netdesk.ui import notify
    from netdesk.ui.reminders import Reminders

    threads: list[threading.Thread] = []
    answer = threading.Event()
    router = SimpleNamespace(lost=False)

    def find_server() -> notify.Server:
        threads.append(threading.current_thread())
        answer.wait()  # the bus answers when the test says so
        return router, {"body-markup"}  # type: ignore[return-value]

    monkeypatch.setattr(notify, "find_server", find_server)
    window, startup = _start(qtbot, network, "today", clock)
    try:
        qtbot.waitUntil(lambda: startup._awaiting_server)
        assert [thread is threading.main_thread() for thread in threads] == [False]
        assert window.findChild(Reminders) is None and not startup.done
    finally:
        answer.set()
    qtbot.waitUntil(lambda: startup.done)
    desktop = window.findChild(Reminders).notifier.desktop
    assert desktop is not None and desktop._router is router


def test_the_time_zones_are_read_on_a_worker_before_events_is_made(
    qtbot, network, monkeypatch, clock
) -> None:
    from netdesk.core import event_times

    threads: list[threading.Thread] = []
    real = event_times.available_timezones
    monkeypatch.setattr(
        event_times,
        "available_timezones",
        lambda: threads.append(threading.current_thread()) or real(),
    )
    event_times.zone_names.cache_clear()
    window, startup = _start(qtbot, network, "today", clock)
    qtbot.waitUntil(lambda: startup.done)
    assert [thread is threading.main_thread() for thread in threads] == [False]
    assert window.views["events"].panel.editor.zone.count() == len(real()) + 1  # and Local


def test_the_days_backup_is_taken_once_checked_off_the_gui_thread(qtbot, network, clock) -> None:
    window, startup = _start(qtbot, network, "contacts", clock)
    assert backup.generations(network.database) == [], "not before the check and the views"
    qtbot.waitUntil(lambda: startup.checked and startup.done)
    qtbot.waitUntil(lambda: startup.backup is not None)
    wait_for_workers(window)  # as NetDesk does before it closes the store
    taken = backup.generations(network.database)
    assert len(taken) == 1 and taken[0].name.endswith("-daily.db")
    assert backup.contact_count(taken[0]) == 3


def test_the_days_backup_and_check_are_the_app_clocks_day(qtbot, network, clock, tokyo) -> None:
    """At 23:59 of the app's clock (nine hours ahead of UTC) the backup is that day's and the
    check is recorded on it: a start at 00:01 takes the next day's backup."""
    clock.set_wall(datetime(2026, 3, 11, 23, 59))
    window, startup = _start(qtbot, network, "contacts", clock)
    qtbot.waitUntil(lambda: startup.checked and startup.done and startup.backup is not None)
    wait_for_workers(window)
    names = [p.name for p in backup.generations(network.database)]
    assert names == ["netdesk-20260311-235900-daily.db"]
    close_database(clean=True)
    assert clean_close.last_full_check(network.database) == date(2026, 3, 11)
    clock.advance(120)
    assert app_module.open_store(network, clock=clock)
    close_database()
    names = [p.name for p in backup.generations(network.database)]
    assert names == ["netdesk-20260312-000100-daily.db", "netdesk-20260311-235900-daily.db"]


def test_a_file_handed_over_during_start_up_opens_once_the_views_are_ready(
    qtbot, network, tmp_path, clock
) -> None:
    window, startup = _start(qtbot, network, "today", clock)
    opened: list[list[str]] = []
    window.file_openers.append(lambda paths: opened.append(paths) or True)
    card = tmp_path / "card.vcf"
    card.write_text("BEGIN:VCARD\nFN:Di Eve\nEND:VCARD\n")
    assert not window.ready and window.open_files([str(card)])
    assert opened == []
    qtbot.waitUntil(lambda: startup.done)
    assert opened == [[str(card)]]


def test_modules_not_loaded_yet_load_on_a_worker_then_go_on_here(qtbot, paths, clock) -> None:
    import threading

    from netdesk.ui.startup import Startup

    if "tabnanny" in sys.modules:
        pytest.skip("tabnanny is imported already")
    window = app_module.build_shell(paths)
    qtbot.addWidget(window)
    startup = Startup(window, paths, [], clock)
    here: list[bool] = []
    on_gui_thread = lambda: here.append(threading.current_thread() is threading.main_thread())  # noqa: E731
    assert startup._load_then(["tabnanny"], on_gui_thread)
    qtbot.waitUntil(lambda: here == [True])
    assert "tabnanny" in sys.modules
    assert not startup._load_then(["tabnanny"], on_gui_thread), "loaded: nothing to wait for"


def test_the_store_modules_load_on_a_worker_from_when_the_window_is_made(
    qtbot, paths, monkeypatch, tmp_path, clock
) -> None:
    """`build_shell` begins loading what the store and the shown view need (`Preload`), and
    planning the order of the view's own modules: on a worker, through the window's first
    paint; start-up opens the store once it is loaded."""

    (tmp_path / "preload_probe.py").write_text(
        "import threading, time\ntime.sleep(0.2)\nTHREAD = threading.current_thread()\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    modules = (*startup_module.STORE_MODULES, "preload_probe")
    monkeypatch.setattr(startup_module, "STORE_MODULES", modules)
    planned: list[tuple[str, bool]] = []
    real_ui_parts = startup_module.ui_parts
    monkeypatch.setattr(
        startup_module,
        "ui_parts",
        lambda module: (
            planned.append((module, threading.current_thread() is threading.main_thread()))
            or real_ui_parts(module)
        ),
    )
    loaded_when_opened: list[bool] = []
    real_open_store = app_module.open_store
    monkeypatch.setattr(
        app_module,
        "open_store",
        lambda paths, **later: (
            loaded_when_opened.append(preload.done) or real_open_store(paths, **later)
        ),
    )
    try:
        window = _shell(qtbot, paths, "contacts")
        preload = window.findChild(startup_module.Preload)
        assert preload is not None and not preload.done
        app_module.finish_startup(window, paths, [], clock)
        qtbot.waitUntil(lambda: bool(window.views))
        assert loaded_when_opened == [True]
        assert sys.modules["preload_probe"].THREAD is not threading.main_thread()
        assert [on_gui for module, on_gui in planned if module.endswith("contacts.view")] == [False]
    finally:
        sys.modules.pop("preload_probe", None)


def test_every_menu_item_works_before_the_store_opens(qtbot, paths, monkeypatch) -> None:
    """While the store opens (or upgrades) the window already has menus: each item there is
    enabled and does what it says (Help's dialogs and files, the views), none fails."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from netdesk.ui.about import AboutDialog
    from netdesk.ui.shortcuts_dialog import ShortcutsDialog

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    quits: list[int] = []
    monkeypatch.setattr(app_module.QApplication, "quit", lambda: quits.append(1))
    paths.log_file.parent.mkdir(parents=True, exist_ok=True)
    paths.log_file.write_text("started\n")
    window = app_module.build_shell(paths)
    qtbot.addWidget(window)
    window.show()
    assert window.services is None and not window.views
    items = [
        action
        for menu in window.menus.values()
        for action in menu.actions()
        if not action.isSeparator() and action.isVisible()
    ]
    assert all(action.isEnabled() for action in items), [a.text() for a in items]
    for spec, action in zip(window.specs, window.menus["view"].actions(), strict=True):
        action.trigger()
        assert current_view(window) == spec.key
    window.help_actions[0].trigger()
    assert window.findChild(ShortcutsDialog).isVisible()
    window.help_actions[1].trigger()
    window.help_actions[2].trigger()
    assert opened == [QUrl.fromLocalFile(str(p)) for p in (paths.data_dir, paths.log_file)]
    window.help_actions[3].trigger()
    about = window.findChild(AboutDialog)
    assert about.isVisible() and str(paths.database) in about.summary.text()
    window.quit_action.trigger()
    assert quits == [1]


def test_installing_sync_leaves_the_shown_view_its_size(qtbot, network, monkeypatch, clock) -> None:
    """Sync's status button joins the status bar after start-up without growing it (the shown
    view relaid out and repainted in that turn)."""
    from PySide6.QtWidgets import QApplication

    from netdesk.ui.sync.status import SyncStatusButton

    sizes = []
    real_install = app_module.install_tools

    def install(window, services) -> None:
        sizes.append(window.stack.size())
        real_install(window, services)

    monkeypatch.setattr(app_module, "install_tools", install)
    window = _shell(qtbot, network, "today")
    startup = app_module.finish_startup(window, network, [], clock)
    qtbot.waitUntil(lambda: startup.done)
    QApplication.processEvents()  # the layout the button asked for
    assert window.statusBar().findChild(SyncStatusButton).isVisible()
    assert window.stack.size() == sizes[0]
