"""The application's look: a light sidebar and card surfaces on top of the platform style."""

from __future__ import annotations

STYLESHEET = """
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
    border-radius: 6px;
}
QListWidget#sidebar::item:hover { background: #e4eaf4; }
QListWidget#sidebar::item:selected {
    background: #d6e3fb;
    color: #0f2a5c;
}
QFrame#figureCard {
    background: #ffffff;
    border: 1px solid #dde3ec;
    border-radius: 10px;
}
QLabel#figureValue { color: #1b3f8f; }
QLabel#fieldError { color: #b3261e; }
QLabel#hint { color: #5d6b82; }
QLabel#editorHeading { font-size: 17px; font-weight: 600; color: #1c2a44; }
QLabel#emptyTitle { font-size: 17px; font-weight: 600; color: #243047; }
QLabel#sectionTitle { font-weight: 600; color: #243047; }
QTableView#contactTable { border: 1px solid #dde3ec; border-radius: 6px; }
"""
