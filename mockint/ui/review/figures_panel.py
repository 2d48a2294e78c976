"""The answer's figures as small tiles: words, length against its target, pace against the
comfortable band, fillers a minute, the longest pause, and the wait before the first word.

Every verdict is written out ("within target", "a little slow"), not only coloured.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from mockint.core.analysis import AnswerReport, LengthVerdict, Thresholds
from mockint.core.formatting import DASH, clock, plural, target_text, verdict_text
from mockint.core.formatting import seconds_text as secs
from mockint.core.targets import TargetRange
from mockint.ui.review.transcript_marks import mix
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named

GAUGE_MIN_WPM, GAUGE_MAX_WPM = 60.0, 220.0
FIGURE_KEYS = ("words", "length", "pace", "fillers", "longest_pause", "start")


@dataclass(frozen=True)
class Figure:
    key: str  # words, length, pace, fillers, longest_pause, start
    caption: str
    value: str
    note: str
    tone: str = "muted"  # the theme colour of the note: ok, warning or muted


def pace_note(wpm: float | None, thresholds: Thresholds) -> tuple[str, str]:
    if wpm is None:
        return "no timing", "muted"
    if wpm < thresholds.slow_wpm:
        return "a little slow", "warning"
    if wpm <= thresholds.steady_max_wpm:
        return f"comfortable ({thresholds.slow_wpm:g}–{thresholds.steady_max_wpm:g})", "ok"
    if wpm < thresholds.fast_wpm:
        return "brisk", "muted"
    return "fast", "warning"


def figures_of(report: AnswerReport, thresholds: Thresholds) -> list[Figure]:
    m, length = report.metrics, report.length
    verdict = {
        LengthVerdict.OK: (f"✓ {verdict_text(LengthVerdict.OK)}", "ok"),
        LengthVerdict.TOO_SHORT: (f"↓ {verdict_text(LengthVerdict.TOO_SHORT)}", "warning"),
        LengthVerdict.TOO_LONG: (f"↑ {verdict_text(LengthVerdict.TOO_LONG)}", "warning"),
        None: ("length unknown", "muted"),
    }[length.verdict]
    target = TargetRange(length.target_min_s, length.target_max_s)
    pace, pace_tone = pace_note(m.wpm, thresholds)
    filler_count = len(report.fillers)
    longest = m.longest_pause_s
    long_pause = longest is not None and longest >= thresholds.long_pause_s
    start = m.start_latency_s
    slow_start = start is not None and start >= thresholds.slow_start_s
    return [
        Figure("words", "Words", str(m.word_count), "spoken"),
        Figure("length", "Length", clock(m.duration_s), f"{verdict[0]} · {target_text(target)}", verdict[1]),
        Figure("pace", "Pace", DASH if m.wpm is None else f"{m.wpm:.0f} wpm", pace, pace_tone),
        Figure(
            "fillers",
            "Fillers",
            DASH if m.fillers_per_min is None else f"{m.fillers_per_min:.1f}/min",
            plural(filler_count, "filler"),
            "ok" if filler_count == 0 else "muted",
        ),
        Figure(
            "longest_pause",
            "Longest pause",
            secs(longest),
            "went blank here" if long_pause else "no long pause" if longest is not None else "no timing",
            "warning" if long_pause else "ok" if longest is not None else "muted",
        ),
        Figure(
            "start",
            "Start",
            secs(start),
            "a long think first" if slow_start else "before the first word",
            "warning" if slow_start else "muted",
        ),
    ]


class PaceGauge(QWidget):
    """A thin scale of words a minute: the comfortable band shaded, the answer's pace a marker."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._wpm: float | None = None
        self._band = (100.0, 165.0)
        self.setFixedHeight(12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_pace(self, wpm: float | None, thresholds: Thresholds, theme: Theme) -> None:
        self._wpm, self._band, self._theme = wpm, (thresholds.slow_wpm, thresholds.steady_max_wpm), theme
        shown = "unknown" if wpm is None else f"{wpm:.0f} words a minute"
        self.setToolTip(f"Comfortable pace: {self._band[0]:g}–{self._band[1]:g} words a minute. This answer: {shown}.")
        self.setAccessibleDescription(self.toolTip())
        self.update()

    def _x(self, wpm: float) -> float:
        share = (min(max(wpm, GAUGE_MIN_WPM), GAUGE_MAX_WPM) - GAUGE_MIN_WPM) / (GAUGE_MAX_WPM - GAUGE_MIN_WPM)
        return 4 + share * (self.width() - 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        c = self._theme.color
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c("border")))
        painter.drawRoundedRect(QRectF(4, 5, self.width() - 8, 3), 1.5, 1.5)
        painter.setBrush(mix(c("ok"), c("surface"), 0.55))
        left, right = self._x(self._band[0]), self._x(self._band[1])
        painter.drawRoundedRect(QRectF(left, 4, right - left, 5), 2, 2)
        if self._wpm is not None:
            x = self._x(self._wpm)
            painter.setPen(QPen(QColor(c("surface")), 1))
            painter.setBrush(QColor(c("text")))
            painter.drawPolygon(QPolygonF([QPointF(x - 4.5, 0), QPointF(x + 4.5, 0), QPointF(x, 7)]))


class FigureTile(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statTile")
        self.caption = named(QLabel(), "statCaption")
        self.value = named(QLabel(), "statValue")
        self.note = named(QLabel(), "statNote")
        self.note.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 9, 12, 10)
        column.setSpacing(1)
        column.addWidget(self.caption)
        column.addWidget(self.value)
        self.extra = QVBoxLayout()
        self.extra.setContentsMargins(0, 2, 0, 2)
        column.addLayout(self.extra)
        column.addWidget(self.note)
        column.addStretch(1)

    def show_figure(self, figure: Figure, theme: Theme) -> None:
        self.caption.setText(figure.caption.upper())
        self.value.setText(figure.value)
        self.note.setText(figure.note)
        self.note.setStyleSheet(f"color: {theme.color(figure.tone)};")
        # The group's name carries the value: a screen reader hears "Length: 0:44", not "Length".
        self.setAccessibleName(f"{figure.caption}: {figure.value}")
        self.setAccessibleDescription(figure.note)


class FiguresPanel(QWidget):
    def __init__(self, theme: Theme, columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._figures: list[Figure] = []
        self._tiles: dict[str, FigureTile] = {}
        self.pace_gauge = PaceGauge(theme)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(10)
        for key in FIGURE_KEYS:
            self._tiles[key] = FigureTile()
        self.columns = 0
        self.set_columns(columns)
        self._tiles["pace"].extra.addWidget(self.pace_gauge)
        self.setAccessibleName("Figures")

    def set_columns(self, columns: int) -> None:
        """Lays the tiles out in `columns` columns (fewer where the panel is narrow)."""
        if columns == self.columns:
            return
        for column in range(max(self.columns, 1)):
            self._grid.setColumnStretch(column, 0)
        self.columns = columns
        for position, key in enumerate(FIGURE_KEYS):
            self._grid.addWidget(self._tiles[key], position // columns, position % columns)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme

    def show_report(self, report: AnswerReport | None, thresholds: Thresholds) -> None:
        self.setVisible(report is not None)
        if report is None:
            self._figures = []
            return
        self._figures = figures_of(report, thresholds)
        for figure in self._figures:
            self._tiles[figure.key].show_figure(figure, self._theme)
        self.pace_gauge.set_pace(report.metrics.wpm, thresholds, self._theme)

    def figures(self) -> dict[str, Figure]:
        return {figure.key: figure for figure in self._figures}

    def tile(self, key: str) -> FigureTile:
        return self._tiles[key]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(520, super().sizeHint().height())
