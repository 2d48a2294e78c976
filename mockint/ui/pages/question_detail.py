"""One question in full: text, category, difficulty, target, follow-ups and what a good answer covers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from mockint.core.decks import Question
from mockint.core.formatting import target_text
from mockint.core.targets import TargetRange
from mockint.ui.widgets.labels import named


class QuestionDetail(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Question details")
        card = named(QFrame(), "card")
        self.text = named(QLabel(), "questionText")
        self.facts = named(QLabel(), "hint")
        self.follow_ups_title = named(QLabel("FOLLOW-UPS"), "fieldLabel")
        self.follow_ups = QLabel()
        self.good_answer_title = named(QLabel("A GOOD ANSWER COVERS"), "fieldLabel")
        self.good_answer = QLabel()
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(6)
        for label in (self.text, self.facts, self.follow_ups, self.good_answer):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        layout.addWidget(self.facts)
        layout.addSpacing(8)
        layout.addWidget(self.follow_ups_title)
        layout.addWidget(self.follow_ups)
        layout.addSpacing(8)
        layout.addWidget(self.good_answer_title)
        layout.addWidget(self.good_answer)
        layout.addStretch(1)
        self.setWidget(card)
        self.clear()

    def clear(self) -> None:
        self.text.setText("Choose a question to see its follow-ups and what a good answer covers.")
        self.facts.clear()
        for widget in (self.follow_ups_title, self.follow_ups, self.good_answer_title, self.good_answer):
            widget.hide()

    def show_question(self, question: Question, target: TargetRange) -> None:
        self.text.setText(question.text)
        facts = [
            question.category.capitalize(),
            question.difficulty.value.capitalize(),
            f"target {target_text(target)}",
        ]
        if question.target_s is None:
            facts[-1] += " (deck default)"
        if question.tags:
            facts.append("tags: " + ", ".join(question.tags))
        self.facts.setText("  ·  ".join(facts))
        self.follow_ups.setText("\n".join(f"•  {text}" for text in question.follow_ups) or "None")
        self.good_answer.setText(question.good_answer or "No note for this question.")
        for widget in (self.follow_ups_title, self.follow_ups, self.good_answer_title, self.good_answer):
            widget.show()
