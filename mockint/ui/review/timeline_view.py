"""The answer on a time line: word blocks, filler and hedge marks, pauses, the target range, a cursor.

Each kind has its own shape as well as its colour (fillers ◆ above the bar, hedges ○, pauses
hatched, long pauses hatched darker, a friend's flags ⚑ a pennant on a pole through the bar), hovering names what is under the pointer, clicking or
the arrow keys move the playback position, and the whole picture is told in the accessible
description.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mockint.app import timeline_layout as layout
from mockint.app.timeline_layout import SpotKind
from mockint.core.analysis import AnswerReport
from mockint.core.formatting import clock, clock_tenths
from mockint.core.session import FlaggedMoment
from mockint.core.targets import TargetRange
from mockint.ui.review.transcript_marks import mix
from mockint.ui.theme import Theme

SIDE = 10.0  # px kept free left and right, so marks at the very ends are whole
MARK_Y, BAR_TOP, BAR_HEIGHT = 12.0, 24.0, 26.0
AXIS_Y = BAR_TOP + BAR_HEIGHT + 6
KEY_STEP_S = 2.0
HOVER_PX = 5.0


class TimelineView(QWidget):
    seek_requested = Signal(float)  # seconds into the answer the user chose
    toggle_requested = Signal()  # Space on the focused timeline: play or pause

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._report: AnswerReport | None = None
        self._duration: float | None = None
        self._target: TargetRange | None = None
        self._spots: list[layout.Spot] = []
        self._cursor: float | None = None
        self._flags: tuple[FlaggedMoment, ...] = ()
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName("Answer timeline")
        self.setToolTip("")
        self._describe()

    # ----- data

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def set_answer(self, report: AnswerReport | None, duration_s: float | None, target: TargetRange | None) -> None:
        self._report, self._target = report, target
        last_word_end = max((w.end for w in report.words if w.end is not None), default=None) if report else None
        self._duration = duration_s if duration_s is not None else last_word_end
        self._spots = layout.spots(report)
        self._cursor = None
        self._describe()
        self.update()

    def set_flags(self, flags: Sequence[FlaggedMoment]) -> None:
        """The moments the interviewer flagged (friend sessions), drawn as pennants."""
        self._flags = tuple(sorted(flags, key=lambda f: f.at_s))
        self._describe()
        self.update()

    def flags(self) -> list[FlaggedMoment]:
        return list(self._flags)

    def set_cursor(self, seconds: float | None) -> None:
        """Where playback is (None hides the cursor)."""
        if seconds != self._cursor:
            self._cursor = seconds
            self.update()

    @property
    def cursor_s(self) -> float | None:
        return self._cursor

    @property
    def end_s(self) -> float:
        return layout.scale_end(self._duration or 1.0, self._target)

    def spots(self) -> list[layout.Spot]:
        return list(self._spots)

    def _describe(self) -> None:
        described = layout.describe(self._report, self._duration, self._target)
        if self._flags:
            moments = "; ".join(f"{flag.title} at {clock_tenths(flag.at_s)}" for flag in self._flags)
            described += f" The interviewer flagged: {moments}."
        self.setAccessibleDescription(described)

    # ----- geometry

    def x_of(self, seconds: float) -> float:
        width = max(self.width() - 2 * SIDE, 1.0)
        return SIDE + width * min(max(seconds, 0.0), self.end_s) / self.end_s

    def seconds_at(self, x: float) -> float:
        width = max(self.width() - 2 * SIDE, 1.0)
        return min(max((x - SIDE) / width, 0.0), 1.0) * self.end_s

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(560, 96)

    # ----- painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = self._theme.color
        if self._duration is None:
            painter.setPen(QColor(c("muted")))
            painter.drawText(
                self.rect(), int(Qt.AlignmentFlag.AlignCenter), "No timeline: this answer has no timed words."
            )
            return
        self._paint_target(painter)
        bar = QRectF(self.x_of(0), BAR_TOP, self.x_of(self._duration) - self.x_of(0), BAR_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(mix(c("muted"), c("surface"), 0.10)))
        painter.drawRoundedRect(bar, 6, 6)
        self._paint_pauses(painter)
        self._paint_words(painter)
        self._paint_marks(painter)
        self._paint_flags(painter)
        self._paint_axis(painter)
        self._paint_cursor(painter)
        if self.hasFocus():
            painter.setPen(QPen(QColor(c("accent")), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)

    def _paint_target(self, painter: QPainter) -> None:
        if self._target is None:
            return
        c = self._theme.color
        painter.setFont(self._small_font())
        metrics = painter.fontMetrics()
        if self._target.min_s > self.end_s:
            # The target lies beyond a short answer's scale: say where, without a misleading band.
            label = f"target starts at {clock(self._target.min_s)} →"
            painter.setPen(QColor(c("ok")))
            painter.drawText(QPointF(self.width() - SIDE - metrics.horizontalAdvance(label), BAR_TOP - 8), label)
            return
        left = self.x_of(self._target.min_s)
        right = self.x_of(self._target.max_s)
        band = QRectF(left, BAR_TOP - 4, max(right - left, 2.0), BAR_HEIGHT + 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(mix(c("ok"), c("surface"), 0.13)))
        painter.drawRect(band)
        painter.setPen(QPen(QColor(c("ok")), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(left, BAR_TOP - 4), QPointF(left, BAR_TOP + BAR_HEIGHT + 4))
        if self._target.max_s <= self.end_s:
            painter.drawLine(QPointF(right, BAR_TOP - 4), QPointF(right, BAR_TOP + BAR_HEIGHT + 4))
        label = f"target {self._target.min_s:g}–{self._target.max_s:g} s"
        painter.setPen(QColor(c("ok")))
        text_x = min(max(left + 4, SIDE), self.width() - SIDE - metrics.horizontalAdvance(label))
        painter.drawText(QPointF(text_x, BAR_TOP - 8), label)

    def _paint_words(self, painter: QPainter) -> None:
        c = self._theme.color
        for spot in self._spots:
            if spot.kind is not SpotKind.WORD:
                continue
            left, right = self.x_of(spot.start), self.x_of(spot.end)
            rect = QRectF(left, BAR_TOP + 7, max(right - left - 1, 1.5), BAR_HEIGHT - 14)
            painter.setBrush(QColor(mix(c("accent"), c("surface"), 0.45)))
            painter.drawRoundedRect(rect, 2, 2)

    def _paint_pauses(self, painter: QPainter) -> None:
        c = self._theme.color
        for spot in self._spots:
            if spot.kind not in (SpotKind.PAUSE, SpotKind.LONG_PAUSE):
                continue
            long = spot.kind is SpotKind.LONG_PAUSE
            color = QColor(c("warning") if long else c("muted"))
            rect = QRectF(
                self.x_of(spot.start), BAR_TOP + 2, self.x_of(spot.end) - self.x_of(spot.start), BAR_HEIGHT - 4
            )
            painter.setPen(QPen(color, 1))
            painter.setBrush(QBrush(color, Qt.BrushStyle.BDiagPattern if not long else Qt.BrushStyle.DiagCrossPattern))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(Qt.PenStyle.NoPen)

    def _paint_marks(self, painter: QPainter) -> None:
        c = self._theme.color
        for spot in self._spots:
            x = self.x_of(spot.start)
            if spot.kind is SpotKind.FILLER:
                color = QColor(c("warning"))
                painter.setPen(QPen(color, 1))
                painter.setBrush(color)
                r = 5.0
                painter.drawPolygon(
                    QPolygonF(
                        [QPointF(x, MARK_Y - r), QPointF(x + r, MARK_Y), QPointF(x, MARK_Y + r), QPointF(x - r, MARK_Y)]
                    )
                )
                painter.drawLine(QPointF(x, MARK_Y + r), QPointF(x, BAR_TOP + 4))
            elif spot.kind is SpotKind.HEDGE:
                color = QColor(c("accent"))
                painter.setPen(QPen(color, 1.8))
                painter.setBrush(QColor(c("surface")))
                painter.drawEllipse(QPointF(x, MARK_Y), 4.0, 4.0)
        painter.setPen(Qt.PenStyle.NoPen)

    def _paint_flags(self, painter: QPainter) -> None:
        """A pennant on a pole through the bar: a shape no other mark has, in the "ok" colour."""
        color = QColor(self._theme.color("ok"))
        for flag in self._flags:
            x = self.x_of(flag.at_s)
            painter.setPen(QPen(color, 1.6))
            painter.drawLine(QPointF(x, MARK_Y - 7), QPointF(x, BAR_TOP + BAR_HEIGHT + 2))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawPolygon(QPolygonF([QPointF(x, MARK_Y - 7), QPointF(x + 9, MARK_Y - 3.5), QPointF(x, MARK_Y)]))
        painter.setPen(Qt.PenStyle.NoPen)

    def _paint_axis(self, painter: QPainter) -> None:
        c = self._theme.color
        painter.setFont(self._small_font())
        metrics = painter.fontMetrics()
        for t in layout.ticks(self.end_s):
            x = self.x_of(t)
            painter.setPen(QPen(QColor(c("border_strong")), 1))
            painter.drawLine(QPointF(x, AXIS_Y), QPointF(x, AXIS_Y + 4))
            label = clock(t)
            painter.setPen(QColor(c("muted")))
            width = metrics.horizontalAdvance(label)
            painter.drawText(
                QPointF(min(max(x - width / 2, 0), self.width() - width), AXIS_Y + 6 + metrics.ascent()), label
            )
        key = "◆ filler   ○ hedge   ▨ pause" + ("   ⚑ interviewer's flag" if self._flags else "")
        painter.setPen(QColor(c("muted")))
        painter.drawText(
            QPointF(self.width() - SIDE - metrics.horizontalAdvance(key), AXIS_Y + 24 + metrics.ascent()), key
        )

    def _paint_cursor(self, painter: QPainter) -> None:
        if self._cursor is None:
            return
        x = self.x_of(self._cursor)
        accent = QColor(self._theme.color("accent_strong"))
        painter.setPen(QPen(accent, 2))
        painter.drawLine(QPointF(x, BAR_TOP - 6), QPointF(x, BAR_TOP + BAR_HEIGHT + 6))
        painter.setBrush(accent)
        path = QPainterPath()
        path.addEllipse(QPointF(x, BAR_TOP - 6), 4, 4)
        painter.drawPath(path)

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1.5, 7.0))
        return font

    # ----- interaction

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), self.hover_text(event.pos().x()), self)
            return True
        return super().event(event)

    def hover_text(self, x: float) -> str:
        """What the tooltip at `x` says: the mark under the pointer, else the time there."""
        if self._duration is None:
            return ""
        seconds = self.seconds_at(x)
        tolerance = HOVER_PX * self.end_s / max(self.width() - 2 * SIDE, 1.0)
        flag = min(self._flags, key=lambda f: abs(f.at_s - seconds), default=None)
        if flag is not None and abs(flag.at_s - seconds) <= tolerance:
            return f"The interviewer flagged {flag.title} at {clock_tenths(flag.at_s)}. Click to play from here."
        for kinds in ((SpotKind.FILLER, SpotKind.HEDGE), (SpotKind.PAUSE, SpotKind.LONG_PAUSE), (SpotKind.WORD,)):
            spot = layout.spot_at(self._spots, seconds, tolerance, kinds)
            if spot is not None:
                return f"{spot.text}. Click to play from here."
        if self._target is not None and self._target.min_s <= seconds <= self._target.max_s:
            return (
                f"{clock_tenths(seconds)}, inside the target length ({self._target.min_s:g}–{self._target.max_s:g} s)"
            )
        return f"{clock_tenths(seconds)}. Click to play from here."

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self._duration is not None:
            self._seek(self.seconds_at(event.position().x()))
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        now = self._cursor or 0.0
        key = event.key()
        if self._duration is None:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._seek(now + (KEY_STEP_S if key == Qt.Key.Key_Right else -KEY_STEP_S))
        elif key == Qt.Key.Key_Home:
            self._seek(0.0)
        elif key == Qt.Key.Key_Space:
            self.toggle_requested.emit()
        else:
            super().keyPressEvent(event)

    def _seek(self, seconds: float) -> None:
        seconds = min(max(seconds, 0.0), self._duration or 0.0)
        self.set_cursor(seconds)
        self.seek_requested.emit(seconds)
