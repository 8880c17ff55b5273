"""A date field that may be empty (its minimum date, shown as its special value text).

Qt's date edit moves Tab between its day, month and year; while it shows the special value it
has no sections to move between and keeps Tab for ever, trapping the keyboard. This one lets
Tab and Shift+Tab go on to the next field while it is empty.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit


class OptionalDateEdit(QDateEdit):
    """A QDateEdit whose empty value (the minimum date) does not keep Tab."""

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.date() == self.minimumDate():
            return QAbstractSpinBox.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)
