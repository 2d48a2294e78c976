"""Think time before an answer: a ring that empties and the seconds left, skippable at any time."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from mockint.ui.theme import Theme

TICK_MS = 50  # smooth enough for the ring, cheap enough to ignore


class Countdown(QWidget):
    finished = Signal(bool)  # True when the time ran out, False when skipped
    tick = Signal(int)  # whole seconds left (emitted when the number shown changes)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._total_s = 0.0
        self._clock = QElapsedTimer()
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._advance)
        self._shown = -1
        self.setMinimumSize(QSize(96, 96))
        self.setAccessibleName("Think time")
        self.setToolTip("Time to gather your thoughts. Press Space to start answering now.")

    @property
    def is_running(self) -> bool:
        return self._timer.isActive()

    @property
    def remaining_s(self) -> float:
        if not self.is_running:
            return 0.0
        return max(0.0, self._total_s - self._clock.elapsed() / 1000.0)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def start(self, seconds: float) -> None:
        """Counts `seconds` down; finished(True) at zero (at once for zero or less)."""
        self._total_s = max(0.0, float(seconds))
        self._shown = -1
        if self._total_s <= 0:
            self._timer.stop()
            self.finished.emit(True)
            return
        self._clock.start()
        self._timer.start()
        self._advance()

    def skip(self) -> None:
        """Ends the think time now: finished(False)."""
        if self.is_running:
            self._timer.stop()
            self.update()
            self.finished.emit(False)

    def stop(self) -> None:
        """Stops quietly (the session moved on some other way)."""
        self._timer.stop()
        self.update()

    def _advance(self) -> None:
        left = self._total_s - self._clock.elapsed() / 1000.0
        if left <= 0:
            self._timer.stop()
            self.update()
            self.finished.emit(True)
            return
        whole = math.ceil(left)
        if whole != self._shown:
            self._shown = whole
            self.setAccessibleDescription(f"{whole} seconds to think")
            self.tick.emit(whole)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        side = min(self.width(), self.height()) - 8
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen_width = max(4.0, side / 16)
        track = QPen(QColor(self._theme.color("border")), pen_width)
        painter.setPen(track)
        painter.drawEllipse(rect)
        fraction = self.remaining_s / self._total_s if self._total_s > 0 else 0.0
        if fraction > 0:
            arc = QPen(QColor(self._theme.color("accent")), pen_width)
            arc.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(arc)
            painter.drawArc(rect, 90 * 16, int(fraction * 360 * 16))
        number = QFont(self.font())
        number.setPixelSize(int(side * 0.36))
        number.setWeight(QFont.Weight.DemiBold)
        painter.setFont(number)
        painter.setPen(QColor(self._theme.color("text")))
        seconds = math.ceil(self.remaining_s) if self.is_running else 0
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(seconds))
        painter.end()
