"""Counted words ("1 follow-up", "2 follow-ups") through Qt's tr() with a count.

`counted(context, "%Ln follow-up(s) due", n)` asks `QCoreApplication.translate` with `n`, so an
installed translation gives its language's plural forms (Qt's numerus forms). NetDesk installs
none for English, where Qt leaves the source text with its marks: `english` then reads them,
"(s)" or "(es)" after a word is added for any count but 1, "(person|people)" picks a form.
`%Ln` is the count with the locale's digit grouping ("1,074"; see ui/numbers.py).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_MARK = re.compile(r"\((\w*)\|(\w+)\)|(?<=\w)\((\w+)\)")


def english(text: str, n: int) -> str:
    """`text` with its plural marks resolved for `n` things (singular only for exactly 1)."""

    def form(match: re.Match[str]) -> str:
        one, many, suffix = match.groups()
        if suffix is not None:
            return "" if n == 1 else suffix
        return one if n == 1 else many

    return _MARK.sub(form, text)


def counted(context: str, text: str, n: int) -> str:
    """`text` translated for `n` (its `%Ln` the count), in English when no translation has it."""
    return english(QCoreApplication.translate(context, text, None, n), n)
