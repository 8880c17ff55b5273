"""Counts as the user's locale writes them: "1,074" in en_US, "1.074" in de_DE, "1 074" in fr_FR.

`grouped(n)` writes a number on its own; counted words say `%Ln` (ui/plural.py), which Qt fills
the same way. The C locale (none chosen: a bare container, CI, the screenshots) writes digits
ungrouped, as for a machine; `group_digits` has it group them as English does, for people.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale


def group_digits() -> None:
    """Have the C locale group digits (called once, as the application starts)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
        QLocale.setDefault(locale)


def grouped(number: int) -> str:
    """`number` with the locale's digit grouping."""
    return QLocale().toString(number)
