"""Two attempts at one question side by side: their figures and feedback, and what changed."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mockint.app.attempt_changes import Change, Direction, compare_attempts
from mockint.app.review import ReviewedAnswer
from mockint.core.analysis import Thresholds
from mockint.ui.review.feedback_list import FeedbackList
from mockint.ui.review.figures_panel import FiguresPanel
from mockint.ui.review.formatting import when
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named
from mockint.ui.widgets.layouts import clear_layout

WIDE_ENOUGH_FOR_TWO_BY_TWO = 720  # px: both attempts with their figures two by two
GLYPHS = {
    Direction.BETTER: ("▲", "better", "ok"),
    Direction.WORSE: ("▼", "worse", "warning"),
    Direction.SAME: ("●", "same", "muted"),
}


def attempt_title(attempt: ReviewedAnswer) -> str:
    return f"Attempt {attempt.attempt_number} · {when(attempt.answer.started_at or attempt.answer.created_at)}"


class AttemptColumn(QFrame):
    open_requested = Signal(object)  # the ReviewedAnswer to open in full

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._theme = theme
        self.attempt: ReviewedAnswer | None = None
        self.title = named(QLabel(), "sectionTitle")
        self.title.setWordWrap(True)  # "Attempt 12 · Tue 24 Nov 08:01" wraps rather than widen the page
        self.open_button = QPushButton("Open")
        self.open_button.setToolTip("Review this attempt in full: transcript, timeline and playback")
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.attempt))
        self.problem = named(QLabel(), "hint")
        self.problem.setWordWrap(True)
        self.figures = FiguresPanel(theme, columns=2)
        self.feedback = FeedbackList(theme)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.open_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 14, 16, 16)
        column.setSpacing(12)
        column.addLayout(head)
        column.addWidget(self.problem)
        column.addWidget(self.figures)
        column.addWidget(self.feedback)
        column.addStretch(1)

    def show_attempt(self, attempt: ReviewedAnswer, thresholds: Thresholds) -> None:
        self.attempt = attempt
        self.title.setText(attempt_title(attempt))
        self.setAccessibleName(attempt_title(attempt))
        self.problem.setText(attempt.problem or "")
        self.problem.setVisible(attempt.report is None)
        self.figures.show_report(attempt.report, thresholds)
        report = attempt.report
        self.feedback.setVisible(report is not None)
        if report is not None:
            self.feedback.show_feedback(report.work_on, report.strengths)


class ChangeList(QFrame):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._theme = theme
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(16, 14, 16, 14)
        self._column.setSpacing(6)
        self.setAccessibleName("What changed")
        self._labels: list[QLabel] = []

    def show_changes(self, changes: list[Change], heading: str) -> None:
        clear_layout(self._column)
        self._labels = []
        self._column.addWidget(named(QLabel(heading), "sectionTitle"))
        if not changes:
            self._column.addWidget(named(QLabel("Nothing to compare: one of the attempts has no analysis."), "hint"))
        for change in changes:
            glyph, word, tone = GLYPHS[change.direction]
            label = QLabel(f"{glyph}  {change.sentence}")
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {self._theme.color('text')};")
            label.setToolTip(f"{word}: {change.sentence}")
            label.setAccessibleName(f"{word}: {change.sentence}")
            label.setProperty("direction", change.direction.value)
            if change.direction is not Direction.SAME:
                label.setTextFormat(Qt.TextFormat.RichText)  # the coloured glyph; the sentence is escaped
                label.setText(
                    f"<span style='color:{self._theme.color(tone)}'>{glyph}</span>&nbsp;&nbsp;{escape(change.sentence)}"
                )
            self._labels.append(label)
            self._column.addWidget(label)

    def lines(self) -> list[str]:
        return [label.accessibleName() for label in self._labels]


class AttemptsCompare(QWidget):
    open_requested = Signal(object)  # a ReviewedAnswer to review in full

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._attempts: tuple[ReviewedAnswer, ...] = ()
        self._thresholds = Thresholds()
        self.changes_list: list[Change] = []
        self.before_choice = QComboBox()
        self.before_choice.setAccessibleName("Earlier attempt")
        self.after_choice = QComboBox()
        self.after_choice.setAccessibleName("Later attempt")
        for combo in (self.before_choice, self.after_choice):
            combo.currentIndexChanged.connect(self._choice_changed)
            # "Attempt 12 · Tue 24 Nov 08:01" must not decide the page's width: the box shrinks.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.intro = named(QLabel(), "hint")
        self.intro.setWordWrap(True)
        choices = QHBoxLayout()
        choices.setSpacing(8)
        choices.addWidget(QLabel("Compare"))
        choices.addWidget(self.before_choice, 1)
        choices.addWidget(QLabel("with"))
        choices.addWidget(self.after_choice, 1)
        self.choices = QWidget()
        self.choices.setLayout(choices)
        choices.setContentsMargins(0, 0, 0, 0)
        self.changes = ChangeList(theme)
        self.left = AttemptColumn(theme)
        self.right = AttemptColumn(theme)
        for column in (self.left, self.right):
            column.open_requested.connect(self.open_requested)
        sides = QHBoxLayout()
        sides.setSpacing(12)
        sides.addWidget(self.left, 1)
        sides.addWidget(self.right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addWidget(self.choices)
        layout.addWidget(self.changes)
        layout.addLayout(sides)
        layout.addStretch(1)
        self.setAccessibleName("Compare attempts")
        self.set_attempts(())

    def set_attempts(self, attempts: tuple[ReviewedAnswer, ...], before_id: int | None = None, after_id: int | None = None,
                     thresholds: Thresholds | None = None) -> None:  # fmt: skip
        """Shows two of `attempts`: by default the one before the latest, and the latest."""
        self._attempts = attempts
        if thresholds is not None:
            self._thresholds = thresholds
        enough = len(attempts) >= 2
        for widget in (self.choices, self.changes, self.left, self.right):
            widget.setVisible(enough)
        self.choices.setVisible(len(attempts) > 2)
        if not enough:
            self.intro.setVisible(True)
            self.intro.setText(
                "Only one attempt at this question so far. Use “Try again” to record another, then compare them here."
            )
            return
        self.intro.setVisible(False)
        ids = [a.id for a in attempts]
        after = ids.index(after_id) if after_id in ids else len(ids) - 1
        before = ids.index(before_id) if before_id in ids and ids.index(before_id) != after else max(0, after - 1)
        if before == after:
            before = 1 if after == 0 else 0
        for combo, chosen in ((self.before_choice, before), (self.after_choice, after)):
            combo.blockSignals(True)
            combo.clear()
            for attempt in attempts:
                combo.addItem(attempt_title(attempt), attempt.id)
            combo.setCurrentIndex(chosen)
            combo.blockSignals(False)
        self._show(attempts[before], attempts[after])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        # Two attempts side by side need room: where there is little, each column stacks its
        # figures in one column instead of clipping the second attempt.
        columns = 2 if event.size().width() >= WIDE_ENOUGH_FOR_TWO_BY_TWO else 1
        for side in (self.left, self.right):
            side.figures.set_columns(columns)
        super().resizeEvent(event)

    def _choice_changed(self) -> None:
        before, after = self.before_choice.currentIndex(), self.after_choice.currentIndex()
        if 0 <= before < len(self._attempts) and 0 <= after < len(self._attempts):
            self._show(self._attempts[before], self._attempts[after])

    def _show(self, before: ReviewedAnswer, after: ReviewedAnswer) -> None:
        self.left.show_attempt(before, self._thresholds)
        self.right.show_attempt(after, self._thresholds)
        if before.report is not None and after.report is not None:
            self.changes_list = compare_attempts(before.report, after.report, self._thresholds)
        else:
            self.changes_list = []
        heading = f"From attempt {before.attempt_number} to attempt {after.attempt_number}"
        self.changes.show_changes(self.changes_list, heading)

    @property
    def shown(self) -> tuple[ReviewedAnswer | None, ReviewedAnswer | None]:
        return self.left.attempt, self.right.attempt

    @property
    def attempt_count(self) -> int:
        return len(self._attempts)
