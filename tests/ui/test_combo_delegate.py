"""ComboDelegate: a cell edited with a combo box of the texts its row allows."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QTableWidget, QTableWidgetItem

from netdesk.ui.combo_delegate import ComboDelegate


def test_the_editor_offers_the_rows_options_and_writes_the_chosen_one(qtbot) -> None:
    table = QTableWidget(2, 1)
    qtbot.addWidget(table)
    for row, text in enumerate(("keep", "merge")):
        table.setItem(row, 0, QTableWidgetItem(text))
    options = {0: ["keep", "take new", "append"], 1: ["merge", "skip", "new"]}
    delegate = ComboDelegate(lambda index: options[index.row()], table)
    index = table.model().index(0, 0)
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == options[0]
    delegate.setEditorData(editor, index)
    assert editor.currentText() == "keep"
    editor.setCurrentText("append")
    delegate.setModelData(editor, table.model(), index)
    assert table.item(0, 0).text() == "append"
