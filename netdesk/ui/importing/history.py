"""Import history: every import batch with its counts, and Undo import (even days later).

The table keeps the counts every import has (created, merged, up to date, skipped, failed) and
its events; a batch of many files names the first ones and how many more ("a.vcf, b.vcf and 38
more"). Below it, the selected batch's rarer counts and every one of its files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.import_history import BatchRow
from netdesk.core.importing import ImportService
from netdesk.ui.dates import when_text
from netdesk.ui.numbers import grouped
from netdesk.ui.plain import plain_label, plain_tooltip
from netdesk.ui.plural import counted
from netdesk.ui.timefmt import local_from_utc

FILES_NAMED = 2  # file names in the table's cell before "and N more"
_COUNTS = range(2, 7)  # Created … Failed
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def files_text(files: list[str]) -> str:
    """ "a.vcf", "a.vcf, b.vcf", or "a.vcf, b.vcf and 38 more"."""
    names = [Path(f).name for f in files]
    if len(names) <= FILES_NAMED + 1:
        return ", ".join(names)
    rest = len(names) - FILES_NAMED
    return counted("ImportHistory", "{0} and %Ln more", rest).format(", ".join(names[:FILES_NAMED]))


class ImportHistoryDialog(QDialog):
    """Lists import batches, newest first; undoes the selected one."""

    HEADERS = (
        "When",
        "Files",
        "Created",
        "Merged",
        "Up to date",
        "Skipped",
        "Failed",
        "Events",
        "Status",
    )

    def __init__(self, service: ImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.rows: list[BatchRow] = []
        self.setWindowTitle(self.tr("Import history"))
        self.resize(1000, 360)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column in range(len(self.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)  # a long name is elided on its line, not cut in two
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.details = plain_label()
        self.files_label = plain_label()
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Files of the selected import"))
        self.files.setMaximumHeight(self.files.fontMetrics().lineSpacing() * 6 + 12)
        self.note = plain_label(
            self.tr(
                "Undo removes the contacts an import created and puts merged contacts back "
                "as they were before it; for a calendar (.ics) import, it removes the events "
                "it added and gives those it updated their times and details back."
            )
        )
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.undo_button = QPushButton(self.tr("Undo import"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.files_label)
        layout.addWidget(self.files)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Reload the batches from the store."""
        self.rows = self.service.history()
        self.table.setRowCount(len(self.rows))
        for row, batch in enumerate(self.rows):
            status = self.tr("undone") if batch.undone_at else self.tr("imported")
            cells = (
                when_text(local_from_utc(batch.created_at)),
                files_text(batch.files),
                *map(
                    grouped,
                    (batch.created, batch.merged, batch.unchanged, batch.skipped, batch.failed),
                ),
                self._events(batch),
                status,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setToolTip(plain_tooltip("\n".join(batch.files)))
                elif column in _COUNTS:  # "2,000" under "40", as counts line up
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(row, column, item)
        self._selection_changed()

    def _events(self, batch: BatchRow) -> str:
        """ "3 added, 1 updated" for a batch that imported events, else empty."""
        if not (batch.events_created or batch.events_updated):
            return ""
        return self.tr("{0} added, {1} updated").format(batch.events_created, batch.events_updated)

    def _details(self, batch: BatchRow) -> str:
        """The selected batch's rarer counts, in words."""
        return self.tr(
            "Combined with another card: {0} · possible duplicates: {1} · imported without a "
            "part: {2} · values kept aside: {3}"
        ).format(batch.combined, batch.possible, batch.warnings, batch.kept_aside)

    def undo_selected(self) -> None:
        """Undo the selected import."""
        row = self.table.currentRow()
        if 0 <= row < len(self.rows) and self.rows[row].undone_at is None:
            self.service.undo(self.rows[row].id)
            self.refresh()
            self.table.selectRow(row)

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        selected = bool(self.table.selectedItems()) and 0 <= row < len(self.rows)
        self.undo_button.setEnabled(selected and self.rows[row].undone_at is None)
        files = self.rows[row].files if selected else []
        self.details.setText(self._details(self.rows[row]) if selected else "")
        self.details.setVisible(selected)
        self.files.clear()
        self.files.addItems(files)
        self.files_label.setText(
            counted("ImportHistory", "Files of this import (%Ln):", len(files))
            if files
            else self.tr("Select an import to see all its files.")
        )
        self.files.setVisible(bool(files))
