"""A combo box over a ChoiceModel acts as one filled item by item (values as item data)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from netdesk.ui.choice_model import ChoiceModel


def test_a_combo_box_over_choices_finds_and_gives_their_values(qtbot) -> None:
    box = QComboBox()
    qtbot.addWidget(box)
    model = ChoiceModel(box)
    box.setModel(model)
    model.set_choices([("All companies", ""), *((f"Org {n}", f"org-{n}") for n in range(5000))])
    assert box.count() == 5001 and box.currentText() == "All companies"
    box.setCurrentIndex(box.findData("org-4321"))
    assert (box.currentText(), box.currentData()) == ("Org 4321", "org-4321")
    model.set_choices([("All companies", ""), ("Org 1", "org-1")])
    assert box.count() == 2 and box.findData("org-4321") == -1
    assert box.itemText(1) == "Org 1" and box.itemData(1) == "org-1"
