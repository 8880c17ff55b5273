"""Dragging contacts out of NetDesk: one .vcf file per contact, plus the cards as text/vcard.

File managers and mail programs take the files (text/uri-list); address books take the data. The
contact list's model calls `contacts_mime_data` from its `mimeData()`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl

from netdesk.core.exporting import ExportService


def contacts_mime_data(exporting: ExportService, ids: Iterable[int]) -> QMimeData:
    """Mime data with a .vcf file for each contact (in a fresh temporary folder) and the cards."""
    folder = Path(tempfile.mkdtemp(prefix="netdesk-drag-"))
    files = exporting.vcard_files(ids, folder)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in files])
    mime.setData("text/vcard", b"".join(path.read_bytes() for path in files))
    return mime
