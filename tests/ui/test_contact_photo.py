"""Contact photos: scaled and size-capped, bad files named in a clear message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from netdesk.ui.contacts.editor import ContactEditor
from netdesk.ui.contacts.photo import MAX_BYTES, MAX_SIDE, prepare_photo


def _noisy_png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#3366aa"))
    painter = QPainter(image)
    for step in range(0, width, 7):
        painter.setPen(QColor((step * 37) % 255, (step * 91) % 255, (step * 13) % 255))
        painter.drawLine(step, 0, width - step, height)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def test_huge_photo_is_scaled_and_capped(qapp) -> None:
    prepared = prepare_photo(_noisy_png(4000, 3000))
    assert isinstance(prepared, bytes) and len(prepared) <= MAX_BYTES
    image = QImage()
    assert image.loadFromData(prepared)
    assert max(image.width(), image.height()) == MAX_SIDE
    assert image.width() / image.height() == 4000 / 3000


def test_not_a_picture_is_refused_with_a_message(qapp) -> None:
    assert isinstance(prepare_photo(b"BEGIN:VCARD\r\nEND:VCARD\r\n"), str)


def test_editor_takes_a_photo_file_and_names_a_bad_one(qtbot, services, tmp_path: Path) -> None:
    editor = ContactEditor(services, "GB")
    qtbot.addWidget(editor)
    editor.given.setText("Ana")
    good = tmp_path / "ana.png"
    good.write_bytes(_noisy_png(800, 800))
    assert editor.photo.load_file(str(good))
    assert editor.draft().photo is not None and editor.dirty
    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    assert not editor.photo.load_file(str(bad))
    assert "notes.png" in editor.problems.text()
    assert editor.problems.textFormat() == Qt.TextFormat.PlainText
    editor.photo.clear()
    assert editor.draft().photo is None
