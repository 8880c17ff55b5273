"""The GUI shell through pytest-qt: views, state, hand-over, crash dialog, damaged store."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from netdesk.store import backup
from netdesk.store.db import close_database, open_database
from netdesk.store.models import Contact
from netdesk.ui.about import AboutDialog
from netdesk.ui.app import open_store, settings_for
from netdesk.ui.crash import CrashReporter
from netdesk.ui.main_window import MainWindow
from netdesk.ui.single_instance import InstanceServer, send_to_running
from netdesk.ui.views import ViewSpec
from tests.ui.windows import build_window, current_view


def _label_view(text: str):
    return lambda services, settings: QLabel(text)


VIEWS = [
    ViewSpec("one", "One", "today", _label_view("first")),
    ViewSpec("two", "Two", "contacts", _label_view("second")),
    ViewSpec("three", "Three", "events", _label_view("third")),
]


@pytest.fixture
def window(qtbot, services, paths):
    win = MainWindow(services, VIEWS, settings_for(paths))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_ctrl_number_switches_views(window, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert current_view(window) == "three"
    assert window.stack.currentWidget().text() == "third"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert current_view(window) == "two"


def test_sidebar_click_switches_view(window, qtbot) -> None:
    item = window.sidebar.item(1)
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget().text() == "second"


def test_geometry_and_last_view_are_restored(qtbot, services, paths) -> None:
    first = MainWindow(services, VIEWS, settings_for(paths))
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 530)
    first.show_view("three")
    first.close()
    second = MainWindow(services, VIEWS, settings_for(paths))
    qtbot.addWidget(second)
    assert current_view(second) == "three"
    assert (second.width(), second.height()) == (720, 530)


def test_about_names_version_data_location_and_licence(window, paths) -> None:
    window.about_action.trigger()
    about = window.findChild(AboutDialog)
    assert about.isVisible()
    assert str(paths.database) in about.summary.text()
    assert "NetDesk 0.1.0" in about.summary.text()
    assert about.licences.toPlainText().startswith("MIT License\n")
    about.close()


def test_second_launch_hands_files_to_the_first(qtbot, paths, tmp_path: Path) -> None:
    server = InstanceServer(paths.socket_name)
    card = tmp_path / "friend.vcf"
    card.write_text("BEGIN:VCARD\nEND:VCARD\n")
    try:
        with qtbot.waitSignal(server.files_received, timeout=3000) as received:
            assert send_to_running(paths.socket_name, [str(card)])
        assert received.args == [[str(card)]]
    finally:
        server.close()
    assert not send_to_running(paths.socket_name, [])


def test_a_socket_file_left_by_a_crash_is_no_running_instance(paths) -> None:
    from PySide6.QtCore import QDir

    left = Path(QDir(QDir.tempPath()).filePath(paths.socket_name))
    left.write_bytes(b"")
    try:
        assert not send_to_running(paths.socket_name, ["/tmp/a.vcf"])
    finally:
        left.unlink()


def test_handed_over_files_reach_the_window(qtbot, paths, clock, database) -> None:
    server = InstanceServer(paths.socket_name)
    window = build_window(paths, server, clock=clock)
    qtbot.addWidget(window)
    opened: list[list[str]] = []
    window.open_files = opened.append  # the importer's entry point
    server.files_received.disconnect()
    server.files_received.connect(lambda files: window.open_files(files))
    try:
        with qtbot.waitSignal(server.files_received, timeout=3000):
            send_to_running(paths.socket_name, ["/tmp/a.vcf"])
        assert opened == [["/tmp/a.vcf"]]
    finally:
        server.close()


def test_dropping_files_emits_their_paths(window, qtbot, tmp_path: Path) -> None:
    card = tmp_path / "drop.vcf"
    card.write_text("BEGIN:VCARD\nEND:VCARD\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(card))])
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.files_dropped) as dropped:
        window.dropEvent(event)
    assert dropped.args == [[str(card)]]


def test_uncaught_exception_shows_dialog_and_logs(qtbot, paths) -> None:
    reporter = CrashReporter(paths.log_file)
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    from netdesk.ui.crash import setup_logging

    setup_logging(paths.log_file)
    note = " ".join(["boom", "in", "a", "slot"])  # contact text: not in the source line either
    try:
        raise ValueError(f"note: {note}")
    except ValueError:
        reporter.handle(*sys.exc_info())
    assert reporter.dialogs == []  # never opened inside the hook: it waits for the event loop
    qtbot.waitUntil(lambda: bool(reporter.dialogs))
    box = reporter.dialogs[0]
    assert str(paths.log_file) in box.text()
    assert "boom in a slot" in box.detailedText()
    assert box.textFormat() == Qt.TextFormat.PlainText
    logged = paths.log_file.read_text()
    assert "builtins.ValueError" in logged and "test_shell.py" in logged
    assert "boom in a slot" not in logged  # an exception's message may quote contact text
    box.close()


def test_exception_in_a_worker_thread_reaches_the_dialog(qtbot, paths) -> None:
    reporter = CrashReporter(paths.log_file)
    reporter.install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(reporter.dialogs))
        assert "ZeroDivisionError" in reporter.dialogs[0].detailedText()
    finally:
        reporter.uninstall()
        for box in list(reporter.dialogs):
            box.close()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:12288] = b"\x13\x37" * 4096
    path.write_bytes(bytes(data))


def _store_with_a_backup(paths) -> None:
    database = open_database(paths.database)
    for index in range(300):
        Contact.create(display_name=f"Person {index}", notes="n" * 300)
    backup.take(database, paths.database, reason="manual")
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    _damage(paths.database)


def test_damaged_store_offers_newest_backup(paths) -> None:
    _store_with_a_backup(paths)
    offered: list[Path | None] = []

    def accept(error, newest):
        offered.append(newest)
        return True

    try:
        assert open_store(paths, ask=accept)
        assert Contact.select().count() == 300
    finally:
        close_database()
    assert offered and offered[0] is not None
    assert list(paths.data_dir.glob("netdesk.db.damaged-*"))


def test_damaged_store_declined_is_left_untouched(paths) -> None:
    _store_with_a_backup(paths)
    damaged = paths.database.read_bytes()
    assert not open_store(paths, ask=lambda error, newest: False)
    assert paths.database.read_bytes() == damaged


def test_build_window_shows_today(qtbot, paths, clock, database) -> None:
    window = build_window(paths, clock=clock)
    qtbot.addWidget(window)
    window.show()
    assert current_view(window) == "today"
    assert "people in your network" in {label.text() for label in window.findChildren(QLabel)}
    assert isinstance(QApplication.instance(), QApplication)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_shell_paints_first_and_gets_its_views_after(qtbot, paths, monkeypatch, clock) -> None:
    from netdesk.ui import app as app_module
    from netdesk.ui.app import build_shell, finish_startup

    window = build_shell(paths)
    qtbot.addWidget(window)
    window.show()
    assert window.views == {} and window.about_action.isEnabled()  # About works meanwhile
    opened: list[list[str]] = []
    window.open_files = opened.append
    told: list[str] = []
    real_open_store = app_module.open_store

    def open_store(paths, **later) -> bool:
        told.append(window.statusBar().currentMessage())
        return real_open_store(paths, **later)

    monkeypatch.setattr(app_module, "open_store", open_store)
    try:
        startup = finish_startup(window, paths, ["/tmp/x.vcf"], clock)
        qtbot.waitUntil(lambda: bool(window.views))  # modules load on a worker, then a turn each
        assert told == ["Opening your network…"]
        assert list(window.views) == ["today"], "the shown view first"
        qtbot.waitUntil(lambda: startup.done)
        assert list(window.views) == [spec.key for spec in window.specs]
        assert window.stack.currentWidget() is window.views["today"]
        assert window.about_action.isEnabled()
        assert opened == [["/tmp/x.vcf"]]
    finally:
        close_database()


def _start_over_damage(qtbot, paths, monkeypatch, clock, restore: bool):
    """Start-up over a damaged file that the glance at its header passes: the views begin, the
    check on its worker finds the damage. The startup, the questions asked, the exit codes."""
    from netdesk.ui import app as app_module

    _store_with_a_backup(paths)
    asked: list[object] = []
    monkeypatch.setattr(
        app_module, "ask_restore", lambda error, newest: asked.append(error) or restore
    )
    exits: list[int] = []
    monkeypatch.setattr(app_module.QApplication, "exit", lambda code=0: exits.append(code))
    window = app_module.build_shell(paths)
    qtbot.addWidget(window)
    window.show()
    startup = app_module.finish_startup(window, paths, [], clock)
    qtbot.waitUntil(lambda: startup.check is not None)  # on a worker, once the view has read
    return startup, asked, exits


def test_damage_found_off_the_gui_thread_is_told_and_nothing_is_written(
    qtbot, paths, monkeypatch, clock
) -> None:
    from netdesk.store.db import writes_refused

    startup, asked, exits = _start_over_damage(qtbot, paths, monkeypatch, clock, restore=False)
    damaged = paths.database.read_bytes()
    try:
        qtbot.waitUntil(lambda: exits == [1])
        assert [type(error).__name__ for error in asked] == ["DamagedDatabaseError"]
        assert asked[0].problems, "the user is shown what the check found"  # type: ignore[attr-defined]
        assert writes_refused()
        with pytest.raises(Exception, match="not authorized"):
            Contact.create(display_name="Never written")
        assert startup.backup is None, "no backup of a damaged file"
    finally:
        close_database()
    assert paths.database.read_bytes() == damaged


def test_damage_found_off_the_gui_thread_restores_the_backup_and_starts_again(
    qtbot, paths, monkeypatch, clock
) -> None:
    from netdesk.ui.startup import RESTART

    _startup, asked, exits = _start_over_damage(qtbot, paths, monkeypatch, clock, restore=True)
    qtbot.waitUntil(lambda: exits == [RESTART])
    assert len(asked) == 1 and list(paths.data_dir.glob("netdesk.db.damaged-*"))
    try:
        assert open_store(paths)
        assert Contact.select().count() == 300
    finally:
        close_database()


def test_start_up_work_waits_for_the_first_paint(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QWidget

    from netdesk.ui import app as app_module

    calls: list[bool] = []
    shown = QWidget()
    qtbot.addWidget(shown)
    app_module.after_first_paint(shown, lambda: calls.append(shown.isVisible()))
    assert calls == []
    shown.show()
    qtbot.waitUntil(lambda: calls == [True])
    shown.update()
    qtbot.wait(50)
    assert calls == [True]
    monkeypatch.setattr(app_module, "FIRST_PAINT_WAIT_MS", 10)
    hidden = QWidget()
    qtbot.addWidget(hidden)
    app_module.after_first_paint(hidden, lambda: calls.append(hidden.isVisible()))
    qtbot.waitUntil(lambda: calls == [True, False])


def test_after_the_first_paint_the_rings_then_the_server_then_the_views_start(
    qtbot, paths, monkeypatch
) -> None:
    from netdesk.ui import focus_ring
    from netdesk.ui.app import build_shell, start_after_first_paint

    installed: list[object] = []
    monkeypatch.setattr(focus_ring.FocusRings, "install", staticmethod(installed.append))
    window = build_shell(paths)
    qtbot.addWidget(window)
    window.show()
    opened: list[list[str]] = []
    window.open_files = opened.append
    servers: list[InstanceServer] = []
    app = QApplication.instance()
    try:
        startup = start_after_first_paint(app, window, paths, [], servers)
        assert installed == [app], "focus rings drawn from the first paint on"
        assert servers == [] and startup.services is None, "each a turn of its own"
        qtbot.waitUntil(lambda: len(servers) == 1)
        qtbot.waitUntil(lambda: startup.done)
        assert list(window.views) == [spec.key for spec in window.specs]
        with qtbot.waitSignal(servers[0].files_received, timeout=3000):
            assert send_to_running(paths.socket_name, ["/tmp/later.vcf"])
        qtbot.waitUntil(lambda: opened == [["/tmp/later.vcf"]])
    finally:
        for server in servers:
            server.close()
        close_database()
