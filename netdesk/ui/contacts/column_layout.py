"""The contact list's remembered layout: column widths, order and sort, and the list/editor split.

It lives in the window's settings (one QSettings for the whole window) and is written whenever
the user changes it, so a crash does not lose it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter, QTableView

from netdesk.ui.stored_settings import read_bytes

HEADER_KEY = "contacts/header"
SPLITTER_KEY = "contacts/splitter"
# First start: "Last contacted" and "Next follow-up" right after the organisation; the list gets
# the larger share beside the editor.
_DEFAULT_MOVES = ((5, 2), (6, 3))
_DEFAULT_SIZES = [600, 500]


def remember_layout(settings: QSettings, table: QTableView, splitter: QSplitter) -> None:
    """Put back the stored layout (or the default one) and store every change the user makes."""
    header = table.horizontalHeader()
    state = read_bytes(settings, HEADER_KEY)
    if state:
        header.restoreState(state)
        table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
    else:
        for source, target in _DEFAULT_MOVES:
            header.moveSection(source, target)
    sizes = read_bytes(settings, SPLITTER_KEY)
    if sizes:
        splitter.restoreState(sizes)
    else:
        splitter.setSizes(_DEFAULT_SIZES)

    def save() -> None:
        settings.setValue(HEADER_KEY, header.saveState())
        settings.setValue(SPLITTER_KEY, splitter.saveState())

    header.sectionResized.connect(save)
    header.sectionMoved.connect(save)
    header.sortIndicatorChanged.connect(save)
    splitter.splitterMoved.connect(save)
