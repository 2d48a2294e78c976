"""Icons drawn from the SVGs in `assets/icons`, in the theme's colours.

The line icons use `currentColor`; Qt's SVG renderer does not know it, so the colour is put
into the SVG text before rendering. Selected sidebar entries get the accent colour.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from mockint.paths import assets_dir
from mockint.ui.theme import Theme

ICONS_DIR = assets_dir() / "icons"
_SIZES = (16, 20, 24, 32, 48)


@cache
def _svg_text(name: str) -> str:
    return (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8")


def _pixmap(svg: str, size: int, scale: float = 2.0) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixels = int(size * scale)
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(scale)
    return pixmap


def tinted_icon(name: str, color: str, selected_color: str | None = None, disabled_color: str | None = None) -> QIcon:
    icon = QIcon()
    variants = [(QIcon.Mode.Normal, color), (QIcon.Mode.Active, color)]
    if selected_color:
        variants.append((QIcon.Mode.Selected, selected_color))
    if disabled_color:
        variants.append((QIcon.Mode.Disabled, disabled_color))
    for mode, tint in variants:
        svg = _svg_text(name).replace("currentColor", tint)
        for size in _SIZES:
            icon.addPixmap(_pixmap(svg, size), mode)
    return icon


def themed_icon(name: str, theme: Theme, *, role: str = "muted") -> QIcon:
    """A line icon in the theme's `role` colour; accent when selected, faint when disabled."""
    return tinted_icon(name, theme.color(role), theme.color("accent_strong"), theme.color("faint"))


def app_icon() -> QIcon:
    icon = QIcon()
    svg = _svg_text("app")
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(_pixmap(svg, size, scale=1.0))
    return icon


def icon_size(pixels: int) -> QSize:
    return QSize(pixels, pixels)
