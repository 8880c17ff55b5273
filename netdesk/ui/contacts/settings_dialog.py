"""Contact settings: the region used to read phone numbers typed without a country code."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QWidget

from netdesk.ui.followup_dialog import ok_cancel
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label


def region_name(code: str) -> str:
    """ "GB" -> "United Kingdom (GB)"."""
    territory = QLocale.codeToTerritory(code)
    name = QLocale.territoryToString(territory) if territory.value else ""
    return f"{name} ({code})" if name else code


class ContactSettingsDialog(QDialog):
    """Pick the default phone region."""

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
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
        form.addRow(ok_cancel(self))

    def chosen_region(self) -> str:
        return self.region.currentData()
