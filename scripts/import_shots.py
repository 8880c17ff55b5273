"""The import dialogs for scripts/screenshots.py, shot last (they add import batches):

- import-history-WxH.png: Import history with a batch of 40 files, that batch selected;
- import-preview-mixed-WxH.png: the preview of a file with a new person, a card that merges
  into a shown contact (another title, a new email) and an unreadable card;
- import-result-WxH.png: the compact result after importing it (then undone, so every size
  shows the same).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from netdesk.ui.main_window import MainWindow

FILES = 40
BROKEN = "BEGIN:VCARD\nVERSION:3.0\nNOTE:nobody\nEND:VCARD\n"


def _card(name: str, lines: str = "") -> str:
    return f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\n{lines}END:VCARD\n"


def shoot_imports(
    window: MainWindow,
    root: Path,
    contact_id: int,
    sizes: list[str],
    save: Callable[[QWidget, str, str], None],
    settle: Callable[[], None],
) -> None:
    """Save the import history, a mixed preview and its result at each size."""
    from netdesk.ui.importing.controller import ImportController

    services = window.services
    folder = root / "import-batch"
    folder.mkdir(exist_ok=True)
    paths = []
    for number in range(FILES):
        path = folder / f"conference-contacts-{number + 1:02}.vcf"
        path.write_text(_card(f"Attendee {number + 1}", f"EMAIL:attendee{number}@example.org\n"))
        paths.append(str(path.relative_to(root)))  # the script's working folder
    services.importing.apply(services.importing.plan(paths))
    known = services.contacts.load(contact_id)
    email = next((m.value for m in known.methods if m.kind == "email"), "")
    merging = _card(
        known.full_name(),
        f"EMAIL:{email}\nEMAIL:{known.given_name.lower() or 'me'}@home.example\n"
        "TITLE:Head of Data Platform\nCATEGORIES:conference\n",
    )
    mixed = root / "met-at-pydata.vcf"
    mixed.write_text(
        _card("Imani Okafor", "ORG:Northwind\nTITLE:Staff Engineer\nEMAIL:imani@nw.example\n")
        + merging
        + BROKEN
    )
    controller = window.findChild(ImportController)
    for size in sizes:
        width, height = (int(part) for part in size.split("x"))
        window.resize(width, height)
        history = controller.show_history()
        history.resize(min(width - 40, 1200), min(height - 80, 520))
        batch = next(i for i, row in enumerate(history.rows) if len(row.files) == FILES)
        history.table.selectRow(batch)
        save(history, "import-history", size)
        history.close()
        dialog = _previewed(window, mixed, settle)
        if dialog is None:
            continue
        dialog.resize(min(width - 120, 1000), height - 80)
        save(dialog, "import-preview-mixed", size)
        dialog.start_import()
        _wait(lambda shown=dialog: shown.report is not None, settle)
        save(dialog, "import-result", size)
        dialog.outcome.undo()
        _wait(lambda shown=dialog: shown.outcome.task is None, settle)
        dialog.reject()


def _previewed(window: MainWindow, path: Path, settle: Callable[[], None]):
    from netdesk.ui.importing.dialog import ImportDialog

    window.open_files([str(path)])
    found: list[ImportDialog] = []

    def ready() -> bool:
        found[:] = [w for w in window.findChildren(ImportDialog) if w.isVisible() and w.plan]
        return bool(found)

    return found[0] if _wait(ready, settle) else None


def _wait(done: Callable[[], bool], settle: Callable[[], None], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        settle()
    return done()
