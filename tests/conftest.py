"""Test set-up: offscreen Qt, and every path pointed into a temporary folder.

Qt aborts the whole process when it has no display, so QT_QPA_PLATFORM=offscreen is set before
anything imports Qt. XDG folders and NETDESK_DATA_DIR point into a temporary folder, so no test
can touch the user's real data. The locale is C (English names of days and months, whatever the
machine's), and services run on a fake clock: no test depends on the time of day, date or locale
(scripts/time-matrix.sh runs the time-touching tests at night, on New Year's Eve, in UTC+14/-10).
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import time as time_module
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dav_servers import SERVERS, DavServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _var in ("LC_ALL", "LANG", "LANGUAGE"):
    os.environ[_var] = "C.UTF-8"
_SANDBOX = Path(tempfile.mkdtemp(prefix="netdesk-tests-"))
atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())
os.environ["NETDESK_DATA_DIR"] = str(_SANDBOX / "default-data")


ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that reach the app's clock: scripts/time-matrix.sh runs them at odd times."""
    for item in items:
        if "clock" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.clock)


@pytest.fixture
def corpus_files() -> list[Path]:
    """The real contact files of tests/corpus/, plus the shared corpus's others where it exists
    (see tests/corpus_files.py)."""
    from tests.corpus_files import corpus_paths

    return corpus_paths()


@pytest.fixture
def paths(tmp_path: Path):
    """Resolved NetDesk paths inside this test's temporary folder."""
    from netdesk import paths as netdesk_paths

    return netdesk_paths.resolve(tmp_path / "data")


@pytest.fixture
def database(paths):
    """An opened, migrated store bound to the models; closed afterwards."""
    from netdesk.store.db import close_database, open_database

    database = open_database(paths.database)
    yield database
    close_database()


@pytest.fixture(params=sorted(SERVERS))
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DavServer]:
    """A real CardDAV/CalDAV server (tests/dav_servers.py): Radicale (http), then Xandikos
    (https, its own certificate), at a free port of 127.0.0.1, Basic auth; stopped after. `indirect`
    parametrizing picks one."""
    started = SERVERS[request.param](tmp_path / request.param)
    started.start()
    yield started
    started.stop()


@pytest.fixture
def bus(tmp_path: Path):
    """A private dbus-daemon: `bus.address` to connect to; `bus.kill()` takes it away."""
    daemon = subprocess.Popen(
        [
            "dbus-daemon",
            "--session",
            "--nofork",
            "--print-address",
            "--address",
            f"unix:path={tmp_path / 'bus'}",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    address = daemon.stdout.readline().strip()

    class Bus:
        def kill(self) -> None:
            daemon.kill()
            daemon.wait(timeout=10)

    Bus.address = address
    yield Bus()
    if daemon.poll() is None:
        daemon.kill()
        daemon.wait(timeout=10)


@pytest.fixture
def tokyo():
    """Local time nine hours ahead of UTC for the test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time_module.tzset()
    yield
    if before is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = before
    time_module.tzset()


@pytest.fixture
def clock():
    """A FakeClock at tests/fake_time.py's NOW: the services' (and windows') "now"."""
    from tests.fake_time import NOW, FakeClock

    return FakeClock(NOW)


@pytest.fixture
def services(paths, database, clock):
    """The app's services over the test database, on the fake clock."""
    from netdesk.core.services import Services

    return Services(paths=paths, clock=clock)


@pytest.fixture(autouse=True)
def _no_chosen_phone_region():
    """Each test starts without a phone region chosen in Contact settings (the contacts view
    and the settings dialog choose one for the process: see core.phones.use_region)."""
    from netdesk.core import phones

    phones.use_region("")
    yield
    phones.use_region("")
