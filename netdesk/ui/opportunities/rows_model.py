"""What the board's columns and the list share: a model over `OpportunityRow`s on a day, and the
people of a row in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject

from netdesk.core.opportunity_rows import OpportunityRow
from netdesk.ui.tables import Index


def people_words(row: OpportunityRow) -> str:
    """ "referred: Ben Okafor; told: Ana Silva": the people by role, the latest role first."""
    return "; ".join(
        f"{role.removesuffix(' me')}: {', '.join(names)}"
        for role in ("referred me", "could refer me", "interviews me", "told me")
        if (names := row.names(role))
    )


class RowsModel(QAbstractTableModel):
    """Opportunities shown on `today` (overdue next steps are red against it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OpportunityRow] = []
        self.today = date.min

    def set_rows(self, rows: list[OpportunityRow], today: date) -> None:
        self.beginResetModel()
        self.rows, self.today = rows, today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def row_of(self, opportunity_id: int) -> int:
        """The row of an opportunity, or -1."""
        return next((i for i, r in enumerate(self.rows) if r.id == opportunity_id), -1)
