"""Start-up over an older store: the upgrade runs on a worker while the window shows its step."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from peewee import Database
from playhouse.migrate import SqliteMigrator
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from netdesk.store import backup, migrations
from netdesk.store.db import close_database
from netdesk.store.models import db
from netdesk.ui.app import build_shell, finish_startup
from netdesk.ui.importing.dialog import ImportDialog
from netdesk.ui.upgrade import StoreUpgrade, UpgradePage

SCHEMA_V1 = Path(__file__).parents[1] / "store" / "fixtures" / "schema_v1.db"


@pytest.fixture
def shell(qtbot, paths):
    """The window before its views, over a copy of the schema-v1 fixture."""
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(SCHEMA_V1, paths.database)
    window = build_shell(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    close_database()


def _add_step(monkeypatch, step) -> None:
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, step])


def test_the_window_stays_live_while_the_store_upgrades(
    qtbot, shell, paths, monkeypatch, tmp_path
) -> None:
    gate = threading.Event()

    def held(database: Database, migrator: SqliteMigrator) -> None:
        """Wait for the test."""
        assert gate.wait(10)

    _add_step(monkeypatch, held)
    try:
        finish_startup(shell, paths, [])
        page = shell.findChild(UpgradePage)
        qtbot.waitUntil(lambda: page.step.text() == "Step 2 of 2: Wait for the test.")
        ticks: list[int] = []
        QTimer.singleShot(0, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: ticks == [1])
        assert shell.stack.currentWidget() is page
        assert not shell.sidebar.isEnabled() and not shell.menus["view"].isEnabled()
        assert shell.views == {}
        card = tmp_path / "handed over.vcf"
        card.write_text("BEGIN:VCARD\nFN:Ann Lee\nEND:VCARD\n")
        assert shell.open_files([str(card)])  # a second launch: waits for the views
    finally:
        gate.set()
    qtbot.waitUntil(lambda: "contacts" in shell.views)
    assert shell.sidebar.isEnabled() and shell.menus["view"].isEnabled()
    assert shell.stack.currentWidget() is shell.views["today"]
    assert shell.findChild(UpgradePage) is None
    assert shell.findChild(ImportDialog).isVisible() and shell.waiting_files == []
    contacts = shell.show_view("contacts")
    qtbot.keyClicks(contacts.search, "jurg")
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)
    assert migrations.current_version(db.obj) == 3
    assert backup.generations(paths.database)[0].name.endswith("-pre-migration.db")


def test_a_failed_upgrade_says_where_the_backup_is(qtbot, shell, paths, monkeypatch) -> None:
    def broken(database: Database, migrator: SqliteMigrator) -> None:
        """Break."""
        raise RuntimeError("disk full")

    _add_step(monkeypatch, broken)
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    finish_startup(shell, paths, [])
    upgrade = shell.findChild(StoreUpgrade)
    qtbot.waitUntil(lambda: upgrade.error_box is not None)
    text = upgrade.error_box.text()
    assert "disk full" in text and str(backup.generations(paths.database)[0]) in text
    assert exits == []
    upgrade.error_box.reject()
    assert exits == [1]
    assert shell.views == {} and not shell.sidebar.isEnabled()
    assert migrations.current_version(db.obj) == 2


def test_an_up_to_date_store_opens_without_a_worker(qtbot, paths, database) -> None:
    window = build_shell(paths)
    qtbot.addWidget(window)
    finish_startup(window, paths, [])
    assert "today" in window.views
    assert window.findChild(StoreUpgrade) is None
