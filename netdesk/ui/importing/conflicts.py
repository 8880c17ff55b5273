"""The preview's table of differing values: a matched card brings another title, note, birthday…
than the contact has; each row says which and lets the user keep the value there, take the new
one, or (notes) append it. Choices are written straight into the plan's `Conflict`s.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from netdesk.core.import_conflicts import Conflict, shown
from netdesk.core.importing import PlannedCard
from netdesk.ui.combo_delegate import choose_in_column
from netdesk.ui.plain import plain_tooltip
from netdesk.ui.tables import Index

ACTION_COLUMN = 4
LABELS = {"keep": "keep", "replace": "take new", "append": "append"}
"""What each resolution is called in the table."""
_CHOICE_OF = {label: choice for choice, label in LABELS.items()}


class ConflictTable(QTableWidget):
    """One row a differing value: contact, field, value there, value in the file, action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.pairs: list[tuple[PlannedCard, Conflict]] = []
        self.setHorizontalHeaderLabels(
            [
                self.tr("Contact"),
                self.tr("Field"),
                self.tr("There now"),
                self.tr("In the file"),
                self.tr("Action"),
            ]
        )
        choose_in_column(self, ACTION_COLUMN, self._resolutions)
        header = self.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(column, mode)
        self.setWordWrap(False)  # a value on one line, ending "…" (its tooltip holds it)
        self.itemChanged.connect(self._action_edited)

    def show_conflicts(self, pairs: list[tuple[PlannedCard, Conflict]]) -> None:
        """One row a conflict (actions edited here change the conflicts)."""
        self.pairs = pairs
        self.blockSignals(True)
        self.setRowCount(len(pairs))
        for row, (card, conflict) in enumerate(pairs):
            name = card.match_name or card.draft.full_name()
            contact = QTableWidgetItem(f"{name}  ({Path(card.file).name})")
            contact.setToolTip(plain_tooltip(f"{card.file}, card {card.card}"))
            cells = [
                contact,
                QTableWidgetItem(conflict.field.replace("_", " ")),
                _value_item(conflict.kept),
                _value_item(conflict.incoming),
            ]
            for column, item in enumerate(cells):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.setItem(row, column, item)
            self.setItem(row, ACTION_COLUMN, QTableWidgetItem(LABELS[conflict.choice]))
        self.blockSignals(False)

    def _resolutions(self, index: Index) -> list[str]:
        """The resolutions a row's field allows, as the table names them."""
        _, conflict = self.pairs[index.row()]
        return [LABELS[choice] for choice in conflict.choices()]

    def choose_for_all(self, choice: str) -> None:
        """Set every conflict that allows it to `choice` (keep or replace)."""
        for row, (_, conflict) in enumerate(self.pairs):
            if choice in conflict.choices():
                conflict.choice = choice
                cell = self.item(row, ACTION_COLUMN)
                assert cell is not None  # every row has its cells (show_plan)
                cell.setText(LABELS[choice])

    def _action_edited(self, item: QTableWidgetItem) -> None:
        if item.column() != ACTION_COLUMN:
            return
        _, conflict = self.pairs[item.row()]
        choice = _CHOICE_OF.get(item.text())
        if choice in conflict.choices():
            conflict.choice = choice
        else:
            item.setText(LABELS[conflict.choice])


def _value_item(value: object) -> QTableWidgetItem:
    """A value on one line (a note's line breaks as ⏎), whole in the tooltip; a photo by its
    kind and size, with the picture as the cell's icon."""
    text = shown(value)
    item = QTableWidgetItem(" ⏎ ".join(text.splitlines()))
    item.setToolTip(plain_tooltip(text))
    if isinstance(value, bytes) and (picture := QPixmap()).loadFromData(value):
        item.setIcon(QIcon(picture))
    return item
