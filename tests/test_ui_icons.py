"""Icons are drawn in the theme's colours when first shown, once, not all at start-up."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon

from mockint.ui import icons
from mockint.ui.theme import theme_for

LIGHT = theme_for(Qt.ColorScheme.Light)


def darkest(icon: QIcon, mode: QIcon.Mode) -> QColor:
    image = icon.pixmap(QSize(24, 24), mode).toImage()
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    return max((p for p in pixels if p.alpha() > 200), key=lambda p: p.alpha(), default=QColor())


def test_an_icon_is_drawn_in_its_colours_at_the_size_asked_for_and_only_then(qapp):
    icons.tinted_icon.cache_clear()
    before = len(icons._RENDERED)
    icon = icons.themed_icon("practice", LIGHT, role="warning")
    assert len(icons._RENDERED) == before  # nothing drawn until someone shows it
    pixmap = icon.pixmap(QSize(20, 20))
    assert pixmap.deviceIndependentSize().toSize() == QSize(20, 20)
    assert darkest(icon, QIcon.Mode.Normal).name() == LIGHT.color("warning")
    assert darkest(icon, QIcon.Mode.Selected).name() == LIGHT.color("accent_strong")
    drawn = len(icons._RENDERED)
    icons.themed_icon("practice", LIGHT, role="warning").pixmap(QSize(20, 20))
    assert len(icons._RENDERED) == drawn  # the same icon again is not drawn again
