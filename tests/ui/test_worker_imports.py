"""No worker defines a Qt class while the window starts and its views first read; no Qt-free
module of NetDesk is imported on the GUI thread before the view shown first is made (a worker
imports them: `ViewSpec.needs`, and the services a view asks for as it is made).

PySide6 (seen with 6.11) may crash the process when a thread other than the GUI thread creates
Qt classes while the GUI thread lays widgets out: the bundled app died of a SIGSEGV in
`MetaObjectBuilder::update` about once in 20 start-ups while start-up imported the views'
modules on a worker. A fresh process is needed, since imports are seen only the first time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from netdesk.formats.draft import ContactDraft
from netdesk.store.db import close_database

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("worker_import_probe.py")
QT_MODULES = ("netdesk.ui", "PySide6", "shiboken6")
QT_FREE = ("netdesk.core", "netdesk.store", "netdesk.formats")


@pytest.mark.parametrize("last_view", ["today", "contacts"])
def test_workers_import_no_module_that_defines_qt_classes(
    services, clock, tmp_path, last_view
) -> None:
    contact = services.contacts.create(ContactDraft(given_name="Maria", family_name="Chen"))
    services.followups.create(contact, clock.now(), reason="thank")
    close_database()  # the probe's process opens it
    settings = services.paths.data_dir / "ui-settings.ini"
    settings.write_text(f"[window]\nlast_view={last_view}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "NETDESK_"))}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())

    done = subprocess.run(
        [sys.executable, str(PROBE), str(services.paths.data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["ready"], done.stderr
    assert any(name.startswith("netdesk.core") for name in report["off_gui"]), "no worker imports"
    assert [name for name in report["off_gui"] if name.startswith(QT_MODULES)] == []
    assert [name for name in report["until_shown"] if name.startswith(QT_FREE)] == []
