"""Run on a real X display by test_real_tray.py: show one reminder, print what happened as JSON.

`python tray_probe.py MODE DATA_DIR` with MODE "balloon" (tray only) or "desktop" (notification
service first).
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QSystemTrayIcon

DUE = datetime(2026, 3, 11, 14, 30)  # shown at once: the time of day does not matter


def _wait(app: QApplication, seconds: float, done=lambda: False) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not done():
        app.processEvents()
        time.sleep(0.02)


def main(mode: str, data_dir: str) -> None:
    from netdesk import paths as netdesk_paths
    from netdesk.core.services import Services
    from netdesk.formats.draft import ContactDraft
    from netdesk.store.db import open_database
    from netdesk.ui.notify import DesktopNotifications, Notifier, ReminderBanner
    from netdesk.ui.tray import ReminderTray

    app = QApplication([sys.argv[0]])
    _wait(app, 10, QSystemTrayIcon.isSystemTrayAvailable)
    paths = netdesk_paths.resolve(Path(data_dir))
    open_database(paths.database)
    services = Services(paths=paths)
    contact = services.contacts.create(ContactDraft(given_name="Maria", family_name="Chen"))
    fid = services.followups.create(contact, DUE, has_time=True, reason="thank")
    tray = ReminderTray(services.followups, services.changes)
    shown = tray.show()
    _wait(app, 1)
    desktop = DesktopNotifications.connect_session() if mode == "desktop" else None
    banner = ReminderBanner()
    notifier = Notifier(desktop, tray.icon if shown else None, banner)
    route = notifier.show([services.followups.get(fid)])

    def balloon_visible() -> bool:
        return any(
            w.metaObject().className() == "QBalloonTip" and w.isVisible()
            for w in app.topLevelWidgets()
        )

    _wait(app, 3, balloon_visible)
    opened: list[list[int]] = []
    notifier.open_requested.connect(opened.append)
    if desktop is not None:
        print("READY", flush=True)
        _wait(app, 8, lambda: bool(opened))
    report = {
        "tray_available": QSystemTrayIcon.isSystemTrayAvailable(),
        "tray_shown": shown,
        "route": route,
        "balloon": balloon_visible(),
        "capabilities": sorted(desktop.capabilities) if desktop else [],
        "opened": opened == [[fid]],
    }
    print(json.dumps(report), flush=True)
    if desktop is not None:
        desktop.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
