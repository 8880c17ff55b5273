"""File → Export… "NetDesk JSON (everything)" and reading an export back from the window: the
question first (Replace everything, Cancel the default, when the database holds data), progress
with Cancel off the GUI thread, refusals in plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact
from netdesk.ui.importing.controller import ImportController
from netdesk.ui.tasks import Task
from tests.db_snapshot import dump_database


@pytest.fixture
def controller(app_window) -> ImportController:
    return app_window.findChild(ImportController)


def _names() -> list[str]:
    return [c.display_name for c in Contact.select().order_by(Contact.id)]


def _export(window, controller, qtbot, tmp_path: Path, monkeypatch) -> Path:
    target = tmp_path / "everything"
    chosen = "NetDesk JSON (everything) (*.json)"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen))
    assert controller.export_action.text() == "&Export…"
    controller.export_action.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported everything"))
    return target.with_suffix(".json")


def _question(controller, qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: controller.whole.question is not None)
    return controller.whole.question


def test_export_then_replace_from_a_drop(app_window, controller, qtbot, tmp_path, monkeypatch):
    services = app_window.services
    ann = services.contacts.create(ContactDraft(display_name="Ann Lee"))
    export = _export(app_window, controller, qtbot, tmp_path, monkeypatch)
    assert export.exists() and '"display_name": "Ann Lee"' in export.read_text()
    services.contacts.create(ContactDraft(display_name="Bo Ray"))
    stacks = app_window.findChildren(QUndoStack)
    stacks[0].push(QUndoCommand("a change to the database being replaced"))
    assert app_window.open_files([str(export)])
    box = _question(controller, qtbot)
    assert "REPLACES everything" in box.text() and "backup" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    replace = next(b for b in box.buttons() if b.text() == "Replace everything")
    replace.click()
    qtbot.waitUntil(lambda: app_window.statusBar().currentMessage().startswith("Imported"))
    assert _names() == ["Ann Lee"] and Contact.get_by_id(ann).display_name == "Ann Lee"
    assert "the database as it was is kept in" in app_window.statusBar().currentMessage()
    assert stacks and all(stack.count() == 0 for stack in stacks)
    contacts = app_window.show_view("contacts")
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)


def test_cancel_at_the_question_changes_nothing(
    app_window, controller, qtbot, tmp_path, monkeypatch
):
    app_window.services.contacts.create(ContactDraft(display_name="Ann Lee"))
    export = _export(app_window, controller, qtbot, tmp_path, monkeypatch)
    before = dump_database(app_window.services.paths.database)
    controller.open_files([str(export)])
    _question(controller, qtbot).button(QMessageBox.StandardButton.Cancel).click()
    assert controller.whole.task is not None and controller.whole.task is controller.export_task
    assert dump_database(app_window.services.paths.database) == before


def test_cancel_while_importing_leaves_the_database_as_it_was(
    app_window, controller, qtbot, tmp_path, monkeypatch
):
    app_window.services.contacts.create(ContactDraft(display_name="Ann Lee"))
    export = _export(app_window, controller, qtbot, tmp_path, monkeypatch)
    before = dump_database(app_window.services.paths.database)
    monkeypatch.setattr(Task, "start", lambda self, pool=None: None)  # run it here, below
    task = controller.whole.import_file(export, replace=True)
    controller.whole.progress.findChild(QPushButton).click()  # the progress dialog's Cancel
    task.run_here()
    assert app_window.statusBar().currentMessage() == "Cancelled: nothing changed"
    assert dump_database(app_window.services.paths.database) == before


def test_an_empty_database_is_asked_to_import(tokyo, app_window, controller, qtbot, tmp_path):
    from tests.core import full_database
    from tests.core.test_json_round_trip import _exported

    _, export = _exported(tmp_path / "source")
    from netdesk.store.db import open_database

    open_database(app_window.services.paths.database)  # _exported closed the shared binding
    controller.open_files([str(export)])
    box = _question(controller, qtbot)
    assert box.text().startswith(
        "Import everything in export.json (exported Wed, 11 Mar 2026 23:30 by"
    )
    next(b for b in box.buttons() if b.text() == "Import").click()
    qtbot.waitUntil(lambda: app_window.statusBar().currentMessage().startswith("Imported"))
    assert len(_names()) == len(full_database.ROWS[Contact])


def test_a_malformed_file_is_named_with_its_line(app_window, controller, qtbot, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "netdesk",\n "format_version": 1 "x": 2}')
    controller.open_files([str(bad)])
    box = _question(controller, qtbot)
    assert box.windowTitle() == "Cannot import bad.json"
    assert "expected , or } between members (line 2, column 22)" in box.text()
