"""Dragging contacts out of NetDesk: one .vcf file per contact, plus the cards as text/vcard.

File managers and mail programs take the files (text/uri-list); address books take the data. The
contact list's model calls `contacts_mime_data` from its `mimeData()`. A drop target may read the
files after the drop, so they stay (in private temporary folders) until NetDesk quits.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData

if TYPE_CHECKING:
    from netdesk.core.exporting import ExportService

_FOLDERS: list[Path] = []


def remove_dragged_files() -> None:
    """Delete the files of every drag so far (at exit: contact data does not stay in /tmp)."""
    while _FOLDERS:
        shutil.rmtree(_FOLDERS.pop(), ignore_errors=True)


atexit.register(remove_dragged_files)


def contacts_mime_data(exporting: ExportService, ids: Iterable[int]) -> QMimeData:
    """Mime data with a .vcf file for each contact (in a fresh temporary folder) and the cards."""
    from PySide6.QtCore import QUrl  # its type built at a drag, not before usable

    folder = Path(tempfile.mkdtemp(prefix="netdesk-drag-"))
    _FOLDERS.append(folder)
    files = exporting.vcard_files(ids, folder)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in files])
    mime.setData("text/vcard", b"".join(path.read_bytes() for path in files))
    return mime
