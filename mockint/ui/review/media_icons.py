"""Play, pause, stop and record glyphs drawn in the theme's colours (crisp at any scale)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

_SIZE = 32


def media_icon(kind: str, color: str) -> QIcon:
    """`kind`: play, pause, stop or record."""
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    if kind == "play":
        painter.drawPolygon(QPolygonF([QPointF(10, 7), QPointF(25, 16), QPointF(10, 25)]))
    elif kind == "pause":
        painter.drawRoundedRect(QRectF(9, 7, 5, 18), 1.5, 1.5)
        painter.drawRoundedRect(QRectF(18, 7, 5, 18), 1.5, 1.5)
    elif kind == "stop":
        painter.drawRoundedRect(QRectF(9, 9, 14, 14), 2, 2)
    elif kind == "record":
        painter.drawEllipse(QPointF(16, 16), 8, 8)
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)
