"""Render ``grid-station.svg`` into the raster icons a bundle needs: ``app.ico``, ``app.png``.

    python resources/icons/make_icons.py

Windows wants an ``.ico`` for the executable and the taskbar; Linux desktops and some Qt
styles want a PNG. Both are made here with Qt's own SVG renderer (no download, no extra
tool) and committed: run this after changing the SVG (``build.spec`` runs it only when
an icon is missing).
The ``.ico`` holds one PNG-compressed image per size (valid since Windows Vista).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "grid-station.svg"
ICO = HERE / "app.ico"
PNG = HERE / "app.png"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZE = 256


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size``×``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file of PNG ``images`` keyed by size (ICONDIR, ICONDIRENTRYs, then the data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + entries + payload


def make_icons(*, svg: Path = SVG, ico: Path = ICO, png: Path = PNG) -> list[Path]:
    """Write ``ico`` and ``png`` from ``svg``; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage needs one
    ico.write_bytes(ico_bytes({size: render_png(svg, size) for size in ICO_SIZES}))
    png.write_bytes(render_png(svg, PNG_SIZE))
    return [ico, png]


def icons_missing(*, ico: Path = ICO, png: Path = PNG) -> bool:
    return not (ico.exists() and png.exists())


if __name__ == "__main__":
    for written in make_icons():
        print(written)
