"""The key to the transcript's marks, drawn with the very formats the transcript uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

from mockint.ui.review.transcript_marks import (
    LEGEND_SAMPLE,
    LEGEND_TEXT,
    NBSP,
    Mark,
    TranscriptStyle,
    flag_label,
    paint_waves,
    pause_label,
    pause_symbol,
)
from mockint.ui.theme import Theme

ORDER = (Mark.FILLER, Mark.HEDGE, Mark.PAUSE, Mark.LONG_PAUSE, Mark.UNCLEAR)
FRIEND_ORDER = (*ORDER, Mark.FLAG)  # an answer a friend flagged


class TranscriptLegend(QTextEdit):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("background: transparent;")
        self.setAccessibleName("Legend")
        self._order: tuple[Mark, ...] = ORDER
        self.set_theme(theme)

    def show_flags(self, shown: bool) -> None:
        """Adds the interviewer's flags to the key when the answer has some."""
        order = FRIEND_ORDER if shown else ORDER
        if order != self._order:
            self._order = order
            self.set_theme(self._theme)

    def set_theme(self, theme: Theme) -> None:
        style = TranscriptStyle(theme)
        self._theme = theme
        self._waves: list[tuple[int, int]] = []
        document = QTextDocument(self)
        document.setDocumentMargin(0)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() - 0.5, 7.0))
        document.setDefaultFont(font)
        cursor = QTextCursor(document)
        for mark in self._order:
            sample = LEGEND_SAMPLE[mark]
            if mark is Mark.FLAG:
                cursor.insertText(flag_label(sample), style.flag())
            elif mark in (Mark.PAUSE, Mark.LONG_PAUSE):
                cursor.insertText(pause_label(float(sample), pause_symbol(font)), style.pause(mark is Mark.LONG_PAUSE))
            else:
                first = cursor.position()
                cursor.insertText(sample, style.word(mark))
                if mark is Mark.FILLER:
                    self._waves = [(first, cursor.position())]
            cursor.insertText(f"{NBSP}{LEGEND_TEXT[mark]}" + NBSP * 5 + " ", style.hint())
        self.setDocument(document)
        self.setAccessibleDescription(
            "Fillers are in square brackets with a wavy underline; hedges in italics; pauses are shown as a pause symbol "
            "with their length; unclear words are dimmed with a dotted underline."
            + (" The interviewer's flags are outlined chips with a flag symbol." if Mark.FLAG in self._order else "")
        )
        self._fit()

    def items(self) -> list[tuple[Mark, str]]:
        """(mark, meaning) pairs, in the order shown."""
        return [(mark, LEGEND_TEXT[mark]) for mark in self._order]

    def _fit(self) -> None:
        self.document().setTextWidth(max(self.viewport().width(), 200))
        self.setFixedHeight(int(self.document().size().height()) + 8)  # room for the wave

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        paint_waves(self, self._waves, self._theme.color("warning"))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()
