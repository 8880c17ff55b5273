"""Syncs on a schedule (every few minutes, shortly after a change here, never offline, no dialog
without a password) and the keyring asked on a worker, never on the GUI thread."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt

from netdesk.formats.draft import ContactDraft
from netdesk.ui.sync.controller import EVERY_DEFAULT, EVERY_KEY, SOON_MS
from tests.core.test_sync_accounts import FakeKeyring
from tests.sync.windows import controller_of, open_settings, wait_idle


class ThreadNoting(FakeKeyring):
    """A keyring that notes which threads called it."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[threading.Thread] = []

    def get_password(self, service: str, name: str) -> str | None:
        self.threads.append(threading.current_thread())
        return super().get_password(service, name)

    def set_password(self, service: str, name: str, secret: str) -> None:
        self.threads.append(threading.current_thread())
        super().set_password(service, name, secret)


def _set_up(qtbot, window, server):
    controller = controller_of(window)
    dialog = open_settings(qtbot, window, server, server.password)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, controller)
    dialog.close()
    qtbot.waitUntil(lambda: controller.button.text().startswith("Synced "))
    return controller


def test_the_schedule_is_a_setting_with_a_default(qtbot, window, radicale_server):
    controller = controller_of(window)
    assert controller.every_minutes() == EVERY_DEFAULT
    assert not window.settings.contains(EVERY_KEY), "the default not written as sync starts"
    assert controller.schedule.isActive()
    assert controller.schedule.interval() == EVERY_DEFAULT * 60_000
    dialog = open_settings(qtbot, window, radicale_server, radicale_server.password)
    assert dialog.every.value() == EVERY_DEFAULT

    dialog.every.setValue(5)
    assert controller.schedule.interval() == 5 * 60_000
    assert window.settings.value(EVERY_KEY) == "5"
    dialog.every.setValue(0)
    assert not controller.schedule.isActive()
    assert dialog.every.text() == "Only by hand (Sync now, F5)"
    window.settings.setValue(EVERY_KEY, "soon")  # a hand-edited value: the default
    assert controller.every_minutes() == EVERY_DEFAULT


def test_a_change_here_is_sent_shortly_after(qtbot, window, services, radicale_server):
    controller = _set_up(qtbot, window, radicale_server)
    assert not controller.soon.isActive()  # the sync's own changes ask for none
    assert controller.soon.interval() == SOON_MS

    controller.services.contacts.create(ContactDraft(given_name="Ben"))
    qtbot.waitUntil(controller.soon.isActive)
    controller.soon.timeout.emit()  # what the timer does SOON_MS later
    assert controller.running is not None
    wait_idle(qtbot, controller)
    assert controller.last_report.sent_new == 1
    assert not controller.soon.isActive()


def test_no_sync_on_schedule_while_offline_and_no_dialog_without_a_password(
    qtbot, window, services, radicale_server
):
    controller = _set_up(qtbot, window, radicale_server)
    controller.online = lambda: False
    controller.schedule.timeout.emit()
    assert controller.running is None

    controller.online = lambda: True
    controller.session_passwords.clear()  # a new session, no keyring (the fixture's fails)
    controller.schedule.timeout.emit()
    qtbot.waitUntil(lambda: controller.button.text() == "Sync waits for the password")
    assert controller.running is None and controller.settings_dialog is None


def test_a_failing_scheduled_sync_says_so_in_the_status_item(
    qtbot, window, services, radicale_server
):
    controller = _set_up(qtbot, window, radicale_server)
    radicale_server.stop()
    controller.schedule.timeout.emit()
    wait_idle(qtbot, controller)
    qtbot.waitUntil(lambda: controller.button.text().startswith("Sync failed: the server"))
    assert controller.settings_dialog is None  # no dialog, no message box


@pytest.fixture
def noting_keyring(monkeypatch: pytest.MonkeyPatch) -> ThreadNoting:
    fake = ThreadNoting()
    monkeypatch.setitem(sys.modules, "keyring", fake)
    return fake


def test_the_keyring_is_asked_on_a_worker(qtbot, window, services, radicale_server, noting_keyring):
    controller = _set_up(qtbot, window, radicale_server)
    qtbot.waitUntil(lambda: len(noting_keyring.threads) == 1)  # the typed password kept
    assert noting_keyring.kept
    controller.session_passwords.clear()  # the next session: from the keyring

    services.contacts.create(ContactDraft(given_name="Ben"))
    controller.sync_now()
    qtbot.waitUntil(lambda: controller.running is not None)
    wait_idle(qtbot, controller)
    assert controller.last_report.sent_new == 1
    assert controller.settings_dialog is None
    assert len(noting_keyring.threads) == 2
    assert threading.main_thread() not in noting_keyring.threads
