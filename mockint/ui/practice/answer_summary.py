"""The short report after each answer: the key figures and the few things that matter most."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mockint.core.analysis import FeedbackItem, Severity
from mockint.core.formatting import fillers_text, pace_text
from mockint.ui.practice.outcome import AnswerOutcome, length_text, step_title, top_feedback
from mockint.ui.theme import Theme


def feedback_row(item: FeedbackItem, theme: Theme) -> QWidget:
    """One feedback line with a marker: "To work on" or "Going well" in words, not only colour."""
    strength = item.severity is Severity.STRENGTH
    marker = QLabel("Going well" if strength else "To work on", objectName="fieldLabel")
    marker.setStyleSheet(f"color: {theme.color('ok' if strength else 'warning')};")
    marker.setFixedWidth(84)
    marker.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    message = QLabel(item.message)
    message.setWordWrap(True)
    message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    message.setAccessibleName(f"{marker.text()}: {item.message}")
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
        self.title = QLabel("", objectName="sectionTitle")
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addLayout(figures)
        layout.addLayout(self._feedback)

    def _figure(self, caption: str) -> tuple[QLabel, QLabel]:
        value = QLabel("", objectName="practiceFigure")
        value.setStyleSheet("font-size: 15px; font-weight: 600;")
        value.setAccessibleName(caption)
        return QLabel(caption.upper(), objectName="fieldLabel"), value

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme

    def feedback_texts(self) -> list[str]:
        texts = []
        for index in range(self._feedback.count()):
            widget = self._feedback.itemAt(index).widget()
            if widget is not None:
                texts.extend(label.accessibleName() for label in widget.findChildren(QLabel) if label.accessibleName())
        return texts

    def show_outcome(self, outcome: AnswerOutcome) -> None:
        self.title.setText(f"{step_title(outcome.step)} · answer saved")
        self.length[1].setText(length_text(outcome))
        self.pace[1].setText(pace_text(outcome.wpm))
        self.fillers[1].setText(fillers_text(outcome.fillers_per_min))
        while self._feedback.count():
            widget = self._feedback.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        items = top_feedback(outcome.report)
        if not items:
            note = QLabel("This answer could not be analysed; its recording is saved for review.", objectName="hint")
            note.setWordWrap(True)
            self._feedback.addWidget(note)
        for item in items:
            self._feedback.addWidget(feedback_row(item, self._theme))
        self.setAccessibleDescription(f"{self.length[1].text()}, {self.pace[1].text()}, {self.fillers[1].text()}")
