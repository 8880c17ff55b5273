"""Contact settings: the region used to read phone numbers typed without a country code, and
each circle's keep-in-touch interval (ideal and maximum, in days; kept in the database)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QGridLayout, QSpinBox, QWidget

from netdesk.core.cadence import CircleInterval
from netdesk.ui.followup_dialog import ok_cancel
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label

MAX_DAYS = 3650


def region_name(code: str) -> str:
    """ "GB" -> "United Kingdom (GB)"."""
    territory = QLocale.codeToTerritory(code)
    name = QLocale.territoryToString(territory) if territory.value else ""
    return f"{name} ({code})" if name else code


def _days(value: int, minimum: int = 0) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, MAX_DAYS)
    spin.setSuffix(" days")
    spin.setSpecialValueText("none")
    spin.setValue(value)
    return spin


class ContactSettingsDialog(QDialog):
    """Pick the default phone region and the circles' keep-in-touch intervals."""

    def __init__(
        self,
        region: str,
        intervals: list[CircleInterval] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        import phonenumbers

        self.setWindowTitle("Contact settings")
        self.region = QComboBox()
        codes = sorted(phonenumbers.SUPPORTED_REGIONS, key=region_name)
        for code in codes:
            self.region.addItem(region_name(code), code)
        self.region.setCurrentIndex(max(self.region.findData(region), 0))
        hint = plain_label(
            "Phone numbers typed without +country code are read as numbers of this region."
        )
        style_label(hint, "hint")
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("Phone region", self.region)
        form.addRow(hint)
        self.intervals: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        if intervals is not None:
            form.addRow(self._interval_grid(intervals))
        form.addRow(ok_cancel(self))

    def _interval_grid(self, intervals: list[CircleInterval]) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 12, 0, 0)
        grid.addWidget(style_label(plain_label("Keep in touch, by circle"), "sectionTitle"), 0, 0)
        grid.addWidget(plain_label("ideal"), 0, 1)
        grid.addWidget(plain_label("at most"), 0, 2)
        for row, interval in enumerate(intervals, start=1):
            ideal = _days(interval.ideal_days)
            most = _days(interval.max_days, interval.ideal_days)
            ideal.valueChanged.connect(most.setMinimum)  # the maximum never under the ideal
            for spin, what in ((ideal, "ideal"), (most, "maximum")):
                spin.setAccessibleName(f"{interval.circle}: {what} days between contacts")
            grid.addWidget(plain_label(interval.circle), row, 0)
            grid.addWidget(ideal, row, 1)
            grid.addWidget(most, row, 2)
            self.intervals[interval.circle] = (ideal, most)
        hint = plain_label(
            "Past the ideal a person is due for a check-in (amber); past the maximum, drifting "
            "(red). A contact's own cadence overrides their circle's."
        )
        style_label(hint, "hint")
        hint.setWordWrap(True)
        grid.addWidget(hint, len(intervals) + 1, 0, 1, 3)
        return box

    def chosen_region(self) -> str:
        return self.region.currentData()

    def chosen_intervals(self) -> list[CircleInterval]:
        """Each circle's interval as set (0 days: none)."""
        found = []
        for circle, (ideal, most) in self.intervals.items():
            days = ideal.value()
            found.append(CircleInterval(circle, days, max(most.value(), days) if days else 0))
        return found
