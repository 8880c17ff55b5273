"""Help → About's licences: NetDesk's own, then the notice a packaged build carries."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from netdesk.ui.about import AboutDialog

ROOT = Path(__file__).resolve().parents[2]


def about(qtbot, tmp_path: Path) -> AboutDialog:
    dialog = AboutDialog(tmp_path / "netdesk.db", tmp_path / "netdesk.log")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen app's _internal/ with the licences build.sh writes."""
    internal = tmp_path / "_internal"
    (internal / "licenses").mkdir(parents=True)
    (internal / "licenses/LICENSE").write_text("MIT License\n\nCopyright (c) 2026 NetDesk\n")
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    return internal


def test_a_bundle_shows_its_third_party_notice_as_plain_text(qtbot, tmp_path, bundle) -> None:
    notice = "<b>Qt 6.11.3</b> & ICU\nLicence: LGPL-3.0-only\nRelinking: copy your libQt6*.so.6"
    (bundle / "licenses/THIRD-PARTY-NOTICES.txt").write_text(notice)

    dialog = about(qtbot, tmp_path)
    shown = dialog.licences.toPlainText()

    assert shown == f"MIT License\n\nCopyright (c) 2026 NetDesk\n\n\n{notice}"


def test_the_summary_is_plain_text(qtbot, tmp_path, bundle) -> None:
    dialog = AboutDialog(tmp_path / "<i>odd</i>.db", tmp_path / "log")
    qtbot.addWidget(dialog)
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText
    assert "<i>odd</i>.db" in dialog.summary.text()


def test_a_checkout_shows_the_repository_licence(qtbot, tmp_path) -> None:
    dialog = about(qtbot, tmp_path)
    shown = dialog.licences.toPlainText()
    assert shown.startswith((ROOT / "LICENSE").read_text())
    assert "Running from source" in shown
    assert "Permission is hereby granted" in shown
    # no line runs past the box at its size: "…in this Python environment, u" did, with a
    # sideways scroll bar under the licence
    qtbot.waitExposed(dialog)
    assert dialog.licences.horizontalScrollBar().maximum() == 0


def test_close_closes(qtbot, tmp_path) -> None:
    dialog = about(qtbot, tmp_path)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
