"""The end of a session: every answer at a glance, then on to a review or another round."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from mockint.app.outcome import AnswerOutcome, length_text, step_title, top_feedback
from mockint.core.formatting import fillers_text, pace_text
from mockint.core.session import AnswerHeadline, SessionSummary
from mockint.ui.practice.answer_summary import feedback_row
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named, text_label


def overall_text(outcomes: Sequence[AnswerOutcome]) -> str:
    if not outcomes:
        return "No answers were recorded in this session."
    summary = SessionSummary.of(
        AnswerHeadline(o.word_count, o.spoken_s, o.wpm, o.fillers_per_min, 0, o.length_verdict) for o in outcomes
    )
    count = f"{summary.answer_count} answer" + ("" if summary.answer_count == 1 else "s")
    parts = [count, f"pace {pace_text(summary.mean_wpm)}", fillers_text(summary.mean_fillers_per_min)]
    if summary.within_target_share is not None:
        parts.append(f"{round(summary.within_target_share * 100)}% within the target length")
    return " · ".join(parts)


class SessionSummaryView(QWidget):
    review_requested = Signal(int)  # the session id
    again_requested = Signal()  # another round with the same setup
    setup_requested = Signal()  # back to the setup panel

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.session_id: int | None = None
        self.title = named(QLabel("Session complete"), "pageTitle")
        self.overall = named(QLabel(""), "pageSubtitle")
        self.overall.setWordWrap(True)
        self.overall.setAccessibleDescription("Session figures")
        self.review_button = self._button("&Review answers", "Go through each answer: transcript, fillers and pauses")
        self.review_button.setObjectName("primary")
        self.again_button = self._button("Practise &again", "Start another round with the same decks and settings")
        self.setup_button = self._button("&Change setup", "Back to the practice setup")
        self.review_button.clicked.connect(
            lambda: self.session_id is not None and self.review_requested.emit(self.session_id)
        )
        self.again_button.clicked.connect(self.again_requested)
        self.setup_button.clicked.connect(self.setup_requested)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.setup_button)
        buttons.addStretch(1)

        self._list = QVBoxLayout()
        self._list.setSpacing(12)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 6, 0)
        column.addLayout(self._list)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setAccessibleName("Answers in this session")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.overall)
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)
        self.cards: list[QFrame] = []

    def _button(self, text: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.setAccessibleName(text.replace("&", ""))
        return button

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme

    def show_session(self, session_id: int | None, outcomes: Sequence[AnswerOutcome]) -> None:
        self.session_id = session_id
        self.overall.setText(overall_text(outcomes))
        self.review_button.setEnabled(session_id is not None and bool(outcomes))
        for card in self.cards:
            card.deleteLater()
        self.cards = [self._card(outcome) for outcome in outcomes]
        for card in self.cards:
            self._list.addWidget(card)

    def card_texts(self) -> list[str]:
        """Each answer card's text, as the user reads it (for tests and screen readers)."""
        return [card.accessibleDescription() for card in self.cards]

    def _card(self, outcome: AnswerOutcome) -> QFrame:
        card = named(QFrame(), "card")
        card.setAccessibleName(step_title(outcome.step))
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(6)
        layout.addWidget(text_label(step_title(outcome.step).upper(), name="fieldLabel"))
        # Made while the page is on screen: plain text here, as the deck's words must be.
        question = text_label(outcome.step.text, name="questionText", wrap=True, selectable=True)
        layout.addWidget(question)
        figures_text = "   ·   ".join(
            (length_text(outcome), pace_text(outcome.wpm), fillers_text(outcome.fillers_per_min))
        )
        figures = text_label(figures_text, name="hint", wrap=True)
        layout.addWidget(figures)
        items = top_feedback(outcome.report, work_on=1, strengths=1)
        for item in items:
            layout.addWidget(feedback_row(item, self._theme))
        card.setAccessibleDescription(" | ".join([outcome.step.text, figures_text, *(i.message for i in items)]))
        return card
