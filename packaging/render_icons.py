"""Renders MockInt's app icon (assets/icons/app.svg) with Qt into what each platform wants.

    python3 packaging/render_icons.py OUT_DIR

writes OUT_DIR/hicolor/<N>x<N>/apps/mockint.png for the freedesktop sizes plus
OUT_DIR/hicolor/scalable/apps/mockint.svg (Linux menus), OUT_DIR/mockint.ico (Windows) and
OUT_DIR/mockint.icns (macOS). Nothing rendered is kept in git: the SVG is the one source.
Runs offscreen, so it needs no display.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

# the freedesktop icon theme's usual sizes; 256 is also the largest a Windows .ico holds
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICON_NAME = "mockint"
# ICNS chunk types that hold a PNG of that many pixels a side
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def _app_svg() -> Path:
    # the installed MockInt's (a pip install, editable or not): its assets are where it finds them
    from mockint.paths import assets_dir

    return assets_dir() / "icons" / "app.svg"


def _png_bytes(picture: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes, PySide6 wants str
    buffer.close()
    return bytes(data.data())


def _ico(pngs: dict[int, bytes]) -> bytes:
    sizes = list(ICO_SIZES)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, image count
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        png = pngs[size]
        # width and height 0 mean 256; no palette; 1 plane; 32 bits a pixel
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def _icns(pngs: dict[int, bytes]) -> bytes:
    chunks = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for size, kind in ICNS_TYPES.items())
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def render_icons(out_dir: Path) -> list[Path]:
    """Renders every icon into `out_dir`; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    svg = _app_svg()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not an SVG Qt can draw")

    def image(size: int) -> QImage:
        picture = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        return picture

    written: list[Path] = []
    for size in HICOLOR_SIZES:
        target = out_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image(size).save(str(target)):
            raise SystemExit(f"render_icons: could not write {target}")
        written.append(target)
    scalable = out_dir / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)

    # Qt's ico and icns writers keep one image per file; both formats can hold PNGs, so they are
    # packed here from Qt's PNGs (ICO: a directory of entries; ICNS: typed chunks)
    pngs = {size: _png_bytes(image(size)) for size in sorted(set(ICO_SIZES) | set(ICNS_TYPES))}
    ico = out_dir / f"{ICON_NAME}.ico"
    ico.write_bytes(_ico(pngs))
    icns = out_dir / f"{ICON_NAME}.icns"
    icns.write_bytes(_icns(pngs))
    written += [ico, icns]
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python3 packaging/render_icons.py OUT_DIR")
    for path in render_icons(Path(sys.argv[1])):
        print(path)
