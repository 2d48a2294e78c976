"""Progress over time on the History page: fillers a minute, pace, and answers within target.

One point per session (from `Store.trends()`, oldest first), evenly spaced: the x axis counts
sessions, not hours, so three sessions of one evening sit side by side instead of on one line.
The labels under the chart name real sessions ("30 Nov 07:52"), never a padded time between
them. A session without a figure (no answer had a pace, say) leaves no point on that chart.
With fewer than two sessions there is no trend to show, so a short note takes the charts' place.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCharts import QAreaSeries, QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QToolTip, QVBoxLayout, QWidget

from mockint.core.session import TrendPoint
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named

MIN_POINTS = 2
EMPTY_TEXT = "Your progress shows here once you have practised in two sessions or more."
MAX_AXIS_LABELS = 4
X_ROOM = 0.35  # sessions of room left and right of the outer points, so markers are whole


@dataclass(frozen=True)
class Metric:
    key: str
    title: str
    hint: str
    value: Callable[[TrendPoint], float | None]  # as plotted (shares in percent)
    text: Callable[[float], str]  # a plotted value as the user reads it
    axis_format: str


METRICS: tuple[Metric, ...] = (
    Metric(
        "fillers",
        "Fillers per minute",
        "Lower is calmer",
        lambda p: p.fillers_per_min,
        lambda v: f"{v:.1f} a minute",
        "%.0f",
    ),
    Metric(
        "pace", "Pace", "Words a minute; the band is comfortable", lambda p: p.wpm, lambda v: f"{v:.0f} wpm", "%.0f"
    ),
    Metric(
        "share",
        "Answers within target",
        "Share of answers of the right length",
        lambda p: None if p.within_target_share is None else p.within_target_share * 100,
        lambda v: f"{v:.0f}%",
        "%.0f%%",
    ),
)


def session_label(moment: datetime, *, with_time: bool) -> str:
    """`30 Nov` or `30 Nov 07:52`, in local time."""
    local = moment.astimezone()
    return f"{local.day} {local:%b %H:%M}" if with_time else f"{local.day} {local:%b}"


def axis_labels(moments: Sequence[datetime], most: int = MAX_AXIS_LABELS) -> dict[int, str]:
    """Which sessions (by position) are labelled under the chart, and how: the first and the last,
    and evenly spread ones between; with the time of day when a day holds more than one session."""
    if not moments:
        return {}
    days = [m.astimezone().date() for m in moments]
    with_time = len(set(days)) < len(days)
    count = len(moments)
    shown = min(most, count)
    chosen = sorted({round(i * (count - 1) / max(1, shown - 1)) for i in range(shown)})
    labels: dict[int, str] = {}
    for index in chosen:
        text = session_label(moments[index], with_time=with_time)
        if text not in labels.values():  # a category axis needs distinct labels
            labels[index] = text
    return labels


def nice_step(span: float, intervals: int = 4) -> float:
    """A round tick interval (1, 2, 2.5 or 5 times a power of ten) covering `span` in `intervals`."""
    raw = max(span, 1e-9) / intervals
    power = 10 ** math.floor(math.log10(raw))
    return next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw - 1e-12)


def value_range(metric: Metric, values: Sequence[float], band: tuple[float, float]) -> tuple[float, float, float]:
    """(low, high, tick interval) of the y axis: round ticks, every point and the pace band in view."""
    if metric.key == "share":
        return 0.0, 100.0, 25.0
    if metric.key == "pace":
        low, high = min([band[0] - 10, *values]), max([band[1] + 10, *values])
    else:
        low, high = 0.0, max([4.0, *values])
    step = nice_step(high - low)
    low = max(0.0, math.floor(low / step) * step)
    return low, max(low + step, math.ceil(high / step) * step), step


def change_text(metric: Metric, values: Sequence[float]) -> str:
    """`Latest 2.4 a minute · first 6.1 a minute`."""
    if not values:
        return "No figures yet"
    if len(values) == 1:
        return f"Latest {metric.text(values[-1])}"
    return f"Latest {metric.text(values[-1])} · first {metric.text(values[0])}"


class TrendChart(QFrame):
    """One metric over time, on a card: title, a one-line summary, the chart."""

    def __init__(self, metric: Metric, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.trend = metric
        self.series = QLineSeries()
        self.series.setName(metric.title)
        self.series.setPointsVisible(True)
        self.series.setMarkerSize(7.0)
        self.series.hovered.connect(self._hovered)
        self.band: QAreaSeries | None = None
        self._band_edges: tuple[QLineSeries, QLineSeries] | None = None
        self._band_range = (100.0, 165.0)
        self._points: list[TrendPoint] = []

        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setBackgroundVisible(False)
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        if metric.key == "pace":
            lower, upper = QLineSeries(), QLineSeries()
            self._band_edges = (lower, upper)
            self.band = QAreaSeries(upper, lower)
            self.band.setName("Comfortable pace")
            self.chart.addSeries(self.band)
        self.chart.addSeries(self.series)
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat(metric.axis_format)
        self.y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in ([self.band] if self.band else []) + [self.series]:
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)

        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(170)
        self.view.setStyleSheet("background: transparent;")
        self.view.setAccessibleName(f"{metric.title} over time")
        title = named(QLabel(metric.title), "sectionTitle")
        title.setToolTip(metric.hint)
        self.summary = named(QLabel(""), "hint")
        self.summary.setToolTip(metric.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def show_points(self, points: Sequence[TrendPoint]) -> None:
        self._points = list(points)
        plotted = [(float(i), v) for i, p in enumerate(points) if (v := self.trend.value(p)) is not None]
        self.series.replace([QPointF(x, y) for x, y in plotted])
        values = [y for _, y in plotted]
        self.summary.setText(change_text(self.trend, values))
        self.view.setAccessibleDescription(self.summary.text())
        if not points:
            return
        low_x, high_x = -X_ROOM, len(points) - 1 + X_ROOM
        for label in self.x_axis.categoriesLabels():
            self.x_axis.remove(label)
        labels = axis_labels([p.started_at for p in points])
        for index, text in labels.items():
            self.x_axis.append(text, float(index))
        # The last label is centred on the last point, at the plot's edge: room for its right half.
        half_label = QFontMetrics(self.x_axis.labelsFont()).horizontalAdvance(labels[max(labels)]) // 2
        self.chart.setMargins(QMargins(0, 0, half_label + 2, 0))
        self.x_axis.setRange(low_x, high_x)
        self.x_axis.setStartValue(low_x)
        low, high, step = value_range(self.trend, values, self._band_range)
        # A little room past the outer ticks, so markers on them are not cut in half.
        room = step * 0.22
        self.y_axis.setRange(low - room, high + room)
        self.y_axis.setTickAnchor(low)
        self.y_axis.setTickInterval(step)
        if self._band_edges is not None:
            lower, upper = self._band_edges
            lower.replace([QPointF(low_x, self._band_range[0]), QPointF(high_x, self._band_range[0])])
            upper.replace([QPointF(low_x, self._band_range[1]), QPointF(high_x, self._band_range[1])])

    def set_band(self, low: float, high: float) -> None:
        """The comfortable range shaded behind the points (pace only)."""
        self._band_range = (low, high)
        self.show_points(self._points)

    def points(self) -> list[QPointF]:
        return list(self.series.points())

    def apply_theme(self, theme: Theme) -> None:
        accent = QColor(theme.color("accent"))
        pen = QPen(accent, 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.series.setPen(pen)
        self.series.setColor(accent)
        self.series.setBrush(QBrush(accent))  # the point markers
        if self.band is not None:
            band = QColor(theme.color("ok"))
            band.setAlpha(38)
            self.band.setBrush(QBrush(band))
            self.band.setPen(QPen(Qt.PenStyle.NoPen))
        labels = QFont()
        labels.setPointSizeF(max(labels.pointSizeF() - 1.5, 7.0))
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelsColor(QColor(theme.color("muted")))
            axis.setLabelsFont(labels)
            axis.setGridLineColor(QColor(theme.color("border")))
            axis.setLinePenColor(QColor(theme.color("border_strong")))
            axis.setTruncateLabels(False)
        self.x_axis.setGridLineVisible(False)

    def _hovered(self, point: QPointF, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        index = round(point.x())
        if not 0 <= index < len(self._points):
            return
        moment = self._points[index].started_at.astimezone()
        when = f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"
        QToolTip.showText(QCursor.pos(), f"{when}\n{self.trend.text(point.y())}", self.view)

    def axis_texts(self) -> dict[float, str]:
        """The labels under the chart, by the x of the session they name."""
        return {self.x_axis.endValue(label): label for label in self.x_axis.categoriesLabels()}


class TrendCharts(QStackedWidget):
    """The three charts side by side, or a note while there is no trend yet."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts = {metric.key: TrendChart(metric) for metric in METRICS}
        row_widget = QWidget()
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        for chart in self.charts.values():
            row.addWidget(chart, 1)
        self.empty_note = named(QLabel(EMPTY_TEXT), "hint")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setWordWrap(True)
        empty_card = named(QFrame(), "card")
        empty_layout = QVBoxLayout(empty_card)
        empty_layout.setContentsMargins(24, 24, 24, 24)
        empty_layout.addWidget(self.empty_note)
        self.addWidget(row_widget)
        self.addWidget(empty_card)
        self._row, self._empty = row_widget, empty_card
        self.setAccessibleName("Progress charts")
        self.apply_theme(theme)
        self.show_points([])

    @property
    def fillers(self) -> TrendChart:
        return self.charts["fillers"]

    @property
    def pace(self) -> TrendChart:
        return self.charts["pace"]

    @property
    def share(self) -> TrendChart:
        return self.charts["share"]

    @property
    def is_empty(self) -> bool:
        return self.currentWidget() is self._empty

    def show_points(self, points: Sequence[TrendPoint]) -> None:
        for chart in self.charts.values():
            chart.show_points(points)
        self.setCurrentWidget(self._row if len(points) >= MIN_POINTS else self._empty)

    def set_pace_band(self, low: float, high: float) -> None:
        self.pace.set_band(low, high)

    def apply_theme(self, theme: Theme) -> None:
        for chart in self.charts.values():
            chart.apply_theme(theme)
