"""Render the app's SVG icon to the hicolor PNG sizes (Qt's SVG renderer, offscreen).

Usage: python packaging/render_icons.py SOURCE.svg OUTDIR
Writes OUTDIR/hicolor/scalable/apps/netdesk.svg, OUTDIR/hicolor/NxN/apps/netdesk.png and
OUTDIR/netdesk-256.png (the Windows and macOS icon source).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn on a transparent square of `size` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(source: Path, out: Path) -> None:
    """Write the scalable icon and every PNG size under `out`."""
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        sys.exit(f"{source}: not a valid SVG")
    hicolor = out / "hicolor"
    (hicolor / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    shutil.copy(source, hicolor / "scalable" / "apps" / "netdesk.svg")
    for size in SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / "netdesk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target)):
            sys.exit(f"could not write {target}")
    shutil.copy(hicolor / "256x256" / "apps" / "netdesk.png", out / "netdesk-256.png")


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    main(Path(sys.argv[1]), Path(sys.argv[2]))
