"""A lost session bus: no crash, reminders fall back to the tray or banner, then reconnect.

A private dbus-daemon stands in for the session bus and is killed under the open connection,
which is what a desktop session restarting its D-Bus does to a running NetDesk.
"""

from __future__ import annotations

import shutil
import threading

import pytest
from jeepney.io.threading import DBusRouter, open_dbus_connection

from netdesk.ui.notify import DesktopNotifications, Notifier, ReminderBanner, quiet_router
from tests.ui.test_reminders import FakeDesktop, _row

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="no dbus-daemon")


@pytest.fixture
def thread_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """What reaches threading.excepthook (NetDesk's crash dialog hooks in there)."""
    seen: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args.exc_value))
    return seen


def test_jeepney_alone_lets_the_error_escape_its_thread(qtbot, bus, thread_errors) -> None:
    router = DBusRouter(open_dbus_connection(bus=bus.address))
    bus.kill()
    qtbot.waitUntil(lambda: not router._rcv_thread.is_alive(), timeout=10000)
    assert [type(e) for e in thread_errors] == [ConnectionResetError]


def test_the_quiet_router_ends_without_an_error(qtbot, bus, thread_errors) -> None:
    router = quiet_router(open_dbus_connection(bus=bus.address))
    assert not router.lost
    bus.kill()
    qtbot.waitUntil(lambda: router.lost, timeout=10000)
    assert thread_errors == []


def test_reminders_fall_back_then_reconnect(qtbot, bus, thread_errors) -> None:
    router = quiet_router(open_dbus_connection(bus=bus.address))
    desktop = DesktopNotifications(router, {"actions"})
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    later = FakeDesktop()
    notifier = Notifier(desktop, None, banner, reconnect=lambda: later)

    with qtbot.waitSignal(desktop.lost, timeout=10000):
        bus.kill()

    assert notifier.desktop is None and notifier.reconnect_timer.isActive()
    assert notifier.show([_row(3, "Sofia")]) == "banner"
    assert banner.text.text() == "Follow up with Sofia: check-in"

    notifier.reconnect_timer.timeout.emit()  # a minute later
    assert not notifier.reconnect_timer.isActive()
    assert notifier.show([_row(4, "Ahmed")]) == "desktop"
    assert later.sent == [("Follow up with Ahmed", "check-in")]
    assert thread_errors == []


def test_a_failed_notify_falls_back_and_keeps_trying(qtbot) -> None:
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    gone = FakeDesktop(fail=True)
    attempts: list[int] = []
    notifier = Notifier(gone, None, banner, reconnect=lambda: attempts.append(1))

    assert notifier.show([_row(3, "Sofia")]) == "banner"
    assert gone.closed and notifier.reconnect_timer.isActive()
    notifier.reconnect_timer.timeout.emit()
    assert attempts == [1] and notifier.reconnect_timer.isActive()  # still no server
