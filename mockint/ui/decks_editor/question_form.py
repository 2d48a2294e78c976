"""The fields of one question in the deck editor: every field a deck file has, as the user types it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from mockint.core.decks import Difficulty
from mockint.core.decks.draft import QuestionDraft

# Field key -> (label, what it is for), shown as the label and the accessible description.
FIELD_HELP = {
    "id": ("&Id", "Short name of the question: lowercase letters, digits and hyphens"),
    "text": ("&Question", "The question as the interviewer asks it"),
    "category": ("&Category", "One lowercase word, such as behavioural or tricky"),
    "difficulty": ("Di&fficulty", "Easy, medium or hard"),
    "tags": ("&Tags", "Words to find the question by, separated by commas"),
    "target_s": ("Target (s)", "How long a good answer runs, from and to, in seconds; empty: the deck's default"),
    "follow_ups": ("F&ollow-ups", "Up to three follow-up questions, one a line"),
    "good_answer": ("&Good answer covers", "What a good answer covers, for the interviewer's eyes"),
}


def _plain(height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form
    edit.setFixedHeight(height)
    return edit


class QuestionForm(QWidget):
    edited = Signal()  # any field changed by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.id_edit = QLineEdit()
        self.text_edit = _plain(64)
        self.category_edit = QLineEdit()
        self.difficulty = QComboBox()
        for level in Difficulty:
            self.difficulty.addItem(level.value.capitalize(), level.value)
        self.tags_edit = QLineEdit()
        self.target_min = QLineEdit()
        self.target_max = QLineEdit()
        for edit, hint in ((self.target_min, "from"), (self.target_max, "to")):
            edit.setPlaceholderText(hint)
            edit.setMaximumWidth(90)
        self.follow_ups_edit = _plain(64)
        self.good_answer_edit = _plain(64)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("fieldProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()

        target_row = QWidget()
        target_layout = QHBoxLayout(target_row)
        target_layout.setContentsMargins(0, 0, 0, 0)
        target_layout.addWidget(self.target_min)
        target_layout.addWidget(QLabel("to"))
        target_layout.addWidget(self.target_max)
        target_layout.addStretch(1)

        self.fields: dict[str, QWidget] = {
            "id": self.id_edit,
            "text": self.text_edit,
            "category": self.category_edit,
            "difficulty": self.difficulty,
            "tags": self.tags_edit,
            "target_s": self.target_min,
            "follow_ups": self.follow_ups_edit,
            "good_answer": self.good_answer_edit,
        }
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for key, widget in self.fields.items():
            label_text, help_text = FIELD_HELP[key]
            label = QLabel(label_text)
            label.setBuddy(widget)
            name = label_text.replace("&", "")
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(help_text)
            widget.setToolTip(help_text)
            layout.addRow(label, target_row if key == "target_s" else widget)
        self.target_min.setAccessibleName("Target from (s)")
        self.target_max.setAccessibleName("Target to (s)")
        self.target_max.setAccessibleDescription(FIELD_HELP["target_s"][1])
        layout.addRow(self.problem_label)

        for line in (self.id_edit, self.category_edit, self.tags_edit, self.target_min, self.target_max):
            line.textEdited.connect(self._changed)
        for plain in (self.text_edit, self.follow_ups_edit, self.good_answer_edit):
            plain.textChanged.connect(self._changed)
        self.difficulty.currentIndexChanged.connect(self._changed)

    def load(self, question: QuestionDraft) -> None:
        self._loading = True
        try:
            self.id_edit.setText(question.id)
            self.text_edit.setPlainText(question.text)
            self.category_edit.setText(question.category)
            index = self.difficulty.findData(question.difficulty)
            self.difficulty.setCurrentIndex(max(index, 0))
            self.tags_edit.setText(question.tags)
            self.target_min.setText(question.target_min)
            self.target_max.setText(question.target_max)
            self.follow_ups_edit.setPlainText(question.follow_ups)
            self.good_answer_edit.setPlainText(question.good_answer)
        finally:
            self._loading = False

    def store_into(self, question: QuestionDraft) -> None:
        question.id = self.id_edit.text()
        question.text = self.text_edit.toPlainText()
        question.category = self.category_edit.text()
        question.difficulty = str(self.difficulty.currentData())
        question.tags = self.tags_edit.text()
        question.target_min = self.target_min.text()
        question.target_max = self.target_max.text()
        question.follow_ups = self.follow_ups_edit.toPlainText()
        question.good_answer = self.good_answer_edit.toPlainText()

    def show_problems(self, by_field: dict[str | None, str]) -> None:
        """Marks the fields that break a rule (text, not only colour) and says why below them."""
        for key, widget in self.fields.items():
            message = by_field.get(key)
            widget.setProperty("problem", message is not None)
            widget.setAccessibleDescription(f"Problem: {message}" if message else FIELD_HELP[key][1])
            widget.setToolTip(message or FIELD_HELP[key][1])
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        messages = [f"⚠ {m}" for m in by_field.values()]
        self.problem_label.setText("\n".join(messages))
        self.problem_label.setVisible(bool(messages))

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()
