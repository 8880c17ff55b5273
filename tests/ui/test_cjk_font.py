"""Chinese, Japanese and Korean names draw as letters, not boxes, offscreen (the screenshots and
the GUI tests): `scripts/system-deps.sh test` installs fonts-wqy-microhei (1.6 MB), a desktop
has its own CJK fonts."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import QLabel

NAMES = "伟 王 · 美咲 佐藤 · たろう · 민준 김"  # Han, kana, Hangul: names of gen_network's network


def test_cjk_names_have_glyphs(qtbot) -> None:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        pytest.skip("no CJK font: scripts/system-deps.sh test installs fonts-wqy-microhei")
    label = QLabel(NAMES)
    qtbot.addWidget(label)
    layout = QTextLayout(NAMES, label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    missing = [
        run.rawFont().familyName()
        for run in layout.glyphRuns()
        if 0 in run.glyphIndexes()  # glyph 0 is the font's box for a letter it lacks
    ]
    assert missing == []
