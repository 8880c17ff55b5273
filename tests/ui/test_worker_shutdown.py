"""Reads on workers end when the app quits: views inside the main window get no close event of
their own, so closing the window (or quitting from the tray) closes them and stops every
`LatestRead`, waiting for the statements they run; nothing reads after the store closes."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication

from netdesk.store.models import db
from netdesk.ui.latest_read import LatestRead
from tests.core.test_worker_thread import _LONG


@pytest.fixture
def quits_on_close():
    """The app quits when its window closes (as without a tray, or with the setting off)."""
    before = QApplication.quitOnLastWindowClosed()
    QApplication.setQuitOnLastWindowClosed(True)
    yield
    QApplication.setQuitOnLastWindowClosed(before)


def _long_reads(window) -> tuple[list[LatestRead], threading.Semaphore]:
    """The contacts count and the Companies read ahead, each running a statement that takes
    minutes unless stopped."""
    began = threading.Semaphore(0)

    def long_read() -> int:
        began.release()
        found: int = db.execute_sql(_LONG).fetchone()[0]
        return found

    readers = [window.views["contacts"].counter, window.views["companies"].prefetch]
    for reader in readers:
        reader.start(long_read)
    for _ in readers:
        assert began.acquire(timeout=10)
    return readers, began


def test_closing_the_window_stops_and_waits_for_the_views_reads(
    qtbot, app_window, quits_on_close
) -> None:
    readers, _ = _long_reads(app_window)
    assert all(reader.busy for reader in readers)
    app_window.close()
    assert all(reader._pool.activeThreadCount() == 0 for reader in readers)
    assert app_window.views["today"]._closed  # Today reads no more either
    readers[0].start(lambda: pytest.fail("a read after the window closed"))
    qtbot.wait(50)


def test_kept_in_the_tray_the_views_read_on_until_the_app_quits(qtbot, app_window) -> None:
    QApplication.setQuitOnLastWindowClosed(False)
    try:
        readers, _ = _long_reads(app_window)
        app_window.close()
        prefetch = app_window.views["companies"].prefetch
        prefetch.start(lambda: "read after the window closed")
        assert prefetch.take() == ("read after the window closed",)
        app_window.close_views()  # as run_gui does once the event loop ends
        assert all(reader._pool.activeThreadCount() == 0 for reader in readers)
    finally:
        QApplication.setQuitOnLastWindowClosed(True)
