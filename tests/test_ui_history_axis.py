"""History charts say what happened when: the labels under a chart name real sessions at their
real local time, and sessions of one day are spread out, not stacked on one vertical line."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from mockint.core.session import TrendPoint
from mockint.ui.history.trend_charts import METRICS, TrendChart, axis_labels
from mockint.ui.theme import theme_for


def local(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 11, day, hour, minute).astimezone()  # the user's own clock


def test_labels_name_the_sessions_with_their_time_when_a_day_holds_several():
    one_day = [local(30, 7, 52), local(30, 9, 10), local(30, 21, 0)]
    assert axis_labels(one_day) == {0: "30 Nov 07:52", 1: "30 Nov 09:10", 2: "30 Nov 21:00"}
    days = [local(d, 7, 52) for d in (3, 9, 17, 24, 30)]
    assert axis_labels(days) == {0: "3 Nov", 1: "9 Nov", 3: "24 Nov", 4: "30 Nov"}  # at most four, ends kept


def test_a_morning_session_reads_as_the_morning_and_one_days_sessions_sit_apart(qtbot):
    chart = TrendChart(METRICS[0])
    qtbot.addWidget(chart)
    chart.apply_theme(theme_for(Qt.ColorScheme.Light))
    points = [
        TrendPoint(i, moment, 4.0 - i, 130.0, 0.5) for i, moment in enumerate([local(30, 7, 52), local(30, 8, 5)])
    ]
    chart.show_points(points)
    chart.resize(400, 240)
    chart.show()
    qtbot.waitExposed(chart)
    xs = [p.x() for p in chart.points()]
    assert xs == [0.0, 1.0]  # two sessions of one morning: two places on the chart
    assert chart.axis_texts() == {0.0: "30 Nov 07:52", 1.0: "30 Nov 08:05"}
    assert not any("19:52" in text for text in chart.axis_texts().values())  # no half-day padding shown as a time
    assert chart.x_axis.min() < 0.0 and chart.x_axis.max() > 1.0  # both markers whole
