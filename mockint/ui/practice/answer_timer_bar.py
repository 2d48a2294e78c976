"""How long the answer has run against its target range.

The target range is a band on the track; the fill is the time so far. Past the target's
maximum the fill turns amber AND the text says "over target", so the cue never rests on
colour alone.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from mockint.core.formatting import VERDICT_WORDS, clock, target_text
from mockint.core.targets import TargetRange
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named

# The track runs a little past the target's maximum, so "over" is visible before the bar is full.
TRACK_SPAN = 1.3


class TimerState(StrEnum):
    UNDER = "under"  # still short of the target's minimum
    WITHIN = "within"
    OVER = "over"


STATE_COLOUR = {TimerState.UNDER: "accent", TimerState.WITHIN: "ok", TimerState.OVER: "warning"}


def timer_state(elapsed_s: float, target: TargetRange) -> TimerState:
    if elapsed_s > target.max_s:
        return TimerState.OVER
    if elapsed_s >= target.min_s:
        return TimerState.WITHIN
    return TimerState.UNDER


def timer_text(elapsed_s: float, target: TargetRange) -> str:
    state = timer_state(elapsed_s, target)
    if state is TimerState.OVER:
        return f"{clock(elapsed_s)} · over target — aim for {target_text(target)}, time to wrap up"
    if state is TimerState.WITHIN:
        return f"{clock(elapsed_s)} · {VERDICT_WORDS['ok']} ({target_text(target)})"
    return f"{clock(elapsed_s)} · target {target_text(target)}"


class _Track(QWidget):
    def __init__(self, bar: AnswerTimerBar) -> None:
        super().__init__(bar)
        self._bar = bar
        self.setFixedHeight(12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        bar = self._bar
        colours = bar.theme.colors
        span = max(bar.target.max_s * TRACK_SPAN, 1.0)
        width, height = float(self.width()), float(self.height())
        radius = height / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours["border"]))
        painter.drawRoundedRect(QRectF(0, 0, width, height), radius, radius)
        band = QColor(colours["ok"])
        band.setAlpha(70)
        painter.setBrush(band)
        left, right = width * bar.target.min_s / span, width * bar.target.max_s / span
        painter.drawRect(QRectF(left, 0, max(2.0, right - left), height))
        if bar.elapsed_s > 0:
            filled = min(width, max(height, width * bar.elapsed_s / span))
            painter.setBrush(QColor(colours[STATE_COLOUR[bar.state]]))
            painter.drawRoundedRect(QRectF(0, 0, filled, height), radius, radius)
        painter.end()


class AnswerTimerBar(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.target = TargetRange(0, 0)
        self.elapsed_s = 0.0
        self.state = TimerState.UNDER
        self._styled: tuple[TimerState, str] | None = None
        self._track = _Track(self)
        self.label = named(QLabel(""), "timerText")
        self.label.setAccessibleDescription("Answer time")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._track)
        layout.addWidget(self.label)
        self.setAccessibleName("Answer time against the target")
        self.setToolTip("How long you have been answering. The green band is the target length.")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, 40)

    @property
    def text(self) -> str:
        return self.label.text()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._restyle()

    def set_target(self, target: TargetRange) -> None:
        self.target = target
        self.set_elapsed(0.0)

    def set_elapsed(self, seconds: float) -> None:
        self.elapsed_s = max(0.0, float(seconds))
        self.state = timer_state(self.elapsed_s, self.target)
        self.label.setText(timer_text(self.elapsed_s, self.target))
        self.setAccessibleDescription(self.label.text())
        self._restyle()

    def _restyle(self) -> None:
        colour = self.theme.color("warning" if self.state is TimerState.OVER else "muted")
        if self._styled != (self.state, colour):  # style sheets are costly; elapsed ticks 10 a second
            self._styled = (self.state, colour)
            weight = 600 if self.state is TimerState.OVER else 400
            self.label.setStyleSheet(f"color: {colour}; font-weight: {weight};")
        self._track.update()
