"""The import preview names each CSV file's encoding and reads the file again in another one
the user picks."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from netdesk.store.models import Contact
from netdesk.ui.importing.controller import ImportController
from netdesk.ui.importing.dialog import ImportDialog
from tests.ui.test_importing import _import, _preview

ROWS = [("太郎", "山田", "taro@example.jp"), ("花子", "鈴木", "hanako@example.jp")]
THUNDERBIRD = "First Name,Last Name,Display Name,Primary Email\r\n" + "".join(
    f"{given},{family},{family} {given},{email}\r\n" for given, family, email in ROWS
)


def _pick(qtbot: QtBot, dialog: ImportDialog, file: str, codec: str) -> None:
    """Choose `codec` in the file's encoding box as the user does (keys on the box)."""
    box = dialog.preview.encodings.boxes[file]
    steps = box.findData(codec) - box.currentIndex()
    assert steps and box.findData(codec) >= 0
    for _ in range(abs(steps)):
        qtbot.keyClick(box, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    assert box.currentData() == codec


def test_the_preview_shows_the_encoding_and_reads_the_file_again_in_another(
    app_window, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "thunderbird.csv"
    path.write_bytes(THUNDERBIRD.encode("shift_jis"))
    (tmp_path / "other.vcf").write_text("BEGIN:VCARD\r\nFN:Ann Lee\r\nEND:VCARD\r\n")
    controller = app_window.findChild(ImportController)
    controller.open_files([str(path), str(tmp_path / "other.vcf")])
    dialog = _preview(qtbot, controller)
    choices = dialog.preview.encodings
    assert list(choices.boxes) == [str(path)]  # a vCard says its own encoding
    assert choices.isVisibleTo(dialog)
    assert choices.boxes[str(path)].currentText() == "Shift_JIS (Japanese)"
    names = [card.draft.full_name() for card in dialog.plan.new]
    assert names == ["山田 太郎", "鈴木 花子", "Ann Lee"]
    sample = choices.findChild(QLabel, "encodingSample")
    assert sample.text() == "Names read: 山田 太郎, 鈴木 花子"

    _pick(qtbot, dialog, str(path), "cp1252")
    qtbot.waitUntil(lambda: dialog.task is None and dialog.pages.currentIndex() == 1)
    garbled = "山田 太郎".encode("shift_jis").decode("cp1252", errors="replace")
    assert dialog.plan.new[0].draft.full_name() == garbled
    sample = dialog.preview.encodings.findChild(QLabel, "encodingSample")
    assert sample.text().startswith(f"Names read: {garbled}, ")
    assert dialog.preview.encodings.boxes[str(path)].currentText() == (
        "Windows-1252 (Western European)"
    )
    if os.environ.get("NETDESK_SCREENSHOTS"):
        dialog.resize(1024, 768)
        dialog.grab().save(str(Path(os.environ["NETDESK_SCREENSHOTS"]) / "encoding.png"))

    _pick(qtbot, dialog, str(path), "cp932")
    qtbot.waitUntil(lambda: dialog.task is None and dialog.pages.currentIndex() == 1)
    _import(qtbot, dialog)
    stored = sorted(c.display_name for c in Contact.select())
    assert stored == sorted(["山田 太郎", "鈴木 花子", "Ann Lee"])


def test_no_encoding_row_without_a_csv_file(app_window, qtbot, tmp_path: Path) -> None:
    card = tmp_path / "a.vcf"
    card.write_text("BEGIN:VCARD\r\nFN:Ann Lee\r\nEND:VCARD\r\n")
    controller = app_window.findChild(ImportController)
    controller.open_files([str(card)])
    dialog = _preview(qtbot, controller)
    assert dialog.preview.encodings.boxes == {}
    assert not dialog.preview.encodings.isVisibleTo(dialog)
