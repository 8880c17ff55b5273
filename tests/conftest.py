"""Test set-up: offscreen Qt, and every path pointed into a temporary folder.

Qt aborts the whole process when it has no display, so QT_QPA_PLATFORM=offscreen is set before
anything imports Qt. XDG folders and NETDESK_DATA_DIR point into a temporary folder, so no test
can touch the user's real data.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="netdesk-tests-"))
atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())
os.environ["NETDESK_DATA_DIR"] = str(_SANDBOX / "default-data")


ROOT = Path(__file__).resolve().parent.parent


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


@pytest.fixture
def services(paths, database):
    """The app's services over the test database."""
    from netdesk.core.services import Services

    return Services(paths=paths)


@pytest.fixture
def clock(services):
    """A FakeClock at tests/fake_time.py's NOW, driving the services' follow-ups and ranking."""
    from netdesk.core.clock import FakeClock
    from tests.fake_time import NOW

    fake = FakeClock(NOW)
    services.followups.clock = fake
    services.reach_out.clock = fake
    return fake
