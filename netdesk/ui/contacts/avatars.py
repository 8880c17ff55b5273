"""Contact pictures for the list: the stored photo scaled down, else coloured initials.

Pictures are made once per contact and kept in a small cache; coloured initials once per
initials and colour (a sort at 100,000 shows a page of contacts not painted before: drawing
their initials again cost ~0.4 ms a row). A photo is decoded at about twice the picture's
size (a JPEG's decoder scales down as it reads: 0.7 ms against 3.6 ms decoded whole, scaled
and cropped, at load 13). Photos without a stored thumbnail
are asked of the contacts service when the first of them is painted, for every row fetched
since at once (one query a page, never one a row while painting), and read again after a
refresh.
"""

from __future__ import annotations

import math
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap

from netdesk.core.contact_list import ContactRow

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

SIZE = 28
_PALETTE = ("#4f7cd8", "#d8774f", "#3f9e74", "#9b59b6", "#c0506a", "#2e8fa3", "#a38b2e")
_CACHE_LIMIT = 2000

PhotoLoader = Callable[[list[int]], dict[int, bytes]]


def initials(name: str) -> str:
    """Up to two initials of a name ("Maria Chen" -> "MC")."""
    words = [w for w in name.split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def round_pixmap(image: QImage, size: int) -> QPixmap:
    """`image` cropped to a circle of `size` pixels."""
    from PySide6.QtGui import QPainterPath  # built for a photo, not for initials (see `pixmap`)

    scaled = image.scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(QRectF(0, 0, size, size))
    painter.setClipPath(path)
    painter.drawImage((size - scaled.width()) // 2, (size - scaled.height()) // 2, scaled)
    painter.end()
    return pixmap


def photo_image(data: bytes, size: int) -> QImage:
    """An image file's picture decoded at about twice `size` pixels on its shorter side (a
    null image when it is no picture)."""
    from PySide6.QtGui import QImageReader  # built for a photo, not for initials (see `pixmap`)

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    full = reader.size()
    shorter = min(full.width(), full.height())
    if full.isValid() and shorter > 2 * size:
        ratio = 2 * size / shorter  # twice: smooth scaling to the picture after
        reader.setScaledSize(
            QSize(math.ceil(full.width() * ratio), math.ceil(full.height() * ratio))
        )
    return reader.read()


def initials_pixmap(name: str, size: int) -> QPixmap:
    """A coloured circle with the name's initials (drawn on a copy of the colour's circle, in
    a font kept per size: the circle and the font made each time were half its cost)."""
    pixmap = _circle(_colour(name), size).copy()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(_initials_font(size))
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pixmap


@cache
def _circle(colour: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size, size)
    painter.end()
    return pixmap


def _initials_font(size: int) -> QFont:
    """The application's font, bold, at 40% of `size` pixels (made again when that font
    changes)."""
    base = QGuiApplication.font()
    font = _fonts.get(size)
    if font is None or font[0] != base:
        font = _fonts[size] = (base, QFont(base))
        font[1].setPixelSize(int(size * 0.4))
        font[1].setBold(True)
    return font[1]


_fonts: dict[int, tuple[QFont, QFont]] = {}


def _colour(name: str) -> str:
    return _PALETTE[zlib.crc32(name.encode()) % len(_PALETTE)]


class Avatars:
    """A cache of list pictures keyed by contact id."""

    def __init__(self, load_photos: PhotoLoader, size: int = SIZE) -> None:
        self.size = size
        self._load_photos = load_photos
        self._cache: OrderedDict[tuple[int, str, str, bool], QPixmap] = OrderedDict()
        self._photos: dict[int, bytes] = {}
        self._asked: set[int] = set()
        self._wanted: set[int] = set()
        """Rows fetched since photos were last read whose photo has no thumbnail: read
        together when the first row's picture is made (never the rows asked before: at
        100,000 rows looking through all of them again for each page cost ~20 ms)."""
        self._initials: dict[tuple[str, str], QPixmap] = {}

    def forget_photos(self) -> None:
        """The list was read again: photos are asked for again when painted."""
        self._photos.clear()
        self._asked.clear()
        self._wanted.clear()

    def add_rows(self, rows: Iterable[ContactRow]) -> None:
        """Rows were fetched: their photos without a thumbnail are read together, when the
        first picture is painted."""
        self._wanted.update(row.id for row in rows if _needs_photo(row))

    def pixmap(self, row: ContactRow) -> QPixmap:
        """The row's picture; a contact saved since (or with a new name or photo) gets a new one."""
        key = (row.id, row.updated_at, row.name, row.has_photo)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        data = row.photo_thumb
        if _needs_photo(row):
            data = self._photo(row.id)
        # no QImage made for a contact without a photo: building QImage's type (and
        # QImageReader's, QPainterPath's) took ~0.4 ms before Contacts was usable
        image = photo_image(data, self.size) if data is not None else None
        if image is None or image.isNull():
            made = self._initials_of(row.name)
        else:
            made = round_pixmap(image, self.size)
        self._cache[key] = made
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.popitem(last=False)
        return made

    def _initials_of(self, name: str) -> QPixmap:
        key = (initials(name), _colour(name))
        made = self._initials.get(key)
        if made is None:
            made = self._initials[key] = initials_pixmap(name, self.size)
        return made

    def _photo(self, contact_id: int) -> bytes | None:
        if contact_id not in self._asked:
            wanted = {contact_id, *self._wanted}
            self._wanted.clear()
            self._asked.update(wanted)
            self._photos.update(self._load_photos(sorted(wanted)))
        self._asked.discard(contact_id)  # the picture is cached: its bytes need not be
        return self._photos.pop(contact_id, None)


def _needs_photo(row: ContactRow) -> bool:
    return row.has_photo and row.photo_thumb is None
