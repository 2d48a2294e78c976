"""How loud the microphone hears the user: a slim bar that rises quickly and falls gently."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from mockint.ui.theme import Theme

FALL_PER_UPDATE = 0.08  # how far the bar may drop per level update (~20 a second): no flicker
QUIET = 0.02  # below this the meter says "quiet", so a silent microphone is noticed


class LevelMeter(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._shown = 0.0
        self.setMinimumSize(QSize(120, 10))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Microphone level")
        self.setToolTip("How loud the microphone hears you. If it stays flat while you speak, check the microphone.")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(220, 10)

    @property
    def shown_level(self) -> float:
        return self._shown

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def set_level(self, level: float) -> None:
        # Square root: speech levels sit low on a linear scale and would barely move the bar.
        target = math.sqrt(min(1.0, max(0.0, float(level))))
        self._shown = target if target >= self._shown else max(target, self._shown - FALL_PER_UPDATE)
        self.setAccessibleDescription("quiet" if self._shown < QUIET else f"{round(self._shown * 100)} percent")
        self.update()

    def reset(self) -> None:
        self._shown = 0.0
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        height = min(10.0, float(self.height()))
        track = QRectF(0, (self.height() - height) / 2, self.width(), height)
        painter.setBrush(QColor(self._theme.color("border")))
        painter.drawRoundedRect(track, height / 2, height / 2)
        if self._shown > 0:
            fill = QRectF(track.x(), track.y(), max(height, track.width() * self._shown), height)
            painter.setBrush(QColor(self._theme.color("ok")))
            painter.drawRoundedRect(fill, height / 2, height / 2)
        painter.end()
