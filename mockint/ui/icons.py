"""Icons drawn from the SVGs in `assets/icons`, in the theme's colours.

The line icons use `currentColor`; Qt's SVG renderer does not know it, so the colour is put
into the SVG text before rendering. Selected sidebar entries get the accent colour. An icon is
rendered when Qt first draws it at a size, and kept: icons cost nothing at start-up.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
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


# Rendered pixmaps, by (tinted SVG, logical size, scale): each icon is drawn once, at the sizes
# actually shown, instead of every size and mode up front (hundreds of pixmaps at start-up).
_RENDERED: dict[tuple[str, int, int, float], QPixmap] = {}


def rendered(svg: str, width: int, height: int, scale: float = 2.0) -> QPixmap:
    key = (svg, width, height, scale)
    pixmap = _RENDERED.get(key)
    if pixmap is None:
        side = max(1, min(width, height))
        pixmap = _RENDERED[key] = _pixmap(svg, side, scale)
    return pixmap


class _TintedSvgEngine(QIconEngine):
    """Draws one SVG in a colour per icon mode, when Qt first asks for a size."""

    def __init__(self, name: str, tints: dict[QIcon.Mode, str]) -> None:
        super().__init__()
        self._name = name
        self._tints = tints
        self._svgs = {mode: _svg_text(name).replace("currentColor", tint) for mode, tint in tints.items()}

    def _svg(self, mode: QIcon.Mode) -> str:
        return self._svgs.get(mode) or self._svgs[QIcon.Mode.Normal]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return rendered(self._svg(mode), size.width(), size.height())

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:  # noqa: N802
        return rendered(self._svg(mode), size.width(), size.height(), max(2.0, scale))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off) -> list[QSize]:  # noqa: N802
        return [QSize(size, size) for size in _SIZES]

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._name, dict(self._tints))


@cache
def tinted_icon(name: str, color: str, selected_color: str | None = None, disabled_color: str | None = None) -> QIcon:
    """The icon `name` in `color` (and the other colours for its selected and disabled modes)."""
    tints = {QIcon.Mode.Normal: color, QIcon.Mode.Active: color}
    if selected_color:
        tints[QIcon.Mode.Selected] = selected_color
    if disabled_color:
        tints[QIcon.Mode.Disabled] = disabled_color
    return QIcon(_TintedSvgEngine(name, tints))


def themed_icon(name: str, theme: Theme, *, role: str = "muted") -> QIcon:
    """A line icon in the theme's `role` colour; accent when selected, faint when disabled."""
    return tinted_icon(name, theme.color(role), theme.color("accent_strong"), theme.color("faint"))


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    svg = _svg_text("app")
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(_pixmap(svg, size, scale=1.0))
    return icon
