"""A hand-edited or damaged ui-settings.ini never crashes start-up: every value falls back to its
default, and the bad one is logged."""

from __future__ import annotations

import logging
import os
from datetime import time

from PySide6.QtWidgets import QApplication

from netdesk.store.db import close_database
from netdesk.ui import app as app_module
from netdesk.ui.reminder_settings import ReminderSettings
from netdesk.ui.reminders import Reminders
from tests.ui.windows import current_view

GARBAGE = """[window]
geometry=garbage
last_view=contacts, today

[contacts]
header=not a header
splitter=1, 2
phone_region=Atlantis

[reminders]
digest=25:99
quiet_start=soon
quiet_end=later, maybe
paused_until=garbage
close_to_tray=maybe
"""


def test_a_damaged_settings_file_starts_with_defaults_and_says_so(
    qtbot, paths, caplog, clock
) -> None:
    paths.data_dir.mkdir(parents=True)
    (paths.data_dir / "ui-settings.ini").write_text(GARBAGE)
    caplog.set_level(logging.WARNING, logger="netdesk.ui.stored_settings")
    window = app_module.build_shell(paths)
    qtbot.addWidget(window)
    window.show()
    try:
        startup = app_module.finish_startup(window, paths, [], clock)
        qtbot.waitUntil(lambda: startup.done)
        assert current_view(window) == "today"  # last_view held a list
        contacts = window.show_view("contacts")
        reminders = next(r for r in window.findChildren(Reminders))
        assert reminders.settings == ReminderSettings()
        assert contacts.editor.region != "Atlantis"
        assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    finally:
        close_database()
    bad = {record.getMessage().split(": ", 1)[1].split("=", 1)[0] for record in caplog.records}
    assert bad == {
        "window/geometry",
        "window/last_view",
        "contacts/header",
        "contacts/splitter",
        "contacts/phone_region",
        "reminders/digest",
        "reminders/quiet_start",
        "reminders/quiet_end",
        "reminders/paused_until",
        "reminders/close_to_tray",
    }


def test_good_values_are_read_back(qtbot, paths) -> None:
    settings = app_module.settings_for(paths)
    chosen = ReminderSettings(digest=time(8, 30), quiet_start=None, close_to_tray=False)
    chosen.save(settings)
    assert ReminderSettings.load(settings) == chosen


def test_a_value_set_again_is_not_written(qtbot, paths) -> None:
    """Qt saves the file with two fdatasync calls on the GUI thread: start-up sets values to
    what they are (the last view, the columns), which must not save it again."""
    settings = app_module.settings_for(paths)
    settings.setValue("window/last_view", "today")
    settings.setValue("contacts/header", b"\x00\x01state")
    settings.sync()
    path = paths.data_dir / "ui-settings.ini"
    old = 1_000_000_000_000_000_000
    os.utime(path, ns=(old, old))
    settings.setValue("window/last_view", "today")
    settings.setValue("contacts/header", b"\x00\x01state")
    settings.sync()
    assert path.stat().st_mtime_ns == old
    settings.setValue("window/last_view", "contacts")
    settings.sync()
    assert path.stat().st_mtime_ns != old
    assert app_module.settings_for(paths).value("window/last_view") == "contacts"
