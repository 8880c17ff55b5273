"""Contact photos as people's address books hold them: JPEG mostly, some PNG, 96 to 720 pixels
square, 2-45 KB (~9 KB on average): a blurred face-like blob over a blotchy background, so they
compress like photos, not like flat colour or pure noise.

`photo_pool(seed)` draws a pool of distinct images once (Qt encodes them, ~6 ms each);
`photo(rng, pool)` picks one and makes its bytes unique with a comment (a JPEG COM segment, a
PNG tEXt chunk), as no two people's photos are the same file.
"""

from __future__ import annotations

import random
import struct
import zlib
from functools import lru_cache

SIDES = (96, 128, 200, 256, 400, 512, 720)
SIDE_WEIGHTS = (25, 25, 20, 15, 8, 5, 2)
POOL = 48


def _encoded(rng: random.Random, side: int, kind: str) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QRadialGradient

    blotches = QImage(rng.randbytes(12 * 12 * 3), 12, 12, 36, QImage.Format.Format_RGB888)
    image = blotches.scaled(
        side,
        side,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    ).convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(image)
    centre = QPointF(side / 2, side * 0.42)
    face = QRadialGradient(centre, side * 0.3)
    face.setColorAt(0, QColor(rng.randint(150, 255), rng.randint(100, 200), rng.randint(80, 170)))
    face.setColorAt(1, QColor(0, 0, 0, 0))
    painter.setBrush(QBrush(face))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(centre, side * 0.3, side * 0.36)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, kind, rng.choice((70, 80, 90)) if kind == "JPG" else -1)
    return bytes(data.data())


@lru_cache(maxsize=4)
def photo_pool(seed: int = 3, size: int = POOL) -> tuple[bytes, ...]:
    """`size` distinct encoded photos, most of them small: a fifth of those up to 128 pixels PNG,
    the rest JPEG (a large PNG photo is rare: 40 KB at 200 pixels, 120 KB at 400)."""
    rng = random.Random(seed)
    pool = []
    for _ in range(size):
        side = rng.choices(SIDES, SIDE_WEIGHTS)[0]
        kind = "PNG" if side <= 128 and rng.random() < 0.2 else "JPG"
        pool.append(_encoded(rng, side, kind))
    return tuple(pool)


def photo(rng: random.Random, pool: tuple[bytes, ...], mark: str) -> bytes:
    """One photo of the pool, made unique by `mark` in a comment (the image is unchanged)."""
    data = rng.choice(pool)
    text = mark.encode("ascii")
    if data.startswith(b"\xff\xd8"):
        return data[:2] + b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text + data[2:]
    chunk = b"tEXt" + b"Comment\x00" + text
    crc = struct.pack(">I", zlib.crc32(chunk))
    header_end = 8 + 25  # signature, then IHDR (length, type, 13 bytes, CRC)
    return data[:header_end] + struct.pack(">I", len(chunk) - 4) + chunk + crc + data[header_end:]
