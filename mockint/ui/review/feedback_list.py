"""The report's feedback: at most three things to work on, then one or two strengths.

Moments named in a message ("at 0:12 and 0:40") are links: activating one plays from there.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from mockint.core.analysis import FeedbackItem
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named
from mockint.ui.widgets.layouts import clear_layout

_CLOCK = r"\d{1,3}:\d{2}"
# "at 0:12", "at 0:01, 0:02 and 0:07": the times after "at" are moments in the answer (other
# clock times in a message, such as "ran 1:04", are lengths and stay plain text).
_MOMENTS = re.compile(rf"\bat ({_CLOCK}(?:(?:, | and ){_CLOCK})*)")


def seconds_of(clock_text: str) -> float:
    minutes, seconds = clock_text.split(":")
    return int(minutes) * 60 + int(seconds)


def linked_message(message: str, link_color: str) -> str:
    """The message as rich text, its moments turned into `t:<seconds>` links."""
    parts: list[str] = []
    last = 0
    for match in _MOMENTS.finditer(message):
        parts.append(html.escape(message[last : match.start(1)]))
        moments = match.group(1)
        inner_last = 0
        for clock in re.finditer(_CLOCK, moments):
            parts.append(html.escape(moments[inner_last : clock.start()]))
            parts.append(
                f'<a href="t:{seconds_of(clock.group())}" style="color:{link_color}; text-decoration: underline;">{clock.group()}</a>'
            )
            inner_last = clock.end()
        parts.append(html.escape(moments[inner_last:]))
        last = match.end(1)
    parts.append(html.escape(message[last:]))
    return "".join(parts)


class FeedbackRow(QWidget):
    moment_clicked = Signal(float)

    def __init__(self, glyph: str, item: FeedbackItem, theme: Theme, tone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        badge = named(QLabel(glyph), "feedbackBadge")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setFixedSize(24, 24)
        badge.setStyleSheet(
            f"background: {theme.color('surface')}; color: {theme.color(tone)}; border: 1.5px solid {theme.color(tone)};"
            " border-radius: 12px; font-weight: 600;"
        )
        self.message = named(QLabel(linked_message(item.message, theme.color("accent_strong"))), "feedbackMessage")
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.message.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.message.linkActivated.connect(self._link)
        self.message.setAccessibleName(item.message)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        row.setSpacing(10)
        row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.message, 1)

    def _link(self, href: str) -> None:
        if href.startswith("t:"):
            self.moment_clicked.emit(float(href[2:]))


class FeedbackList(QWidget):
    moment_clicked = Signal(float)  # seconds: a moment named in a message was activated

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._rows: list[FeedbackRow] = []
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(8)
        self.setAccessibleName("Feedback")

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme

    def show_feedback(self, work_on: tuple[FeedbackItem, ...], strengths: tuple[FeedbackItem, ...]) -> None:
        clear_layout(self._column)
        self._rows = []
        if work_on:
            self._heading("To work on")
            for number, item in enumerate(work_on, start=1):
                self._add(str(number), item, "warning")
        if strengths:
            if work_on:
                self._column.addSpacing(6)
            self._heading("Going well")
            for item in strengths:
                self._add("✓", item, "ok")
        if not work_on and not strengths:
            empty = named(QLabel("No feedback for this answer."), "hint")
            self._column.addWidget(empty)

    def _heading(self, text: str) -> None:
        label = named(QLabel(text.upper()), "fieldLabel")
        self._column.addWidget(label)

    def _add(self, glyph: str, item: FeedbackItem, tone: str) -> None:
        row = FeedbackRow(glyph, item, self._theme, tone)
        row.moment_clicked.connect(self.moment_clicked)
        self._rows.append(row)
        self._column.addWidget(row)

    def rows(self) -> list[FeedbackRow]:
        return list(self._rows)

    def messages(self) -> list[str]:
        return [row.item.message for row in self._rows]
