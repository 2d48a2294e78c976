"""Pictures that stand in for a camera: drawn frames sent through QVideoFrameInput at a steady rate.

The mirror's tests, its benchmark and the screenshots use this where a camera would be (this
machine has none): the frames go through the same capture session, sink and recorder as a
camera's. Each frame carries its time, so a recording of them can be checked for sync.
`end()` is the camera being unplugged: no more pictures.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameInput

Painter = Callable[[QPainter, QSize, float], None]  # draws the picture for `seconds` since the start


def marked_picture(painter: QPainter, size: QSize, seconds: float) -> None:
    """A grey picture whose shade tells the time (5 levels a second) with a red mark on its LEFT."""
    shade = 40 + int(seconds * 5) % 160
    painter.fillRect(QRect(0, 0, size.width(), size.height()), QColor(shade, shade, shade))
    painter.fillRect(QRect(0, size.height() // 3, size.width() // 5, size.height() // 3), QColor(230, 20, 20))


def seconds_of_shade(shade: int) -> float:
    """The time `marked_picture` drew a shade at (modulo 32 s), for sync checks."""
    return (shade - 40) / 5.0


class GeneratedFrames(QObject):
    ended = Signal()

    def __init__(
        self,
        frame_input: QVideoFrameInput,
        *,
        fps: int = 30,
        size: QSize | None = None,
        painter: Painter = marked_picture,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.frame_input = frame_input
        self.size = size or QSize(640, 480)
        self.fps = fps
        self._paint = painter
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, round(1000 / fps)))
        self._timer.timeout.connect(self.send_one)
        self._t0 = 0.0
        self.sent = 0
        self.dropped = 0

    def start(self) -> None:
        self._t0 = time.monotonic()
        self._timer.start()
        self.send_one()

    def send_one(self) -> None:
        seconds = time.monotonic() - self._t0
        image = QImage(self.size, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        self._paint(painter, self.size, seconds)
        painter.end()
        frame = QVideoFrame(image)
        micros = int(seconds * 1_000_000)
        frame.setStartTime(micros)
        frame.setEndTime(micros + 1_000_000 // self.fps)
        frame.setStreamFrameRate(self.fps)
        if self.frame_input.sendVideoFrame(frame):
            self.sent += 1
        else:
            self.dropped += 1  # the encoder is busy: a real camera drops frames too

    def end(self) -> None:
        """The camera is unplugged: no more pictures."""
        self._timer.stop()
        self.ended.emit()
