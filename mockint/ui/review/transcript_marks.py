"""How the transcript marks what the analysis found: each mark has a colour AND a second cue.

fillers: [bracketed], wavy underline, amber    hedges: italic, blue
pauses:  a "⏸ 1.4 s" chip (long ones bold)     unclear words: dimmed, dotted underline
friend's flags: a "⚑ strong moment" chip, outlined, where the interviewer pressed the key
The mark of every fragment is also stored as a text property, so tests and the legend read it.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit

from mockint.ui.theme import Theme


class Mark(StrEnum):
    PLAIN = "plain"
    FILLER = "filler"
    HEDGE = "hedge"
    UNCLEAR = "unclear"
    PAUSE = "pause"
    LONG_PAUSE = "long_pause"
    FLAG = "flag"  # a moment the friend who interviewed flagged (a fourth kind of mark)


MARK_PROPERTY = QTextFormat.Property.UserProperty + 1  # the Mark's value, on every fragment
WORD_PROPERTY = QTextFormat.Property.UserProperty + 2  # the word's index in the report's words
NBSP = "\u00a0"
PAUSE_SYMBOL = "⏸"
PAUSE_SYMBOL_FALLBACK = "‖"  # where the font has no ⏸ (DejaVu, for one): never a missing-glyph box
FLAG_SYMBOL = "⚑"

WAVE_AMPLITUDE, WAVE_LENGTH = 1.6, 5.0  # px: Qt's own wave is a hairline at text sizes; this one reads

LEGEND_TEXT: dict[Mark, str] = {
    Mark.FILLER: "filler",
    Mark.HEDGE: "hedge",
    Mark.PAUSE: "pause",
    Mark.LONG_PAUSE: "long pause",
    Mark.UNCLEAR: "unclear (listen again)",
    Mark.FLAG: "interviewer's flag",
}
LEGEND_SAMPLE: dict[Mark, str] = {
    Mark.FILLER: "[um]",
    Mark.HEDGE: "maybe",
    Mark.PAUSE: "1.4",
    Mark.LONG_PAUSE: "3.2",
    Mark.UNCLEAR: "word",
    Mark.FLAG: "strong moment",
}


def flag_label(title: str) -> str:
    """The chip's text: "⚑ strong moment", kept as one token by no-break spaces."""
    return f"{NBSP}{FLAG_SYMBOL}{NBSP}{title.replace(' ', NBSP)}{NBSP}"


def pause_symbol(font: QFont) -> str:
    return PAUSE_SYMBOL if QFontMetrics(font).inFontUcs4(ord(PAUSE_SYMBOL)) else PAUSE_SYMBOL_FALLBACK


def pause_label(duration_s: float, symbol: str = PAUSE_SYMBOL) -> str:
    """The chip's text: "⏸ 1.4 s" padded with no-break spaces so it reads as one token."""
    return f"{NBSP}{symbol}{NBSP}{duration_s:.1f}{NBSP}s{NBSP}"


def mix(color: str, over: str, amount: float) -> QColor:
    """`color` laid over `over` at `amount` opacity: soft chip backgrounds in either theme."""
    top, bottom = QColor(color), QColor(over)
    return QColor(
        round(top.red() * amount + bottom.red() * (1 - amount)),
        round(top.green() * amount + bottom.green() * (1 - amount)),
        round(top.blue() * amount + bottom.blue() * (1 - amount)),
    )


class TranscriptStyle:
    """The character formats of each mark, in the theme's colours."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme

    def _base(self, mark: Mark) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setProperty(MARK_PROPERTY, mark.value)
        fmt.setForeground(QColor(self.theme.color("text")))
        return fmt

    def word(self, mark: Mark, index: int | None = None, start_s: float | None = None) -> QTextCharFormat:
        fmt = self._base(mark)
        if mark is Mark.FILLER:
            fmt.setForeground(QColor(self.theme.color("warning")))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(self.theme.color("warning")))
        elif mark is Mark.HEDGE:
            fmt.setForeground(QColor(self.theme.color("accent")))
            fmt.setFontItalic(True)
        elif mark is Mark.UNCLEAR:
            fmt.setForeground(QColor(self.theme.color("faint")))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(self.theme.color("faint")))
        if index is not None:
            fmt.setProperty(WORD_PROPERTY, index)
            if start_s is not None:
                fmt.setAnchor(True)
                fmt.setAnchorHref(f"word:{index}")
        return fmt

    def bracket(self) -> QTextCharFormat:
        """The [ and ] around a filler: part of the mark, so it reads without colour."""
        fmt = self._base(Mark.FILLER)
        fmt.setForeground(QColor(self.theme.color("warning")))
        return fmt

    def pause(self, long: bool) -> QTextCharFormat:
        fmt = self._base(Mark.LONG_PAUSE if long else Mark.PAUSE)
        surface = self.theme.color("surface")
        if long:
            fmt.setForeground(QColor(self.theme.color("text")))
            fmt.setBackground(mix(self.theme.color("warning"), surface, 0.22))
            fmt.setFontWeight(QFont.Weight.DemiBold)
        else:
            fmt.setForeground(QColor(self.theme.color("muted")))
            fmt.setBackground(mix(self.theme.color("muted"), surface, 0.14))
        return fmt

    def flag(self) -> QTextCharFormat:
        """A friend's flag: outlined text in the "ok" colour on a soft chip, bold, with ⚑ first."""
        fmt = self._base(Mark.FLAG)
        fmt.setForeground(QColor(self.theme.color("ok")))
        fmt.setBackground(mix(self.theme.color("ok"), self.theme.color("surface"), 0.14))
        fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

    def space(self) -> QTextCharFormat:
        return self._base(Mark.PLAIN)

    def hint(self) -> QTextCharFormat:
        fmt = self._base(Mark.PLAIN)
        fmt.setForeground(QColor(self.theme.color("muted")))
        return fmt


def paint_waves(view: QTextEdit, spans: list[tuple[int, int]], color: str) -> None:
    """Draws a clear wavy underline under each (first, last) character span of `view`."""
    if not spans:
        return
    painter = QPainter(view.viewport())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(color), 1.1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for first, last in spans:
        for left, right, bottom in _line_runs(view, first, last):
            painter.drawPath(_wave(left, right, bottom + 3.0))
    painter.end()


def _line_runs(view: QTextEdit, first: int, last: int) -> list[tuple[float, float, float]]:
    """The span's pieces, one per line it lies on: (left x, right x, text bottom y) in the viewport."""
    runs: list[tuple[float, float, float]] = []
    cursor = QTextCursor(view.document())
    start: QRect | None = None
    previous = QRect()
    for position in range(first, last + 1):
        cursor.setPosition(position)
        rect = view.cursorRect(cursor)
        if start is None:
            start = rect
        elif rect.top() != start.top():
            runs.append((start.left(), previous.left(), start.bottom()))
            start = rect
        previous = rect
    if start is not None and previous.left() > start.left():
        runs.append((start.left(), previous.left(), start.bottom()))
    return runs


def _wave(left: float, right: float, y: float) -> QPainterPath:
    path = QPainterPath(QPointF(left, y))
    x, up = left, True
    while x < right:
        step = min(WAVE_LENGTH / 2, right - x)
        path.quadTo(QPointF(x + step / 2, y - WAVE_AMPLITUDE if up else y + WAVE_AMPLITUDE), QPointF(x + step, y))
        x += step
        up = not up
    return path
