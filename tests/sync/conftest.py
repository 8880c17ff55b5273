"""Fixtures of the sync tests: NetDesk data folders that sync through a real CardDAV server (the
`server` fixture of tests/conftest.py: Radicale, Xandikos; tests/sync/desks.py), and Radicale
alone with a window for the GUI tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.test_sync_accounts import FakeKeyring
from tests.dav_servers import DavServer, radicale
from tests.fake_time import FakeClock
from tests.sync.desks import Desk
from tests.ui.windows import build_window


@pytest.fixture
def desks(
    server: DavServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> tuple[Desk, Desk]:
    """Two NetDesk data folders, A and B, set up to sync with `server` (the password from the
    environment, as the command line takes it), both on the fake clock."""
    monkeypatch.setenv("NETDESK_SYNC_PASSWORD", server.password)
    return Desk(tmp_path / "a", server, clock), Desk(tmp_path / "b", server, clock)


@pytest.fixture
def radicale_server(tmp_path: Path) -> Iterator[DavServer]:
    """Radicale alone (the GUI tests)."""
    started = radicale(tmp_path / "radicale")
    started.start()
    yield started
    started.stop()


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> FakeKeyring:
    """A keyring that fails (as none would): a typed password is kept for the session."""
    fake = FakeKeyring(fail=True)
    monkeypatch.setitem(sys.modules, "keyring", fake)
    monkeypatch.delenv("NETDESK_SYNC_PASSWORD", raising=False)
    return fake


@pytest.fixture
def window(qtbot, database, paths, clock, no_keyring):  # type: ignore[no-untyped-def]
    """The main window over a test store, without a keyring."""
    win = build_window(paths, clock=clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
