"""Icons from resources/icons (SVG), cached."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from netdesk.paths import resource


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg` (an empty icon if the file is missing)."""
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
