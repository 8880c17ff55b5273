"""Import history: every import batch with its counts, and Undo import (even days later)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.import_history import BatchRow
from netdesk.core.importing import ImportService
from netdesk.ui.plain import plain_label, plain_tooltip
from netdesk.ui.timefmt import local_from_utc


class ImportHistoryDialog(QDialog):
    """Lists import batches, newest first; undoes the selected one."""

    HEADERS = (
        "When",
        "Files",
        "Created",
        "Merged",
        "Up to date",
        "Combined",
        "Possible duplicates",
        "Skipped",
        "Failed",
        "Warnings",
        "Kept aside",
        "Status",
        "Events",
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
        self.table.itemSelectionChanged.connect(self._selection_changed)
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
                local_from_utc(batch.created_at).strftime("%Y-%m-%d %H:%M"),
                ", ".join(Path(f).name for f in batch.files),
                *map(
                    str,
                    (
                        batch.created,
                        batch.merged,
                        batch.unchanged,
                        batch.combined,
                        batch.possible,
                        batch.skipped,
                        batch.failed,
                        batch.warnings,
                        batch.kept_aside,
                    ),
                ),
                status,
                self._events(batch),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setToolTip(plain_tooltip("\n".join(batch.files)))
                self.table.setItem(row, column, item)
        self._selection_changed()

    def _events(self, batch: BatchRow) -> str:
        """ "3 added, 1 updated" for a batch that imported events, else empty."""
        if not (batch.events_created or batch.events_updated):
            return ""
        return self.tr("{0} added, {1} updated").format(batch.events_created, batch.events_updated)

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
