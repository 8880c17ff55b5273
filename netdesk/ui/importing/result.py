"""What an import did, compact: the five counts (added, merged, already up to date, skipped,
failed) in a row, the rarer ones in a line when there are any, each card that failed with its
file and card number, and Undo this import (in a worker: a large import takes a while).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.importing import ImportReport, ImportService
from netdesk.ui.numbers import grouped
from netdesk.ui.plain import plain_label, plain_tooltip
from netdesk.ui.plural import counted
from netdesk.ui.style import style_label
from netdesk.ui.tasks import Task

ERRORS_SHOWN = 8  # rows of failed cards before the list scrolls


def figures(report: ImportReport) -> list[tuple[str, int]]:
    """The five counts every import has, as (words, number)."""
    return [
        ("Added", report.created),
        ("Merged", report.merged),
        ("Already up to date", report.unchanged),
        ("Skipped", report.skipped),
        ("Failed", report.failed),
    ]


def rarer_words(report: ImportReport) -> str:
    """The counts only some imports have ("2 job changes recorded · 1 value kept aside")."""
    parts = [
        (report.possible, "%Ln possible duplicate(s) kept apart or merged as chosen"),
        (report.combined, "%Ln card(s) combined with another card of these files"),
        (report.warnings, "%Ln card(s) imported without a part"),
        (len(report.kept_aside()), "%Ln value(s) of the files kept aside"),
        (report.job_changes, "%Ln job change(s) recorded"),
    ]
    return " · ".join(counted("ImportResult", text, n) for n, text in parts if n)


class ResultPage(QWidget):
    """One import's result with its Undo; `undone` is emitted once the undo is written."""

    undone = Signal()

    def __init__(self, service: ImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.report: ImportReport | None = None
        self.task: Task | None = None
        self.title = plain_label()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.numbers = QGridLayout()
        self.numbers.setHorizontalSpacing(24)
        self.rarer = style_label(plain_label(), "hint")
        self.rarer.setWordWrap(True)
        self.errors = QListWidget()
        self.errors.setAccessibleName(self.tr("Cards that could not be imported"))
        self.errors.setWordWrap(True)
        self.errors.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.state = plain_label()
        self.state.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Undo this import"))
        self.undo_button.clicked.connect(self.undo)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.state, 1)
        undo_row.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.numbers)
        layout.addWidget(self.rarer)
        layout.addWidget(self.errors)
        layout.addLayout(undo_row)
        layout.addStretch(1)

    def show_report(self, report: ImportReport, files: list[str]) -> None:
        """Fill the page from `report` of the import of `files`."""
        self.report = report
        names = [Path(f).name for f in files]
        what = names[0] if len(names) == 1 else counted("ImportResult", "%Ln file(s)", len(names))
        self.title.setText(self.tr("Imported {0}").format(what))
        self.title.setToolTip(plain_tooltip("\n".join(files)))
        for column, (words, number) in enumerate(figures(report)):
            figure = plain_label(grouped(number))
            font = figure.font()
            font.setPointSizeF(font.pointSizeF() * 1.5)
            font.setBold(bool(number))
            figure.setFont(font)
            figure.setAccessibleName(f"{self.tr(words)}: {grouped(number)}")
            self.numbers.addWidget(figure, 0, column, Qt.AlignmentFlag.AlignLeft)
            self.numbers.addWidget(style_label(plain_label(self.tr(words)), "hint"), 1, column)
        self.numbers.setColumnStretch(len(figures(report)), 1)
        self.rarer.setText(rarer_words(report))
        self.rarer.setVisible(bool(self.rarer.text()))
        self.errors.clear()
        for error in report.errors:
            item = QListWidgetItem(f"{error.place(Path(error.file).name)}: {error.reason}")
            item.setToolTip(plain_tooltip(str(error)))
            self.errors.addItem(item)
        rows = min(len(report.errors), ERRORS_SHOWN)
        self.errors.setFixedHeight(self.errors.sizeHintForRow(0) * rows + 6 if rows else 0)
        self.errors.setVisible(bool(report.errors))
        nothing = not (report.created or report.merged)
        self.state.setText(
            self.tr("Nothing was added or changed.")
            if nothing
            else self.tr("File → Import history can also undo it later.")
        )
        self.undo_button.setVisible(not nothing)
        self.setAccessibleDescription(self.words())

    def words(self) -> str:
        """The result in one line ("Added 2 · Merged 1 · … · 1 job change recorded")."""
        if self.report is None:
            return ""
        parts = [f"{self.tr(words)} {grouped(number)}" for words, number in figures(self.report)]
        rarer = rarer_words(self.report)
        return " · ".join(parts + ([rarer] if rarer else []))

    def undo(self) -> None:
        """Undo the import in a worker; the page says when it is done."""
        if self.report is None or self.task is not None:
            return
        batch_id = self.report.batch_id
        self.undo_button.setEnabled(False)
        self.state.setText(self.tr("Undoing…"))
        task = Task(lambda _progress: self.service.undo(batch_id), self)
        task.succeeded.connect(self._undone)
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self.task = task
        task.start()

    def _undone(self, _result: object) -> None:
        self.state.setText(self.tr("Undone: the contacts are as they were before this import."))
        self.undo_button.hide()
        self.undone.emit()

    def _failed(self, message: str, _details: str) -> None:
        self.state.setText(self.tr("Could not undo the import: {0}").format(message))
        self.undo_button.setEnabled(True)

    def _finished(self) -> None:
        self.task = None
