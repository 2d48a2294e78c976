"""The transcript with fillers, hedges, pauses and unclear words marked; click a word to hear it.

Built with character formats rather than HTML: Qt's HTML has no wavy underline, and formats
carry the mark and the word index as properties (see `transcript_marks`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QPaintEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QWidget

from mockint.core.analysis import AnswerReport, PauseKind
from mockint.core.formatting import clock_tenths, plural
from mockint.core.session import FlaggedMoment
from mockint.ui.review.transcript_marks import (
    MARK_PROPERTY,
    WORD_PROPERTY,
    Mark,
    TranscriptStyle,
    flag_label,
    paint_waves,
    pause_label,
    pause_symbol,
)
from mockint.ui.theme import Theme

LINE_HEIGHT_PERCENT = 165  # room between lines for the wavy underline and the pause chips


@dataclass(frozen=True)
class Fragment:
    """A run of the shown text and its mark: what a test (or a screen reader summary) reads."""

    text: str
    mark: Mark
    word_index: int | None


class TranscriptView(QTextBrowser):
    word_clicked = Signal(int, float)  # word index, its start in seconds

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = TranscriptStyle(theme)
        self._report: AnswerReport | None = None
        self._unclear_below = 0.6
        self._ranges: list[tuple[int, int]] = []  # (first, last+1) character positions per word
        self._filler_spans: list[tuple[int, int]] = []  # (first, last+1) of each "[filler]", brackets included
        self._starts: list[tuple[float, int]] = []  # (start time, word index), sorted
        self._playing: int | None = None
        self._flags: tuple[FlaggedMoment, ...] = ()  # a friend's flags, shown where they were pressed
        self._message = ""
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Transcript")
        self.setObjectName("transcript")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() + 1.5)
        self.setFont(font)
        self.document().setDocumentMargin(2)
        self.anchorClicked.connect(self._anchor_clicked)

    # ----- content

    def set_theme(self, theme: Theme) -> None:
        self._style = TranscriptStyle(theme)
        self.show_report(self._report, unclear_below=self._unclear_below)

    def set_flags(self, flags: Sequence[FlaggedMoment]) -> None:
        """The interviewer's flags of this answer (a friend session), shown as chips at their moments."""
        self.show_report(self._report, unclear_below=self._unclear_below, message=self._message, flags=flags)

    def show_report(
        self,
        report: AnswerReport | None,
        *,
        unclear_below: float = 0.6,
        message: str = "",
        flags: Sequence[FlaggedMoment] | None = None,
    ) -> None:
        """Shows the report's words with their marks, or `message` when there is no report.

        `flags`: a friend's flags of this answer (None keeps the ones shown)."""
        self._report, self._unclear_below, self._message = report, unclear_below, message
        if flags is not None:
            self._flags = tuple(sorted(flags, key=lambda f: f.at_s))
        self._ranges, self._starts, self._playing, self._filler_spans = [], [], None, []
        self.setExtraSelections([])
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(2)
        cursor = QTextCursor(document)
        block = QTextBlockFormat()
        block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setBlockFormat(block)
        if report is None or not report.words:
            cursor.insertText(message or "No words were recognised in this answer.", self._style.hint())
        else:
            self._write(cursor, report)
        self.setDocument(document)
        self.setAccessibleDescription(self._summary(report))
        self._fit_height()

    def _write(self, cursor: QTextCursor, report: AnswerReport) -> None:
        style, words = self._style, report.words
        filler_at = {f.index: f for f in report.fillers}
        hedge_at = {h.index: h for h in report.hedges}
        pause_before: dict[int, list] = {}
        for pause in report.pauses:
            after = next((i for i, w in enumerate(words) if w.start is not None and w.start >= pause.end - 1e-6), None)
            pause_before.setdefault(after if after is not None else len(words), []).append(pause)
        flag_before: dict[int, list[FlaggedMoment]] = {}
        for flag in self._flags:
            after = next((i for i, w in enumerate(words) if w.start is not None and w.start >= flag.at_s - 1e-6), None)
            flag_before.setdefault(after if after is not None else len(words), []).append(flag)
        self._ranges = [(0, 0)] * len(words)
        symbol = pause_symbol(self.font())
        index = 0
        while index <= len(words):
            for flag in flag_before.get(index, ()):
                chip = style.flag()
                chip.setToolTip(f"The interviewer flagged {flag.title} at {clock_tenths(flag.at_s)}")
                cursor.insertText(flag_label(flag.title), chip)
                cursor.insertText(" ", style.space())
            for pause in pause_before.get(index, ()):
                long = pause.kind is PauseKind.LONG
                chip = style.pause(long)
                chip.setToolTip(
                    f"{'Long pause' if long else 'Pause'} of {pause.duration_s:.1f} s at {clock_tenths(pause.start)}"
                )
                cursor.insertText(pause_label(pause.duration_s, symbol), chip)
                cursor.insertText(" ", style.space())
            if index == len(words):
                break
            filler, hedge = filler_at.get(index), hedge_at.get(index)
            span = filler.size if filler else hedge.size if hedge else 1
            span = max(1, min(span, len(words) - index))
            mark = Mark.FILLER if filler else Mark.HEDGE if hedge else None
            filler_first = cursor.position()
            if filler:
                cursor.insertText("[", style.bracket())
            for offset in range(span):
                position = index + offset
                self._write_word(cursor, position, mark)
                if offset < span - 1:
                    cursor.insertText(
                        " ", style.bracket() if filler else style.word(Mark.HEDGE) if hedge else style.space()
                    )
            if filler:
                cursor.insertText("]", style.bracket())
                self._filler_spans.append((filler_first, cursor.position()))
            cursor.insertText(" ", style.space())
            index += span

    def _write_word(self, cursor: QTextCursor, index: int, mark: Mark | None) -> None:
        if self._report is None:
            return
        word = self._report.words[index]
        unclear = word.conf is not None and word.conf < self._unclear_below
        shown = mark or (Mark.UNCLEAR if unclear else Mark.PLAIN)
        fmt = self._style.word(shown, index, word.start)
        fmt.setToolTip(_word_tooltip(word.text, shown, word.start, word.conf))
        first = cursor.position()
        cursor.insertText(word.text, fmt)
        self._ranges[index] = (first, cursor.position())
        if word.start is not None:
            self._starts.append((word.start, index))
        self._starts.sort()

    def _summary(self, report: AnswerReport | None) -> str:
        if report is None:
            return "No transcript"
        long_pauses = sum(p.kind is PauseKind.LONG for p in report.pauses)
        return (
            f"{plural(len(report.words), 'word')}; {plural(len(report.fillers), 'filler')} in brackets with a wavy underline; "
            f"{plural(len(report.hedges), 'hedge')} in italics; {plural(len(report.pauses), 'pause')} shown as pause symbols"
            f" ({long_pauses} long)"
            + (
                f"; {plural(len(self._flags), 'flag')} from the interviewer, shown with a flag symbol"
                if self._flags
                else ""
            )
            + ". Activate a word to play the answer from there."
        )

    # ----- reading back (tests, accessibility)

    def fragments(self) -> list[Fragment]:
        """The shown text, run by run, with each run's mark."""
        found: list[Fragment] = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                fmt = frag.charFormat()
                mark = fmt.property(MARK_PROPERTY)
                if mark:
                    index = fmt.property(WORD_PROPERTY)
                    found.append(Fragment(frag.text(), Mark(mark), int(index) if index is not None else None))
                it += 1
            block = block.next()
        return found

    def char_format_of_word(self, index: int) -> QTextCharFormat:
        first, _ = self._ranges[index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(first + 1)
        return cursor.charFormat()

    def word_rect(self, index: int):
        """Where word `index` is drawn, in viewport coordinates (to click it)."""
        first, last = self._ranges[index]
        cursor = QTextCursor(self.document())
        cursor.setPosition((first + last) // 2)
        return self.cursorRect(cursor)

    @property
    def playing_word(self) -> int | None:
        return self._playing

    # ----- playback

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() != "word" or self._report is None:
            return
        try:
            index = int(url.path())
        except ValueError:
            return
        words = self._report.words if self._report is not None else ()
        start = words[index].start if 0 <= index < len(words) else None
        if start is not None:
            self.word_clicked.emit(index, float(start))

    def show_position(self, seconds: float | None) -> None:
        """Highlights the word being heard at `seconds` (None: nothing is playing)."""
        index = None
        if seconds is not None and self._starts:
            at = bisect.bisect_right(self._starts, (seconds, len(self._ranges))) - 1
            if at >= 0:
                index = self._starts[at][1]
        if index == self._playing:
            return
        self._playing = index
        if index is None:
            self.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self.document())
        first, last = self._ranges[index]
        selection.cursor.setPosition(first)
        selection.cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        highlight = QTextCharFormat()
        highlight.setBackground(QColor(self._style.theme.color("selection")))
        selection.format = highlight
        self.setExtraSelections([selection])

    # ----- the fillers' wavy underline, drawn large enough to see

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        paint_waves(self, self._filler_spans, self._style.theme.color("warning"))

    # ----- size: as tall as the text, the page scrolls

    def _fit_height(self) -> None:
        self.document().setTextWidth(self.viewport().width())
        height = int(self.document().size().height()) + self.frameWidth() * 2 + 4
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(max(height, 40))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, self.height())


def _word_tooltip(text: str, mark: Mark, start: float | None, conf: float | None) -> str:
    what = {
        Mark.FILLER: f"Filler “{text}”",
        Mark.HEDGE: f"Hedge “{text}”",
        Mark.UNCLEAR: f"“{text}”: the recognizer was unsure ({round((conf or 0) * 100)}%); listen again",
        Mark.PLAIN: f"“{text}”",
    }[mark]
    if start is None:
        return f"{what} (no time known)"
    return f"{what} at {clock_tenths(start)}. Click to hear from here."
