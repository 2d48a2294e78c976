"""The short report after each answer: the key figures, the few things that matter most, and the
deck's own coaching for the question (what a good answer covers, the follow-ups to expect)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mockint.app.outcome import AnswerOutcome, length_text, step_title, top_feedback
from mockint.core.analysis import FeedbackItem, Severity
from mockint.core.decks import Question
from mockint.core.formatting import fillers_text, pace_text
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import text_label
from mockint.ui.widgets.layouts import clear_layout, layout_widgets


def feedback_row(item: FeedbackItem, theme: Theme) -> QWidget:
    """One feedback line with a marker: "To work on" or "Going well" in words, not only colour."""
    strength = item.severity is Severity.STRENGTH
    marker = text_label("Going well" if strength else "To work on", name="fieldLabel")
    marker.setStyleSheet(f"color: {theme.color('ok' if strength else 'warning')};")
    marker.setFixedWidth(84)
    marker.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    message = text_label(item.message, role=marker.text(), wrap=True, selectable=True)
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.setSpacing(12)
    line.addWidget(marker, 0, Qt.AlignmentFlag.AlignTop)
    line.addWidget(message, 1)
    return row


class AnswerSummary(QFrame):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setObjectName("card")
        self.setAccessibleName("Answer report")
        self.title = text_label(name="sectionTitle")
        self.length = self._figure("Length")
        self.pace = self._figure("Pace")
        self.fillers = self._figure("Fillers")
        figures = QGridLayout()
        figures.setHorizontalSpacing(28)
        figures.setVerticalSpacing(2)
        for column, (caption, value) in enumerate((self.length, self.pace, self.fillers)):
            figures.addWidget(caption, 0, column)
            figures.addWidget(value, 1, column)
        figures.setColumnStretch(0, 2)
        self._feedback = QVBoxLayout()
        self._feedback.setSpacing(8)
        # The deck's coaching: the best content for getting better, shown where the answer is judged.
        self.good_answer_title = text_label("A GOOD ANSWER COVERS", name="fieldLabel")
        self.good_answer = text_label(role="What a good answer covers", wrap=True, selectable=True)
        self.follow_ups_title = text_label("FOLLOW-UPS TO EXPECT", name="fieldLabel")
        self.follow_ups = text_label(role="Follow-ups to expect", wrap=True, selectable=True)
        coaching = QVBoxLayout()
        coaching.setSpacing(4)
        for widget in (self.good_answer_title, self.good_answer, self.follow_ups_title, self.follow_ups):
            coaching.addWidget(widget)
            widget.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addLayout(figures)
        layout.addLayout(self._feedback)
        layout.addLayout(coaching)

    def _figure(self, caption: str) -> tuple[QLabel, QLabel]:
        value = text_label(name="practiceFigure", role=caption)
        value.setStyleSheet("font-size: 15px; font-weight: 600;")
        return text_label(caption.upper(), name="fieldLabel"), value

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme

    def feedback_texts(self) -> list[str]:
        """Each feedback line as a screen reader hears it: "To work on: <message>"."""
        return [
            f"{label.accessibleDescription()}: {label.text()}"
            for widget in layout_widgets(self._feedback)
            for label in widget.findChildren(QLabel)
            if label.accessibleDescription()
        ]

    def show_outcome(self, outcome: AnswerOutcome, question: Question | None = None) -> None:
        """Shows the answer's figures and feedback, and `question`'s coaching from its deck if known."""
        self.title.setText(f"{step_title(outcome.step)} · answer saved")
        self.length[1].setText(length_text(outcome))
        self.pace[1].setText(pace_text(outcome.wpm))
        self.fillers[1].setText(fillers_text(outcome.fillers_per_min))
        clear_layout(self._feedback)
        items = top_feedback(outcome.report)
        if not items:
            note = text_label(
                "This answer could not be analysed; its recording is saved for review.", name="hint", wrap=True
            )
            self._feedback.addWidget(note)
        for item in items:
            self._feedback.addWidget(feedback_row(item, self._theme))
        self.show_coaching(question)
        self.setAccessibleDescription(f"{self.length[1].text()}, {self.pace[1].text()}, {self.fillers[1].text()}")

    def show_coaching(self, question: Question | None) -> None:
        good = question.good_answer.strip() if question is not None else ""
        follow_ups = question.follow_ups if question is not None else ()
        self.good_answer.setText(good)
        self.follow_ups.setText("\n".join(f"•  {text}" for text in follow_ups))
        for title, body, shown in (
            (self.good_answer_title, self.good_answer, bool(good)),
            (self.follow_ups_title, self.follow_ups, bool(follow_ups)),
        ):
            title.setVisible(shown)
            body.setVisible(shown)
