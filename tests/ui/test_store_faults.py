"""Store faults in the GUI (pytest-qt): an empty file where backups exist, a read-only folder, a
newer NetDesk's file, another process writing: a message in words, never a traceback."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from netdesk.core.faults import BUSY_MESSAGE, READ_ONLY_MESSAGE
from netdesk.formats.draft import ContactDraft
from netdesk.paths import Paths
from netdesk.store import migrations
from netdesk.store.db import close_database
from netdesk.store.models import Contact
from netdesk.ui import app as app_module
from netdesk.ui.crash import CrashReporter
from netdesk.ui.main_window import MainWindow
from netdesk.ui.read_only import ReadOnlyLock
from netdesk.ui.store_faults import restore_box
from netdesk.ui.tasks import Task
from tests.fault_helpers import read_only_folder, write_lock_held
from tests.store.test_store_faults import _set_version, network_with_backup

NOT_SAVED = "\n\nWhat you were doing was not saved."


@pytest.fixture
def told(monkeypatch) -> list[str]:
    """What start-up told the user it cannot open (instead of a modal dialog)."""
    reasons: list[str] = []
    monkeypatch.setattr(app_module, "tell_cannot_open", reasons.append)
    return reasons


@pytest.fixture
def asked(monkeypatch) -> list[object]:
    """The errors start-up asked about restoring a backup for (the answer: yes)."""
    errors: list[object] = []
    monkeypatch.setattr(app_module, "ask_restore", lambda error, newest: errors.append(error) or 1)
    return errors


@pytest.fixture
def exits(monkeypatch) -> list[int]:
    codes: list[int] = []
    monkeypatch.setattr(app_module.QApplication, "exit", lambda code=0: codes.append(code))
    return codes


def _start(qtbot: QtBot, paths: Paths, clock) -> MainWindow:
    window = app_module.build_shell(paths)
    qtbot.addWidget(window)
    window.show()
    startup = app_module.finish_startup(window, paths, [], clock)
    qtbot.waitUntil(lambda: startup.ended)
    return window


def test_an_empty_database_with_backups_is_restored_and_kept_aside(
    qtbot, paths, asked, clock
) -> None:
    network_with_backup(paths.database)
    paths.database.write_bytes(b"")
    window = _start(qtbot, paths, clock)
    try:
        assert [type(error).__name__ for error in asked] == ["EmptyDatabaseError"]
        assert Contact.select().count() == 3
        assert "contacts" in window.views
    finally:
        close_database()
    kept = list(paths.data_dir.glob("netdesk.db.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b""


def test_the_restore_question_says_the_file_is_empty(qtbot, tmp_path) -> None:
    box = restore_box(tmp_path / "netdesk.db", ["x"], tmp_path / "netdesk-1-daily.db", True)
    qtbot.addWidget(box)
    assert box.text().startswith(
        f"Your NetDesk database is empty or missing, but its backups hold your network:\n"
        f"{tmp_path / 'netdesk.db'}\n\nNetDesk has not started a new one over it."
    )
    assert "Restore the newest good backup (netdesk-1-daily.db)?" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText


def test_a_read_only_folder_opens_read_only_and_never_offers_a_restore(
    qtbot, paths, asked, told, exits, clock
) -> None:
    network_with_backup(paths.database)
    with read_only_folder(paths.data_dir):
        window = _start(qtbot, paths, clock)  # its logs/ cannot be made either: no traceback
        try:
            assert (asked, told, exits) == ([], [], [])
            assert window.windowTitle() == "NetDesk (read-only)"
            notice = window.findChild(QLabel, "readOnlyNotice")
            assert notice.text().startswith(
                f"Read-only: NetDesk cannot write to {paths.data_dir}, so editing is off."
            )
            contacts = window.show_view("contacts")
            qtbot.keyClicks(contacts.search, "Person 2")
            qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)
            # the views made after the store opened read-only have their editing off
            assert not contacts.controller.new_action.isEnabled()
            assert not contacts.new_button.isEnabled()
            assert not window.show_view("events").new_button.isEnabled()
            reporter = CrashReporter(paths.log_file)
            try:
                window.services.contacts.create(ContactDraft(given_name="New"))
            except Exception:
                reporter.handle(*sys.exc_info())
            qtbot.waitUntil(lambda: bool(reporter.dialogs))
            assert reporter.dialogs[0].text() == READ_ONLY_MESSAGE + NOT_SAVED
            assert reporter.dialogs[0].detailedText() == ""
            reporter.dialogs[0].close()
        finally:
            close_database()
            QApplication.instance().removeEventFilter(window.findChild(ReadOnlyLock))
    assert not paths.log_dir.exists()
    assert not list(paths.data_dir.glob("netdesk.db.damaged-*"))


def test_a_newer_netdesk_database_is_refused_with_a_message(
    qtbot, paths, told, exits, clock
) -> None:
    network_with_backup(paths.database)
    newer = migrations.latest_version() + 1  # whatever the current schema is
    _set_version(paths.database, newer)
    before = paths.database.read_bytes()
    window = _start(qtbot, paths, clock)
    assert exits == [1] and window.views == {}
    assert len(told) == 1 and f"comes from a newer NetDesk (schema version {newer}" in told[0]
    assert paths.database.read_bytes() == before


def test_another_netdesk_writing_is_a_message_not_a_traceback(qtbot, paths, clock) -> None:
    network_with_backup(paths.database)
    window = _start(qtbot, paths, clock)
    reporter = CrashReporter(paths.log_file)
    try:
        from netdesk.store.models import db

        db.obj.execute_sql("PRAGMA busy_timeout = 200")
        failures: list[str] = []
        task = Task(lambda _progress: window.services.contacts.create(ContactDraft(given_name="B")))
        task.failed.connect(lambda message, _details: failures.append(message))
        with write_lock_held(paths.database):
            try:
                window.services.contacts.create(ContactDraft(given_name="A"))
            except Exception:
                reporter.handle(*sys.exc_info())
            task.run_here()
        qtbot.waitUntil(lambda: bool(reporter.dialogs))
        assert reporter.dialogs[0].text() == BUSY_MESSAGE + NOT_SAVED
        assert reporter.dialogs[0].detailedText() == ""
        assert failures == [BUSY_MESSAGE]
        assert Contact.select().count() == 3
        for box in list(reporter.dialogs):
            box.close()
    finally:
        close_database()
    assert not [w for w in window.findChildren(QMessageBox) if w.isVisible()]
