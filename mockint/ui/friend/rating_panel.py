"""The interviewer's ratings of an answer: clarity, structure, confidence, relevance (1-5) and a comment.

Every criterion may be left "not rated"; Skip saves nothing. The same panel edits a rating later
(Review), so it only shows and returns a `Rating`; saving is the caller's.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from mockint.core.session import Rating, RatingCriterion
from mockint.ui.widgets.labels import text_label

SCORE_WORDS = {1: "1 — weak", 2: "2", 3: "3 — fair", 4: "4", 5: "5 — strong"}
NOT_RATED = "Not rated"

CRITERION_HELP = {
    RatingCriterion.CLARITY: "Easy to follow: plain words, one point at a time",
    RatingCriterion.STRUCTURE: "A beginning, a middle and an end (situation, action, result)",
    RatingCriterion.CONFIDENCE: "Steady voice, owns the answer, no apologising",
    RatingCriterion.RELEVANCE: "Answers the question that was asked",
}


class RatingPanel(QWidget):
    saved = Signal(object)  # the Rating to store (it may be empty: the friend cleared it)
    skipped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer_id: int | None = None
        self.title = text_label("Your ratings (optional)", name="sectionTitle")
        form = QFormLayout()
        self.scores: dict[RatingCriterion, QComboBox] = {}
        for criterion in RatingCriterion:
            box = QComboBox()
            box.addItem(NOT_RATED, None)
            for score, words in SCORE_WORDS.items():
                box.addItem(words, score)
            box.setAccessibleName(f"{criterion.label} rating")
            box.setAccessibleDescription(CRITERION_HELP[criterion])
            box.setToolTip(CRITERION_HELP[criterion])
            label = text_label(f"{criterion.label}:")
            label.setBuddy(box)
            form.addRow(label, box)
            self.scores[criterion] = box
        self.comment = QLineEdit()
        self.comment.setPlaceholderText("A comment for the candidate")
        self.comment.setAccessibleName("Comment")
        self.comment.setAccessibleDescription("The interviewer's comment on this answer")
        self.comment.returnPressed.connect(self._save)
        comment_label = text_label("Comment:")
        comment_label.setBuddy(self.comment)
        form.addRow(comment_label, self.comment)
        self.save_button = QPushButton("Save rating")
        self.save_button.setAccessibleName("Save rating")
        self.save_button.setToolTip("Keep these ratings with the answer; they can be changed later in Review")
        self.save_button.clicked.connect(self._save)
        self.skip_button = QPushButton("Skip rating")
        self.skip_button.setAccessibleName("Skip rating")
        self.skip_button.setToolTip("Rate later in Review, or not at all")
        self.skip_button.clicked.connect(self.skipped.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def show_rating(self, answer_id: int, rating: Rating | None = None) -> None:
        self.answer_id = answer_id
        for criterion, box in self.scores.items():
            score = None if rating is None else rating.score(criterion)
            box.setCurrentIndex(max(0, box.findData(score)) if score is not None else 0)
        self.comment.setText("" if rating is None else rating.comment)

    def set_score(self, criterion: RatingCriterion, score: int | None) -> None:
        box = self.scores[criterion]
        box.setCurrentIndex(box.findData(score) if score is not None else 0)

    def rating(self) -> Rating | None:
        if self.answer_id is None:
            return None
        values = {criterion.value: box.currentData() for criterion, box in self.scores.items()}
        return Rating(self.answer_id, comment=self.comment.text().strip(), **values)

    def _save(self) -> None:
        rating = self.rating()
        if rating is not None:
            self.saved.emit(rating)
