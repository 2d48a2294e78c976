"""The strip shown while a new attempt is recorded: level, time against the target, Stop (Space)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from mockint.core.formatting import clock, target_text
from mockint.core.targets import TargetRange
from mockint.ui.review.media_icons import media_icon
from mockint.ui.review.transcript_marks import mix
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named

LEVEL_BARS = 18


class LevelMeter(QWidget):
    """A row of soft bars: how loud the microphone hears the user (0..1)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._level = 0.0
        self.setFixedHeight(14)
        self.setMinimumWidth(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Microphone level")

    @property
    def level(self) -> float:
        return self._level

    def set_level(self, level: float) -> None:
        self._level = min(max(level, 0.0), 1.0)
        self.setAccessibleDescription(f"{round(self._level * 100)} percent")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        c = self._theme.color
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        gap = 3.0
        width = (self.width() - gap * (LEVEL_BARS - 1)) / LEVEL_BARS
        lit = round(self._level * LEVEL_BARS)
        for bar in range(LEVEL_BARS):
            on = bar < lit
            color = QColor(c("ok")) if on else mix(c("muted"), c("surface"), 0.18)
            painter.setBrush(color)
            painter.drawRoundedRect(QRectF(bar * (width + gap), 2, width, self.height() - 4), 2, 2)


class RetryPanel(QFrame):
    stop_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._theme = theme
        self._target: TargetRange | None = None
        self.dot = QLabel()
        self.dot.setFixedSize(QSize(14, 14))
        self.title = named(QLabel("Getting the microphone ready…"), "sectionTitle")
        self.hint = named(QLabel("Answer out loud. Press Space or Stop when you are done."), "hint")
        self.hint.setWordWrap(True)
        self.meter = LevelMeter(theme)
        self.time_label = named(QLabel(), "retryTime")
        self.time_label.setAccessibleDescription("Time answering")
        self.stop_button = QPushButton("Stop  (Space)")
        self.stop_button.setObjectName("primary")
        self.stop_button.setToolTip("Stop recording; the attempt is saved and compared with the earlier one")
        self.stop_button.setAccessibleName("Stop recording")
        self.stop_button.clicked.connect(self.stop_requested)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.dot)
        head.addWidget(self.title, 1)
        texts.addLayout(head)
        texts.addWidget(self.hint)
        meter_row = QHBoxLayout()
        meter_row.setSpacing(12)
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.time_label)
        texts.addLayout(meter_row)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 12, 16, 12)
        row.setSpacing(16)
        row.addLayout(texts, 1)
        row.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName("Recording a new attempt")
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.meter._theme = theme
        self.dot.setPixmap(media_icon("record", theme.color("danger")).pixmap(QSize(14, 14)))
        self.time_label.setStyleSheet(f"font-family: monospace; color: {theme.color('text')};")

    def prepare(self, attempt_number: int, target: TargetRange | None) -> None:
        self._target = target
        self.title.setText(f"Attempt {attempt_number}: getting the microphone ready…")
        self._attempt_number = attempt_number
        self.stop_button.setEnabled(True)
        self.stop_button.setText("Stop  (Space)")
        self.meter.set_level(0.0)
        self.show_elapsed(0.0)

    def recording(self) -> None:
        self.title.setText(f"Recording attempt {self._attempt_number}: speak now")

    def finishing(self) -> None:
        self.title.setText("Analysing your answer…")
        self.stop_button.setEnabled(False)
        self.meter.set_level(0.0)

    def show_level(self, level: float) -> None:
        self.meter.set_level(level)

    def show_elapsed(self, seconds: float) -> None:
        target = f" · target {target_text(self._target)}" if self._target is not None else ""
        self.time_label.setText(f"{clock(seconds)}{target}")

    @property
    def elapsed_text(self) -> str:
        return self.time_label.text()
