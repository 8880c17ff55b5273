"""The text encoding each CSV file of an import was read in, with a choice of another.

A CSV file does not say its encoding; NetDesk detects it (formats.text), which can go wrong on a
few short names. Beside the encoding the first names read from the file show whether it went
right; when they look garbled, the user picks another encoding and the dialog reads the file
again (`chosen`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QWidget

from netdesk.core.importing import ImportPlan
from netdesk.formats.text import ENCODINGS
from netdesk.ui.plain import plain_label

SAMPLE_NAMES = 3


class EncodingChoices(QWidget):
    """One row a CSV file: "Text encoding of google.csv: [UTF-8 ▾]  Names read: Ann Lee, …"."""

    chosen = Signal(str, str)
    """(file, codec name) when the user picks another encoding for a file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QComboBox] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(2, 1)

    def show_plan(self, plan: ImportPlan) -> None:
        """Show the encoding each CSV file of `plan` was read in, with the first names read."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()):
                widget.setParent(None)  # gone now, not at the next turn of the event loop
                widget.deleteLater()
        self.boxes = {}
        cards = plan.new + plan.matches + plan.possible
        for row, (file, used) in enumerate(plan.encodings.items()):
            box = QComboBox()
            for codec, name in ENCODINGS.items():
                box.addItem(name, codec)
            box.setCurrentIndex(max(0, box.findData(used)))
            box.setToolTip(self.tr("Choose another encoding if the names look garbled"))
            box.activated.connect(lambda _i, f=file, b=box: self.chosen.emit(f, b.currentData()))
            names = [c.draft.full_name() for c in cards if c.file == file][: SAMPLE_NAMES + 1]
            shown = ", ".join(names[:SAMPLE_NAMES]) + (", …" if len(names) > SAMPLE_NAMES else "")
            label = plain_label(self.tr("Text encoding of {0}:").format(Path(file).name))
            sample = plain_label(self.tr("Names read: {0}").format(shown) if names else "")
            sample.setObjectName("encodingSample")
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(box, row, 1)
            self.grid.addWidget(sample, row, 2)
            self.boxes[file] = box
        self.setVisible(bool(plan.encodings))
