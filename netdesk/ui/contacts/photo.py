"""Contact photos: scaled and size-capped on save; a field that takes a drop or a picked file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from netdesk.ui.contacts.avatars import initials_pixmap, round_pixmap

MAX_SIDE = 512
MAX_BYTES = 200_000
PREVIEW = 88


def prepare_photo(data: bytes) -> bytes | str:
    """The photo scaled to at most MAX_SIDE pixels and MAX_BYTES as JPEG, or why it can't be."""
    from PySide6.QtGui import QImage, QImageReader, QImageWriter  # see `PhotoField._paint`

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_SIDE:
        reader.setScaledSize(size.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return f"This file is not a picture NetDesk can read ({reader.errorString()})."
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE,
            MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    if image.hasAlphaChannel():
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    for quality in (88, 75, 60, 45):
        out = QBuffer()
        out.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QImageWriter(out, b"JPEG")  # QImage.save takes the format as str, its stub bytes
        writer.setQuality(quality)
        writer.write(image)
        encoded = bytes(out.data().data())
        if len(encoded) <= MAX_BYTES:
            break
    return encoded


class PhotoField(QWidget):
    """The contact's picture, with Choose… and Remove; an image file can be dropped on it."""

    changed = Signal()
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.photo: bytes | None = None
        self.name = ""
        self.picture = QLabel()
        self.picture.setFixedSize(PREVIEW, PREVIEW)
        self.picture.setToolTip("Drop a picture here")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self.choose)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.clear)
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(choose)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._paint()

    def set_photo(self, photo: bytes | None, name: str) -> None:
        self.photo = photo
        self.name = name
        self._paint()

    def load_file(self, path: str) -> bool:
        """Take the picture in `path` (scaled); tell the user when it is not a picture."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.failed.emit(f"Could not read {path}: {exc.strerror}")
            return False
        prepared = prepare_photo(data)
        if isinstance(prepared, str):
            self.failed.emit(f"{Path(path).name}: {prepared}")
            return False
        self.photo = prepared
        self._paint()
        self.changed.emit()
        return True

    def choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # its type built when asked, not before usable

        path, _ = QFileDialog.getOpenFileName(
            self, "Choose a photo", "", "Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)"
        )
        if path:
            self.load_file(path)

    def clear(self) -> None:
        self.photo = None
        self._paint()
        self.changed.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.load_file(urls[0].toLocalFile())
            event.acceptProposedAction()

    def _paint(self) -> None:
        pixmap = None
        if self.photo:  # QImage's types (4 enum types) built for a photo, not before usable
            from PySide6.QtGui import QImage

            image = QImage()
            if image.loadFromData(self.photo):
                pixmap = round_pixmap(image, PREVIEW)
        if pixmap is None:
            pixmap = initials_pixmap(self.name or "?", PREVIEW)
        self.picture.setPixmap(pixmap)
        self.remove_button.setEnabled(self.photo is not None)
