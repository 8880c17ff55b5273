"""The import preview: counts, each CSV file's encoding (see encodings.EncodingChoices), the
new contacts, the matches and the possible duplicates with a merge / skip / new choice each (see
choices.ChoiceTable) and what the selected one's choice does to the contact (merge_words), the
job changes (job_changes.JobChangesBox), the differing values, the errors and warnings. All
text is plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.import_merge_preview import MergeChanges
from netdesk.core.importing import CHOICES, ImportPlan, PlannedCard
from netdesk.ui.importing.choices import ChoiceTable
from netdesk.ui.importing.conflicts import ConflictTable
from netdesk.ui.importing.encodings import EncodingChoices
from netdesk.ui.importing.job_changes import JobChangesBox
from netdesk.ui.importing.merge_words import fate_text
from netdesk.ui.importing.new_contacts import NewContactList, NewContacts
from netdesk.ui.numbers import grouped
from netdesk.ui.plain import plain_label, plain_tooltip
from netdesk.ui.plural import counted

QWIDGETSIZE_MAX = 16777215  # Qt's largest widget size ("no maximum")
LIST_ROWS = 6  # rows a list of new contacts or problems shows before it scrolls
FATE_LINES = 10  # lines of what a card's action does before they scroll
ChangesOf = Callable[[PlannedCard], MergeChanges | None]


class PreviewPage(QWidget):
    """Shows one plan and lets the user choose what happens to each match; `changes_of` says
    what merging a card changes (ImportService.merge_changes)."""

    def __init__(
        self,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        changes_of: ChangesOf | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.changes_of = changes_of
        self.counts = plain_label()
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)

        self.encodings = EncodingChoices()
        self.matches = ChoiceTable(self.tr("Already in NetDesk"))
        self.all_choice = QComboBox()
        self.all_choice.addItems(list(CHOICES))
        self.apply_all = QPushButton(self.tr("Apply to all"))
        self.apply_all.clicked.connect(lambda: self.choose_for_all(self.all_choice.currentText()))
        all_row = QHBoxLayout()
        all_row.addWidget(plain_label(self.tr("For every match:")))
        all_row.addWidget(self.all_choice)
        all_row.addWidget(self.apply_all)
        all_row.addStretch(1)

        self.new_contacts = NewContacts(self)
        self.new_list = NewContactList()
        self.new_list.setModel(self.new_contacts)
        self.new_list.setAccessibleName(self.tr("New contacts"))
        self.new_box = QGroupBox()
        QVBoxLayout(self.new_box).addWidget(self.new_list)

        self.fate = QPlainTextEdit()
        self.fate.setReadOnly(True)
        # lines in the window's direction, not that of a name first on a line: an Arabic one
        # turned "محمد العلي (card 7 of a.vcf)" round
        words = self.fate.document().defaultTextOption()
        words.setTextDirection(self.layoutDirection())
        self.fate.document().setDefaultTextOption(words)
        self.fate.setAccessibleName(self.tr("What the selected card's action does"))
        self.fate.setTabChangesFocus(True)
        self.match_box = QGroupBox(self.tr("Matches with contacts you have"))
        match_layout = QVBoxLayout(self.match_box)
        match_layout.addWidget(self.matches, 1)
        match_layout.addLayout(all_row)

        self.possible = ChoiceTable(self.tr("Looks like"))
        self.possible_box = QGroupBox(
            self.tr("Possible duplicates: kept apart unless you choose merge")
        )
        QVBoxLayout(self.possible_box).addWidget(self.possible)
        for cards in (self.matches, self.possible):
            cards.currentCellChanged.connect(lambda row, *_rest, t=cards: self._show_fate(t, row))

        self.conflicts = ConflictTable()
        self.keep_all = QPushButton(self.tr("Keep every value there"))
        self.keep_all.clicked.connect(lambda: self.conflicts.choose_for_all("keep"))
        self.take_all = QPushButton(self.tr("Take every new value"))
        self.take_all.clicked.connect(lambda: self.conflicts.choose_for_all("replace"))
        conflict_row = QHBoxLayout()
        conflict_row.addWidget(self.keep_all)
        conflict_row.addWidget(self.take_all)
        conflict_row.addStretch(1)
        self.conflict_box = QGroupBox(
            self.tr(
                "Different values: choose what each contact keeps (a value not taken is kept aside)"
            )
        )
        conflict_layout = QVBoxLayout(self.conflict_box)
        conflict_layout.addWidget(self.conflicts)
        conflict_layout.addLayout(conflict_row)

        self.job_changes = JobChangesBox(settings)
        self._jobs_stale = QTimer(self)  # merging, skipping, taking or keeping changes the list
        self._jobs_stale.setSingleShot(True)
        self._jobs_stale.timeout.connect(self._refresh_job_changes)
        for table in (self.matches, self.possible, self.conflicts):
            table.itemChanged.connect(lambda _item: self._jobs_stale.start(0))
        self._fate_of: tuple[ChoiceTable, int] | None = None

        self.errors = _problem_list()
        self.error_box = QGroupBox(self.tr("Cards that cannot be imported"))
        QVBoxLayout(self.error_box).addWidget(self.errors)
        self.warnings = _problem_list()
        self.warning_box = QGroupBox(self.tr("Cards imported without a part"))
        QVBoxLayout(self.warning_box).addWidget(self.warnings)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts)
        layout.addWidget(self.encodings)
        layout.addWidget(self.new_box, 2)
        layout.addWidget(self.match_box, 3)
        layout.addWidget(self.possible_box, 2)
        layout.addWidget(self.fate)
        layout.addWidget(self.job_changes, 1)
        layout.addWidget(self.conflict_box, 2)
        layout.addWidget(self.error_box, 1)
        layout.addWidget(self.warning_box, 1)
        layout.addStretch(0)  # takes the room when every box is hidden
        for box in (self.new_box, self.error_box, self.warning_box):
            if (inside := box.layout()) is not None:  # as tall as the list it holds
                inside.setSizeConstraint(QLayout.SizeConstraint.SetMinAndMaxSize)
        # hidden until a plan shows those it needs: all shown, the page asked for ~1,000 pixels
        # and the dialog opened that tall (taller than a 768-pixel screen) before it read a card
        boxes = (self.new_box, self.match_box, self.possible_box, self.conflict_box, self.error_box)
        for part in (self.encodings, self.fate, self.job_changes, *boxes, self.warning_box):
            part.setVisible(False)

    def show_plan(self, plan: ImportPlan) -> None:
        """Fill the page from `plan` (choices edited here change the plan)."""
        self.plan = plan
        self.new_list.waiting = self.tr("Reading {0}…").format(file_names(plan.files))
        conflicts = plan.conflicts()  # a walk of every card: once
        self.counts.setText(self._counts(plan, len(conflicts)))
        self.encodings.show_plan(plan)
        self._show_new(plan.new)
        self.matches.show_cards(plan.matches)
        self.match_box.setVisible(bool(plan.matches))
        self.possible.show_cards(plan.possible)
        self.possible_box.setVisible(bool(plan.possible))
        self.job_changes.show_plan(plan)
        self.conflicts.show_conflicts(conflicts)
        self.conflict_box.setVisible(bool(conflicts))
        for box, view, problems in (
            (self.error_box, self.errors, plan.errors),
            (self.warning_box, self.warnings, plan.warnings),
        ):
            view.clear()
            for problem in problems:
                text = f"{problem.place(Path(problem.file).name)}: {problem.reason}"
                item = QListWidgetItem(text)
                item.setToolTip(plain_tooltip(str(problem)))
                view.addItem(item)
            box.setVisible(bool(problems))
            _fit(view, len(problems))
        self._fate_of = None
        first = self.matches if plan.matches else self.possible
        if first.rowCount():
            first.setCurrentCell(0, 0)
        self._show_fate(first, 0 if first.rowCount() else -1)

    def _show_new(self, cards: list[PlannedCard]) -> None:
        """The new contacts, one line each (the first NEW_SHOWN, then how many more: see
        `NewContacts`)."""
        self.new_contacts.show_cards(cards, self.tr("… and {0} more"))
        _fit(self.new_list, len(cards))
        self.new_box.setTitle(counted("ImportPreview", "New contacts (%Ln)", len(cards)))
        self.new_box.setVisible(bool(cards))

    def _show_fate(self, table: ChoiceTable, row: int) -> None:
        """Say what the card of `table`'s `row` becomes as chosen (merged: each change)."""
        self._fate_of = (table, row) if 0 <= row < len(table.cards) else None
        if self._fate_of is None:
            self.fate.setVisible(False)
            return
        card = table.cards[row]
        wanted = card.choice == "merge" and self.changes_of is not None
        changes = self.changes_of(card) if wanted and self.changes_of else None
        text = fate_text(card, changes)
        self.fate.setPlainText(text)
        lines = min(text.count("\n") + 1, FATE_LINES)
        margins = self.fate.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * int(self.fate.document().documentMargin())
        self.fate.setFixedHeight(self.fate.fontMetrics().lineSpacing() * lines + frame + 2)
        self.fate.setVisible(True)

    def _refresh_job_changes(self) -> None:
        if self.plan is not None:
            self.job_changes.show_plan(self.plan)
        if self._fate_of is not None:  # a choice changed: so may what the card does
            self._show_fate(*self._fate_of)

    def choose_for_all(self, choice: str) -> None:
        """Set every sure match to `choice`."""
        if self.plan is None:
            return
        self.plan.choose_for_all(choice)
        self.matches.refresh_choices()
        self._jobs_stale.start(0)

    def _counts(self, plan: ImportPlan, conflicts: int) -> str:
        """The plan's counts in one line (the rarer ones only when there are any); `conflicts`:
        how many different values it has."""
        parts = [
            counted("ImportPreview", "%Ln new contact(s)", len(plan.new)),
            counted("ImportPreview", "%Ln match(es)", len(plan.matches)),
        ]
        if plan.possible:
            parts.append(counted("ImportPreview", "%Ln possible duplicate(s)", len(plan.possible)))
        parts.append(self.tr("{0} cannot be read").format(grouped(len(plan.errors))))
        if plan.warnings:
            parts.append(counted("ImportPreview", "%Ln warning(s)", len(plan.warnings)))
        if conflicts:
            parts.append(counted("ImportPreview", "%Ln different value(s)", conflicts))
        if plan.combined:
            combined = self.tr("{0} combined with another card in these files")
            parts.append(combined.format(grouped(plan.combined)))
        groups = plan.groups()
        if groups == 1:
            parts.append(self.tr("1 group card: its members get the group's name as a tag"))
        elif groups:
            parts.append(
                self.tr("{0} group cards: members get their group's name as a tag").format(groups)
            )
        return " · ".join(parts)


def file_names(paths: Sequence[str | Path]) -> str:
    """The first three files' names, "…" after them when there are more."""
    return ", ".join(Path(p).name for p in paths[:3]) + (" …" if len(paths) > 3 else "")


def _fit(view: QListView, rows: int) -> None:
    """A few rows: `view` (and its box) only as tall as they are; more than LIST_ROWS: it
    takes the room its box's stretch gives and scrolls."""
    if rows > LIST_ROWS:
        view.setMaximumHeight(QWIDGETSIZE_MAX)
        return
    row = view.sizeHintForRow(0) if rows else view.fontMetrics().lineSpacing()
    view.setMaximumHeight(row * max(1, rows) + 2 * view.frameWidth() + 2)


def _problem_list() -> QListWidget:
    """A list of per-card problems whose long lines wrap instead of scrolling sideways."""
    problems = QListWidget()
    problems.setWordWrap(True)
    problems.setResizeMode(QListWidget.ResizeMode.Adjust)
    problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return problems
