"""The answers of the chosen session: question, then length, pace, fillers and attempt, at a glance."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mockint.app.review import ReviewedAnswer
from mockint.core.formatting import clock, plural
from mockint.ui.theme import Theme

ANSWER_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_LINES = 2


def answer_details(item: ReviewedAnswer) -> str:
    """ "1:04 · 132 wpm · 2 fillers · attempt 2 of 3"."""
    parts = [clock(item.duration_s)]
    if item.report is not None:
        if item.report.metrics.wpm is not None:
            parts.append(f"{item.report.metrics.wpm:.0f} wpm")
        parts.append(plural(len(item.report.fillers), "filler"))
    else:
        parts.append("not analysed")
    if item.attempt_count > 1:
        parts.append(f"attempt {item.attempt_number} of {item.attempt_count}")
    return " · ".join(parts)


class _AnswerDelegate(QStyledItemDelegate):
    """Two lines: the question (elided) and its figures in a quieter colour."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 - Qt's name
        line = option.fontMetrics.height()
        view = self.parent()
        width = (view.viewport().width() if isinstance(view, QAbstractItemView) else 240) - 28
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        lines = len(_wrapped(title, QFontMetrics(_title_font(option.font, True)), width, TITLE_LINES))
        detail_font = _detail_font(option.font)
        details = _detail_lines(index.data(DETAIL_ROLE) or "", QFontMetrics(detail_font), width)
        return QSize(200, line * lines + QFontMetrics(detail_font).height() * len(details) + 22)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        c = self.theme.color
        rect = option.rect.adjusted(4, 2, -4, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c("selection") if selected else c("hover")))
            painter.drawRoundedRect(rect, 7, 7)
        if option.state & QStyle.StateFlag.State_HasFocus and selected:
            painter.setPen(QColor(c("accent")))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 7, 7)
        text_rect = rect.adjusted(10, 8, -10, -8)
        painter.setFont(_title_font(option.font, selected))
        painter.setPen(QColor(c("faint") if not enabled else c("accent_strong") if selected else c("text")))
        line_height = painter.fontMetrics().height()
        lines = _wrapped(
            index.data(Qt.ItemDataRole.DisplayRole) or "", painter.fontMetrics(), text_rect.width(), TITLE_LINES
        )
        for number, text in enumerate(lines):
            line = QRect(text_rect.left(), text_rect.top() + number * line_height, text_rect.width(), line_height)
            painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.setFont(_detail_font(option.font))
        painter.setPen(QColor(c("muted") if enabled else c("faint")))
        top = text_rect.top() + len(lines) * line_height + 3
        detail_height = painter.fontMetrics().height()
        details = _detail_lines(index.data(DETAIL_ROLE) or "", painter.fontMetrics(), text_rect.width())
        for number, detail in enumerate(details):
            line = QRect(text_rect.left(), top + number * detail_height, text_rect.width(), detail_height)
            painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), detail)
        painter.restore()


def _detail_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(font.pointSizeF() - 1, 7.0))
    return font


def _detail_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int = 2) -> list[str]:
    """The figures, broken between their parts (never inside "attempt 2 of 3") when the list is narrow."""
    lines: list[str] = []
    for part in text.split(" · "):
        if lines and metrics.horizontalAdvance(f"{lines[-1]} · {part}") <= width:
            lines[-1] = f"{lines[-1]} · {part}"
        else:
            lines.append(part)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" · ".join(lines[max_lines - 1 :])]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines] or [""]


def _title_font(base: QFont, selected: bool) -> QFont:
    # One weight whether chosen or not: a bolder title would wrap differently and make rows jump.
    font = QFont(base)
    font.setWeight(QFont.Weight.Medium)
    return font


def _wrapped(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """Word-wrapped into at most `max_lines` lines, the last one elided."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if len(lines) == max_lines - 1 and words:
            line = metrics.elidedText(f"{line} {' '.join(words)}", Qt.TextElideMode.ElideRight, width)
            words = []
        lines.append(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
    return lines or [""]


class AnswerList(QListWidget):
    answer_chosen = Signal(object)  # the ReviewedAnswer now chosen

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._delegate = _AnswerDelegate(theme, self)
        self.setItemDelegate(self._delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setAccessibleName("Answers")
        self.setToolTip("")
        self.setSpacing(1)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.currentItemChanged.connect(self._current_changed)
        self._quiet = False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # titles wrap anew at the new width

    def set_theme(self, theme: Theme) -> None:
        self._delegate.theme = theme
        self.viewport().update()

    def set_answers(self, answers: tuple[ReviewedAnswer, ...], choose: int | None = None) -> ReviewedAnswer | None:
        """Lists the answers; chooses `choose` (an answer id), else the first. Emits answer_chosen."""
        self._quiet = True
        try:
            self.clear()
            for number, answer in enumerate(answers, start=1):
                item = QListWidgetItem(f"{number}. {answer.answer.question_text}")
                item.setData(ANSWER_ROLE, answer)
                item.setData(DETAIL_ROLE, answer_details(answer))
                item.setToolTip(f"{answer.answer.question_text}\n{answer_details(answer)}")
                self.addItem(item)
        finally:
            self._quiet = False
        ids = [a.id for a in answers]
        row = ids.index(choose) if choose in ids else 0
        if answers:
            self.setCurrentRow(row)
            return answers[row]
        return None

    def answers(self) -> list[ReviewedAnswer]:
        return [self.item(row).data(ANSWER_ROLE) for row in range(self.count())]

    def current_answer(self) -> ReviewedAnswer | None:
        item = self.currentItem()
        return item.data(ANSWER_ROLE) if item is not None else None

    def choose(self, answer_id: int) -> bool:
        for row in range(self.count()):
            if self.item(row).data(ANSWER_ROLE).id == answer_id:
                if row == self.currentRow():
                    self.answer_chosen.emit(self.item(row).data(ANSWER_ROLE))
                else:
                    self.setCurrentRow(row)
                return True
        return False

    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None and not self._quiet:
            self.answer_chosen.emit(current.data(ANSWER_ROLE))
