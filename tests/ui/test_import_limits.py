"""A dropped folder with files NetDesk will not read and cards it salvages, through the GUI."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl

from netdesk.store.models import Contact
from netdesk.ui.importing.controller import ImportController
from tests.ui.test_importing import _drop, _import, _preview

CUT = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Short\r\nTEL:+44 20 7946 0000\r\n"
NO_BEGIN = "VERSION:3.0\r\nFN:No Begin\r\nEMAIL:nb@x.test\r\nEND:VCARD\r\n"


def test_a_dropped_folder_names_what_it_skips_and_imports_the_rest(
    app_window, qtbot, tmp_path: Path
) -> None:
    folder = tmp_path / "Contacts backup"
    folder.mkdir()
    (folder / "cut.vcf").write_text(CUT)
    (folder / "no-begin.vcf").write_text(NO_BEGIN)
    (folder / "zero.vcf").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.vcf")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    assert _drop(app_window, mime).isAccepted()
    dialog = _preview(qtbot, app_window.findChild(ImportController))
    preview = dialog.preview
    errors = [preview.errors.item(i).text() for i in range(preview.errors.count())]
    assert errors == [
        "pipe.vcf: a FIFO, not a regular file: skipped without reading it",
        "zero.vcf: a device, not a regular file: skipped without reading it",
    ]
    warnings = [preview.warnings.item(i).text() for i in range(preview.warnings.count())]
    assert warnings == [
        "cut.vcf, card 1: the card has no END:VCARD (the file is cut short); imported what it has",
        "no-begin.vcf, card 1: the card has no BEGIN:VCARD; imported what it has",
    ]
    assert preview.warning_box.isVisibleTo(dialog)
    dialog.resize(1024, 768)
    dialog.grab().save(str(tmp_path / "import-limits.png"))
    _import(qtbot, dialog)
    assert sorted(c.display_name for c in Contact.select()) == ["Cut Short", "No Begin"]
