"""Run by test_worker_imports.py in a fresh process: start the window over DATA_DIR, visit every
view, and print as JSON the modules that a thread other than the GUI thread imported first, and
those the GUI thread imported from the window's making until the view shown first was made.

`python worker_import_probe.py DATA_DIR`
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.main_window import MainWindow

imported_off_gui: list[str] = []
imported_until_shown: list[str] = []
shown: list[MainWindow] = []  # the window, while the view it shows first is not made


def _watch(event: str, args: tuple) -> None:
    if event != "import":
        return
    if threading.current_thread() is not threading.main_thread():
        imported_off_gui.append(args[0])
    elif shown and shown[0].current_key() not in shown[0].views:
        imported_until_shown.append(args[0])


def main(data_dir: str) -> None:
    sys.addaudithook(_watch)
    from PySide6.QtCore import QThreadPool, QTimer

    from netdesk import paths as netdesk_paths
    from netdesk.ui import app as app_module

    app = app_module.create_application()
    paths = netdesk_paths.resolve(Path(data_dir))
    window = app_module.build_shell(paths)
    shown.append(window)
    window.show()
    startup = app_module.finish_startup(window, paths, [])

    def visit_every_view() -> None:
        for row in range(window.sidebar.count()):
            window.sidebar.setCurrentRow(row)
            app.processEvents()
        QTimer.singleShot(1000, app.quit)  # the views' first reads end on their workers

    startup.ready.connect(shown.clear)
    startup.ready.connect(visit_every_view)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    window.hide()
    QThreadPool.globalInstance().waitForDone()
    report = {"off_gui": imported_off_gui, "until_shown": imported_until_shown}
    print(json.dumps({"ready": startup.done, **report}))


if __name__ == "__main__":
    main(sys.argv[1])
