""".ics in and out through the GUI: drops and File → Import reach the Events view; export."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from netdesk.store.models import Event
from netdesk.ui.events import EventsView
from netdesk.ui.importing.controller import ImportController
from tests.formats.test_ics_events import SCHEDULE
from tests.ui.windows import current_view


@pytest.fixture
def schedule(tmp_path: Path) -> str:
    path = tmp_path / "schedule.ics"
    path.write_bytes(SCHEDULE)
    return str(path)


@pytest.fixture
def window(app_window):
    return app_window


def _wait_import(qtbot, view: EventsView) -> None:
    qtbot.waitUntil(lambda: view.message.isVisible(), timeout=5000)


def test_dropped_ics_is_imported_as_events_twice_without_doubles(window, qtbot, schedule) -> None:
    assert window.open_files([schedule])
    assert current_view(window) == "events"
    view = window.views["events"]
    _wait_import(qtbot, view)
    assert view.message.text().splitlines()[0] == "4 events added, 0 updated from schedule.ics"
    assert "it has no start" in view.message.text()
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    view.message.hide()
    assert window.open_files([schedule])
    _wait_import(qtbot, view)
    assert view.message.text().startswith("0 events added, 4 updated")
    assert Event.select().count() == 4


def test_file_import_routes_ics_to_events_and_vcards_to_contacts(
    window, qtbot, schedule, monkeypatch
) -> None:
    controller = window.findChild(ImportController)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([schedule], ""))
    controller.choose_files()
    _wait_import(qtbot, window.views["events"])
    assert Event.select().count() == 4
    assert not controller.open_files([schedule])


def test_events_view_takes_only_ics(
    qtbot, services, clock, tmp_path, schedule, monkeypatch
) -> None:
    view = EventsView(services)
    qtbot.addWidget(view)
    assert not view.open_files([schedule, str(tmp_path / "people.vcf")])
    assert not view.open_files([])
    target = tmp_path / "out.ics"
    services.event_import.import_data([("schedule.ics", SCHEDULE)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.choose_export()
    assert target.read_bytes().count(b"BEGIN:VEVENT") == 4
    stamp = clock.now().astimezone(UTC).strftime("DTSTAMP:%Y%m%dT%H%M%SZ").encode()
    assert target.read_bytes().count(stamp) == 4, "stamped by the app's clock"
    assert view.message.text() == "Events saved to out.ics."


def test_contacts_and_calendars_dropped_together_both_import(
    window, qtbot, schedule, tmp_path
) -> None:
    people = tmp_path / "people.vcf"
    people.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\nEND:VCARD\r\n")
    assert window.open_files([str(people), schedule])
    _wait_import(qtbot, window.views["events"])
    assert Event.select().count() == 4
    controller = window.findChild(ImportController)
    assert controller.dialog is not None and controller.dialog.isVisible()


def test_files_nobody_reads_are_named(window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    assert not window.open_files([str(tmp_path / "notes.txt")])
    assert shown and "notes.txt" in shown[0]


def test_a_dropped_ics_is_in_import_history_and_undone_there(window, qtbot, schedule) -> None:
    from PySide6.QtCore import Qt

    assert window.open_files([schedule])
    view = window.views["events"]
    _wait_import(qtbot, view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    history = window.findChild(ImportController).show_history()
    cells = [history.table.item(0, c).text() for c in range(history.table.columnCount())]
    assert cells[1:] == [
        "schedule.ics",
        *["0"] * 4,
        "1",  # failed: the event without a start
        "4 added, 0 updated",
        "imported",
    ]
    history.table.selectRow(0)
    qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    assert Event.select().count() == 0
    assert history.table.item(0, 8).text() == "undone"
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.count.text() == "0 upcoming, 0 past"
