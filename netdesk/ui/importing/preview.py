"""The import preview: counts, the matches with a merge / skip / new choice each, the errors.

Choices are edited in the table (a combo box delegate) and written straight into the plan's
`PlannedCard.choice`; "Apply to all" sets every match at once. All text is plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.importing import CHOICES, ImportPlan
from netdesk.ui.plain import plain_label

CHOICE_COLUMN = 3


class ChoiceDelegate(QStyledItemDelegate):
    """Edits the choice column with a combo box of merge / skip / new."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(list(CHOICES))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(index.data())

    def setModelData(self, editor: QWidget, model: QObject, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())  # type: ignore[attr-defined]


class PreviewPage(QWidget):
    """Shows one plan and lets the user choose what happens to each match."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.counts = plain_label()
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)

        self.matches = QTableWidget(0, 4)
        self.matches.setHorizontalHeaderLabels(
            [
                self.tr("In the file"),
                self.tr("Already in NetDesk"),
                self.tr("Because"),
                self.tr("Action"),
            ]
        )
        self.matches.verticalHeader().hide()
        self.matches.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.matches.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.matches.setItemDelegateForColumn(CHOICE_COLUMN, ChoiceDelegate(self.matches))
        header = self.matches.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CHOICE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.matches.itemChanged.connect(self._choice_edited)

        self.all_choice = QComboBox()
        self.all_choice.addItems(list(CHOICES))
        self.apply_all = QPushButton(self.tr("Apply to all"))
        self.apply_all.clicked.connect(lambda: self.choose_for_all(self.all_choice.currentText()))
        all_row = QHBoxLayout()
        all_row.addWidget(plain_label(self.tr("For every match:")))
        all_row.addWidget(self.all_choice)
        all_row.addWidget(self.apply_all)
        all_row.addStretch(1)

        self.match_box = QGroupBox(self.tr("Matches with contacts you have"))
        match_layout = QVBoxLayout(self.match_box)
        match_layout.addWidget(self.matches)
        match_layout.addLayout(all_row)

        self.errors = _problem_list()
        self.error_box = QGroupBox(self.tr("Cards that cannot be imported"))
        QVBoxLayout(self.error_box).addWidget(self.errors)
        self.warnings = _problem_list()
        self.warning_box = QGroupBox(self.tr("Cards imported without a part"))
        QVBoxLayout(self.warning_box).addWidget(self.warnings)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts)
        layout.addWidget(self.match_box, 3)
        layout.addWidget(self.error_box, 1)
        layout.addWidget(self.warning_box, 1)

    def show_plan(self, plan: ImportPlan) -> None:
        """Fill the page from `plan` (choices edited here change the plan)."""
        self.plan = plan
        combined = (
            self.tr(" · {0} combined with another card in these files").format(plan.combined)
            if plan.combined
            else ""
        )
        groups = plan.groups()
        if groups == 1:
            grouped = self.tr(" · 1 group card: its members get the group's name as a tag")
        elif groups:
            grouped = self.tr(" · {0} group cards: members get their group's name as a tag")
            grouped = grouped.format(groups)
        else:
            grouped = ""
        self.counts.setText(
            self.tr("{0} new contacts · {1} matches · {2} cannot be read").format(
                len(plan.new), len(plan.matches), len(plan.errors)
            )
            + combined
            + grouped
        )
        self.matches.blockSignals(True)
        self.matches.setRowCount(len(plan.matches))
        for row, card in enumerate(plan.matches):
            source = QTableWidgetItem(f"{card.draft.full_name()}  ({Path(card.file).name})")
            source.setToolTip(f"{card.file}, card {card.card}")
            cells = [
                source,
                QTableWidgetItem(card.match_name),
                QTableWidgetItem(card.reason),
                QTableWidgetItem(card.choice),
            ]
            for column, item in enumerate(cells):
                if column != CHOICE_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.matches.setItem(row, column, item)
        self.matches.blockSignals(False)
        self.match_box.setVisible(bool(plan.matches))
        for box, view, problems in (
            (self.error_box, self.errors, plan.errors),
            (self.warning_box, self.warnings, plan.warnings),
        ):
            view.clear()
            for problem in problems:
                text = f"{Path(problem.file).name}, card {problem.card}: {problem.reason}"
                item = QListWidgetItem(text)
                item.setToolTip(str(problem))
                view.addItem(item)
            box.setVisible(bool(problems))

    def choose_for_all(self, choice: str) -> None:
        """Set every match to `choice`."""
        if self.plan is None:
            return
        self.plan.choose_for_all(choice)
        for row in range(self.matches.rowCount()):
            self.matches.item(row, CHOICE_COLUMN).setText(choice)

    def _choice_edited(self, item: QTableWidgetItem) -> None:
        if self.plan is None or item.column() != CHOICE_COLUMN:
            return
        card = self.plan.matches[item.row()]
        if item.text() in CHOICES:
            card.choice = item.text()
        else:
            item.setText(card.choice)


def _problem_list() -> QListWidget:
    """A list of per-card problems whose long lines wrap instead of scrolling sideways."""
    problems = QListWidget()
    problems.setWordWrap(True)
    problems.setResizeMode(QListWidget.ResizeMode.Adjust)
    problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return problems
