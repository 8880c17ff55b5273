"""The application's look: a light sidebar, card surfaces and label roles on the platform style.

No application-wide style sheet: with one, Qt draws every widget through its style-sheet style,
which made every repaint of a large contact list slower. A style sheet goes on the sidebar
alone (cards paint themselves: `ui/card.py`); labels get their role's colour and font.
The sidebar draws its own focus ring (a blue border on the current view while it has focus).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

SIDEBAR_STYLE = """
QListWidget#sidebar {
    background: #f1f4f9;
    border: none;
    border-right: 1px solid #dde3ec;
    padding-top: 8px;
    outline: 0;
}
QListWidget#sidebar::item {
    color: #243047;
    padding: 4px 10px;
    margin: 1px 8px;
    border: 2px solid transparent;
    border-radius: 6px;
}
QListWidget#sidebar::item:focus { border-color: #3b6fd6; }
QListWidget#sidebar::item:hover { background: #e4eaf4; }
QListWidget#sidebar::item:disabled { color: #9aa5b8; }
QListWidget#sidebar::item:selected {
    background: #d6e3fb;
    color: #0f2a5c;
}
"""

# role: (text colour, pixel size or None, bold)
_LABEL_ROLES = {
    "fieldError": ("#b3261e", None, False),
    "hint": ("#5d6b82", None, False),
    "editorHeading": ("#1c2a44", 17, True),
    "emptyTitle": ("#243047", 17, True),
    "sectionTitle": ("#243047", None, True),
    "figureValue": ("#1b3f8f", None, False),
}


def style_label(label: QLabel, role: str) -> QLabel:
    """Give `label` the look of `role` (also its object name, which tests and tools find)."""
    from PySide6.QtGui import QColor, QFont, QPalette  # not before the first paint

    colour, pixel_size, bold = _LABEL_ROLES[role]
    label.setObjectName(role)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    if pixel_size is not None or bold:
        font = label.font()
        if pixel_size is not None:
            font.setPixelSize(pixel_size)
        if bold:
            font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
    return label


KEEP_COLOURS = {"due": "#9a5b00", "drifting": "#b3261e"}
"""Text colours of a contact past their keep-in-touch interval: amber past the ideal, red past
the maximum ("drifting")."""
KEEP_WORDS = {
    "due": "Past their keep-in-touch interval",
    "drifting": "Drifting: past their maximum keep-in-touch interval",
}
