"""Start-up over an older store: the upgrade runs on a worker while the window shows its step."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

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
from netdesk.ui.startup import Startup
from netdesk.ui.upgrade import StoreUpgrade, UpgradePage

LATEST = migrations.latest_version()
OLDER = Path(__file__).parents[1] / "store" / "fixtures" / f"schema_v{LATEST - 1}.db"
"""The store one step behind: its upgrade is that step plus the ones a test adds."""


@pytest.fixture
def shell(qtbot, paths):
    """The window before its views, over a copy of the fixture one step behind."""
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(OLDER, paths.database)
    window = build_shell(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    close_database()


def _add_step(monkeypatch, step) -> None:
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, step])


def _upgrade_until_held(
    qtbot, shell, paths, monkeypatch, count: int, clock
) -> tuple[threading.Event, UpgradePage]:
    """Start the upgrade with `count` more steps that each wait for the returned gate; return it
    and the page once the first of them runs (step 1 is the fixture's own)."""
    gate = threading.Event()

    def held(database: Database, migrator: SqliteMigrator) -> None:
        """Wait for the test."""
        assert gate.wait(10)

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, *[held] * count])
    finish_startup(shell, paths, [], clock)
    # the page comes once the store's modules are loaded (on a worker, unless a test before did)
    qtbot.waitUntil(lambda: shell.findChild(UpgradePage) is not None)
    page = shell.findChild(UpgradePage)
    qtbot.waitUntil(lambda: page.step.text() == f"Step 2 of {count + 1}: Wait for the test.")
    return gate, page


def test_the_window_stays_live_while_the_store_upgrades(
    qtbot, shell, paths, monkeypatch, tmp_path, clock
) -> None:
    gate, page = _upgrade_until_held(qtbot, shell, paths, monkeypatch, 1, clock)
    try:
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
    qtbot.waitUntil(lambda: shell.findChild(Startup).done)
    assert shell.sidebar.isEnabled() and shell.menus["view"].isEnabled()
    assert shell.stack.currentWidget() is shell.views["today"]
    qtbot.waitUntil(lambda: shell.findChild(UpgradePage) is None)  # deleteLater: a later turn
    assert shell.findChild(ImportDialog).isVisible() and shell.waiting_files == []
    contacts = shell.show_view("contacts")
    qtbot.keyClicks(contacts.search, "jurg")
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)
    assert migrations.current_version(db.obj) == LATEST + 1
    assert backup.generations(paths.database)[0].name.endswith("-pre-migration.db")


@pytest.mark.parametrize("close", ["close", "quit_app"])
def test_closing_during_the_upgrade_finishes_the_step_then_closes(
    qtbot, shell, paths, monkeypatch, close, clock
) -> None:
    """The running step ends whole, no further one starts, the window closes without views
    (closing the last window is what quits NetDesk then)."""
    quits: list[int] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(1))
    gate, page = _upgrade_until_held(qtbot, shell, paths, monkeypatch, 2, clock)
    try:
        getattr(shell, close)()
        assert shell.isVisible() and quits == []
        assert page.step.text().startswith("Finishing the upgrade…")
        assert shell.statusBar().currentMessage() == "Finishing the upgrade…"
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not shell.isVisible())
    assert shell.views == {} and shell.findChild(StoreUpgrade).error_box is None
    assert migrations.current_version(db.obj) == LATEST + 1  # step 2 whole, step 3 not begun


def test_closing_during_the_last_step_leaves_the_store_upgraded(
    qtbot, shell, paths, monkeypatch, clock
) -> None:
    gate, _page = _upgrade_until_held(qtbot, shell, paths, monkeypatch, 1, clock)
    try:
        assert not shell.close()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not shell.isVisible())
    assert shell.views == {} and migrations.current_version(db.obj) == LATEST + 1


def test_closing_during_the_copy_leaves_the_store_untouched(
    qtbot, shell, paths, monkeypatch, clock
) -> None:
    gate, copying = threading.Event(), threading.Event()
    take = backup.take

    def held_take(*args: Any, **kwargs: Any) -> Path:
        copying.set()
        assert gate.wait(10)
        return take(*args, **kwargs)

    monkeypatch.setattr(backup, "take", held_take)
    try:
        finish_startup(shell, paths, [], clock)
        qtbot.waitUntil(copying.is_set)
        assert not shell.close()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not shell.isVisible())
    assert migrations.current_version(db.obj) == LATEST - 1


def test_a_failed_upgrade_says_where_the_backup_is(qtbot, shell, paths, monkeypatch, clock) -> None:
    def broken(database: Database, migrator: SqliteMigrator) -> None:
        """Break."""
        raise RuntimeError("disk full")

    _add_step(monkeypatch, broken)
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    finish_startup(shell, paths, [], clock)
    qtbot.waitUntil(lambda: shell.findChild(StoreUpgrade) is not None)
    upgrade = shell.findChild(StoreUpgrade)
    qtbot.waitUntil(lambda: upgrade.error_box is not None)
    text = upgrade.error_box.text()
    assert "disk full" in text and str(backup.generations(paths.database)[0]) in text
    assert exits == []
    upgrade.error_box.reject()
    assert exits == [1]
    assert shell.views == {} and not shell.sidebar.isEnabled()
    assert migrations.current_version(db.obj) == LATEST


def test_an_up_to_date_store_opens_without_a_worker(qtbot, paths, database, clock) -> None:
    window = build_shell(paths)
    qtbot.addWidget(window)
    finish_startup(window, paths, [], clock)
    # at once when the store's modules are loaded already; else once a worker has loaded them
    qtbot.waitUntil(lambda: "today" in window.views)
    assert window.findChild(StoreUpgrade) is None
