"""The question being asked, in large type, with where it sits in the session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from mockint.app.outcome import step_title
from mockint.core.formatting import target_text
from mockint.core.interview_plan import Step
from mockint.ui.widgets.labels import named

QUESTION_STYLE = "font-size: 26px; font-weight: 500;"
LARGE_QUESTION_STYLE = "font-size: 32px; font-weight: 500;"  # when it is not read aloud: it must carry alone


class QuestionCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("Question")
        self.eyebrow = named(QLabel(""), "fieldLabel")
        self.eyebrow.setAccessibleDescription("Question number")
        self.question = named(QLabel(""), "practiceQuestion")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.question.setStyleSheet(QUESTION_STYLE)
        self.question.setAccessibleDescription("Question text")
        self.target = named(QLabel(""), "hint")
        self.target.setAccessibleDescription("Target length")
        self.note = named(QLabel(""), "hint")
        self.note.setWordWrap(True)
        self.note.setAccessibleDescription("Note")
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(10)
        layout.addWidget(self.eyebrow)
        layout.addWidget(self.question)
        layout.addWidget(self.target)
        layout.addWidget(self.note)

    @property
    def text(self) -> str:
        return self.question.text()

    def show_step(self, step: Step) -> None:
        self.eyebrow.setText(step_title(step).upper())
        self.question.setText(step.text)
        self.target.setText(f"Aim for {target_text(step.target)}")
        self.setAccessibleDescription(f"{step_title(step)}: {step.text}")

    def set_large(self, large: bool) -> None:
        """Larger type when the question is only read, not heard."""
        self.question.setStyleSheet(LARGE_QUESTION_STYLE if large else QUESTION_STYLE)

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
