"""A table of planned cards, each with the contact it looks like, why, and a merge / skip / new
choice edited in place (a combo box delegate) and written straight into its `PlannedCard`.

The preview shows two: sure matches and possible duplicates. All text is plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from netdesk.core.importing import CHOICES, PlannedCard
from netdesk.ui.combo_delegate import choose_in_column
from netdesk.ui.plain import plain_tooltip

CHOICE_COLUMN = 3


class ChoiceTable(QTableWidget):
    """Planned cards with their choice; `looks_like` names the second column."""

    def __init__(self, looks_like: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.cards: list[PlannedCard] = []
        self.setHorizontalHeaderLabels(
            [self.tr("In the file"), looks_like, self.tr("Because"), self.tr("Action")]
        )
        choose_in_column(self, CHOICE_COLUMN, lambda _: list(CHOICES))
        header = self.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CHOICE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(False)  # a long reason on one line, ending "…" (its tooltip holds it)
        self.itemChanged.connect(self._choice_edited)

    def show_cards(self, cards: list[PlannedCard]) -> None:
        """One row a card (choices edited here change the cards)."""
        self.cards = cards
        self.blockSignals(True)
        self.setRowCount(len(cards))
        for row, card in enumerate(cards):
            source = QTableWidgetItem(f"{card.draft.full_name()}  ({Path(card.file).name})")
            source.setToolTip(plain_tooltip(f"{card.file}, card {card.card}"))
            other = card.match_name
            if card.partner is not None:
                other = self.tr("{0} (card {1} of {2})").format(
                    other, card.partner.card, Path(card.partner.file).name
                )
            cells = [source, QTableWidgetItem(other), QTableWidgetItem(card.reason)]
            cells[1].setToolTip(plain_tooltip(other))
            cells[2].setToolTip(plain_tooltip(card.reason))
            for column, item in enumerate(cells):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.setItem(row, column, item)
            self.setItem(row, CHOICE_COLUMN, QTableWidgetItem(card.choice))
        self.blockSignals(False)

    def refresh_choices(self) -> None:
        """Show the cards' choices again (after the plan changed them)."""
        for row, card in enumerate(self.cards):
            cell = self.item(row, CHOICE_COLUMN)
            assert cell is not None  # every row has its cells
            cell.setText(card.choice)

    def _choice_edited(self, item: QTableWidgetItem) -> None:
        if item.column() != CHOICE_COLUMN:
            return
        card = self.cards[item.row()]
        if item.text() in CHOICES:
            card.choice = item.text()
        else:
            item.setText(card.choice)
