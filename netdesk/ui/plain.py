"""Contact text is shown as plain text: helpers for the places Qt would read it as rich text."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """Tooltip markup that shows `text` literally (Qt guesses rich text from tags otherwise)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
